package a11y_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/a11y"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/google/go-cmp/cmp"
)

// The fixes, written out once; every test still compares whole lines.
const (
	imageFix    = `describe what the picture shows: ![A nurse talking to a patient](photo.jpg), or write ![""](photo.jpg) if it is only decoration`
	h1Fix       = "start headings in the text at ## (the title above the text is the page's main heading)"
	emptyFix    = "write the heading's words after the # marks, or remove the line"
	noTextFix   = "write what the link is about between the brackets: [our survey](https://...)"
	vagueFix    = "use words that make sense on their own, such as the title of the page it goes to"
	urlFix      = "write words that say where it goes: [our survey](https://...)"
	tableFix    = "put the name of each column in the first row"
	docFix      = "put the content on this page too, or link to the page that has it"
	paraFix     = "keep paragraphs to 5 sentences or fewer"
	abbrFix     = `write it in full the first time, followed by the abbreviation in brackets, as in "Integrated Care Board (ICB)"; or, if every reader knows it, add it to writing.abbreviations in site.yaml`
	pictureFix  = "start the paragraph with a picture that shows the idea: ![](/assets/images/easy-read/talk.svg) Then the words"
	italicsFix  = "use bold (**...**) for the few words that matter most"
	sentenceFix = "keep sentences to 25 words or fewer, for example by splitting this one in two"
	easyLenFix  = "keep sentences to 15 words or fewer, for example by splitting this one in two"
)

// defaults are the options build passes for a site.yaml without writing:.
var defaults = a11y.Options{ReadingAge: 12, Allow: []string{"NHS", "GP", "UK"}}

// fm is the front matter of the test pages: the body starts on line 4.
const fm = "---\ntitle: A page\n---\n"

// row starts an easy-read paragraph with its picture: 14 characters, so
// the words after it start at column 15.
const row = "![](talk.svg) "

// words is a sentence of n words, each of one syllable.
func words(n int) string {
	return "We" + strings.Repeat(" met", n-1) + "."
}

// repeat joins n copies of sentence into paragraphs of per sentences.
func repeat(sentence string, n, per int) string {
	var b strings.Builder
	for i := range n {
		switch {
		case i == 0:
		case i%per == 0:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		b.WriteString(sentence)
	}
	return b.String() + "\n"
}

// check parses a content file as the build does and returns its problems
// as the command prints them.
func check(t *testing.T, path, src string, opts a11y.Options) []string {
	t.Helper()
	p, problems := content.Parse(path, []byte(src), content.Options{
		Location: time.UTC, Markdown: markdown.New(markdown.Options{}),
	})
	if len(problems) > 0 || p == nil {
		t.Fatalf("content.Parse(%s): %v", path, problems)
	}
	// A panic would stop every other test of the package: report it as
	// this test's failure instead.
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Check(%s) panicked: %v", path, r)
		}
	}()
	var out []string
	for _, pr := range a11y.Check(p, opts).Sort() {
		out = append(out, pr.String())
	}
	return out
}

type checkTest struct {
	name string
	path string // content/a.md when empty
	src  string // the whole file, front matter included
	opts *a11y.Options
	want []string
}

func (tt checkTest) run(t *testing.T) {
	t.Run(tt.name, func(t *testing.T) {
		path := tt.path
		if path == "" {
			path = "content/a.md"
		}
		opts := defaults
		if tt.opts != nil {
			opts = *tt.opts
		}
		got := check(t, path, tt.src, opts)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Check(%s) mismatch (-want +got):\n%s\nsource:\n%s", path, diff, tt.src)
		}
	})
}

