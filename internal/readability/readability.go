// Package readability measures how hard English text is to read: it
// splits text into sentences and words, counts syllables, and computes the
// Flesch reading ease, the Flesch-Kincaid grade and an estimated reading
// age. The content checks (package a11y) use it to warn, never to fail, as
// the GOV.UK and NHS.UK style guides advise: the scores are a guide.
package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a text with its offset in bytes.
type Sentence struct {
	Text      string
	Offset    int
	Words     int
	Syllables int
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"st": true, "vs": true, "approx": true, "prof": true, "rd": true, "ave": true,
}

// Sentences splits text into sentences at full stops, question and
// exclamation marks that are followed by a space and a capital, a digit or
// the end, ignoring abbreviations such as "e.g." and decimals such as 2.7.
func Sentences(text string) []Sentence {
	return AppendSentences(nil, text)
}

// AppendSentences appends the sentences of text, as Sentences splits
// them, to dst and returns the extended list, so that a caller that splits
// many texts can reuse one list.
func AppendSentences(dst []Sentence, text string) []Sentence {
	start := 0
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
		if j < len(text) && !isSpace(text[j]) {
			continue // 2.7, e.g.x, a URL
		}
		if c == '.' && abbreviation(text[start:i]) {
			continue
		}
		// "No. 5": a number follows, so "No." is short for number.
		if c == '.' && j+1 < len(text) && text[j] == ' ' && isDigit(text[j+1]) && strings.EqualFold(lastWord(text[start:i]), "no") {
			continue
		}
		k := j
		for k < len(text) && isSpace(text[k]) {
			k++
		}
		if k < len(text) && !startsSentence(text[k:]) {
			continue
		}
		dst = appendSentence(dst, text, start, j)
		start = j
		i = j - 1
	}
	return appendSentence(dst, text, start, len(text))
}

// appendSentence appends text[start:end], without the space around it, to
// dst if it holds a word.
func appendSentence(dst []Sentence, text string, start, end int) []Sentence {
	s := strings.TrimLeftFunc(text[start:end], unicode.IsSpace)
	off := end - len(s)
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	words, syllables := 0, 0
	for w, i := nextWord(s, 0); w != ""; w, i = nextWord(s, i) {
		words++
		syllables += wordSyllables(w)
	}
	if words == 0 {
		return dst
	}
	return append(dst, Sentence{Text: s, Offset: off, Words: words, Syllables: syllables})
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// startsSentence reports whether text begins like a sentence: a capital
// letter, a digit, or an opening quote or bracket.
func startsSentence(text string) bool {
	for _, r := range text {
		switch {
		case r == '"' || r == '\'' || r == '(' || r == '[' || r == '‘' || r == '“':
			continue
		case r < utf8.RuneSelf:
			return 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// maxAbbreviation is at least the length of the longest abbreviation.
const maxAbbreviation = 8

// abbreviation reports whether the text before a full stop ends with a
// known abbreviation or a single letter (initials).
func abbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := before[i+1:]
	if isAbbreviation(word) {
		return true
	}
	r, size := utf8.DecodeRuneInString(word)
	return size > 0 && size == len(word) && unicode.IsLetter(r)
}

// isAbbreviation reports whether word, in any case, is one of the
// abbreviations, without allocating for a plain ASCII word.
func isAbbreviation(word string) bool {
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(word)] // "İ.E" lowers to "i.e"
		}
	}
	var buf [maxAbbreviation]byte
	if len(word) > len(buf) {
		return false
	}
	for i := 0; i < len(word); i++ {
		buf[i] = lower(word[i])
	}
	return abbreviations[string(buf[:len(word)])]
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// Words splits text into words: runs of letters, digits, apostrophes and
// hyphens that hold at least one letter or digit. A full stop or comma
// between two digits stays inside the word, so 2.7 and 10,000 are one
// word each.
func Words(text string) []string {
	var out []string
	for w, i := nextWord(text, 0); w != ""; w, i = nextWord(text, i) {
		out = append(out, w)
	}
	return out
}

// nextWord returns the first word of text at or after byte i, as Words
// finds it, and where to look for the next one; the word is "" when there
// are no more.
func nextWord(text string, i int) (word string, next int) {
	for i < len(text) {
		start := i
		i = wordEnd(text, i)
		if i == start {
			// Not in a word; nor is any byte of a character that is not.
			i++
			continue
		}
		if w := trimWord(text[start:i]); w != "" {
			return w, i
		}
	}
	return "", len(text)
}

// wordEnd returns the end of the run of word characters at byte i of
// text: i if there is none.
func wordEnd(text string, i int) int {
	for i < len(text) {
		switch wordBytes[text[i]] {
		case wordAlways:
			i++
		case wordNever:
			return i
		default:
			ok, size := wordChar(text, i)
			if !ok {
				return i
			}
			i += size
		}
	}
	return i
}

// What wordBytes says of a byte.
const (
	wordNever  = iota // spaces and most punctuation
	wordAlways        // letters, digits, apostrophes and hyphens
	wordMaybe         // full stops and commas, and bytes of characters that are not ASCII
)

// wordBytes tells for each byte whether it is part of a word, so that
// most of a text is read without decoding its characters.
var wordBytes = func() (t [256]uint8) {
	for c := range len(t) {
		switch {
		case c >= utf8.RuneSelf || c == '.' || c == ',':
			t[c] = wordMaybe
		case isLetter(byte(c)) || isDigit(byte(c)) || c == '\'' || c == '-':
			t[c] = wordAlways
		}
	}
	return t
}()

// wordChar reports whether the character at byte i of text belongs in a
// word, and its length in bytes, for the bytes that wordBytes has as
// wordMaybe.
func wordChar(text string, i int) (ok bool, size int) {
	if c := text[i]; c < utf8.RuneSelf {
		// 2.7 and 10,000 are one word.
		return i > 0 && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]), 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’', size
}

