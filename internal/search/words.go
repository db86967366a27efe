package search

import (
	"strings"
	"unicode"

	"github.com/engage-ssg/engage/internal/slugify"
)

// maxWord is the longest word indexed; longer runs of letters are
// identifiers or addresses that nobody types.
const maxWord = 32

// stopWords are left out of the index and of queries: words so common that
// they find every page. search.js gets the same list from meta.json.
var stopWords = []string{
	"a", "about", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
	"can", "do", "for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its",
	"more", "not", "of", "on", "or", "so", "than", "that", "the", "their", "them", "there",
	"these", "they", "this", "to", "us", "was", "we", "were", "what", "when", "which", "who",
	"will", "with", "you", "your",
}

var stop = func() map[string]bool {
	m := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

// Words splits text into normalised words, in order, repeats included:
// lower case, accents removed ("Café" is "cafe"), apostrophes dropped
// ("carers'" is "carers", "don't" is "dont"), digits kept, and stop words
// and single letters left out. search.js normalises a query the same way.
func Words(text string) []string {
	var out []string
	eachWord(text, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of text, as Words returns them.
func eachWord(text string, f func(string)) {
	add := func(w string) {
		if len(w) > maxWord || stop[w] || len(w) == 1 && (w[0] < '0' || w[0] > '9') {
			return
		}
		f(w)
	}
	start, ascii, apos := -1, true, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := text[start:end]
		start = -1
		if apos {
			raw = stripApostrophes(raw)
			ascii = isASCII(raw) // "council’s" is plain once stripped
			if raw == "" {
				return
			}
		}
		if ascii {
			add(strings.ToLower(raw))
			return
		}
		for _, w := range fold(raw) {
			add(w)
		}
	}
	for i, r := range text {
		if isWordRune(r) || isApostrophe(r) && start >= 0 {
			if start < 0 {
				start, ascii, apos = i, true, false
			}
			if r >= 0x80 {
				ascii = false
			}
			if r == '\'' || r >= 0x80 && isApostrophe(r) {
				apos = true
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
}

// fold writes a word with non-ASCII letters in ASCII, the way page
// addresses are made (gosimple/slug's transliteration): "Café" is "cafe",
// "Straße" is "strasse". Letters with no ASCII form are dropped, and a
// letter that transliterates to two words splits the word.
func fold(w string) []string {
	return strings.FieldsFunc(slugify.Make(w), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	// Combining marks stay with their letter, so that a decomposed "é"
	// folds like a composed one.
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func stripApostrophes(s string) string {
	if !strings.ContainsAny(s, "'’ʼ") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, s)
}

// key is the name of the word shard that holds w: its first two
// characters.
func key(w string) string {
	if len(w) > 2 {
		return w[:2]
	}
	return w
}
