package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// bakeSamples are bodies whose baked HTML must match what rendering the
// tree gives: links, pictures, labels, footnotes, tables, raw HTML, rows.
var bakeSamples = []string{
	"",
	"Plain words only.\n",
	"See [the report](/documents/report.pdf) and [Annual report (PDF)](/a.pdf).\n",
	"![A map of Lowmere](map.png)\n\nWords after.\n",
	"![\"\"](decorative.png) with [*emphasis* link](../events/carers-cafe.md#when)\n",
	"| a | b |\n|---|---|\n| [x](/x/) | ![y](y.png) |\n",
	"Note[^1] and [link](https://example.org/a b?c=d&e=<f>).\n\n[^1]: A footnote with [a link](/n/).\n",
	"<b>raw</b> [js](javascript:alert(1)) [data](data:text/html;base64,xx)\n",
	"# Heading with [link](/h/)\n\n> Quote [q](/q/)\n\n- item [i](/i/)\n- ![pic](p.png) text\n",
	"Autolink https://example.org and <https://example.org/x> and [ref][r].\n\n[r]: /ref/ \"Title\"\n",
	"[link with \"quotes\" & amps](/a?b=1&c=2)\n",
}

// bakeDests and bakeLabels give every link a resolved address and a label.
func bakeFill(d *Doc) (dests, labels []string) {
	for i := range d.Links {
		dests = append(dests, fmt.Sprintf("/resolved/%d/?q=a&b=\"c\"", i))
		labels = append(labels, []string{"", "PDF, 3 KB", "Word document, 1.2 MB", "CSV & <data>"}[i%4])
	}
	return dests, labels
}

func bakedEqual(t *testing.T, m *Markdown, spill *Spill, src string, rows, must bool) {
	t.Helper()
	po := ParseOptions{Rows: rows}
	plain, baked := m.Parse([]byte(src), po), m.Parse([]byte(src), po)
	wantText := plain.Text()
	m.Bake(baked, spill)
	// A body Bake cannot bake (its HTML would hold a slot marker, or a
	// link is inside a picture's text) must still give the same HTML.
	if must && !baked.Baked() {
		t.Fatalf("Bake(%q) left the Doc unbaked", src)
	}
	if baked.Baked() && (baked.Root != nil || baked.Source != nil) {
		t.Errorf("Bake(%q) kept the tree or the source", src)
	}
	// The baked text is read from the HTML: it has the letters and digits
	// of the tree's text in order, and may have more between them
	// (footnote numbers, escaped raw HTML).
	// The tree's text keeps entities as written and the HTML's is
	// decoded, so a body with '&' is compared by TestBakedText only.
	if got := baked.Text(); !strings.Contains(src, "&") && !subsequence(textWords(wantText), textWords(got)) {
		t.Errorf("Text after Bake(%q) = %q, which does not have the words of %q in order", src, got, wantText)
	}
	if baked.Empty() != (len(src) == 0) {
		t.Errorf("Empty after Bake(%q) = %v", src, baked.Empty())
	}
	dests, labels := bakeFill(plain)
	for round := range 2 { // filling twice gives the same HTML
		var want, got bytes.Buffer
		// A fresh tree each round: goldmark renders some trees differently
		// the second time (a table cell's style is added again).
		if round > 0 {
			plain = m.Parse([]byte(src), po)
		}
		if err := m.HTML(&want, plain, dests, labels); err != nil {
			t.Fatal(err)
		}
		if err := m.HTML(&got, baked, dests, labels); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("round %d: baked HTML of %q differs\n got: %s\nwant: %s", round, src, got.String(), want.String())
		}
	}
	if !baked.Baked() {
		return // an unbaked tree keeps the addresses it was last given
	}
	// No resolved addresses: the links stay as written.
	var want, got bytes.Buffer
	fresh := m.Parse([]byte(src), po)
	if err := m.HTML(&want, fresh, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := m.HTML(&got, baked, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("baked HTML of %q without dests differs\n got: %s\nwant: %s", src, got.String(), want.String())
	}
}

// textWords splits text into words the way the search index does, near
// enough: runs of letters and digits.
func textWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// subsequence reports whether the letters of want appear in got in order.
func subsequence(want, got []string) bool {
	w, g := strings.Join(want, ""), strings.Join(got, "")
	for _, r := range w {
		i := strings.IndexRune(g, r)
		if i < 0 {
			return false
		}
		g = g[i+len(string(r)):]
	}
	return true
}

