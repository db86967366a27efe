package site

import (
	"testing"

	"github.com/engage-ssg/engage/internal/slugify"
)

var slugSamples = []string{
	"", "carers-cafe", "carers-cafe-2026", "under_score", "a-_b", "a--b", "-lead", "trail-",
	"_x", "x_", "Carers Café", "You said, we did", "ąę", "UPPER", "a b", "q&a", "already-a-slug-9",
}

// TestSlugifyMatchesMake checks that Slugify's shortcuts (text that is
// already a slug, and the cache) give what slugify.Make gives.
func TestSlugifyMatchesMake(t *testing.T) {
	for range 2 { // the second time from the cache
		for _, s := range slugSamples {
			if got, want := Slugify(s), slugify.Make(s); got != want {
				t.Errorf("Slugify(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range slugSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slugify(s), slugify.Make(s); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", s, got, want)
		}
	})
}
