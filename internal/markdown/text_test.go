package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/engage-ssg/engage/internal/corpus"
)

// htmlTextSeeds are baked HTML as goldmark writes it, and raw HTML as a
// site that allows it may hold.
var htmlTextSeeds = []string{
	"",
	"<p>Plain words only.</p>\n",
	"<h1 id=\"title\">Title</h1>\n<p>One <em>two</em> thr<strong>ee</strong> <a href=\"/f/\">four</a> and <code>code</code>.</p>\n",
	"<ul>\n<li>a1</li>\n<li>b2</li>\n</ul>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n",
	"<p><img src=\"map.png\" alt=\"A map of Lowmere\"> Café &amp; bar &lt;3</p>\n",
	"<p>Note<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup> end.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Foot.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n",
	"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n",
	"<p>Intro words.</p>\n<script>var trackingKey = 1;</script>\n<STYLE>.hidden{display:none}</Style>\n<!-- editor note: a > b -->\n<p title=\"a>b\">Shown</p>\n",
	"<p>  runs \t of\n\n   white\r\nspace  </p>   <p>x</p>",
	"&am<em>p;</em> &quot;q&quot; &#39;s &#32;&#32; &nbsp;x &amp;lt; &notit; &#x110000;",
	"<div><div><p>deep<br/>er</p><hr /></div></div><DIV CLASS='x>y'>Upper</DIV>",
	"<p>unclosed <a href=\"x", "<!-- unclosed comment", "<script>never closed", "a<", "<>text</>",
	"<img alt=\"no space before\"><img  alt=\"two spaces\"><img src=x alt=\"&amp;alt\">",
	"word<span>joined</span>word <sup>1</sup>next",
	"a<bloc\u212aquote>b<SCR\u0130PT>c</p>d<script>e</\u017fcript>f</SCRIPT>g<\u00c9m>h",
}

// FuzzHTMLTextMatchesReference holds htmlText, and Doc.AppendText on a
// buffer that already has bytes, to the text the string-based version
// gave.
func FuzzHTMLTextMatchesReference(f *testing.F) {
	for _, s := range htmlTextSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := referenceHTMLText(s)
		b := &baked{html: []byte(s), size: len(s)}
		if got := htmlText(b); got != want {
			t.Fatalf("htmlText(%q)\n got: %q\nwant: %q", s, got, want)
		}
		d := &Doc{baked: b}
		if got := d.AppendText([]byte("before")); string(got) != "before"+want {
			t.Fatalf("AppendText(%q, %q)\n got: %q\nwant: %q", "before", s, got, "before"+want)
		}
	})
}

// TestAppendText checks that AppendText gives what Text gives, baked or
// not, spilled or not.
func TestAppendText(t *testing.T) {
	m := New(Options{})
	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	for _, src := range bakeSamples {
		for _, sp := range []*Spill{nil, spill} {
			for _, bake := range []bool{false, true} {
				d := m.Parse([]byte(src))
				if bake {
					m.Bake(d, sp)
				}
				want := "x" + d.Text()
				if got := string(d.AppendText([]byte("x"))); got != want {
					t.Errorf("AppendText of %q (baked %v, spill %v): got %q, want %q", src, bake, sp != nil, got, want)
				}
			}
		}
	}
}

// corpusBodies are the Markdown bodies of a small generated site, baked.
func corpusBodies(b *testing.B, pages int) []*Doc {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	m := New(Options{})
	var docs []*Doc
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		// The body is what follows the front matter.
		if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
			if _, body, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
				src = body
			}
		}
		d := m.Parse(src)
		m.Bake(d, nil)
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// bakedSize is the size of the docs' baked HTML, for b.SetBytes.
func bakedSize(docs []*Doc) int64 {
	size := 0
	for _, d := range docs {
		size += d.baked.size
	}
	return int64(size)
}

// BenchmarkHTMLText reads the text of 200 baked corpus pages.
func BenchmarkHTMLText(b *testing.B) {
	docs := corpusBodies(b, 200)
	b.SetBytes(bakedSize(docs))
	for b.Loop() {
		for _, d := range docs {
			d.Text()
		}
	}
}

// BenchmarkAppendText reads the text of the same pages into one buffer,
// as the search index does.
func BenchmarkAppendText(b *testing.B) {
	docs := corpusBodies(b, 200)
	b.SetBytes(bakedSize(docs))
	var buf []byte
	for b.Loop() {
		for _, d := range docs {
			buf = d.AppendText(buf[:0])
		}
	}
}
