package a11y

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

var contractions = regexp.MustCompile(`(?i)\b(can|won|don|doesn|isn|aren|wasn|weren|haven|hasn|hadn|couldn|shouldn|wouldn|didn|mustn|needn)['’]t\b|\b(it|that|there|what|who|let|he|she)['’]s\b|\b(i|you|we|they)['’](m|re|ve|ll|d)\b`)

var expand = map[string]string{
	"can't": "cannot", "won't": "will not", "let's": "let us", "i'm": "I am",
}

var numberWords = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b`)

var digits = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
	"eighteen": "18", "nineteen": "19", "twenty": "20",
}

var latin = regexp.MustCompile(`(?i)\b(e\.g\.|i\.e\.|etc\b\.?|approx\.|n\.b\.|vs\b\.?)`)

// easyRead applies the easy-read rules to one paragraph: a picture beside
// every idea, no contractions, no abbreviations, numbers as digits.
func (c *checker) easyRead(n ast.Node, text string, run *textRun) {
	if _, ok := n.(*ast.Paragraph); ok || n.Parent().Kind() == ast.KindDocument {
		if img, ok := n.FirstChild().(*ast.Image); !ok || img == nil {
			c.warnf(c.lineStart(run.off(0)), "easy read", "start the paragraph with a picture that shows the idea: ![](/assets/images/easy-read/talk.svg) Then the words",
				"this paragraph has no picture beside it")
		}
	}
	for _, m := range contractions.FindAllStringIndex(text, -1) {
		word := text[m[0]:m[1]]
		full, ok := expand[strings.ToLower(strings.ReplaceAll(word, "’", "'"))]
		if !ok {
			full = strings.NewReplacer("n't", " not", "n’t", " not", "'s", " is", "’s", " is", "'re", " are", "’re", " are",
				"'ve", " have", "’ve", " have", "'ll", " will", "’ll", " will", "'m", " am", "’m", " am", "'d", " would", "’d", " would").Replace(word)
		}
		c.warnf(run.off(m[0]), "easy read", "write it in full: "+full, "%q is a contraction", word)
	}
	for _, m := range numberWords.FindAllStringIndex(text, -1) {
		word := text[m[0]:m[1]]
		c.warnf(run.off(m[0]), "easy read", "write it as a number: "+digits[strings.ToLower(word)], "%q is a number written as a word", word)
	}
	for _, m := range latin.FindAllStringIndex(text, -1) {
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
