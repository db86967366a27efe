package a11y

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// The words of contractions: a word and "n't", "'s" or an ending of
// pronounEnds, with either apostrophe.
var (
	notWordList  = []string{"can", "won", "don", "doesn", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "couldn", "shouldn", "wouldn", "didn", "mustn", "needn"}
	isWordList   = []string{"it", "that", "there", "what", "who", "let", "he", "she"}
	pronounList  = []string{"i", "you", "we", "they"}
	pronounEnds  = []string{"m", "re", "ve", "ll", "d"}
	contractions = regexp.MustCompile(`(?i)\b(` + anyOf(notWordList) + `)['’]t\b|\b(` + anyOf(isWordList) +
		`)['’]s\b|\b(` + anyOf(pronounList) + `)['’](` + anyOf(pronounEnds) + `)\b`)

	notWords       = newWordSet(notWordList...)
	isWords        = newWordSet(isWordList...)
	pronouns       = newWordSet(pronounList...)
	pronounEndings = newWordSet(pronounEnds...)
)

var contractionRule = wordRule{re: contractions, match: contraction}

// contraction matches a word, an apostrophe and the word's ending, as
// contractions does.
func contraction(text string, start, end int) int {
	i := end
	switch {
	case strings.HasPrefix(text[i:], "'"):
		i += len("'")
	case strings.HasPrefix(text[i:], "’"):
		i += len("’")
	default:
		return -1
	}
	j := i
	for j < len(text) && isWordByte(text[j]) {
		j++
	}
	word, ending := text[start:end], text[i:j]
	if notWords.has(word) && strings.EqualFold(ending, "t") ||
		isWords.has(word) && strings.EqualFold(ending, "s") ||
		pronouns.has(word) && pronounEndings.has(ending) {
		return j
	}
	return -1
}

// expander writes a contraction in full when expand does not have it.
var expander = strings.NewReplacer("n't", " not", "n’t", " not", "'s", " is", "’s", " is", "'re", " are", "’re", " are",
	"'ve", " have", "’ve", " have", "'ll", " will", "’ll", " will", "'m", " am", "’m", " am", "'d", " would", "’d", " would")

var expand = map[string]string{
	"can't": "cannot", "won't": "will not", "let's": "let us", "i'm": "I am",
}

var digits = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
	"eighteen": "18", "nineteen": "19", "twenty": "20",
}

var numberRule = wordRule{re: numberWords, match: numberWord}

var (
	numberWords = regexp.MustCompile(`(?i)\b(` + anyOf(slices.Sorted(maps.Keys(digits))) + `)\b`)
	numbers     = newWordSet(slices.Collect(maps.Keys(digits))...)
)

// numberWord matches a number written as a word, as numberWords does.
func numberWord(text string, start, end int) int {
	if numbers.has(text[start:end]) {
		return end
	}
	return -1
}

// dotted are the Latin abbreviations that end with a full stop, and
// undotted those that may be written without one.
var (
	dotted   = []string{"e.g.", "i.e.", "approx.", "n.b."}
	undotted = []string{"etc", "vs"}
	latin    = regexp.MustCompile(`(?i)\b(` + anyOf(dotted) + `|(` + anyOf(undotted) + `)\b\.?)`)
)

var latinRule = wordRule{re: latin, match: latinAbbreviation}

// latinAbbreviation matches an abbreviation as latin does.
func latinAbbreviation(text string, start, end int) int {
	for _, a := range dotted {
		if hasPrefixFold(text[start:], a) {
			return start + len(a)
		}
	}
	if word := text[start:end]; slices.ContainsFunc(undotted, func(a string) bool { return strings.EqualFold(word, a) }) {
		if end < len(text) && text[end] == '.' {
			return end + 1
		}
		return end
	}
	return -1
}

// anyOf is a regular expression for any one of words, as written.
func anyOf(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

// easyRead applies the easy-read rules to one paragraph: a picture beside
// every idea, no contractions, no abbreviations, numbers as digits.
func (c *checker) easyRead(n ast.Node, text string, run *textRun) {
	if _, ok := n.(*ast.Paragraph); ok || n.Parent().Kind() == ast.KindDocument {
		if img, ok := n.FirstChild().(*ast.Image); !ok || img == nil {
			c.warnf(c.lineStart(run.off(0)), "easy read", "start the paragraph with a picture that shows the idea: ![](/assets/images/easy-read/talk.svg) Then the words",
				"this paragraph has no picture beside it")
		}
	}
	for _, m := range contractionRule.find(text) {
		word := text[m[0]:m[1]]
		full, ok := expand[strings.ToLower(strings.ReplaceAll(word, "’", "'"))]
		if !ok {
			full = expander.Replace(word)
		}
		c.warnf(run.off(m[0]), "easy read", "write it in full: "+full, "%q is a contraction", word)
	}
	for _, m := range numberRule.find(text) {
		word := text[m[0]:m[1]]
		c.warnf(run.off(m[0]), "easy read", "write it as a number: "+digits[strings.ToLower(word)], "%q is a number written as a word", word)
	}
	for _, m := range latinRule.find(text) {
		word := text[m[0]:m[1]]
		fix := "write it in full"
		switch strings.ToLower(strings.TrimSuffix(word, ".")) {
		case "e.g":
			fix = `write "for example"`
		case "i.e":
			fix = `write "that is"`
		case "etc":
			fix = `write "and other things", or list them all`
		}
		c.warnf(run.off(m[0]), "easy read", fix, "%q is an abbreviation", word)
	}
}
