package readability

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// span is a sentence without its word count, so that the splitting tests
// fail only for where sentences start and end.
type span struct {
	Text   string
	Offset int
}

func spans(ss []Sentence) []span {
	var out []span
	for _, s := range ss {
		out = append(out, span{s.Text, s.Offset})
	}
	return out
}

var sentenceTests = []struct {
	name string
	in   string
	want []span
}{
	{"full stops", "We met. We talked.", []span{{"We met.", 0}, {"We talked.", 8}}},
	{"question and exclamation marks", "Is it open? Yes! Come in.", []span{{"Is it open?", 0}, {"Yes!", 12}, {"Come in.", 17}}},
	{"e.g.", "Bring food, e.g. fruit. Then sit down.", []span{{"Bring food, e.g. fruit.", 0}, {"Then sit down.", 24}}},
	{"i.e.", "Use the form, i.e. the paper one. Thanks.", []span{{"Use the form, i.e. the paper one.", 0}, {"Thanks.", 34}}},
	{"Dr.", "Dr. Patel will see you. Then go home.", []span{{"Dr. Patel will see you.", 0}, {"Then go home.", 24}}},
	{"Dr. mid-sentence", "Ask for Dr. Khan. She knows.", []span{{"Ask for Dr. Khan.", 0}, {"She knows.", 18}}},
	{"decimal", "The rate rose to 2.7 per cent. It fell.", []span{{"The rate rose to 2.7 per cent.", 0}, {"It fell.", 31}}},
	{"initials", "J. Smith chairs the board. She is new.", []span{{"J. Smith chairs the board.", 0}, {"She is new.", 27}}},
	{"initials mid-sentence", "The chair is A. B. Jones. He is new.", []span{{"The chair is A. B. Jones.", 0}, {"He is new.", 26}}},
	{"straight quote after the stop", `He said "Stop." Then he left.`, []span{{`He said "Stop."`, 0}, {"Then he left.", 16}}},
	{"single quote after the stop", `She said 'Yes.' Then she left.`, []span{{`She said 'Yes.'`, 0}, {"Then she left.", 16}}},
	{"curly quote after the stop", "She said “Yes.” Then she left.", []span{{"She said “Yes.”", 0}, {"Then she left.", 20}}},
	{"bracket after the stop", "(See the map.) Then turn left.", []span{{"(See the map.)", 0}, {"Then turn left.", 15}}},
	{"next sentence opens with a quote", `We asked. "Why?" she said.`, []span{{"We asked.", 0}, {`"Why?" she said.`, 10}}},
	{"next sentence starts with a digit", "Doors open at 6. 200 seats are free.", []span{{"Doors open at 6.", 0}, {"200 seats are free.", 17}}},
	{"no final stop", "It ends here. This has no stop", []span{{"It ends here.", 0}, {"This has no stop", 14}}},
	{"one sentence without a stop", "Hello there", []span{{"Hello there", 0}}},
	{"lower case after a stop is not a new sentence", "Call 111. then wait.", []span{{"Call 111. then wait.", 0}}},
	{"web address", "Go to www.nhs.uk. Then log in.", []span{{"Go to www.nhs.uk.", 0}, {"Then log in.", 18}}},
	{"ellipsis", "Wait... Then go.", []span{{"Wait...", 0}, {"Then go.", 8}}},
	{"leading and trailing space", "  One.\n\nTwo.  ", []span{{"One.", 2}, {"Two.", 8}}},
	{"line breaks", "One.\nTwo.", []span{{"One.", 0}, {"Two.", 5}}},
	{"offsets in bytes", "Café open. Next one.", []span{{"Café open.", 0}, {"Next one.", 12}}},
	{"punctuation only is no sentence", "... ! ?", nil},
	{"empty", "", nil},
	{"no. before a number", "No. 10 is busy. We left.", []span{{"No. 10 is busy.", 0}, {"We left.", 16}}},
	// "no" is also a word: "no." before a capital ends a sentence.
	{"no. ending a sentence", "We said no. They agreed.", []span{{"We said no.", 0}, {"They agreed.", 12}}},
}

func TestSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in)
			if diff := cmp.Diff(tt.want, spans(got)); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			for _, s := range got {
				if !strings.HasPrefix(tt.in[s.Offset:], s.Text) {
					t.Errorf("Sentences(%q): got %q at offset %d, but the text there is %q", tt.in, s.Text, s.Offset, tt.in[s.Offset:])
				}
			}
		})
	}
}

