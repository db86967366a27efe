package site

import (
	"strings"
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

// letterBySlug is what Letter gives, worked out from the whole slug.
func letterBySlug(title string) string {
	for _, c := range strings.ToLower(slugify.Make(title)) {
		if c >= 'a' && c <= 'z' {
			return string(c)
		}
		return "0-9"
	}
	return "0-9"
}

var letterSamples = []string{
	"", "Carers café", "  _under", "-lead", "'Quoted'", `"Twice"`, "& more", "@home", "100 days", "Élan",
	"zebra", "ZEBRA", "!!!", "__", "_9", "Ąę", "(Draft) plan", "#tag", "Q&A",
}

// TestLetter checks Letter's shortcut for plain ASCII against the letter
// of the whole slug.
func TestLetter(t *testing.T) {
	for _, s := range letterSamples {
		if got, want := Letter(s), letterBySlug(s); got != want {
			t.Errorf("Letter(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLetter(f *testing.F) {
	for _, s := range letterSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Letter(s), letterBySlug(s); got != want {
			t.Errorf("Letter(%q) = %q, want %q", s, got, want)
		}
	})
}
