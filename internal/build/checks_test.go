package build_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
	"github.com/google/go-cmp/cmp"
)

// The fixes of the content checks, written out once.
const (
	imageFix    = `describe what the picture shows: ![A nurse talking to a patient](photo.jpg), or write ![""](photo.jpg) if it is only decoration`
	vagueFix    = "use words that make sense on their own, such as the title of the page it goes to"
	abbrFix     = `write it in full the first time, followed by the abbreviation in brackets, as in "Integrated Care Board (ICB)"; or, if every reader knows it, add it to writing.abbreviations in site.yaml`
	headingFix  = "use ### here, or add the missing level above it"
	readFix     = "the site's target is a reading age of %d: use shorter sentences and everyday words"
	pictureFix  = "start the paragraph with a picture that shows the idea: ![](/assets/images/easy-read/talk.svg) Then the words"
	brandDarker = "choose a darker colour: links and white text on it need at least 4.5:1 (NHS blue #005eb8 has 6.4:1)"
)

// picture is a picture of the theme, so that links to it resolve.
const picture = "/assets/images/easy-read/talk.svg"

// warnPage is a page with one content problem of each kind that is only
// a warning.
const warnPage = "---\ntitle: Warnings\n---\nRead [click here](/a/) now.\n\nWe met the ICB today.\n"

// build runs a build of files into a new folder and returns the folder,
// the problems and the error.
func buildSite(t *testing.T, files map[string]string, change func(*build.Options)) (string, []string, error) {
	t.Helper()
	src := writeSite(t, files)
	dest := filepath.Join(t.TempDir(), "public")
	o := opts(src, dest)
	if change != nil {
		change(&o)
	}
	res, err := build.Build(context.Background(), o)
	return dest, problemLines(res), err
}

