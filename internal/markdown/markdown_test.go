package markdown

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func render(t *testing.T, m *Markdown, d *Doc) string {
	t.Helper()
	var b bytes.Buffer
	if err := m.Render(&b, d); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

// ignoreNode compares Links by what they say, not by their tree node.
var ignoreNode = cmpopts.IgnoreUnexported(Link{})

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"words", "## How to respond\n", []string{"how-to-respond"}},
		{"numbered", "## 5.2 Public involvement\n", []string{"5-2-public-involvement"}},
		{"accents and punctuation", "## Carers' café: what's on?\n", []string{"carers-cafe-whats-on"}},
		{"ampersand", "## Q&A\n", []string{"qanda"}},
		{"markup is not in the id", "## Our *first* `draft`\n", []string{"our-first-draft"}},
		{"repeats get -2, -3", "## Notes\n\n## Notes\n\n### Notes\n", []string{"notes", "notes-2", "notes-3"}},
		{"a made id does not clash with a written one", "## Notes\n\n## Notes\n\n## Notes 2\n", []string{"notes", "notes-2", "notes-2-2"}},
		{"setext", "When and where\n==============\n", []string{"when-and-where"}},
		{"no words", "## ???\n", []string{"section"}},
		{"empty", "##\n", []string{"section"}},
		{"case does not matter", "## Notes\n\n## NOTES\n", []string{"notes", "notes-2"}},
	}
	m := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := m.Parse([]byte(tt.src))
			var got []string
			for _, h := range d.Headings {
				got = append(got, h.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids mismatch (-want +got):\n%s", diff)
			}
			html := render(t, m, d)
			for _, id := range tt.want {
				if !strings.Contains(html, ` id="`+id+`"`) {
					t.Errorf("rendered HTML %q has no id %q", html, id)
				}
			}
		})
	}
}

func TestHeadingIDsPerDoc(t *testing.T) {
	m := New(Options{})
	for i := 0; i < 2; i++ {
		d := m.Parse([]byte("## Notes\n"))
		if got := d.Headings[0].ID; got != "notes" {
			t.Errorf("parse %d: id %q, want %q (ids are unique per page, not per site)", i+1, got, "notes")
		}
	}
}

func TestHeadings(t *testing.T) {
	src := "Intro\n\n## When and *where*\n\nText\n\nThe plan\n--------\n\n> ### Quoted\n"
	want := []Heading{
		{Level: 2, Text: "When and where", ID: "when-and-where", Line: 3, Col: 1},
		{Level: 2, Text: "The plan", ID: "the-plan", Line: 7, Col: 1},
		{Level: 3, Text: "Quoted", ID: "quoted", Line: 10, Col: 1},
	}
	d := New(Options{}).Parse([]byte(src))
	if diff := cmp.Diff(want, d.Headings); diff != "" {
		t.Errorf("Headings mismatch (-want +got):\n%s", diff)
	}
}

// TestEmptyHeadingLine: a heading with no text is still found on its line.
func TestEmptyHeadingLine(t *testing.T) {
	d := New(Options{}).Parse([]byte("Intro\n\n##\n"))
	want := []Heading{{Level: 2, ID: "section", Line: 3, Col: 1}}
	if diff := cmp.Diff(want, d.Headings); diff != "" {
		t.Errorf("Headings mismatch (-want +got):\n%s", diff)
	}
}