func TestSentenceWords(t *testing.T) {
	got := Sentences("We will hold a meeting. Please tell us what you think. Thanks!")
	want := []int{5, 6, 1}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d: %+v", len(got), len(want), got)
	}
	for i, s := range got {
		if s.Words != want[i] {
			t.Errorf("sentence %d (%q): got %d words, want %d", i, s.Text, s.Words, want[i])
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"We met the board.", []string{"We", "met", "the", "board"}},
		{"don't stop", []string{"don't", "stop"}},
		{"It’s fine", []string{"It’s", "fine"}},
		{"carers' and carers’ groups", []string{"carers", "and", "carers", "groups"}},
		{"'Hello,' she said", []string{"Hello", "she", "said"}},
		{"‘quoted’ and “double”", []string{"quoted", "and", "double"}},
		{"well-known easy-read pages", []string{"well-known", "easy-read", "pages"}},
		{"Covid-19 jab", []string{"Covid-19", "jab"}},
		{"a - b -- c — d", []string{"a", "b", "c", "d"}},
		{"in 2026, at 10am", []string{"in", "2026", "at", "10am"}},
		{"café naïve", []string{"café", "naïve"}},
		{"(brackets) [and] {braces}", []string{"brackets", "and", "braces"}},
		{"email team@example.org", []string{"email", "team", "example", "org"}},
		{" - ' ’ ... ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Words(tt.in)); diff != "" {
			t.Errorf("Words(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestWordsNumbers checks that a number with a decimal point or a
// thousands separator is one word, as it is read and as word processors
// count it; otherwise a sentence with numbers looks longer than it is.
func TestWordsNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"It costs £2.7 million.", 4},
		{"We had 10,000 replies.", 4},
		{"The rate is 0.5 per cent.", 6},
	}
	for _, tt := range tests {
		if got := len(Words(tt.in)); got != tt.want {
			t.Errorf("len(Words(%q)): got %d (%q), want %d", tt.in, got, Words(tt.in), tt.want)
		}
	}
}

// syllableTests are common words of engagement pages with their
// dictionary syllable counts. hard marks words the vowel-group heuristic
// cannot get right without a dictionary: two vowels side by side that are
// said as two syllables ("ea" in "area", "idea", "created"; "ie" in
// "science"; "ei" in "being"). For those the count may be one out.
var syllableTests = []struct {
	word string
	want int
	hard bool
}{
	{"a", 1, false},
	{"the", 1, false},
	{"you", 1, false},
	{"health", 1, false},
	{"care", 1, false},
	{"make", 1, false},
	{"whole", 1, false},
	{"nurse", 1, false},
	{"through", 1, false},
	{"queue", 1, false},
	{"asked", 1, false},
	{"played", 1, false},
	{"used", 1, false},
	{"makes", 1, false},
	{"times", 1, false},
	{"goes", 1, false},
	{"cares", 1, false},
	{"table", 2, false},
	{"simple", 2, false},
	{"people", 2, false},
	{"meeting", 2, false},
	{"doctor", 2, false},
	{"wanted", 2, false},
	{"needed", 2, false},
	{"listened", 2, false},
	{"boxes", 2, false},
	{"roses", 2, false},
	{"churches", 2, false},
	{"wishes", 2, false},
	{"pages", 2, false},
	{"places", 2, false},
	{"patient", 2, false},
	{"question", 2, false},
	{"because", 2, false},
	{"language", 2, false},
	{"vaccine", 2, false},
	{"agrees", 2, false},
	{"twenty", 2, false},
	{"services", 3, false},
	{"hospital", 3, false},
	{"medicine", 3, false},
	{"telephone", 3, false},
	{"decided", 3, false},
	{"surgery", 3, false},
	{"beautiful", 3, false},
	{"decision", 3, false},
	{"seventeen", 3, false},
	{"appointment", 3, false},
	{"community", 4, false},
	{"information", 4, false},
	{"consultation", 4, false},
	{"accessible", 4, false},
	{"available", 4, false},
	{"integrated", 4, false},
	{"Hospital", 3, false},
	{"well-known", 2, false},
	{"easy-read", 3, false},
	{"don't", 1, false},
	{"carers’", 2, false},
	{"2026", 1, false},
	{"10am", 1, false},
	{"area", 3, true},
	{"idea", 3, true},
	{"created", 3, true},
	{"science", 2, true},
	{"being", 2, true},
}

