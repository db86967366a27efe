package feed_test

import (
	"testing"

	"github.com/engage-ssg/engage/internal/render"
)

// TestAbsolute checks render.Absolute, which makes the bodies that feeds
// carry readable away from the site.
func TestAbsolute(t *testing.T) {
	const base = "https://example.org/engage/"
	tests := []struct {
		name, html, base, page, want string
	}{
		{"site path", `<a href="/engage/events/">Events</a>`, base, "/news/a/",
			`<a href="https://example.org/engage/events/">Events</a>`},
		{"image", `<img src="/engage/news/a/map.svg" alt="Map">`, base, "/news/a/",
			`<img src="https://example.org/engage/news/a/map.svg" alt="Map">`},
		{"root", `<a href="/">Home</a>`, "https://example.org/", "/news/a/",
			`<a href="https://example.org/">Home</a>`},
		{"query and fragment", `<a href="/engage/search/?q=tea#results">Search</a>`, base, "/news/a/",
			`<a href="https://example.org/engage/search/?q=tea#results">Search</a>`},
		{"fragment", `<a href="#fn:1" class="footnote-ref">1</a>`, base, "/news/a/",
			`<a href="https://example.org/engage/news/a/#fn:1" class="footnote-ref">1</a>`},
		{"fragment on the home page", `<a href="#top">Top</a>`, base, "/",
			`<a href="https://example.org/engage/#top">Top</a>`},
		{"several", `<p><a href="/engage/a/">a</a> and <img src="/engage/b.png" alt="b"> and <a href="#c">c</a></p>`, base, "/x/",
			`<p><a href="https://example.org/engage/a/">a</a> and <img src="https://example.org/engage/b.png" alt="b"> and <a href="https://example.org/engage/x/#c">c</a></p>`},
		{"port", `<a href="/x/">x</a>`, "http://localhost:1313/", "/",
			`<a href="http://localhost:1313/x/">x</a>`},
		{"protocol-relative", `<img src="//cdn.example.net/x.png" alt=""><a href="//cdn.example.net/">cdn</a>`, base, "/news/a/",
			`<img src="//cdn.example.net/x.png" alt=""><a href="//cdn.example.net/">cdn</a>`},
		{"another site", `<a href="https://www.nhs.uk/conditions/">NHS</a>`, base, "/news/a/",
			`<a href="https://www.nhs.uk/conditions/">NHS</a>`},
		{"mailto and tel", `<a href="mailto:engage@example.org">Email</a> <a href="tel:01632960123">Call</a>`, base, "/news/a/",
			`<a href="mailto:engage@example.org">Email</a> <a href="tel:01632960123">Call</a>`},
		{"already absolute", `<a href="https://example.org/engage/events/">Events</a>`, base, "/news/a/",
			`<a href="https://example.org/engage/events/">Events</a>`},
		{"text about a link", `<code>&lt;a href=&quot;/x/&quot;&gt;</code>`, base, "/news/a/",
			`<code>&lt;a href=&quot;/x/&quot;&gt;</code>`},
		{"no base URL", `<a href="/x/">x</a><a href="#y">y</a>`, "/", "/news/a/",
			`<a href="/x/">x</a><a href="#y">y</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render.Absolute(tt.html, tt.base, tt.page); got != tt.want {
				t.Errorf("Absolute(%q, %q, %q):\ngot  %s\nwant %s", tt.html, tt.base, tt.page, got, tt.want)
			}
		})
	}
}