var linkTests = []struct {
	name string
	src  string
	want []Link
}{
	{
		name: "link",
		src:  "See [our principles](/principles/).\n",
		want: []Link{{Dest: "/principles/", Text: "our principles", Line: 1, Col: 5}},
	},
	{
		name: "image",
		src:  "A map: ![Lowmere Library](map.png)\n",
		want: []Link{{Dest: "map.png", Image: true, Text: "Lowmere Library", Line: 1, Col: 8}},
	},
	{
		name: "image with empty alt",
		src:  "Intro\n\nA map: ![](map.png) here\n",
		want: []Link{{Dest: "map.png", Image: true, Line: 3, Col: 8}},
	},
	{
		name: "image with empty alt at the start",
		src:  "![](map.png)\n",
		want: []Link{{Dest: "map.png", Image: true, Line: 1, Col: 1}},
	},
	{
		name: "link with empty text",
		src:  "Go [](/x/) now\n",
		want: []Link{{Dest: "/x/", Line: 1, Col: 4}},
	},
	{
		name: "multi-line paragraph",
		src:  "The café runs on the first Thursday.\nSee [our principles](/principles/) or\n[the consultation](../campaigns/cdc.md#how-to-respond).\n",
		want: []Link{
			{Dest: "/principles/", Text: "our principles", Line: 2, Col: 5},
			{Dest: "../campaigns/cdc.md#how-to-respond", Text: "the consultation", Line: 3, Col: 1},
		},
	},
	{
		name: "link text across lines",
		src:  "Read [the full\nreport](/r/) now.\n",
		want: []Link{{Dest: "/r/", Text: "the full report", Line: 1, Col: 6}},
	},
	{
		name: "link text with markup",
		src:  "Read [the *full* report](/r/).\n",
		want: []Link{{Dest: "/r/", Text: "the full report", Line: 1, Col: 6}},
	},
	{
		name: "columns count characters, not bytes",
		src:  "Café – [link](/c/)\n",
		want: []Link{{Dest: "/c/", Text: "link", Line: 1, Col: 8}},
	},
	{
		name: "title is not part of the destination",
		src:  "[x](/a/ \"A title\")\n",
		want: []Link{{Dest: "/a/", Text: "x", Line: 1, Col: 1}},
	},
	{
		name: "reference link",
		src:  "See [the report][r].\n\n[r]: /report/\n",
		want: []Link{{Dest: "/report/", Text: "the report", Line: 1, Col: 5}},
	},
	{
		name: "in a list",
		src:  "- one\n- two [x](/two/)\n",
		want: []Link{{Dest: "/two/", Text: "x", Line: 2, Col: 7}},
	},
	{
		name: "in a quote",
		src:  "> quoted\n> [x](/q/)\n",
		want: []Link{{Dest: "/q/", Text: "x", Line: 2, Col: 3}},
	},
	{
		name: "in a table",
		src:  "| a | b |\n| --- | --- |\n| [x](/t/) | ![](t.png) |\n",
		want: []Link{
			{Dest: "/t/", Text: "x", Line: 3, Col: 3},
			{Dest: "t.png", Image: true, Line: 3, Col: 14},
		},
	},
	{
		name: "in a heading",
		src:  "## See [x](/h/)\n",
		want: []Link{{Dest: "/h/", Text: "x", Line: 1, Col: 8}},
	},
	{
		name: "autolinks are not listed",
		src:  "Visit https://example.org or <https://example.com>.\n",
	},
	{
		name: "code is not a link",
		src:  "`[x](/y/)`\n\n    [x](/z/)\n",
	},
}

