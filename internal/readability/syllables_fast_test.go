package readability

import "testing"

// The word-by-word checks of Syllables against refSyllables, the code
// before Syllables was rewritten on bytes (reference_test.go), which was
// itself checked against a version without its ASCII fast path.

func TestSyllablesFastPathAgrees(t *testing.T) {
	words := Words("The quick brown fox jumps over the lazy dog's kennel. Tables, makes, times, asked, " +
		"listened, wanted, boxes, churches, wishes, pages, faces, it's, 'quoted', THE, Make, le, be, ye, " +
		"a, I, e, ed, es, bled, bees, axes, aged, Ages, rhythm, queue, cafe, café, co-operate, 2026, x")
	words = append(words, "'", "''", "a'", "'e'", "abcdefghijklmnopqrstuvwxyzabcdefgh")
	for _, w := range words {
		if got, want := Syllables(w), refSyllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d as the reference", w, got, want)
		}
	}
}

func FuzzSyllablesFastPath(f *testing.F) {
	for _, s := range []string{"make", "table", "asked", "wanted", "churches", "it's", "Ages"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Syllables(w), refSyllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	})
}
