package render

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/tdewolff/minify/v2"
)

// AssetDir is the folder that assets are published under.
const AssetDir = "assets"

// Asset is a processed file of assets/: CSS and JavaScript are minified
// and get a content-hashed name and an integrity value; other files are
// published as they are.
type Asset struct {
	Src       string // path under assets/
	URL       string // site path, "/assets/css/main.1a2b3c4d.css"
	Integrity string // "sha384-...", for CSS and JavaScript
	Data      []byte // the bytes to write; nil means copy Src unchanged
}

// Assets processes every file of the layered assets folders.
func Assets(layers Layers, m *minify.M) (map[string]*Asset, error) {
	files, err := layers.Files()
	if err != nil {
		return nil, fmt.Errorf("list assets: %w", err)
	}
	out := make(map[string]*Asset, len(files))
	for _, f := range files {
		a := &Asset{Src: f, URL: "/" + AssetDir + "/" + f}
		mediatype := mediaType(path.Ext(f))
		if mediatype == "text/css" || mediatype == "application/javascript" || mediatype == "image/svg+xml" {
			data, err := fs.ReadFile(layers, f)
			if err != nil {
				return nil, fmt.Errorf("read assets/%s: %w", f, err)
			}
			if m != nil {
				min, err := m.Bytes(mediatype, data)
				if err != nil {
					return nil, fmt.Errorf("minify assets/%s: %w", f, err)
				}
				data = min
			}
			a.Data = data
			if mediatype != "image/svg+xml" {
				sum := sha256.Sum256(data)
				ext := path.Ext(f)
				a.URL = "/" + AssetDir + "/" + strings.TrimSuffix(f, ext) + "." + hex.EncodeToString(sum[:4]) + ext
				h := sha512.Sum384(data)
				a.Integrity = "sha384-" + base64.StdEncoding.EncodeToString(h[:])
			}
		}
		out[f] = a
	}
	return out, nil
}

func mediaType(ext string) string {
	switch strings.ToLower(ext) {
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml"
	case ".html":
		return "text/html"
	}
	return ""
}
