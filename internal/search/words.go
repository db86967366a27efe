package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	eachWord([]byte(text), func(w []byte) {
		if indexed(w) {
			out = append(out, string(w))
		}
	})
	return out
}

// eachWord calls f with each word of text, normalised as Words returns
// them but with stop words, single letters and overlong words left in:
// the caller checks a word with indexed, and the index does that once for
// each word, not for every time a page uses it. eachWord writes over text
// as it goes (a word is put in lower case, and its apostrophes taken out,
// where it stands), and f's word is valid only until f returns: the index
// reads each page's text into one buffer, and makes a string only of a
// word it has not seen before.
func eachWord(text []byte, f func([]byte)) {
	start, ascii, apos := -1, true, false
	for i := 0; i < len(text); {
		if asciiWord[text[i]] {
			// Most text is runs of ASCII letters and digits.
			if start < 0 {
				start, ascii, apos = i, true, false
			}
			for i++; i < len(text) && asciiWord[text[i]]; i++ {
			}
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if isWordRune(r) || isApostrophe(r) && start >= 0 {
			if start < 0 {
				start, ascii, apos = i, true, false
			}
			if r >= utf8.RuneSelf {
				ascii = false
			}
			if r == '\'' || r >= utf8.RuneSelf && isApostrophe(r) {
				apos = true
			}
		} else if start >= 0 {
			word(text[start:i], ascii, apos, f)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		word(text[start:], ascii, apos, f)
	}
}

// word normalises one run of letters, digits and apostrophes, and calls f
// with what it gives: a word, or none, or several when transliteration
// splits it.
func word(raw []byte, ascii, apos bool, f func([]byte)) {
	if apos {
		raw = stripApostrophes(raw)
		ascii = isASCII(raw) // "council’s" is plain once stripped
		if len(raw) == 0 {
			return
		}
	}
	if ascii {
		for i, c := range raw {
			if 'A' <= c && c <= 'Z' {
				raw[i] = c + 'a' - 'A'
			}
		}
		f(raw)
		return
	}
	for _, w := range fold(string(raw)) {
		f([]byte(w))
	}
}

// indexed reports whether w goes into the index: not too long, not a stop
// word, not a single letter.
func indexed(w []byte) bool {
	return len(w) <= maxWord && !stop[string(w)] && !(len(w) == 1 && (w[0] < '0' || w[0] > '9'))
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
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneUnicode(r)
}

// asciiWord marks the bytes that are ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// isWordRuneUnicode is isWordRune beyond ASCII, kept apart so that
// isWordRune is inlined where words are split.
func isWordRuneUnicode(r rune) bool {
	// Combining marks stay with their letter, so that a decomposed "é"
	// folds like a composed one.
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stripApostrophes takes the apostrophes out of b, where it stands.
func stripApostrophes(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if !isApostrophe(r) {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// key is the name of the word shard that holds w: its first two
// characters.
func key(w string) string {
	if len(w) > 2 {
		return w[:2]
	}
	return w
}
