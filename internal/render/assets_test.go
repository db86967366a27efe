package render_test

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/engage-ssg/engage/internal/render"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestLayers(t *testing.T) {
	l := render.Layers{
		Site: fstest.MapFS{
			"_default/single.html": {Data: []byte("site single")},
			"events/list.html":     {Data: []byte("site events list")},
			".hidden/x.html":       {Data: []byte("hidden")},
			".editor.swp":          {Data: []byte("swap")},
		},
		Theme: fstest.MapFS{
			"_default/single.html": {Data: []byte("theme single")},
			"_default/list.html":   {Data: []byte("theme list")},
		},
	}
	tests := []struct {
		name, want string
		fromSite   bool
	}{
		{"_default/single.html", "site single", true},
		{"_default/list.html", "theme list", false},
		{"events/list.html", "site events list", true},
	}
	for _, tt := range tests {
		data, err := fs.ReadFile(l, tt.name)
		if err != nil || string(data) != tt.want {
			t.Errorf("ReadFile(%s): got %q, %v, want %q", tt.name, data, err, tt.want)
		}
		if got := l.FromSite(tt.name); got != tt.fromSite {
			t.Errorf("FromSite(%s): got %t, want %t", tt.name, got, tt.fromSite)
		}
	}
	if _, err := l.Open("nope.html"); err == nil {
		t.Errorf("Open(nope.html): got nil error, want one")
	}
	files, err := l.Files()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"_default/list.html", "_default/single.html", "events/list.html"}, files); diff != "" {
		t.Errorf("Files (-want +got):\n%s", diff)
	}
	if got := (render.Layers{Theme: fstest.MapFS{"a.css": {}}}).FromSite("a.css"); got {
		t.Errorf("FromSite with no site layer: got true, want false")
	}
}

func TestAssets(t *testing.T) {
	site := fstest.MapFS{
		"css/main.css": {Data: []byte("/* site */\nbody {\n  color: #000000;\n}\n")},
		"js/app.js":    {Data: []byte("// comment\nvar answer = 40 + 2;\n")},
	}
	layers := render.Layers{
		Site: site,
		Theme: fstest.MapFS{
			"css/main.css":     {Data: []byte("body { color: red; }")},
			"images/logo.svg":  {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">  <title>Logo</title>  </svg>")},
			"docs/leaflet.pdf": {Data: []byte("%PDF")},
		},
	}
	for _, minified := range []bool{true, false} {
		m := render.Minifier()
		if !minified {
			m = nil
		}
		assets, err := render.Assets(layers, m)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for name := range assets {
			got = append(got, name)
		}
		if diff := cmp.Diff([]string{"css/main.css", "docs/leaflet.pdf", "images/logo.svg", "js/app.js"}, got, sortStrings); diff != "" {
			t.Errorf("minify %t: assets (-want +got):\n%s", minified, diff)
		}
		for _, name := range []string{"css/main.css", "js/app.js"} {
			a := assets[name]
			src := site[name].Data
			if minified && len(a.Data) >= len(src) {
				t.Errorf("%s: %d bytes after minifying, want fewer than %d", name, len(a.Data), len(src))
			}
			if !minified && string(a.Data) != string(src) {
				t.Errorf("%s without minifying: got %q, want the site's file unchanged", name, a.Data)
			}
			sum := sha256.Sum256(a.Data)
			ext := path.Ext(name)
			wantURL := "/assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
			if a.URL != wantURL {
				t.Errorf("%s: URL %s, want %s", name, a.URL, wantURL)
			}
			h := sha512.Sum384(a.Data)
			if want := "sha384-" + base64.StdEncoding.EncodeToString(h[:]); a.Integrity != want {
				t.Errorf("%s: Integrity %s, want %s", name, a.Integrity, want)
			}
		}
		if a := assets["images/logo.svg"]; a.URL != "/assets/images/logo.svg" || a.Integrity != "" || a.Data == nil {
			t.Errorf("images/logo.svg: got URL %s, integrity %q, %d bytes; want its own name, no integrity, processed data", a.URL, a.Integrity, len(a.Data))
		}
		if a := assets["docs/leaflet.pdf"]; a.URL != "/assets/docs/leaflet.pdf" || a.Data != nil || a.Src != "docs/leaflet.pdf" {
			t.Errorf("docs/leaflet.pdf: got %+v, want copied as it is", a)
		}
	}
}

var sortStrings = cmpopts.SortSlices(func(a, b string) bool { return a < b })