func TestImages(t *testing.T) {
	for _, tt := range []checkTest{
		{name: "no alt", src: fm + "![](photo.jpg)\n",
			want: []string{"content/a.md:4:1: image: has no alt text; " + imageFix}},
		{name: "no alt after text", src: fm + "Our team. ![](photo.jpg)\n",
			want: []string{"content/a.md:4:11: image: has no alt text; " + imageFix}},
		{name: "blank alt", src: fm + "Intro.\n\n![   ](photo.jpg)\n",
			want: []string{"content/a.md:6:1: image: has no alt text; " + imageFix}},
		{name: "front matter counted", src: "---\ntitle: A\nsummary: B\n\n---\n\n![](photo.jpg)\n",
			want: []string{"content/a.md:7:1: image: has no alt text; " + imageFix}},
		{name: "alt text", src: fm + "![A nurse talking to a patient](photo.jpg)\n"},
		{name: "decorative", src: fm + "![\"\"](photo.jpg)\n"},
		// The same picture used once as decoration does not excuse a
		// later use with no alt text.
		{name: "decorative then no alt", src: fm + "![\"\"](photo.jpg)\n\n![](photo.jpg)\n",
			want: []string{"content/a.md:6:1: image: has no alt text; " + imageFix}},
		{name: "inside a link", src: fm + "[![](logo.png)](/about/)\n",
			want: []string{"content/a.md:4:2: image: has no alt text; " + imageFix}},
		{name: "easy-read row picture", path: "content/a.easy.md", src: fm + row + "We will talk.\n"},
		{name: "easy-read picture inside the words", path: "content/a.easy.md", src: fm + row + "We will ![](talk.svg) talk.\n",
			want: []string{"content/a.easy.md:4:23: image: has no alt text; " + imageFix}},
		{name: "row picture on a standard page", src: fm + row + "We will talk.\n",
			want: []string{"content/a.md:4:1: image: has no alt text; " + imageFix}},
	} {
		tt.run(t)
	}
}

func TestHeadings(t *testing.T) {
	for _, tt := range []checkTest{
		{name: "second h1", src: fm + "## One\n\n# Two\n",
			want: []string{"content/a.md:6:1: heading: is a second main heading (#); " + h1Fix}},
		{name: "setext h1", src: fm + "Intro.\n\nTwo\n===\n",
			want: []string{"content/a.md:6:1: heading: is a second main heading (#); " + h1Fix}},
		{name: "skipped level", src: fm + "## One\n\n#### Two\n",
			want: []string{"content/a.md:6:1: heading: skips from level 2 to level 4; use ### here, or add the missing level above it"}},
		{name: "skipped level after the title", src: fm + "### One\n",
			want: []string{"content/a.md:4:1: heading: skips from level 1 to level 3; use ## here, or add the missing level above it"}},
		{name: "levels in order and back up", src: fm + "## A\n\n### B\n\n#### C\n\n## D\n\n### E\n"},
		{name: "empty", src: fm + "## One\n\nText.\n\n##\n",
			want: []string{"content/a.md:8:1: heading: is empty; " + emptyFix}},
		{name: "empty with closing marks", src: fm + "## One\n\n## ##\n",
			want: []string{"content/a.md:6:1: heading: is empty; " + emptyFix}},
	} {
		tt.run(t)
	}
}

