package render

import (
	"bytes"
	"strings"

	"github.com/engage-ssg/engage/internal/site"
)

// HeadMeta is headMeta, for the tests of package render_test.
var HeadMeta = (*Renderer).headMeta

// WriteURL is writeURL, returning what it writes.
func WriteURL(u string) string {
	var b bytes.Buffer
	writeURL(&b, u)
	return b.String()
}

// Natives returns which of the theme's partials r writes in Go, and
// _default/baseof.html when it writes the theme's base in Go for a page.
func Natives(r *Renderer) map[string]bool {
	out := map[string]bool{}
	for name, ok := range r.natives {
		out[name] = ok
	}
	if len(r.templates.baseStubbed) > 0 {
		out[themeBase] = true
	}
	return out
}

// Fallbacks is how many times r's partials written in Go gave way to their
// layout text, for data they did not know.
func Fallbacks(r *Renderer) int64 { return r.fallbacks.Load() }

// NativeBase reports whether r writes p's base layout in Go.
func NativeBase(r *Renderer, p *site.Page) bool { return r.templates.baseStubbed[r.sets[p]] }

// Direct reports whether r writes p without executing its template set
// (writeDirect).
func Direct(r *Renderer, p *site.Page) bool {
	_, ok := r.templates.direct[r.sets[p]]
	return ok
}

// MainInGo reports whether r writes p's "main" block in Go.
func MainInGo(r *Renderer, p *site.Page) bool {
	t := r.sets[p].Lookup("main")
	return t != nil && t.Tree != nil && strings.Contains(t.Tree.Root.String(), "themePartial")
}
