package a11y

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var wordRules = []struct {
	name string
	rule wordRule
}{
	{"contractions", contractionRule},
	{"numbers", numberRule},
	{"latin", latinRule},
}

// wordRuleCases are texts where finding whole words could go wrong.
var wordRuleCases = []string{
	"",
	"We can't, won’t or don't. It's there. Let’s go! I'm, you're, we've, they'll, I'd, you’D.",
	"CAN'T WON'T IT'S I'M YOU'RE. Can’T. It'S. We'Ve. They'LL.",
	"we'd've. can'tt. can't_ _can't 2can't can'2t. scan't. it's's. it''s. it' s. it ’s.",
	"doesn't isn't aren't wasn't weren't haven't hasn't hadn't couldn't shouldn't wouldn't didn't mustn't needn't",
	"that's there's what's who's he's she's; i've you'm they'd we'll; he'd she're",
	"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
	"One TWO tHree. Twenty-one, one-off, seventeenth, someone, ones, one_two, one2, 1one, téne ten’s twenty’",
	"e.g. i.e. etc etc. approx. n.b. vs vs. E.G. I.E. ETC. APPROX. N.B. VS.",
	"e.g.x e.gx. ee.g. e. g. etc.etc etcetera vsx xvs approx approxx. n.bb. vs..",
	"(e.g. this) [i.e. that] “etc.” ‘vs.’ —approx.— e.g.\ne.g.",
	"The \u212aelvin sign: \u212a. The long s: ſix, ſeven, it'ſ, vſ, ſhe'ſ.",
	"Café one, naïve two, ünë three; 東京 four; \xff five \xe2\x80 six\xc3.",
	"one\xe2\x80\x99s can\xe2\x80\x99t it\xe2\x80t",
}

func TestWordRulesMatchRegexp(t *testing.T) {
	for _, text := range wordRuleCases {
		for _, r := range wordRules {
			matchRegexp(t, r.name, r.rule, text)
		}
	}
}

// FuzzWordRules checks that each rule finds the same matches as its
// regular expression, for any text.
func FuzzWordRules(f *testing.F) {
	for _, text := range wordRuleCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range wordRules {
			matchRegexp(t, r.name, r.rule, text)
		}
	})
}

func matchRegexp(t *testing.T, name string, r wordRule, text string) {
	t.Helper()
	if diff := cmp.Diff(r.re.FindAllStringIndex(text, -1), r.find(text)); diff != "" {
		t.Errorf("%s: find(%q) differs from FindAllStringIndex (-want +got):\n%s", name, text, diff)
	}
}

func TestWordSet(t *testing.T) {
	s := newWordSet("can", "shouldn")
	for w, want := range map[string]bool{
		"can": true, "CAN": true, "Can": true, "shouldn": true, "ShouldN": true,
		"ca": false, "cann": false, "": false, "c\u212an": false, strings.Repeat("can", 10): false,
	} {
		if got := s.has(w); got != want {
			t.Errorf("has(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestLinkTextsAsLowered checks isVague and looksLikeURL against lowering
// the whole text first, as they did before, on texts in any case and
// with letters that change length when lowered.
func TestLinkTextsAsLowered(t *testing.T) {
	texts := []string{
		"", "here", "Here", "HERE", "click here", "Click Here", "more information", "More Information",
		"lin\u212a", "LIN\u212a", "clic\u212a here", "\u212a", "here" + strings.Repeat("\u212a", 30), "ẞ", "İ",
		strings.Repeat("here", 20), "Part 217: Who we are", "the carers café in Ashford Green",
		"https://example.org", "HTTPS://EXAMPLE.ORG", "Http://x", "www.nhs.uk", "WWW.NHS.UK", "wWw.", "www",
		"http:/", "ftp://x", "\u0127ttp://x", "ｈttp://x", "https:／／x", "\u212aww.x", "ww\u0175.x",
	}
	for _, text := range texts {
		checkAsLowered(t, text)
	}
}

// checkAsLowered checks isVague and looksLikeURL on text against
// lowering it first.
func checkAsLowered(t *testing.T, text string) {
	t.Helper()
	lower := strings.ToLower(text)
	if got, want := isVague(text), vague[lower]; got != want {
		t.Errorf("isVague(%q) = %v, want %v", text, got, want)
	}
	want := strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www.")
	if got := looksLikeURL(text); got != want {
		t.Errorf("looksLikeURL(%q) = %v, want %v", text, got, want)
	}
}

func FuzzLinkTextsAsLowered(f *testing.F) {
	for _, s := range []string{"Click Here", "lin\u212a", "HTTPS://x", "www.x"} {
		f.Add(s)
	}
	f.Fuzz(checkAsLowered)
}