func TestLinks(t *testing.T) {
	m := New(Options{})
	for _, tt := range linkTests {
		t.Run(tt.name, func(t *testing.T) {
			d := m.Parse([]byte(tt.src))
			if diff := cmp.Diff(tt.want, d.Links, ignoreNode); diff != "" {
				t.Errorf("Links mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLinkPositionMarkupFirst: the position of a link is its '[' even when
// its text starts with markup.
func TestLinkPositionMarkupFirst(t *testing.T) {
	tests := []struct {
		src  string
		want []Link
	}{
		{"[*Read more*](/x/)\n", []Link{{Dest: "/x/", Text: "Read more", Line: 1, Col: 1}}},
		{"See [`engage build`](/cmd/)\n", []Link{{Dest: "/cmd/", Text: "engage build", Line: 1, Col: 5}}},
		{"[![Map](map.png)](/map/)\n", []Link{
			{Dest: "/map/", Text: "Map", Line: 1, Col: 1},
			{Dest: "map.png", Image: true, Text: "Map", Line: 1, Col: 2},
		}},
	}
	m := New(Options{})
	for _, tt := range tests {
		d := m.Parse([]byte(tt.src))
		if diff := cmp.Diff(tt.want, d.Links, ignoreNode); diff != "" {
			t.Errorf("Parse(%q) Links mismatch (-want +got):\n%s", tt.src, diff)
		}
	}
}

// TestLinkPositionRepeatedEmpty: two empty-alt images of the same file on
// one line each get their own position.
func TestLinkPositionRepeatedEmpty(t *testing.T) {
	d := New(Options{}).Parse([]byte("![](x.png) ![](x.png)\n"))
	want := []Link{{Dest: "x.png", Image: true, Line: 1, Col: 1}, {Dest: "x.png", Image: true, Line: 1, Col: 12}}
	if diff := cmp.Diff(want, d.Links, ignoreNode); diff != "" {
		t.Errorf("Links mismatch (-want +got):\n%s", diff)
	}
}

func TestSetDest(t *testing.T) {
	m := New(Options{})
	d := m.Parse([]byte("[the café](../events/carers-cafe.md#when) and ![map](map.png)\n"))
	if len(d.Links) != 2 {
		t.Fatalf("got %d links, want 2", len(d.Links))
	}
	d.SetDest(0, "/events/carers-cafe/#when")
	d.SetDest(1, "/events/carers-cafe/map.png")
	want := `<p><a href="/events/carers-cafe/#when">the café</a> and <img src="/events/carers-cafe/map.png" alt="map"></p>` + "\n"
	if got := render(t, m, d); got != want {
		t.Errorf("Render = %q, want %q", got, want)
	}
	if got := d.Links[0].Dest; got != "../events/carers-cafe.md#when" {
		t.Errorf("Links[0].Dest = %q, want it as written", got)
	}
	if got := d.Links[1].Dest; got != "map.png" {
		t.Errorf("Links[1].Dest = %q, want it as written", got)
	}
	// Resolving again from the written Dest gives the same result.
	d.SetDest(0, "/events/carers-cafe/#when")
	if got := render(t, m, d); got != want {
		t.Errorf("Render after a second SetDest = %q, want %q", got, want)
	}
}

func TestRawHTML(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		escaped string
		raw     string
	}{
		{
			name:    "inline",
			src:     "Hi <b>bold</b> there\n",
			escaped: "<p>Hi &lt;b&gt;bold&lt;/b&gt; there</p>\n",
			raw:     "<p>Hi <b>bold</b> there</p>\n",
		},
		{
			name:    "script inline",
			src:     "x <script>alert(1)</script> y\n",
			escaped: "<p>x &lt;script&gt;alert(1)&lt;/script&gt; y</p>\n",
			raw:     "<p>x <script>alert(1)</script> y</p>\n",
		},
		{
			name:    "block",
			src:     "<div class=\"x\">\nhello\n</div>\n",
			escaped: "<p>&lt;div class=&quot;x&quot;&gt;\nhello\n&lt;/div&gt;\n</p>\n",
			raw:     "<div class=\"x\">\nhello\n</div>\n",
		},
		{
			name:    "script block",
			src:     "<script>\nalert(1)\n</script>\n",
			escaped: "<p>&lt;script&gt;\nalert(1)\n&lt;/script&gt;\n</p>\n",
			raw:     "<script>\nalert(1)\n</script>\n",
		},
		{
			name:    "comment",
			src:     "<!-- note -->\n",
			escaped: "<p>&lt;!-- note --&gt;\n</p>\n",
			raw:     "<!-- note -->\n",
		},
		{
			name:    "autolinks and code are not raw HTML",
			src:     "<https://example.org> and `<b>`\n",
			escaped: "<p><a href=\"https://example.org\">https://example.org</a> and <code>&lt;b&gt;</code></p>\n",
			raw:     "<p><a href=\"https://example.org\">https://example.org</a> and <code>&lt;b&gt;</code></p>\n",
		},
	}
	escaping, passing := New(Options{}), New(Options{RawHTML: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, escaping, escaping.Parse([]byte(tt.src))); got != tt.escaped {
				t.Errorf("default: Render(%q) = %q, want %q", tt.src, got, tt.escaped)
			}
			if got := render(t, passing, passing.Parse([]byte(tt.src))); got != tt.raw {
				t.Errorf("RawHTML: Render(%q) = %q, want %q", tt.src, got, tt.raw)
			}
		})
	}
}

func TestExtensions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "table",
			src:  "| Day | Time |\n| --- | ---: |\n| Thu | 10am |\n",
			want: "<table>\n<thead>\n<tr>\n<th>Day</th>\n<th style=\"text-align:right\">Time</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Thu</td>\n<td style=\"text-align:right\">10am</td>\n</tr>\n</tbody>\n</table>\n",
		},
		{
			name: "strikethrough",
			src:  "~~closed~~ open\n",
			want: "<p><del>closed</del> open</p>\n",
		},
		{
			name: "autolinks",
			src:  "www.example.org, https://example.org/a and engage@example.org\n",
			want: "<p><a href=\"http://www.example.org\">www.example.org</a>, <a href=\"https://example.org/a\">https://example.org/a</a> and <a href=\"mailto:engage@example.org\">engage@example.org</a></p>\n",
		},
		{
			name: "footnotes",
			src:  "Note[^1].\n\n[^1]: The note.\n",
			want: "<p>Note<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>The note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n",
		},
		{
			name: "heading ids",
			src:  "## When and where\n",
			want: "<h2 id=\"when-and-where\">When and where</h2>\n",
		},
	}
	m := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, m, m.Parse([]byte(tt.src))); got != tt.want {
				t.Errorf("Render(%q) =\n%q\nwant\n%q", tt.src, got, tt.want)
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	m := New(Options{})
	src := []byte("## Notes\n\n## Notes\n\n[x](/y/) <b>z</b>\n")
	want := render(t, m, m.Parse(src))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() {
			for j := 0; j < 20; j++ {
				var b bytes.Buffer
				if err := m.Render(&b, m.Parse(src)); err != nil {
					t.Errorf("Render: %v", err)
					return
				}
				if b.String() != want {
					t.Errorf("concurrent Render = %q, want %q", b.String(), want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestPos(t *testing.T) {
	d := &Doc{Source: []byte("ab\ncé\n\nx")}
	d.lines = lineStarts(d.Source)
	tests := []struct {
		off, line, col int
	}{
		{-1, 1, 1},
		{0, 1, 1},
		{1, 1, 2},
		{2, 1, 3},
		{3, 2, 1},
		{4, 2, 2},
		{6, 2, 3}, // after the two bytes of é
		{7, 3, 1},
		{8, 4, 1},
		{9, 4, 2},
	}
	for _, tt := range tests {
		if l, c := d.pos(tt.off); l != tt.line || c != tt.col {
			t.Errorf("pos(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func FuzzMarkdownParse(f *testing.F) {
	for _, tt := range linkTests {
		f.Add(tt.src, false)
	}
	f.Add("## Notes\n\n## Notes\n\n<div>\nx\n</div>\n\n| a |\n|---|\n| ![](x.png) |\n\nNote[^1].\n\n[^1]: n\n", false)
	f.Add("<b>x</b> [*a*](b) ![](c)\n", true)
	escaping, passing := New(Options{}), New(Options{RawHTML: true})
	f.Fuzz(func(t *testing.T, src string, raw bool) {
		m := escaping
		if raw {
			m = passing
		}
		d := m.Parse([]byte(src))
		lines := strings.Count(src, "\n") + 1
		for _, l := range d.Links {
			if l.Line < 1 || l.Line > lines || l.Col < 1 {
				t.Errorf("link %q at %d:%d, want within the %d lines", l.Dest, l.Line, l.Col, lines)
			}
		}
		seen := map[string]bool{}
		for _, h := range d.Headings {
			if h.Line < 1 || h.Line > lines || h.Col < 1 {
				t.Errorf("heading %q at %d:%d, want within the %d lines", h.Text, h.Line, h.Col, lines)
			}
			if h.ID == "" || seen[h.ID] {
				t.Errorf("heading %q has id %q, want a unique non-empty id", h.Text, h.ID)
			}
			seen[h.ID] = true
		}
		for i := range d.Links {
			d.SetDest(i, "/resolved/")
		}
		var b bytes.Buffer
		if err := m.Render(&b, d); err != nil {
			t.Fatalf("Render: %v", err)
		}
	})
}

// withAutolinks parses src with the autolink extension whatever its text,
// as Parse did before it left the extension out for bodies that cannot
// have an autolink, and renders the tree.
func withAutolinks(t *testing.T, m *Markdown, src string) string {
	t.Helper()
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	root := m.md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
	var b bytes.Buffer
	if err := m.md.Renderer().Render(&b, []byte(src), root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMayAutolink(t *testing.T) {
	m := New(Options{})
	for _, src := range []string{
		"See https://example.org/ now.",
		"See http://example.org/ now.",
		"Visit www.example.org today.",
		"Email hello@example.org.",
		"Files at ftp://example.org/x",
		"(https://example.org/) and *www.example.org*",
	} {
		if !mayAutolink([]byte(src)) {
			t.Errorf("mayAutolink(%q) = false, want true", src)
		}
		if html := render(t, m, m.Parse([]byte(src))); !strings.Contains(html, "<a href=") {
			t.Errorf("%q: no autolink in %s", src, html)
		}
	}
	for _, src := range []string{"No links here.", "A [link](/x/) and ![a picture](y.png).", ""} {
		if mayAutolink([]byte(src)) {
			t.Errorf("mayAutolink(%q) = true, want false", src)
		}
	}
}

// FuzzParseWithoutAutolinks checks that a body parsed without the
// autolink extension, because it has nothing the extension looks for,
// renders as it would with it, except for spaces and tabs before a line
// break (in text or in an alt attribute), which linkify keeps and the
// parser without it drops, as CommonMark does.
func FuzzParseWithoutAutolinks(f *testing.F) {
	for _, tt := range linkTests {
		f.Add(tt.src)
	}
	f.Add("## Notes\n\n* a _b_ ~c~ (d)\n\n| a |\n|---|\n| x |\n\nNote[^1].\n\n[^1]: n\n")
	f.Add("Text ~~gone~~ and *more* (in brackets) _here_.\n")
	m := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		if mayAutolink([]byte(src)) {
			return
		}
		var b bytes.Buffer
		if err := m.Render(&b, m.Parse([]byte(src))); err != nil {
			t.Fatal(err)
		}
		if want := withAutolinks(t, m, src); brSpaces.ReplaceAllString(b.String(), "$1") != brSpaces.ReplaceAllString(want, "$1") {
			t.Errorf("%q:\n got %s\nwant %s", src, b.String(), want)
		}
	})
}

var brSpaces = regexp.MustCompile(`[ \t]+(<br>|\n)`)

func TestLineStarts(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []int
	}{
		{"", []int{0}},
		{"a", []int{0}},
		{"a\n", []int{0, 2}},
		{"\n\n", []int{0, 1, 2}},
		{"ab\ncd\n\nx", []int{0, 3, 6, 7}},
	} {
		if got := lineStarts([]byte(tt.src)); !slices.Equal(got, tt.want) {
			t.Errorf("lineStarts(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