func TestSyllables(t *testing.T) {
	for _, tt := range syllableTests {
		got := Syllables(tt.word)
		if tt.hard {
			if got < tt.want-1 || got > tt.want+1 {
				t.Errorf("Syllables(%q): got %d, want %d (or one out: a hard word)", tt.word, got, tt.want)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("Syllables(%q): got %d, want %d", tt.word, got, tt.want)
		}
	}
	for _, w := range []string{"", "'", "-", "’"} {
		if got := Syllables(w); got != 0 {
			t.Errorf("Syllables(%q): got %d, want 0", w, got)
		}
	}
}

// TestMeasure checks the Flesch formulas against values worked out by hand:
//
//	ease  = 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words)
//	grade = 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59
//	age   = grade + 5
func TestMeasure(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Score
	}{
		{
			// 1 sentence, 6 words, 6 syllables: w/s = 6, syl/w = 1.
			// ease = 206.835 − 6.09 − 84.6 = 116.145
			// grade = 2.34 + 11.8 − 15.59 = −1.45
			name: "one-syllable words",
			text: "The cat sat on the mat.",
			want: Score{Sentences: 1, Words: 6, Syllables: 6, Ease: 116.145, Grade: -1.45, Age: 3.55},
		},
		{
			// We(1) will(1) hold(1) a(1) meeting(2) = 5 words, 6 syllables.
			// Please(1) tell(1) us(1) what(1) you(1) think(1) about(2) the(1)
			// hospital(3) = 9 words, 12 syllables.
			// 2 sentences, 14 words, 18 syllables: w/s = 7, syl/w = 18/14.
			// ease = 206.835 − 7.105 − 1522.8/14 = 90.958571…
			// grade = 2.73 + 212.4/14 − 15.59 = 2.311428…
			name: "everyday sentences",
			text: "We will hold a meeting. Please tell us what you think about the hospital.",
			want: Score{Sentences: 2, Words: 14, Syllables: 18,
				Ease: 206.835 - 7.105 - 1522.8/14, Grade: 2.73 + 212.4/14 - 15.59, Age: 2.73 + 212.4/14 - 15.59 + 5},
		},
		{
			// Integrated(4) care(1) boards(1) commission(3) community(4)
			// services(3) = 6 words, 16 syllables. Consultation(4)
			// information(4) is(1) available(4) = 4 words, 13 syllables.
			// 2 sentences, 10 words, 29 syllables: w/s = 5, syl/w = 2.9.
			// ease = 206.835 − 5.075 − 245.34 = −43.58
			// grade = 1.95 + 34.22 − 15.59 = 20.58
			name: "long words",
			text: "Integrated care boards commission community services. Consultation information is available.",
			want: Score{Sentences: 2, Words: 10, Syllables: 29, Ease: -43.58, Grade: 20.58, Age: 25.58},
		},
		{
			name: "no text",
			text: "",
			want: Score{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Measure(Sentences(tt.text))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("Measure(Sentences(%q)) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestMeasureEasierIsHigher checks the direction of the scores: the
// easier text has the higher ease and the lower grade.
func TestMeasureEasierIsHigher(t *testing.T) {
	easy := Measure(Sentences("We met. We had tea. It was fun."))
	hard := Measure(Sentences("Integrated care boards commission community services for populations."))
	if !(easy.Ease > hard.Ease) {
		t.Errorf("ease: got easy %.1f, hard %.1f; want easy higher", easy.Ease, hard.Ease)
	}
	if !(easy.Grade < hard.Grade) {
		t.Errorf("grade: got easy %.1f, hard %.1f; want easy lower", easy.Grade, hard.Grade)
	}
}

func FuzzSentences(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.in)
	}
	for _, s := range []string{
		"e.g.", "Dr.", "J.", ".", "?!", "“", "”.", "a.\u00a0B.", "x. (", "No. 1.", "\xff. A.", "A.\u2028B.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ss := Sentences(text)
		end := 0
		for i, s := range ss {
			if s.Offset < end || s.Offset+len(s.Text) > len(text) {
				t.Fatalf("Sentences(%q)[%d]: offset %d, length %d out of range [%d, %d]", text, i, s.Offset, len(s.Text), end, len(text))
			}
			if got := text[s.Offset : s.Offset+len(s.Text)]; got != s.Text {
				t.Fatalf("Sentences(%q)[%d]: got %q at offset %d, want %q", text, i, got, s.Offset, s.Text)
			}
			if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
				t.Errorf("Sentences(%q)[%d]: got %q, want it trimmed and not empty", text, i, s.Text)
			}
			if n := len(Words(s.Text)); s.Words != n || n == 0 {
				t.Errorf("Sentences(%q)[%d]: got Words %d, want len(Words(%q)) = %d, more than 0", text, i, s.Words, s.Text, n)
			}
			end = s.Offset + len(s.Text)
		}
		if utf8.ValidString(text) {
			for _, w := range Words(text) {
				if Syllables(w) < 1 {
					t.Errorf("Syllables(%q): got %d, want at least 1", w, Syllables(w))
				}
			}
		}
		_ = Measure(ss)
	})
}