// TestContentChecksInBuild checks that the content checks run on every
// published page and that their problems are sorted with the others by
// file, line and column.
func TestContentChecksInBuild(t *testing.T) {
	files := map[string]string{
		"content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
		"content/b.md":      "---\ntitle: B\nsumary: Misspelt.\n---\n## One\n\n#### Two\n\n![](" + picture + ")\n",
		"content/a.md":      warnPage,
		"content/a.easy.md": "---\ntitle: A in easy read\n---\nWe can't come.\n",
	}
	dest, got, err := buildSite(t, files, nil)
	if !errors.Is(err, build.ErrProblems) {
		t.Errorf("Build: got error %v, want ErrProblems", err)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("Build with errors created %s (stat: %v), want nothing written", dest, err)
	}
	want := []string{
		"content/a.easy.md:4:1: warning: easy read: this paragraph has no picture beside it; " + pictureFix,
		`content/a.easy.md:4:4: warning: easy read: "can't" is a contraction; write it in full: cannot`,
		`content/a.md:4:6: warning: link: "click here" does not say where the link goes; ` + vagueFix,
		`content/a.md:6:12: warning: abbreviation: "ICB" is not spelled out on first use; ` + abbrFix,
		`content/b.md:3:1: sumary: unknown field here; did you mean "summary"?`,
		"content/b.md:7:1: heading: skips from level 2 to level 4; " + headingFix,
		"content/b.md:9:1: image: has no alt text; " + imageFix,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// TestContentWarnings checks that warnings are printed but fail the
// build only under --strict, which then leaves the previous output as it
// was.
func TestContentWarnings(t *testing.T) {
	want := []string{
		`content/a.md:4:6: warning: link: "click here" does not say where the link goes; ` + vagueFix,
		`content/a.md:6:12: warning: abbreviation: "ICB" is not spelled out on first use; ` + abbrFix,
	}
	src := writeSite(t, map[string]string{"content/a.md": warnPage})
	dest := filepath.Join(t.TempDir(), "public")

	res := mustBuild(t, opts(src, dest))
	if diff := cmp.Diff(want, problemLines(res)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(dest, "a", "index.html")); err != nil {
		t.Errorf("build with only warnings: got %v, want a/index.html written", err)
	}

	before := readTree(t, dest)
	if err := os.WriteFile(filepath.Join(src, "content", "b.md"), []byte("---\ntitle: B\n---\nNew page.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := opts(src, dest)
	o.Strict = true
	res, err := build.Build(context.Background(), o)
	if !errors.Is(err, build.ErrProblems) {
		t.Errorf("Build --strict: got error %v, want ErrProblems", err)
	}
	if diff := cmp.Diff(want, problemLines(res)); diff != "" {
		t.Errorf("--strict problems mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(before, readTree(t, dest)); diff != "" {
		t.Errorf("Build --strict changed the previous output (-before +after):\n%s", diff)
	}
	if left := stagingLeft(t, dest); len(left) > 0 {
		t.Errorf("staging folders left behind: %q", left)
	}
}

// TestDraftsNotChecked checks that pages that will not be published are
// not checked, and are when --drafts publishes them.
func TestDraftsNotChecked(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{
			"content/a.md":     "---\ntitle: A\n---\nHello.\n",
			"content/draft.md": "---\ntitle: Draft\ndraft: true\n---\n![](" + picture + ")\n",
		}
	}
	_, got, err := buildSite(t, files(), nil)
	if err != nil || len(got) > 0 {
		t.Errorf("Build with a draft: got %v and %q, want no error and no problems", err, got)
	}
	_, got, err = buildSite(t, files(), func(o *build.Options) { o.Drafts = true })
	if !errors.Is(err, build.ErrProblems) {
		t.Errorf("Build --drafts: got error %v, want ErrProblems", err)
	}
	want := []string{"content/draft.md:5:1: image: has no alt text; " + imageFix}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Build --drafts problems mismatch (-want +got):\n%s", diff)
	}
}

// TestWritingSettings checks that site.yaml's writing: targets reach the
// checks: the reading age and the abbreviations every reader knows.
func TestWritingSettings(t *testing.T) {
	// The page is 110 words in 14 sentences. Ask(1) your(1) GP(1) or(1)
	// the(1) ICB(1) = 6 words, 6 syllables; then 13 times We(1) will(1)
	// tell(1) the(1) community(4) about(2) the(1) meeting(2) = 8 words,
	// 13 syllables: 175 syllables in all. grade = 0.39·110/14 +
	// 11.8·175/110 − 15.59 = 6.246, so the reading age is 11.246 (about
	// 11, within the default 12); ease = 206.835 − 1.015·110/14 −
	// 84.6·175/110 = 64.27 (about 64).
	middling := strings.Repeat("We will tell the community about the meeting. ", 4) + "\n\n" +
		strings.Repeat("We will tell the community about the meeting. ", 4) + "\n\n" +
		strings.Repeat("We will tell the community about the meeting. ", 5) + "\n"
	page := "---\ntitle: A\n---\nAsk your GP or the ICB.\n\n" + middling
	tests := []struct {
		name    string
		writing string
		want    []string
	}{
		{
			name: "defaults",
			want: []string{`content/a.md:4:20: warning: abbreviation: "ICB" is not spelled out on first use; ` + abbrFix},
		},
		{
			name:    "reading age 9 and own abbreviations",
			writing: "writing:\n  reading_age: 9\n  abbreviations: [NHS, ICB]\n",
			want: []string{
				"content/a.md:4:1: warning: readability: the page needs a reading age of about 11 (Flesch reading ease 64); " + fmt.Sprintf(readFix, 9),
				`content/a.md:4:10: warning: abbreviation: "GP" is not spelled out on first use; ` + abbrFix,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"site.yaml": minimalYAML + tt.writing, "content/a.md": page}
			_, got, err := buildSite(t, files, nil)
			if err != nil {
				t.Errorf("Build: got error %v, want none (only warnings)", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBrandColour checks the contrast of site.yaml's brand colour: too
// light fails the build with the key's position, dark enough is used.
func TestBrandColour(t *testing.T) {
	page := map[string]string{"content/a.md": "---\ntitle: A\n---\nHello.\n"}

	files := map[string]string{"site.yaml": minimalYAML + "brand_colour: \"#ffcc00\"\n"}
	for k, v := range page {
		files[k] = v
	}
	dest, got, err := buildSite(t, files, nil)
	if !errors.Is(err, build.ErrProblems) {
		t.Errorf("Build with #ffcc00: got error %v, want ErrProblems", err)
	}
	want := []string{"site.yaml:5:15: brand_colour: #ffcc00 has a contrast of 1.5:1 against white; " + brandDarker}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("Build with a light brand colour created %s (stat: %v), want nothing written", dest, err)
	}

	for _, c := range []string{"#005eb8", "#005EB8"} {
		files := map[string]string{"site.yaml": minimalYAML + "brand_colour: \"" + c + "\"\n"}
		for k, v := range page {
			files[k] = v
		}
		dest, got, err := buildSite(t, files, nil)
		if err != nil || len(got) > 0 {
			t.Fatalf("Build with %s: got %v and %q, want no error and no problems", c, err, got)
		}
		for _, name := range []string{"index.html", "a/index.html", "accessibility/index.html"} {
			html := readPage(t, dest, name)
			if !strings.Contains(html, "--brand:#005eb8;") || !strings.Contains(html, "--brand-text:#ffffff") {
				t.Errorf("%s with brand_colour %s: got no --brand:#005eb8 and --brand-text:#ffffff in\n%s", name, c, html)
			}
		}
	}
}

// TestAccessibilityStatement checks the statement generated from
// site.yaml: compliance, known issues, dates and how to get in touch.
func TestAccessibilityStatement(t *testing.T) {
	const org = "organisation:\n  name: Leeds Health Board\n  email: access@leeds.example\n  phone: 0113 496 0000\n  address: 1 Park Row, Leeds LS1 5AB\n"
	const base = "title: Test site\ntaxonomies: []\n" + org
	const issues = "  issues:\n    - what: Some older PDF documents are not accessible.\n      why: They were published before 2018.\n      fix_by: 2027-03-31\n" +
		"  prepared: 2026-09-01\n  reviewed: 2026-11-01\n"
	tests := []struct {
		name       string
		compliance string // "" leaves it out
		want       []string
	}{
		{"full", "full", []string{"This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."}},
		{"partial", "partial", []string{"This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the problems listed below."}},
		{"not", "not", []string{"This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The problems we know about are listed below."}},
		{"partial by default", "", []string{"This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the problems listed below."}},
	}
	common := []string{
		"Accessibility statement for Test site",
		"run by Leeds Health Board.",
		"Some older PDF documents are not accessible. They were published before 2018. We plan to fix this by 2027-03-31.",
		"email access@leeds.example",
		"call 0113 496 0000",
		"write to 1 Park Row, Leeds LS1 5AB",
		"contact Leeds Health Board by email at access@leeds.example or by phone on 0113 496 0000",
		"Enforcement procedure",
		"This statement was prepared on 2026-09-01. It was last reviewed on 2026-11-01.",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := "accessibility:\n"
			if tt.compliance != "" {
				a += "  compliance: " + tt.compliance + "\n"
			}
			files := map[string]string{"site.yaml": base + a + issues, "content/a.md": "---\ntitle: A\n---\nHello.\n"}
			dest, got, err := buildSite(t, files, nil)
			if err != nil || len(got) > 0 {
				t.Fatalf("Build: got %v and %q, want no error and no problems", err, got)
			}
			html := mainOf(t, readPage(t, dest, "accessibility/index.html"))
			if !strings.Contains(html, `href="mailto:access@leeds.example"`) || !strings.Contains(html, `href="tel:`) {
				t.Errorf("accessibility statement: got no mailto: and tel: links in\n%s", html)
			}
			txt := text(html)
			for _, want := range append(tt.want, common...) {
				if !strings.Contains(txt, want) {
					t.Errorf("accessibility statement: got no %q in\n%s", want, txt)
				}
			}
			for _, other := range tests {
				if other.compliance != tt.compliance && other.want[0] != tt.want[0] && strings.Contains(txt, other.want[0]) {
					t.Errorf("accessibility statement (%s): got %q, want it absent", tt.name, other.want[0])
				}
			}
		})
	}
}

// TestOwnAccessibilityStatement checks that content/accessibility.md
// replaces the generated statement.
func TestOwnAccessibilityStatement(t *testing.T) {
	files := map[string]string{"content/accessibility.md": "---\ntitle: Our accessibility statement\n---\nWe wrote our own statement.\n"}
	dest, got, err := buildSite(t, files, nil)
	if err != nil || len(got) > 0 {
		t.Fatalf("Build: got %v and %q, want no error and no problems", err, got)
	}
	txt := text(mainOf(t, readPage(t, dest, "accessibility/index.html")))
	for _, want := range []string{"Our accessibility statement", "We wrote our own statement."} {
		if !strings.Contains(txt, want) {
			t.Errorf("accessibility/index.html: got no %q in\n%s", want, txt)
		}
	}
	for _, bad := range []string{"Enforcement procedure", "compliant with the Web Content Accessibility Guidelines"} {
		if strings.Contains(txt, bad) {
			t.Errorf("accessibility/index.html: got %q from the generated statement, want only the site's own page", bad)
		}
	}
}

// TestGeneratedPages checks /easy-read/, which lists every easy-read
// page, and /404.html.
func TestGeneratedPages(t *testing.T) {
	row := "![](" + picture + ") "
	files := map[string]string{
		"content/services.md":         "---\ntitle: Our services\n---\nWhat we do.\n",
		"content/services.easy.md":    "---\ntitle: Our services in easy read\n---\n" + row + "We help you.\n",
		"content/events/_index.md":    "---\ntitle: Events\n---\n",
		"content/events/cafe.md":      "---\ntitle: Carers café\nstart: 2026-12-07T10:00\nend: 2026-12-07T12:00\nvenue: {name: Community hall}\n---\nTea.\n",
		"content/events/cafe.easy.md": "---\ntitle: Carers café in easy read\n---\n" + row + "Come for tea.\n",
		"content/other.md":            "---\ntitle: No easy read\n---\nHello.\n",
	}
	dest, got, err := buildSite(t, files, nil)
	if err != nil || len(got) > 0 {
		t.Fatalf("Build: got %v and %q, want no error and no problems", err, got)
	}
	easy := mainOf(t, readPage(t, dest, "easy-read/index.html"))
	for _, want := range []string{`href="/services/easy-read/"`, "Our services in easy read", `href="/events/cafe/easy-read/"`, "Carers café in easy read"} {
		if !strings.Contains(easy, want) {
			t.Errorf("easy-read/index.html: got no %q in\n%s", want, easy)
		}
	}
	if strings.Contains(easy, "No easy read") || strings.Contains(easy, `href="/services/"`) {
		t.Errorf("easy-read/index.html: got a standard page, want only easy-read pages\n%s", easy)
	}
	notFound := text(mainOf(t, readPage(t, dest, "404.html")))
	if !strings.Contains(notFound, "Page not found") {
		t.Errorf("404.html: got no \"Page not found\" in\n%s", notFound)
	}

	// A site without easy-read pages has no /easy-read/ list.
	dest, _, err = buildSite(t, map[string]string{"content/other.md": files["content/other.md"]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "easy-read", "index.html")); !os.IsNotExist(err) {
		t.Errorf("easy-read/index.html in a site without easy-read pages: got stat %v, want it absent", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "404.html")); err != nil {
		t.Errorf("404.html: %v", err)
	}
}
