package search

import (
	"strings"
	"unicode"
)

// referenceEachWord is eachWord as it was before it worked on bytes: the
// fuzz test holds the new one to its output.
func referenceEachWord(text string, f func(string)) {
	add := func(w string) {
		if len(w) > maxWord || referenceStop[w] || len(w) == 1 && (w[0] < '0' || w[0] > '9') {
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
			raw = referenceStripApostrophes(raw)
			ascii = referenceIsASCII(raw)
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
		if referenceIsWordRune(r) || referenceIsApostrophe(r) && start >= 0 {
			if start < 0 {
				start, ascii, apos = i, true, false
			}
			if r >= 0x80 {
				ascii = false
			}
			if r == '\'' || r >= 0x80 && referenceIsApostrophe(r) {
				apos = true
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
}

var referenceStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "about", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
		"can", "do", "for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its",
		"more", "not", "of", "on", "or", "so", "than", "that", "the", "their", "them", "there",
		"these", "they", "this", "to", "us", "was", "we", "were", "what", "when", "which", "who",
		"will", "with", "you", "your",
	} {
		m[w] = true
	}
	return m
}()

func referenceIsWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func referenceIsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func referenceIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func referenceStripApostrophes(s string) string {
	if !strings.ContainsAny(s, "'’ʼ") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if referenceIsApostrophe(r) {
			return -1
		}
		return r
	}, s)
}
