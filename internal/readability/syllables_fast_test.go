package readability

import (
	"strings"
	"testing"
	"unicode"
)

// slowSyllables is Syllables without its ASCII fast path.
func slowSyllables(word string) int {
	w := strings.ToLower(strings.Trim(word, "'’-"))
	if w == "" {
		return 0
	}
	if unicode.IsDigit(rune(w[0])) {
		return 1
	}
	if strings.Contains(w, "-") {
		n := 0
		for _, part := range strings.Split(w, "-") {
			n += Syllables(part)
		}
		return max(n, 1)
	}
	isVowel := func(r rune) bool { return strings.ContainsRune("aeiouy", r) }
	runes := []rune(w)
	n := 0
	prev := false
	for _, r := range runes {
		v := isVowel(r)
		if v && !prev {
			n++
		}
		prev = v
	}
	l := len(runes)
	if l > 2 && runes[l-1] == 'e' && !isVowel(runes[l-2]) && !(runes[l-2] == 'l' && !isVowel(runes[l-3])) {
		n--
	}
	if l > 3 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded") && !isVowel(runes[l-3]) {
		n--
	}
	if strings.HasSuffix(w, "es") && l > 3 && strings.ContainsRune("bcdfghjkmnpqrtvwxz", runes[l-3]) && !strings.ContainsRune("sxz", runes[l-3]) && !(l > 4 && strings.HasSuffix(w, "ches")) && !strings.HasSuffix(w, "shes") && !strings.HasSuffix(w, "ges") && !strings.HasSuffix(w, "ces") {
		n--
	}
	return max(n, 1)
}

func TestSyllablesFastPathAgrees(t *testing.T) {
	words := Words("The quick brown fox jumps over the lazy dog's kennel. Tables, makes, times, asked, " +
		"listened, wanted, boxes, churches, wishes, pages, faces, it's, 'quoted', THE, Make, le, be, ye, " +
		"a, I, e, ed, es, bled, bees, axes, aged, Ages, rhythm, queue, cafe, café, co-operate, 2026, x")
	words = append(words, "'", "''", "a'", "'e'", "abcdefghijklmnopqrstuvwxyzabcdefgh")
	for _, w := range words {
		if got, want := Syllables(w), slowSyllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d as without the fast path", w, got, want)
		}
	}
}

func FuzzSyllablesFastPath(f *testing.F) {
	for _, s := range []string{"make", "table", "asked", "wanted", "churches", "it's", "Ages"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Syllables(w), slowSyllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	})
}