func TestBakedText(t *testing.T) {
	m := New(Options{})
	tests := []struct{ src, want string }{
		{"# Title\n\nOne *two* thr**ee** [four](/f/) and `code`.\n", "Title One two three four and code."},
		{"- a1\n- b2\n\n> quoted\n", "a1 b2 quoted"},
		{"![A map of Lowmere](map.png) Café &amp; bar &lt;3\n", "A map of Lowmere Café & bar <3"},
		{"Note[^1] end.\n\n[^1]: Foot.\n", "Note 1 end. Foot.\u00a0↩︎"},
		{"| a | b |\n|---|---|\n| c | d |\n", "a b c d"},
		{"[Report](/r.pdf)\n", "Report"},
	}
	for _, tt := range tests {
		d := m.Parse([]byte(tt.src))
		m.Bake(d, nil)
		if got := d.Text(); got != tt.want {
			t.Errorf("Text of %q = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestBakeMatchesRender(t *testing.T) {
	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	for _, raw := range []bool{false, true} {
		m := New(Options{RawHTML: raw})
		for _, src := range bakeSamples {
			for _, rows := range []bool{false, true} {
				for _, sp := range []*Spill{nil, spill} {
					t.Run(fmt.Sprintf("raw=%v/rows=%v/spill=%v/%.20q", raw, rows, sp != nil, src), func(t *testing.T) {
						bakedEqual(t, m, sp, src, rows, true)
					})
				}
			}
		}
	}
	if spill.Size() == 0 {
		t.Error("nothing was written to the spill file")
	}
}

func TestBakeLeavesMarkerBodiesAlone(t *testing.T) {
	m := New(Options{})
	src := "A body that mentions " + slotMark + "d0" + slotMark + " and [a link](/a/).\n"
	d := m.Parse([]byte(src))
	m.Bake(d, nil)
	if d.Baked() || d.Root == nil {
		t.Fatal("Bake baked a body containing the slot marker; want it rendered from its tree")
	}
	var b bytes.Buffer
	if err := m.HTML(&b, d, []string{"/b/"}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `href="/b/"`) || !strings.Contains(b.String(), slotMark+"d0") {
		t.Errorf("HTML = %s, want the marker as text and the link resolved", b.String())
	}
}

func TestSetLabelSkipsSaidTypes(t *testing.T) {
	m := New(Options{})
	d := m.Parse([]byte("[Annual report (PDF)](a.pdf) [Minutes](m.pdf) ![Map](m.png)\n"))
	m.Bake(d, nil)
	var b bytes.Buffer
	if err := m.HTML(&b, d, nil, []string{"PDF, 2 KB", "PDF, 5 KB", "PNG, 1 KB"}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{`>Annual report (PDF)</a>`, `>Minutes (PDF, 5 KB)</a>`, `alt="Map"`} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML = %s\nwant it to contain %s", got, want)
		}
	}
	if strings.Contains(got, "PNG") {
		t.Errorf("HTML = %s, want no label on a picture", got)
	}
}

func FuzzBake(f *testing.F) {
	for _, s := range bakeSamples {
		f.Add(s, false, false)
	}
	f.Add("<b>x</b> [*a*](b) ![](c)\n", true, true)
	f.Add("a <!-- x --> b [c](d)\n", true, false)
	f.Add("zQengage&#83;LOTqd0zQengage&#83;LOTq [a](/a/) ![b](c)\n", false, false)
	escaping, passing := New(Options{}), New(Options{RawHTML: true})
	spill, err := NewSpill(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { spill.Close() })
	f.Fuzz(func(t *testing.T, src string, raw, rows bool) {
		m := escaping
		if raw {
			m = passing
		}
		bakedEqual(t, m, nil, src, rows, false)
		bakedEqual(t, m, spill, src, rows, false)
	})
}

func TestBakeDropsRawHTMLComments(t *testing.T) {
	src := "Words <!-- a note to editors --> more.\n\n<!-- a block\nnote -->\n\n`<!-- code -->`\n"
	raw := New(Options{RawHTML: true})
	d := raw.Parse([]byte(src))
	raw.Bake(d, nil)
	var b bytes.Buffer
	if err := raw.HTML(&b, d, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); strings.Contains(got, "note") || !strings.Contains(got, "&lt;!-- code --&gt;") || !strings.Contains(got, "Words") {
		t.Errorf("raw HTML body baked as %q; want the comments gone and the code kept", got)
	}
	escaping := New(Options{})
	d = escaping.Parse([]byte(src))
	escaping.Bake(d, nil)
	b.Reset()
	if err := escaping.HTML(&b, d, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, "a note to editors") {
		t.Errorf("escaped body baked as %q; want the comment shown as text", got)
	}
}

// TestForgetLinks checks that a baked body writes the same HTML after its
// links are forgotten, and that they are kept where HTML still needs them.
func TestForgetLinks(t *testing.T) {
	m := New(Options{})
	src := "See [the plan](plan.md), [our site](https://example.org/) and ![a map](map.png).\n\n[Help](https://example.org/help/)\n"
	html := func(d *Doc, dests []string) string {
		var b bytes.Buffer
		if err := m.HTML(&b, d, dests, nil); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	d := m.Parse([]byte(src))
	m.Bake(d, nil)
	external, help := d.Links[1].Dest, d.Links[3].Dest
	dests := []string{"/plan/", external, "/assets/map.png", help}
	before := html(d, dests)
	if !d.ForgetLinks(dests, nil) {
		t.Fatal("ForgetLinks on a baked body with every address = false, want true")
	}
	if d.Links != nil {
		t.Errorf("links after ForgetLinks: %v, want none", d.Links)
	}
	if after := html(d, dests); after != before {
		t.Errorf("HTML after ForgetLinks:\n%s\nwant\n%s", after, before)
	}
	if dests[1] != external || dests[3] != help {
		t.Errorf("the external addresses became %q and %q", dests[1], dests[3])
	}

	// Kept: labels to show, an address missing, an unbaked body.
	for name, tc := range map[string]struct {
		bake   bool
		dests  []string
		labels []string
	}{
		"labels":          {true, []string{"/plan/", external, "/m.png", help}, []string{"", "", "PDF, 1 page", ""}},
		"missing address": {true, []string{"/plan/", "", "/m.png", help}, nil},
		"too few":         {true, []string{"/plan/"}, nil},
		"unbaked":         {false, []string{"/plan/", external, "/m.png", help}, nil},
	} {
		d := m.Parse([]byte(src))
		if tc.bake {
			m.Bake(d, nil)
		}
		if d.ForgetLinks(tc.dests, tc.labels) || len(d.Links) != 4 {
			t.Errorf("%s: links forgotten, want them kept", name)
		}
	}
}
