package readability

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// matchCases are texts where splitting, word finding or syllable counting
// could go wrong in a faster version.
var matchCases = []struct {
	name, text string
}{
	{"empty", ""},
	{"spaces only", " \t\r\n "},
	{"unicode spaces only", "\u00a0\u2028\u3000\v\f\u0085"},
	{"abbreviations", "Bring food, e.g. fruit, i.e. apples etc. and more. Ask Dr. Khan, Mrs. Jones or Prof. Lee. Turn at St. Mary's Rd. then go."},
	{"abbreviations in capitals", "Ask DR. KHAN. Bring E.G. FRUIT. Then VS. Them."},
	{"abbreviation after a bracket", "Bring food (e.g. fruit). Then go (approx. 5 minutes). Done."},
	{"initials", "J. Smith and A. B. Jones met. É. Zola wrote. Ω. Then it ends."},
	{"no. before a number", "No. 5 is here. We said no. 10 people came. NO. 7 too. no.\u00a05 also."},
	{"decimals and thousands", "The rate is 2.7 per cent. We had 10,000 replies. It cost £1,250.50 in 2026. 3. Then 4."},
	{"numbers at the edges", "1. 2, 3.4.5 ,6 7, .8 9. 10"},
	{"quotes after a full stop", `He said "Stop." Then he left. She said 'Yes.' He said “No.” (See the map.) [Done.] Next.`},
	{"quotes before a sentence", `We asked. "Why?" she said. ‘Fine.’ “Yes.” [Then.] (Now.) Ok.`},
	{"curly apostrophes", "We can’t come. It’s late. The carers’ café is open. ’Tis fine. Don’t’."},
	{"straight apostrophes", "We can't come. It's late. The carers' café is open. 'Tis fine. ''' Don't'."},
	{"hyphenated words", "A well-known co-operative runs a self-help group. The -le and -ed end- words. --- - -x- re-enter. Twenty-one year-olds."},
	{"unicode letters", "Café résumé naïve. Ærøskøbing is in Denmark. Ελληνικά κείμενα. Москва! 東京は大きい。 Zoë’s ﬁle."},
	{"unicode digits", "We had ٣ replies. Then ४५ more. Ⅻ is a numeral."},
	{"case folding letters", "The \u212a sign and ſ long s. İstanbul ıs here. ǅ title case."},
	{"long words", "Pneumonoultramicroscopicsilicovolcanoconiosis is long. Antidisestablishmentarianism too. Supercalifragilisticexpialidociousness!"},
	{"long word with an apostrophe", "'abcdefghijklmnopqrstuvwxyzabcdefghijklmnop' 'abcdefghijklmnopqrstuvwxyzabcdef'"},
	{"silent endings", "Make the table. He asked and listened, then wanted boxes, churches, wishes, pages and faces. Bled bees aged. Le be ye."},
	{"vowel-less words", "Rhythm. Hmm! Psst? Y. Ys."},
	{"leading and trailing space", "  One.\n\nTwo.  "},
	{"unicode space around sentences", "\u00a0One.\u2028Two.\u3000 Three.\u0085"},
	{"web addresses", "Go to www.nhs.uk. Then log in at https://example.org/a.b?c=d. Or e-mail info@x.org."},
	{"ellipsis and repeated marks", "Wait... Then go!!! Really?! Yes?.. Ok."},
	{"punctuation only", "... ! ? , ; : - ’ ' \" ( ) [ ]"},
	{"lower case after a stop", "Call 111. then wait. Go! now."},
	{"line breaks", "One.\nTwo.\r\nThree.\tFour."},
	{"invalid UTF-8", "\xff. A. \xe2\x80. B\xc3. \xc3\xa9\xff\xfe. C."},
	{"split whitespace rune", "A.\xe2\x80\xa8\x80\xa8x. B."},
	{"markdown leftovers", "**Bold.** _Italic._ `code`. # Heading. > Quote."},
}

func TestAbbreviationsFit(t *testing.T) {
	for a := range abbreviations {
		if len(a) > maxAbbreviation {
			t.Errorf("abbreviation %q has %d bytes, more than maxAbbreviation (%d)", a, len(a), maxAbbreviation)
		}
	}
}

// TestMeasureOddSentences checks Measure on sentences that Sentences
// never makes, as a caller may build them.
func TestMeasureOddSentences(t *testing.T) {
	for _, ss := range [][]Sentence{
		nil,
		{{Words: 0, Syllables: 3}},
		{{Words: 5, Syllables: 7}, {Words: -5, Syllables: 1}},
		{{Words: 3, Syllables: 4}, {Words: 0}, {Words: 12, Syllables: 30}},
	} {
		if got, want := Measure(ss), refMeasure(ss); got != want {
			t.Errorf("Measure(%+v) = %+v, want %+v as the reference", ss, got, want)
		}
	}
}

func TestSentencesMatchReference(t *testing.T) {
	for _, tt := range matchCases {
		t.Run(tt.name, func(t *testing.T) {
			matchReference(t, tt.text)
		})
	}
}

// FuzzSentencesMatchReference checks that Sentences, Words and Syllables
// give the same results as the code they replaced, for any text.
func FuzzSentencesMatchReference(f *testing.F) {
	for _, tt := range matchCases {
		f.Add(tt.text)
	}
	for _, tt := range sentenceTests {
		f.Add(tt.in)
	}
	f.Add(benchText)
	f.Fuzz(func(t *testing.T, text string) {
		matchReference(t, text)
	})
}

func matchReference(t *testing.T, text string) {
	t.Helper()
	if diff := cmp.Diff(refSentences(text), Sentences(text)); diff != "" {
		t.Errorf("Sentences(%q) differs from the reference (-want +got):\n%s", text, diff)
	}
	if got, want := Measure(Sentences(text)), refMeasure(refSentences(text)); got != want {
		t.Errorf("Measure(Sentences(%q)) = %+v, want %+v as the reference", text, got, want)
	}
	if diff := cmp.Diff(refWords(text), Words(text)); diff != "" {
		t.Errorf("Words(%q) differs from the reference (-want +got):\n%s", text, diff)
	}
	// Syllables is also called on words that Words did not find.
	words := append(refWords(text), strings.Fields(text)...)
	words = append(words, text)
	for _, w := range words {
		if got, want := Syllables(w), refSyllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d as the reference", w, got, want)
		}
	}
}
