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

// Natives returns which of the theme's partials r writes in Go.
func Natives(r *Renderer) map[string]bool { return r.natives }
