package slugify

import (
	"testing"

	"github.com/gosimple/slug"
)

var samples = []string{
	"", " ", "Carers café", "Carers' café & more", "You said, we did",
	"  Spaces  around  ", "Tabs\tand\nnew lines", "A -- B", "a_-_b", "__x__", "-lead-", "@home",
	"Q&A: what's next?", `"Quoted" title`, "100% of 2,000 people", "C++ / C#", "Ends with dash -",
	"Mixed CASE Words", "under_score", "a--b", "a__b", "ąę", "Naïve — em dash", "it’s", "\x00\x1f ctrl",
	"Section 3.2 (draft)", "Clause 12a", "What happens next", "\u00a0nbsp\u00a0",
}

func TestMakeMatchesSlug(t *testing.T) {
	for _, s := range samples {
		if got, want := Make(s), slug.Make(s); got != want {
			t.Errorf("Make(%q) = %q, want %q (as slug.Make)", s, got, want)
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Make(s), slug.Make(s); got != want {
			t.Errorf("Make(%q) = %q, want %q (as slug.Make)", s, got, want)
		}
	})
}

func BenchmarkMake(b *testing.B) {
	for b.Loop() {
		Make("What happens next and how to have your say")
	}
}

func BenchmarkSlugMake(b *testing.B) {
	for b.Loop() {
		slug.Make("What happens next and how to have your say")
	}
}