func TestLinks(t *testing.T) {
	tests := []checkTest{
		{name: "no text", src: fm + "See [](https://example.org).\n",
			want: []string{"content/a.md:4:5: link: has no text; " + noTextFix}},
		{name: "only spaces", src: fm + "[  ](/about/)\n",
			want: []string{"content/a.md:4:1: link: has no text; " + noTextFix}},
		{name: "good text", src: fm + "Come to the [carers café](/events/cafe/).\n"},
		{name: "bare address as text", src: fm + "Go to [https://example.org](https://example.org).\n",
			want: []string{"content/a.md:4:7: warning: link: the address itself is the link text; " + urlFix}},
		{name: "www address as text", src: fm + "[www.nhs.uk](https://www.nhs.uk/)\n",
			want: []string{"content/a.md:4:1: warning: link: the address itself is the link text; " + urlFix}},
		{name: "autolinked address", src: fm + "Visit https://example.org today.\n",
			want: []string{"content/a.md:4:7: warning: link: the address itself is the link text; " + urlFix}},
		{name: "autolinked address on the second line", src: fm + "Our survey is open.\nVisit https://example.org today.\n",
			want: []string{"content/a.md:5:7: warning: link: the address itself is the link text; " + urlFix}},
		{name: "address in angle brackets", src: fm + "<https://example.org>\n",
			want: []string{"content/a.md:4:1: warning: link: the address itself is the link text; " + urlFix}},
		{name: "email address", src: fm + "Email team@example.org or <info@example.org>.\n"},
		// The words of an easy-read row are inline nodes inside the
		// paragraph; a bare address among them must still be reported.
		{name: "autolinked address in an easy-read row", path: "content/a.easy.md", src: fm + row + "Visit https://www.nhs.uk today.\n",
			want: []string{"content/a.easy.md:4:21: warning: link: the address itself is the link text; " + urlFix}},
	}
	for _, text := range []string{"click here", "here", "read more", "this page", "Click here", "Read more."} {
		tests = append(tests, checkTest{name: "vague " + text, src: fm + "Read [" + text + "](/a/) now.\n",
			want: []string{fmt.Sprintf("content/a.md:4:6: warning: link: %q does not say where the link goes; %s", text, vagueFix)}})
	}
	for _, tt := range tests {
		tt.run(t)
	}
}

func TestTables(t *testing.T) {
	for _, tt := range []checkTest{
		{name: "empty header row", src: fm + "Opening times.\n\n|   |   |\n|---|---|\n| Monday | 10am |\n",
			want: []string{"content/a.md:6:1: table: has no header row; " + tableFix}},
		{name: "header row", src: fm + "| Day | Time |\n|---|---|\n| Monday | 10am |\n"},
		{name: "one named column", src: fm + "| Day |   |\n|---|---|\n| Monday | 10am |\n"},
	} {
		tt.run(t)
	}
}

func TestDocuments(t *testing.T) {
	// long is 150 words of easy sentences: a page with the content as
	// well as the document.
	long := repeat("We will hold a meeting at the hall on Monday.", 15, 5)
	for _, tt := range []checkTest{
		{name: "PDF on a short page", src: fm + "Read the [annual report](report.pdf).\n",
			want: []string{"content/a.md:4:10: warning: link: links to a PDF with no web page version here; " + docFix}},
		{name: "Word file", src: fm + "Fill in the [form](form.docx).\n",
			want: []string{"content/a.md:4:13: warning: link: links to an MS Word Document with no web page version here; " + docFix}},
		{name: "two documents", src: fm + "Read the [report](report.pdf).\n\nSee the [figures](figures.xlsx).\n",
			want: []string{
				"content/a.md:4:10: warning: link: links to a PDF with no web page version here; " + docFix,
				"content/a.md:6:9: warning: link: links to an MS Excel Spreadsheet with no web page version here; " + docFix,
			}},
		{name: "document with a fragment", src: fm + "Read [page 4 of the report](report.pdf#page=4).\n",
			want: []string{"content/a.md:4:6: warning: link: links to a PDF with no web page version here; " + docFix}},
		{name: "link to another page", src: fm + "Read the [annual report](report.pdf) or [its summary](/report/).\n"},
		{name: "only an external link", src: fm + "Read the [annual report](report.pdf) or [the NHS website](https://www.nhs.uk/).\n",
			want: []string{"content/a.md:4:10: warning: link: links to a PDF with no web page version here; " + docFix}},
		// A link within the same page is not a web version of the document.
		{name: "only a link within the page", src: fm + "Read the [annual report](report.pdf) or [the details](#details).\n",
			want: []string{"content/a.md:4:10: warning: link: links to a PDF with no web page version here; " + docFix}},
		{name: "long page", src: fm + long + "\nRead the [annual report](report.pdf).\n"},
		{name: "text file is not an office document", src: fm + "Read the [notes](notes.txt).\n"},
		{name: "picture of a document", src: fm + "![Cover of the report](cover.pdf)\n"},
	} {
		tt.run(t)
	}
}

