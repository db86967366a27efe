package a11y

import (
	"testing"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/markdown"
)

// TestCheckOddBodies runs the checks on bodies where goldmark places a
// block past the end of the text: they must not panic.
func TestCheckOddBodies(t *testing.T) {
	for _, raw := range []bool{false, true} {
		md := markdown.New(markdown.Options{RawHTML: raw})
		for _, body := range []string{">\t#", "#", "> #", "-\t#", "1.\t#\n"} {
			p, _ := content.Parse("content/odd.md", []byte("---\ntitle: Odd\n---\n"+body), content.Options{Markdown: md})
			if p == nil {
				t.Fatalf("Parse(%q) gave no page", body)
			}
			Check(p, Options{})
		}
	}
}
