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

var letterSamples = []string{
	"", "Carers café", "  _under", "-lead", "'Quoted'", `"Twice"`, "& more", "@home", "100 days", "Élan",
	"zebra", "ZEBRA", "!!!", "__", "_9", "Ąę", "(Draft) plan", "#tag", "Q&A",
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

// shortcuts are functions with a quicker way for common text, each with
// the plain way it must agree with.
var shortcuts = []struct {
	name      string
	quick     func(string) string
	plain     func(string) string
	samples   []string
	fromCache bool
}{
	// Slugify's shortcuts: text that is already a slug, and the cache.
	{"Slugify", Slugify, slugify.Make, slugSamples, true},
	// Letter reads a plain ASCII title's first letter without its slug.
	{"Letter", Letter, letterBySlug, letterSamples, false},
}

// agree reports where quick and plain differ on s.
func agree(t *testing.T, name string, quick, plain func(string) string, s string) {
	t.Helper()
	if got, want := quick(s), plain(s); got != want {
		t.Errorf("%s(%q) = %q, want %q", name, s, got, want)
	}
}

// TestShortcuts checks Slugify and Letter against the slug made the plain
// way, twice for Slugify (the second time from its cache).
func TestShortcuts(t *testing.T) {
	for _, sc := range shortcuts {
		for _, s := range sc.samples {
			agree(t, sc.name, sc.quick, sc.plain, s)
			if sc.fromCache {
				agree(t, sc.name, sc.quick, sc.plain, s)
			}
		}
	}
}

// FuzzSlugify checks Slugify against slugify.Make.
func FuzzSlugify(f *testing.F) { fuzzShortcut(f, slugSamples, Slugify, slugify.Make) }

// FuzzLetter checks Letter against the letter of the whole slug.
func FuzzLetter(f *testing.F) { fuzzShortcut(f, letterSamples, Letter, letterBySlug) }

// fuzzShortcut fuzzes quick against plain from the samples.
func fuzzShortcut(f *testing.F, samples []string, quick, plain func(string) string) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { agree(t, "quick", quick, plain, s) })
}