// trimWord is strings.Trim(w, "'’-"), the apostrophes and hyphens that
// are not part of a word.
func trimWord(w string) string {
	if w != "" && isLetter(w[0]) && isLetter(w[len(w)-1]) {
		return w // the common case
	}
	for {
		switch {
		case strings.HasPrefix(w, "'"), strings.HasPrefix(w, "-"):
			w = w[1:]
		case strings.HasPrefix(w, "’"):
			w = w[len("’"):]
		case strings.HasSuffix(w, "'"), strings.HasSuffix(w, "-"):
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// lower is c in lower case if it is an ASCII letter.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Syllables estimates the syllables of an English word by counting groups
// of vowels, with the usual corrections for a silent final e and -le.
// Numbers count as one syllable per digit group, as they are read.
func Syllables(word string) int {
	return wordSyllables(trimWord(word))
}

// wordSyllables is Syllables for a word without apostrophes and hyphens
// around it, as nextWord finds them.
func wordSyllables(w string) int {
	if w == "" {
		return 0
	}
	if n, ok := countSyllables(w); ok {
		return n // the common case, without allocating
	}
	w = strings.ToLower(w)
	if unicode.IsDigit(rune(w[0])) {
		return 1
	}
	if strings.Contains(w, "-") {
		n := 0
		for part := range strings.SplitSeq(w, "-") {
			n += Syllables(part) // "self-'help" trims the apostrophe
		}
		return max(n, 1)
	}
	// The rules look only at ASCII letters, at positions counted in
	// characters: each other character becomes an apostrophe.
	n, _ := countSyllables(strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && isLetter(byte(r)) {
			return r
		}
		return '\''
	}, w))
	return n
}

// vowels are the letters that count for syllables, in either case.
var vowels = [256]bool{
	'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true,
	'A': true, 'E': true, 'I': true, 'O': true, 'U': true, 'Y': true,
}

// countSyllables counts the groups of vowels of a word of ASCII letters
// and apostrophes, in any case, less a silent final e and the "-ed" and
// "-es" endings that add no syllable; ok is false for any other word.
func countSyllables(w string) (n int, ok bool) {
	isVowel := func(c byte) bool { return vowels[c] }
	has := func(suffix string) bool {
		if len(suffix) > len(w) {
			return false
		}
		for i := 0; i < len(suffix); i++ {
			if lower(w[len(w)-len(suffix)+i]) != suffix[i] {
				return false
			}
		}
		return true
	}
	prev := false
	for i := 0; i < len(w); i++ {
		if !isLetter(w[i]) && w[i] != '\'' {
			return 0, false
		}
		v := isVowel(w[i])
		if v && !prev {
			n++
		}
		prev = v
	}
	l := len(w)
	if l > 2 && has("e") && !isVowel(w[l-2]) && !(lower(w[l-2]) == 'l' && !isVowel(w[l-3])) {
		n-- // silent e: "make", but not "table"
	}
	if l > 3 && has("ed") && !has("ted") && !has("ded") && !isVowel(w[l-3]) {
		n-- // "asked", "listened", but not "wanted"
	}
	if has("es") && l > 3 && strings.IndexByte("bcdfghjkmnpqrtvw", lower(w[l-3])) >= 0 && !(l > 4 && has("ches")) && !has("shes") && !has("ges") && !has("ces") {
		n-- // "makes", "times", but not "boxes", "churches"
	}
	return max(n, 1), true
}

// Score is the readability of a text.
type Score struct {
	Sentences, Words, Syllables int
	// Ease is the Flesch reading ease: 100 is very easy, 0 very hard;
	// GOV.UK aims for 60 or more.
	Ease float64
	// Grade is the Flesch-Kincaid US school grade.
	Grade float64
	// Age is the estimated UK reading age: the grade plus five years.
	Age float64
}

// Measure scores a set of sentences.
func Measure(sentences []Sentence) Score {
	var s Score
	for _, sen := range sentences {
		s = s.Add(sen)
	}
	return s
}

// Add returns the score of the text that s scores with one more
// sentence, so that a text can be scored without keeping its sentences.
func (s Score) Add(sen Sentence) Score {
	s.Sentences++
	s.Words += sen.Words
	s.Syllables += sen.Syllables
	s.Ease, s.Grade, s.Age = 0, 0, 0
	if s.Words == 0 {
		return s
	}
	wps := float64(s.Words) / float64(s.Sentences)
	spw := float64(s.Syllables) / float64(s.Words)
	s.Ease = 206.835 - 1.015*wps - 84.6*spw
	s.Grade = 0.39*wps + 11.8*spw - 15.59
	s.Age = s.Grade + 5
	return s
}
