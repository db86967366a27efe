package a11y

import (
	"regexp"
	"strings"
)

// A wordRule is an easy-read rule about whole words, such as "no
// contractions". Its regular expression says what it finds and works on
// any text, but is slow; match finds the same, faster, in the text of
// nearly every page.
type wordRule struct {
	re *regexp.Regexp // case-insensitive, starting at a word boundary (\b)
	// match is the end of the rule's match at the word text[start:end],
	// a run of ASCII letters, digits and underscores, or -1 if there is
	// none.
	match func(text string, start, end int) int
}

// find returns the start and end of each of the rule's matches in text,
// as re.FindAllStringIndex(text, -1) does.
func (r wordRule) find(text string) [][]int {
	if strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f") {
		// In a case-insensitive regular expression the Kelvin sign and
		// the long s are a k and an s: leave such text to it.
		return r.re.FindAllStringIndex(text, -1)
	}
	// A match starts at a word boundary, and \b knows only ASCII words;
	// as the words of the rules have only ASCII letters, each match
	// starts at a run of ASCII word characters.
	var found [][]int
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isWordByte(text[i]) {
			i++
		}
		if end := r.match(text, start, i); end >= 0 {
			found = append(found, []int{start, end})
			i = end
		}
	}
	return found
}

// isWordByte reports whether c is a word character of \b: an ASCII
// letter, digit or underscore.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// A wordSet is a set of short lower-case ASCII words.
type wordSet map[string]bool

// maxSetWord is the length of the longest word a wordSet can hold.
const maxSetWord = 16

func newWordSet(words ...string) wordSet {
	s := wordSet{}
	for _, w := range words {
		if len(w) > maxSetWord || strings.ToLower(w) != w {
			panic("a11y: " + w + " cannot be in a wordSet")
		}
		s[w] = true
	}
	return s
}

// has reports whether the ASCII word w, in any case, is in the set.
func (s wordSet) has(w string) bool {
	var buf [maxSetWord]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return s[string(buf[:len(w)])]
}

// hasPrefixFold reports whether text begins with the ASCII prefix, in any
// case.
func hasPrefixFold(text, prefix string) bool {
	return len(text) >= len(prefix) && strings.EqualFold(text[:len(prefix)], prefix)
}
