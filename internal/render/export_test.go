package render

import "strings"

// HeadMeta is headMeta, for the tests of package render_test.
var HeadMeta = (*Renderer).headMeta

// WriteURL is writeURL, returning what it writes.
func WriteURL(u string) string {
	var b strings.Builder
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
	if len(r.nativeBase) > 0 {
		out[themeBase] = true
	}
	return out
}