func TestSentenceLength(t *testing.T) {
	for _, tt := range []checkTest{
		{name: "26 words", src: fm + words(26) + "\n",
			want: []string{"content/a.md:4:1: warning: sentence: has 26 words; " + sentenceFix}},
		{name: "25 words", src: fm + words(25) + "\n"},
		{name: "second sentence", src: fm + "Short one. " + words(30) + "\n",
			want: []string{"content/a.md:4:12: warning: sentence: has 30 words; " + sentenceFix}},
		{name: "second line of a paragraph", src: fm + "Short one.\nSo " + words(26) + "\n",
			want: []string{"content/a.md:5:1: warning: sentence: has 27 words; " + sentenceFix}},
		{name: "sentence over a line break", src: fm + "Short one. We" + strings.Repeat(" met", 12) + "\n" + strings.Repeat("met ", 13) + "met.\n",
			want: []string{"content/a.md:4:12: warning: sentence: has 27 words; " + sentenceFix}},
		{name: "in a list", src: fm + "Intro.\n\n- " + words(26) + "\n",
			want: []string{"content/a.md:6:3: warning: sentence: has 26 words; " + sentenceFix}},
		{name: "code is not text", src: fm + "```\n" + words(40) + "\n```\n"},
	} {
		tt.run(t)
	}
}

func TestParagraphLength(t *testing.T) {
	for _, tt := range []checkTest{
		{name: "6 sentences", src: fm + "Intro.\n\n" + strings.Repeat("We met. ", 5) + "We left.\n",
			want: []string{"content/a.md:6:1: warning: paragraph: has 6 sentences; " + paraFix}},
		{name: "5 sentences", src: fm + strings.Repeat("We met. ", 4) + "We left.\n"},
		{name: "5 and 5", src: fm + strings.Repeat("We met. ", 4) + "We left.\n\n" + strings.Repeat("We met. ", 4) + "We left.\n"},
	} {
		tt.run(t)
	}
}

func TestReadingAge(t *testing.T) {
	// hard is 105 words in 15 sentences: The(1) integrated(4) care(1)
	// board(1) commissions(3) community(4) services(3) = 7 words,
	// 17 syllables each. grade = 0.39·7 + 11.8·17/7 − 15.59 = 15.797,
	// so the reading age is 20.797 (about 21), and the ease is
	// 206.835 − 1.015·7 − 84.6·17/7 = −5.727 (about −6).
	hard := repeat("The integrated care board commissions community services.", 15, 5)
	// shortHard is the same text at 98 words: too short to score.
	shortHard := repeat("The integrated care board commissions community services.", 14, 5)
	// easy is 100 words in 20 sentences: We(1) will(1) hold(1) a(1)
	// meeting(2) = 5 words, 6 syllables each. grade = 0.39·5 + 11.8·1.2
	// − 15.59 = 0.52, so the reading age is 5.52 (about 6); the ease is
	// 206.835 − 5.075 − 101.52 = 100.24 (about 100).
	easy := repeat("We will hold a meeting.", 20, 5)
	hardWarning := "content/a.md:4:1: warning: readability: the page needs a reading age of about 21 (Flesch reading ease -6); " +
		"the site's target is a reading age of %d: use shorter sentences and everyday words"
	for _, tt := range []checkTest{
		{name: "hard page", src: fm + hard, want: []string{fmt.Sprintf(hardWarning, 12)}},
		{name: "hard page with a lower target", src: fm + hard, opts: &a11y.Options{ReadingAge: 9},
			want: []string{fmt.Sprintf(hardWarning, 9)}},
		{name: "hard page within a higher target", src: fm + hard, opts: &a11y.Options{ReadingAge: 21}},
		{name: "hard page just over the target", src: fm + hard, opts: &a11y.Options{ReadingAge: 20},
			want: []string{fmt.Sprintf(hardWarning, 20)}},
		{name: "short hard page", src: fm + shortHard},
		{name: "reported at the body's first line", src: "---\ntitle: A\nsummary: B\n---\n\n" + hard,
			want: []string{strings.Replace(fmt.Sprintf(hardWarning, 12), ":4:1:", ":5:1:", 1)}},
		{name: "easy page", src: fm + easy},
		{name: "easy page above a very low target", src: fm + easy, opts: &a11y.Options{ReadingAge: 5},
			want: []string{"content/a.md:4:1: warning: readability: the page needs a reading age of about 6 (Flesch reading ease 100); " +
				"the site's target is a reading age of 5: use shorter sentences and everyday words"}},
		{name: "no target", src: fm + hard, opts: &a11y.Options{}},
		{name: "easy-read pages are not scored", path: "content/a.easy.md",
			src: fm + strings.Repeat(row+"The integrated care board commissions community services.\n\n", 15)},
	} {
		tt.run(t)
	}
}

