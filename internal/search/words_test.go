package search

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/engage-ssg/engage/internal/corpus"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"lower case, apostrophe and accent", "Carers' café in Lowmere", []string{"carers", "cafe", "lowmere"}},
		{"curly apostrophe inside a word", "We don’t close on Sundays", []string{"dont", "close", "sundays"}},
		{"apostrophe before a word is a separator", "'quoted' words", []string{"quoted", "words"}},
		{"decomposed accent", "Cafe\u0301 de\u0301cor", []string{"cafe", "decor"}},
		{"letters without an ASCII form of one letter", "Straße Æsop", []string{"strasse", "aesop"}},
		{"Welsh", "Ysbyty Gŵyr", []string{"ysbyty", "gwyr"}},
		{"digits kept, single letters dropped", "GP surgery 2026, room 5 b", []string{"gp", "surgery", "2026", "room", "5"}},
		{"hyphens and slashes split", "in-person/online drop-in", []string{"person", "online", "drop"}},
		{"stop words dropped", "The and of to a", nil},
		{"repeats kept in order", "carers carers", []string{"carers", "carers"}},
		{"times and postcodes", "10am at ZZ3 7LM", []string{"10am", "zz3", "7lm"}},
		{"too long to be a word", strings.Repeat("x", 33) + " ok", []string{"ok"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Words(tt.text)); diff != "" {
				t.Errorf("Words(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestKey(t *testing.T) {
	for w, want := range map[string]string{"carers": "ca", "gp": "gp", "5": "5", "2026": "20"} {
		if got := key(w); got != want {
			t.Errorf("key(%q): got %q, want %q", w, got, want)
		}
	}
}

var wordShape = regexp.MustCompile(`^[a-z0-9]+$`)

// FuzzWords checks what search.js relies on: every word is ASCII letters
// and digits (safe in a file name and a JSON key), at most maxWord long,
// never a stop word, never a single letter, and normalising a word again
// gives the word.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"Carers' café in Lowmere", "Straße", "Cafe\u0301", "don’t", "in-person", "日本語 テキスト", "½ ⅔ ﬁ", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range Words(text) {
			if !wordShape.MatchString(w) || len(w) > maxWord || stop[w] || len(w) == 1 && (w[0] < '0' || w[0] > '9') {
				t.Fatalf("Words(%q) gave %q", text, w)
			}
			if again := Words(w); len(again) != 1 || again[0] != w {
				t.Fatalf("Words(%q) gave %q, and Words(%q) gives %q", text, w, w, again)
			}
		}
	})
}

// FuzzEachWordMatchesReference holds eachWord, with the words that are not
// indexed left out, to the words the string-based version gave, in order.
func FuzzEachWordMatchesReference(f *testing.F) {
	for _, s := range []string{
		"", "Carers' café in Lowmere", "We don’t close on Sundays", "'quoted' words", "Cafe\u0301 de\u0301cor",
		"Straße Æsop", "Ysbyty Gŵyr", "GP surgery 2026, room 5 b", "in-person/online drop-in",
		"The and of to a THE And", "10am at ZZ3 7LM", strings.Repeat("x", 33) + " ok " + strings.Repeat("Y", 32),
		"It's ITS it’s ʼtis o'clock ''", "日本語 テキスト", "½ ⅔ ﬁ ǅ", "İstanbul ſtop \u212Aelvin",
		"naïve Naïve NAÏVE", "x'\u00e9 A'b", "\xff\xfe broken utf8\xc3", "tab\tnew\nline\r\nend",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want, got []string
		referenceEachWord(text, func(w string) { want = append(want, w) })
		eachWord([]byte(text), func(w []byte) {
			if indexed(w) {
				got = append(got, string(w))
			}
		})
		if !slices.Equal(got, want) {
			t.Fatalf("eachWord(%q)\n got: %q\nwant: %q", text, got, want)
		}
	})
}

// corpusText is the Markdown of a small generated site, as one text.
func corpusText(b *testing.B, pages int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		src, err := os.ReadFile(path)
		text.Write(src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return text.String()
}

// BenchmarkEachWord splits the Markdown of 200 corpus pages into words.
func BenchmarkEachWord(b *testing.B) {
	text := corpusText(b, 200)
	b.SetBytes(int64(len(text)))
	buf := make([]byte, len(text))
	n := 0
	for b.Loop() {
		copy(buf, text) // eachWord writes over its text
		eachWord(buf, func(w []byte) {
			if indexed(w) {
				n++
			}
		})
	}
	if n == 0 {
		b.Fatal("no words")
	}
}
