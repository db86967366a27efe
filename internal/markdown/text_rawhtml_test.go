package markdown

import (
	"strings"
	"testing"
)

// With raw_html on, the text the search index and search summaries read
// comes from the baked HTML, so script and style code and HTML comments
// become "words" of the page; read from the tree, they were not.
func TestBakedTextRawHTML(t *testing.T) {
	m := New(Options{RawHTML: true})
	src := "Intro words.\n\n<script>var trackingKey = 1;</script>\n\n<style>.hidden{display:none}</style>\n\n<!-- editor note: a > b, remove before publishing -->\n\n<p title=\"a>b\">Shown</p>\n"
	plain := m.Parse([]byte(src))
	want := plain.Text()
	d := m.Parse([]byte(src))
	m.Bake(d, nil)
	got := d.Text()
	for _, leak := range []string{"trackingKey", "display", "remove before", "b\">"} {
		if strings.Contains(got, leak) && !strings.Contains(want, leak) {
			t.Errorf("baked Text has %q, which the reader never sees:\n got: %q\nwant: %q", leak, got, want)
		}
	}
}
