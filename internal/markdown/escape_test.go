package markdown

import (
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

var urls = []string{
	"", "https://example.org/", "/local/", "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:", "javascript",
	"vbscript:x", "VBScript:x", "file:///etc/passwd", "FILE:x", "data:text/html,x", "DATA:x", "data:image/png;base64,x",
	"data:image/PNG;base64,x", "data:image/gif;x", "data:image/jpeg;x", "data:image/webp;x", "data:image/svg+xml;x",
	"data:image/", "Data:Image/Png;x", "\u212avascript:", "jav\u0130script:", " javascript:x", "mailto:a@example.org",
	"#javascript:", "data:image/pn", "ｊavascript:",
}

func TestDangerousURLMatchesGoldmark(t *testing.T) {
	for _, u := range urls {
		if got, want := dangerousURL(u), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("dangerousURL(%q) = %v, want %v as goldmark says", u, got, want)
		}
	}
	if !dangerousURL("JavaScript:alert(1)") || dangerousURL("https://example.org/") {
		t.Error("dangerousURL does not tell a javascript: address from a web address")
	}
}

func FuzzDangerousURL(f *testing.F) {
	for _, u := range urls {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := dangerousURL(u), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("dangerousURL(%q) = %v, want %v as goldmark says", u, got, want)
		}
	})
}
