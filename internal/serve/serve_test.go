package serve_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/engage-ssg/engage/internal/serve"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	files := map[string]string{
		"index.html":             "<p>home</p>",
		"events/index.html":      "<p>events</p>",
		"events.ics":             "BEGIN:VCALENDAR",
		"feed.json":              "{}",
		"assets/css/main.css":    "body{}",
		"404.html":               "<p>not found</p>",
		"assets/images/logo.svg": "<svg></svg>",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A file beside the served folder that must never be reachable.
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serve.Handler(root))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	tests := []struct {
		path       string
		wantStatus int
		wantType   string
	}{
		{"/", 200, "text/html; charset=utf-8"},
		{"/events/", 200, "text/html; charset=utf-8"},
		{"/events", 301, ""},
		{"/events.ics", 200, "text/calendar; charset=utf-8"},
		{"/feed.json", 200, "application/feed+json"},
		{"/assets/css/main.css", 200, "text/css; charset=utf-8"},
		{"/assets/images/logo.svg", 200, "image/svg+xml"},
		{"/assets/", 404, "text/html; charset=utf-8"}, // no listing
		{"/nothing/", 404, "text/html; charset=utf-8"},
		{"/../secret.txt", 404, ""},
		{"/%2e%2e/secret.txt", 404, ""},
		{"/%2E%2E/secret.txt", 404, ""},
		{"/events/..%2f..%2fsecret.txt", 404, ""},
		{"/events/%2e%2e/%2e%2e/secret.txt", 404, ""},
		{"/..%5csecret.txt", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req, err := http.NewRequest("GET", srv.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.URL.Opaque = tt.path // send the path exactly as written
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("GET %s: got status %d, want %d", tt.path, resp.StatusCode, tt.wantStatus)
			}
			if tt.wantType != "" && resp.Header.Get("Content-Type") != tt.wantType {
				t.Errorf("GET %s: got Content-Type %q, want %q", tt.path, resp.Header.Get("Content-Type"), tt.wantType)
			}
		})
	}

	resp, err := http.Post(srv.URL+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: got status %d, want 405", resp.StatusCode)
	}
}