func TestAbbreviations(t *testing.T) {
	warn := func(pos, word string) string {
		return fmt.Sprintf("content/a.md:%s: warning: abbreviation: %q is not spelled out on first use; %s", pos, word, abbrFix)
	}
	for _, tt := range []checkTest{
		{name: "not spelled out", src: fm + "We met the ICB today.\n", want: []string{warn("4:12", "ICB")}},
		{name: "spelled out before", src: fm + "The Integrated Care Board (ICB) met. The ICB agreed.\n"},
		{name: "spelled out after", src: fm + "The ICB (Integrated Care Board) met. The ICB agreed.\n"},
		{name: "allow-list", src: fm + "Ask your GP, the NHS or anyone in the UK.\n"},
		{name: "plural of an allowed word", src: fm + "Most GPs agree.\n"},
		{name: "plural", src: fm + "ICBs are new.\n", want: []string{warn("4:1", "ICB")}},
		{name: "only the first use", src: fm + "The ICB met. The ICB agreed.\n\nThe ICB left.\n", want: []string{warn("4:5", "ICB")}},
		{name: "each abbreviation once", src: fm + "The ICB and the PCN met.\n\nThe PCN left.\n",
			want: []string{warn("4:5", "ICB"), warn("4:17", "PCN")}},
		{name: "second line", src: fm + "We met.\nThen the PCN spoke.\n", want: []string{warn("5:10", "PCN")}},
		{name: "in link text", src: fm + "Read about [the ICB](/icb/).\n", want: []string{warn("4:17", "ICB")}},
		{name: "site allow-list", src: fm + "The ICB met.\n", opts: &a11y.Options{ReadingAge: 12, Allow: []string{"ICB"}}},
		{name: "site allow-list replaces the default", src: fm + "Ask your GP.\n", opts: &a11y.Options{ReadingAge: 12, Allow: []string{"ICB"}},
			want: []string{warn("4:10", "GP")}},
		{name: "not capitals", src: fm + "The Icb met.\n"},
		{name: "in code", src: fm + "Type `ICB` here.\n"},
	} {
		tt.run(t)
	}
}

// TestAbbreviationsMetInEarlierParagraphs checks that the abbreviations
// met are remembered as written, while the text of later paragraphs is
// read into the same buffer.
func TestAbbreviationsMetInEarlierParagraphs(t *testing.T) {
	warn := func(pos, word string) string {
		return fmt.Sprintf("content/a.md:%s: warning: abbreviation: %q is not spelled out on first use; %s", pos, word, abbrFix)
	}
	checkTest{name: "three paragraphs", src: fm + "The ICB met.\n\nThe PCN and XYZ met.\n\nThe ICB, PCN and XYZ left. Then the ABC came.\n",
		want: []string{warn("4:5", "ICB"), warn("6:5", "PCN"), warn("6:13", "XYZ"), warn("8:37", "ABC")}}.run(t)
}

