// Package serve is engage serve: the live preview (Preview), which renders
// pages on request from the last site that built and reloads open pages
// when files change (Watcher), and Handler, which serves a built folder
// and nothing outside it, for the browser tests.
package serve

import (
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves the files under root. Paths with a ".." segment, written
// plainly or percent-encoded, get 404, as do folders without an
// index.html: there are no directory listings.
func Handler(root string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name, ok := clean(r.URL)
		if !ok {
			notFound(w, r, root)
			return
		}
		full := filepath.Join(root, filepath.FromSlash(name))
		info, err := os.Stat(full)
		if err == nil && info.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			full = filepath.Join(full, "index.html")
			info, err = os.Stat(full)
		}
		if err != nil || info.IsDir() {
			notFound(w, r, root)
			return
		}
		w.Header().Set("Content-Type", contentType(full))
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFile(w, r, full)
	})
}

// clean returns the slash path under the root that u names, refusing any
// path that tries to climb out of it.
func clean(u *url.URL) (string, bool) {
	raw := u.EscapedPath()
	dec, err := url.PathUnescape(raw)
	if err != nil {
		return "", false
	}
	for _, s := range []string{raw, dec, strings.ReplaceAll(dec, `\`, "/")} {
		for _, seg := range strings.Split(s, "/") {
			if seg == ".." || strings.EqualFold(seg, "%2e%2e") {
				return "", false
			}
		}
	}
	if strings.ContainsRune(dec, 0) {
		return "", false
	}
	p := strings.TrimPrefix(path.Clean("/"+dec), "/")
	if p == "" {
		p = "."
	}
	return p, true
}

func notFound(w http.ResponseWriter, r *http.Request, root string) {
	page := filepath.Join(root, "404.html")
	if data, err := os.ReadFile(page); err == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if r.Method != http.MethodHead {
			_, _ = w.Write(data)
		}
		return
	}
	http.NotFound(w, r)
}
