package readability

// This file keeps the sentence, word and syllable code as it was before it
// was made faster, so that the tests can check that the fast code gives
// the same results for any text.

import (
	"strings"
	"unicode"
)

// refAbbreviations end with a full stop that does not end a sentence.
var refAbbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"st": true, "vs": true, "approx": true, "prof": true, "rd": true, "ave": true,
}

// refSentences splits text into sentences at full stops, question and
// exclamation marks that are followed by a space and a capital, a digit or
// the end, ignoring abbreviations such as "e.g." and decimals such as 2.7.
func refSentences(text string) []Sentence {
	var out []Sentence
	start := 0
	flush := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s != "" {
			off := start + strings.Index(text[start:end], s)
			words, syl := 0, 0
			refEachWord(s, func(w string) {
				words++
				syl += refSyllables(w)
			})
			if words > 0 {
				out = append(out, Sentence{Text: s, Offset: off, Words: words, Syllables: syl})
			}
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		// Take closing quotes and brackets with the sentence.
		j := i + 1
		for j < len(text) && strings.IndexByte(`"')]’”`, text[j]) >= 0 {
			j++
		}
		if j < len(text) && !refIsSpace(text[j]) {
			continue // 2.7, e.g.x, a URL
		}
		if c == '.' && refAbbreviation(text[start:i]) {
			continue
		}
		// "No. 5": a number follows, so "No." is short for number.
		if c == '.' && strings.EqualFold(refLastWord(text[start:i]), "no") && j+1 < len(text) && text[j] == ' ' && text[j+1] >= '0' && text[j+1] <= '9' {
			continue
		}
		k := j
		for k < len(text) && refIsSpace(text[k]) {
			k++
		}
		if k < len(text) && !refStartsSentence(text[k:]) {
			continue
		}
		flush(j)
		i = j - 1
	}
	flush(len(text))
	return out
}

func refIsSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// refStartsSentence reports whether text begins like a sentence: a capital
// letter, a digit, or an opening quote or bracket.
func refStartsSentence(text string) bool {
	for _, r := range text {
		if strings.ContainsRune(`"'(‘“[`, r) {
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// refAbbreviation reports whether the text before a full stop ends with a
// known abbreviation or a single letter (initials).
func refAbbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := strings.ToLower(before[i+1:])
	if refAbbreviations[word] {
		return true
	}
	return len([]rune(word)) == 1 && unicode.IsLetter([]rune(word)[0])
}

func refLastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// refWords splits text into words: runs of letters, digits, apostrophes and
// hyphens that hold at least one letter or digit. A full stop or comma
// between two digits stays inside the word, so 2.7 and 10,000 are one
// word each.
func refWords(text string) []string {
	var out []string
	refEachWord(text, func(w string) { out = append(out, w) })
	return out
}

// refEachWord calls f with each word of text, as refWords returns them, without
// making a list.
func refEachWord(text string, f func(string)) {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := strings.Trim(text[start:end], "'’-"); w != "" {
				f(w)
			}
			start = -1
		}
	}
	for i, r := range text {
		var inWord bool
		if r < 0x80 {
			inWord = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '\'' || r == '-'
		} else {
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’'
		}
		if !inWord && (r == '.' || r == ',') && i > 0 && refIsDigit(text[i-1]) && i+1 < len(text) && refIsDigit(text[i+1]) {
			inWord = true
		}
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
}

func refIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// refSyllables estimates the syllables of an English word by counting groups
// of vowels, with the usual corrections for a silent final e and -le.
// Numbers count as one syllable per digit group, as they are read.
func refSyllables(word string) int {
	if n, ok := refAsciiSyllables(word); ok {
		return n
	}
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
			n += refSyllables(part)
		}
		return max(n, 1)
	}
	return refCountSyllables([]rune(w))
}

// refAsciiSyllables is refSyllables for a short plain ASCII word without
// hyphens or digits, the common case, without allocating; ok is false for
// any other word.
func refAsciiSyllables(word string) (n int, ok bool) {
	var buf [32]rune
	if len(word) == 0 || len(word) > len(buf) {
		return 0, false
	}
	w := buf[:0]
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= 'a' && c <= 'z', c == '\'':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			return 0, false
		}
		w = append(w, rune(c))
	}
	for len(w) > 0 && w[0] == '\'' {
		w = w[1:]
	}
	for len(w) > 0 && w[len(w)-1] == '\'' {
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return 0, true
	}
	return refCountSyllables(w), true
}

// refCountSyllables counts the groups of vowels of a lower-case word without
// hyphens, less a silent final e and the "-ed" and "-es" endings that add
// no syllable.
func refCountSyllables(w []rune) int {
	isVowel := func(r rune) bool {
		return r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u' || r == 'y'
	}
	has := func(suffix string) bool {
		if len(suffix) > len(w) {
			return false
		}
		for i, r := range []byte(suffix) {
			if w[len(w)-len(suffix)+i] != rune(r) {
				return false
			}
		}
		return true
	}
	n := 0
	prev := false
	for _, r := range w {
		v := isVowel(r)
		if v && !prev {
			n++
		}
		prev = v
	}
	l := len(w)
	if l > 2 && w[l-1] == 'e' && !isVowel(w[l-2]) && !(w[l-2] == 'l' && !isVowel(w[l-3])) {
		n-- // silent e: "make", but not "table"
	}
	if l > 3 && has("ed") && !has("ted") && !has("ded") && !isVowel(w[l-3]) {
		n-- // "asked", "listened", but not "wanted"
	}
	if has("es") && l > 3 && strings.ContainsRune("bcdfghjkmnpqrtvwxz", w[l-3]) && !strings.ContainsRune("sxz", w[l-3]) && !(l > 4 && has("ches")) && !has("shes") && !has("ges") && !has("ces") {
		n-- // "makes", "times"
	}
	return max(n, 1)
}

// refMeasure scores a set of sentences.
func refMeasure(sentences []Sentence) Score {
	s := Score{Sentences: len(sentences)}
	for _, sen := range sentences {
		s.Words += sen.Words
		s.Syllables += sen.Syllables
	}
	if s.Words == 0 || s.Sentences == 0 {
		return s
	}
	wps := float64(s.Words) / float64(s.Sentences)
	spw := float64(s.Syllables) / float64(s.Words)
	s.Ease = 206.835 - 1.015*wps - 84.6*spw
	s.Grade = 0.39*wps + 11.8*spw - 15.59
	s.Age = s.Grade + 5
	return s
}