// TestCheckPagesInTurn checks pages one after another and at once, as
// the parse stage does: a check must not carry anything over from the
// page before, whose buffers it reuses.
func TestCheckPagesInTurn(t *testing.T) {
	var want [][]string
	var ps []*content.Page
	for _, pg := range pages {
		p := parsePage(t, pg.path, pg.file)
		ps = append(ps, p)
		want = append(want, strs(a11y.Check(p, defaults)))
		if len(want[len(want)-1]) == 0 {
			t.Fatalf("Check(%s) found nothing; want a page with problems", pg.file)
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				k := (g + i) % len(ps)
				if diff := cmp.Diff(want[k], strs(a11y.Check(ps[k], defaults))); diff != "" {
					t.Errorf("Check(%s) the %d time in goroutine %d differs from the first (-first +now):\n%s", pages[k].file, i+1, g, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// strs writes problems as they are printed, sorted.
func strs(l diag.List) []string {
	var out []string
	for _, pr := range l.Sort() {
		out = append(out, pr.String())
	}
	return out
}

func TestEasyRead(t *testing.T) {
	const path = "content/a.easy.md"
	warn := func(col int, msg string) string {
		return fmt.Sprintf("%s:4:%d: warning: easy read: %s", path, col, msg)
	}
	tests := []checkTest{
		{name: "16 words", src: fm + row + words(16) + "\n",
			want: []string{fmt.Sprintf("%s:4:15: warning: sentence: has 16 words; %s", path, easyLenFix)}},
		// The picture beside the words is not a word of the sentence.
		{name: "15 words", src: fm + row + words(15) + "\n"},
		{name: "16 words without a picture", src: fm + words(16) + "\n",
			want: []string{
				fmt.Sprintf("%s:4:1: warning: easy read: this paragraph has no picture beside it; %s", path, pictureFix),
				fmt.Sprintf("%s:4:1: warning: sentence: has 16 words; %s", path, easyLenFix),
			}},
		{name: "e.g.", src: fm + row + "Bring food, e.g. fruit.\n",
			want: []string{warn(27, `"e.g." is an abbreviation; write "for example"`)}},
		{name: "i.e.", src: fm + row + "Use the form, i.e. the paper form.\n",
			want: []string{warn(29, `"i.e." is an abbreviation; write "that is"`)}},
		{name: "etc.", src: fm + row + "Bring pens, paper etc.\n",
			want: []string{warn(33, `"etc." is an abbreviation; write "and other things", or list them all`)}},
		{name: "etc", src: fm + row + "Bring pens etc to the hall.\n",
			want: []string{warn(26, `"etc" is an abbreviation; write "and other things", or list them all`)}},
		{name: "a word that starts with etc", src: fm + row + "We did some etching.\n"},
		{name: "capitals", src: fm + row + "The PCN will help.\n",
			want: []string{fmt.Sprintf("%s:4:19: warning: abbreviation: %q is not spelled out on first use; %s", path, "PCN", abbrFix)}},
		{name: "allowed capitals", src: fm + row + "Ask your GP.\n"},
		{name: "no picture", src: fm + "We will talk.\n",
			want: []string{fmt.Sprintf("%s:4:1: warning: easy read: this paragraph has no picture beside it; %s", path, pictureFix)}},
		{name: "picture inside the words", src: fm + "We will ![Two people talking](talk.svg) talk.\n",
			want: []string{fmt.Sprintf("%s:4:1: warning: easy read: this paragraph has no picture beside it; %s", path, pictureFix)}},
		{name: "picture with alt text", src: fm + "![Two people talking](talk.svg) We will talk.\n"},
		{name: "decorative picture", src: fm + "![\"\"](talk.svg) We will talk.\n"},
		{name: "second paragraph with no picture", src: fm + row + "We will talk.\n\nThen we eat.\n",
			want: []string{fmt.Sprintf("%s:6:1: warning: easy read: this paragraph has no picture beside it; %s", path, pictureFix)}},
		{name: "italics", src: fm + row + "This is *very* important.\n",
			want: []string{warn(24, "italics are hard to read; "+italicsFix)}},
		{name: "italics with underscores", src: fm + row + "This is _very_ important.\n",
			want: []string{warn(24, "italics are hard to read; "+italicsFix)}},
		{name: "bold", src: fm + row + "This is **very** important.\n"},
		{name: "number 20", src: fm + row + "Twenty people came.\n",
			want: []string{warn(15, `"Twenty" is a number written as a word; write it as a number: 20`)}},
		{name: "not a number", src: fm + row + "Someone will call.\n"},
		{name: "digits", src: fm + row + "We need 3 people.\n"},
		{name: "contraction and number", src: fm + row + "We can't see three people.\n",
			want: []string{
				warn(18, `"can't" is a contraction; write it in full: cannot`),
				warn(28, `"three" is a number written as a word; write it as a number: 3`),
			}},
		{name: "full words", src: fm + row + "We cannot come. It is late.\n"},
	}
	numbers := []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, n := range numbers {
		tests = append(tests, checkTest{name: "number " + n, src: fm + row + "We need " + n + " more.\n",
			want: []string{warn(23, fmt.Sprintf("%q is a number written as a word; write it as a number: %d", n, i+1))}})
	}
	for _, c := range []struct{ word, full string }{
		{"can't", "cannot"}, {"can’t", "cannot"},
		{"won't", "will not"}, {"won’t", "will not"},
		{"it's", "it is"}, {"it’s", "it is"},
		{"we're", "we are"}, {"we’re", "we are"},
		{"don't", "do not"}, {"don’t", "do not"},
		{"they'll", "they will"}, {"you've", "you have"}, {"I'm", "I am"}, {"let's", "let us"},
	} {
		tests = append(tests, checkTest{name: "contraction " + c.word, src: fm + row + "So " + c.word + " go.\n",
			want: []string{warn(18, fmt.Sprintf("%q is a contraction; write it in full: %s", c.word, c.full))}})
	}
	for _, tt := range tests {
		tt.path = path
		tt.run(t)
	}
}

// TestStandardPageIsNotEasyRead checks that the easy-read rules apply only
// to easy-read files.
func TestStandardPageIsNotEasyRead(t *testing.T) {
	checkTest{name: "standard", src: fm + "We can't bring three things, e.g. *food*, etc.\n\n" + words(16) + "\n"}.run(t)
}

func TestNoBody(t *testing.T) {
	p := &content.Page{Path: "content/a.md"}
	if got := a11y.Check(p, defaults); len(got) != 0 {
		t.Errorf("Check of a page without a body: got %v, want no problems", got)
	}
}

// FuzzCheck checks that any body can be checked without a panic and that
// every problem points inside the file.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"![](photo.jpg)\n", "## One\n\n# Two\n\n####\n", "[](x) [here](/a/) https://example.org <https://x.org>\n",
		"|  |  |\n|--|--|\n| a | b |\n", "Read the [report](report.pdf#p=1).\n", words(30) + " " + words(3) + "\n",
		"The ICB (Integrated Care Board) and GPs.\n", row + "We can’t see *three* things, e.g. etc.\n",
		"> # Quote\n>\n> ![](x.png)\n", row + "Visit https://www.nhs.uk today.\n", "- [ ] ICB\n  - ![](a.png)\n", "```\nICB\n```\n", "Café ÉCB. ‘PCN’\r\nNHS\r\n",
	} {
		f.Add("content/a.md", s)
		f.Add("content/a.easy.md", s)
	}
	md := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, path, body string) {
		if path != "content/a.md" {
			path = "content/a.easy.md"
		}
		src := fm + body
		p, problems := content.Parse(path, []byte(src), content.Options{Location: time.UTC, Markdown: md})
		if p == nil || len(problems) > 0 {
			return
		}
		lines := strings.Split(src, "\n")
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Check(%s, %q) panicked: %v", path, src, r)
			}
		}()
		for _, pr := range a11y.Check(p, defaults) {
			if pr.Path != path || pr.Line < p.BodyLine || pr.Line > len(lines) || pr.Col < 1 {
				t.Fatalf("Check(%q): got %s, want a position in the body (lines %d to %d)", src, pr, p.BodyLine, len(lines))
			}
			if n := len([]rune(lines[pr.Line-1])); pr.Col > n+1 {
				t.Errorf("Check(%q): got %s, want a column within line %d (%d characters)", src, pr, pr.Line, n)
			}
		}
	})
}
