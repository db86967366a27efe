// Package markdown turns the Markdown body of a page into a goldmark syntax
// tree and, later, into HTML. It belongs to two stages of the pipeline:
// parse (Parse builds the tree and lists the links and headings that the
// resolve stage checks; Bake then renders it to HTML with a slot for each
// link's address and drops the tree) and render (HTML fills the slots once
// resolve has said where every link points).
//
// Trust model: content files are not trusted. Raw HTML written in Markdown
// is shown as text unless the site opts in with markdown.raw_html.
package markdown

import (
	"bytes"
	"io"
	"slices"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options choose how Markdown is converted.
type Options struct {
	// RawHTML passes HTML in content through instead of escaping it.
	RawHTML bool
}

// Markdown converts page bodies. It is safe for concurrent use.
type Markdown struct {
	md     goldmark.Markdown
	plain  parser.Parser // md's parser without autolinks, for bodies that cannot have any
	unsafe bool          // raw HTML and every kind of URL pass through
}

// New wires goldmark with the extensions engage uses: tables,
// strikethrough, autolinks, footnotes and stable heading ids.
func New(opts Options) *Markdown {
	var rendererOpts []renderer.Option
	if opts.RawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	// The parser for bodies without autolinks is md's without linkify:
	// both are made from the same list, so that they cannot drift apart.
	extensions := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.Footnote}
	parserOpts := goldmark.WithParserOptions(parser.WithAutoHeadingID())
	md := goldmark.New(
		goldmark.WithExtensions(append(extensions, extension.Linkify)...),
		parserOpts,
		goldmark.WithRendererOptions(rendererOpts...),
	)
	plain := goldmark.New(goldmark.WithExtensions(extensions...), parserOpts)
	if !opts.RawHTML {
		md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 100)))
	}
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(rowRenderer{}, 100)))
	return &Markdown{md: md, plain: plain.Parser(), unsafe: opts.RawHTML}
}

// mayAutolink reports whether goldmark's autolink extension could find
// anything in src: an address starting http:, https:, ftp: or www., or an
// email address, which has an @. The extension looks at every space of
// every paragraph, a tenth of the time of parsing, and most bodies have
// none of these; they are parsed without it, to the same tree.
func mayAutolink(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 || bytes.Contains(src, []byte("www.")) ||
		bytes.Contains(src, []byte("http")) || bytes.Contains(src, []byte("ftp:"))
}

// Doc is a parsed Markdown body: its tree, its source, and what the
// resolve stage needs from it.
type Doc struct {
	Source   []byte
	Root     ast.Node
	Links    []Link
	Headings []Heading
	lines    []int      // offsets where each line of Source starts
	nodes    []linkNode // nodes[i] is Links[i] in the tree, until baked

	mu    sync.Mutex // held while an unbaked tree is changed and rendered
	baked *baked     // the rendered HTML, once baked (see Bake)
	empty bool       // the source was empty, once baked
}

// Link is a link or image written in the body.
type Link struct {
	Dest  string // as written
	Text  string // the link text or alt text
	Image bool
	// Decorative is set for a picture written ![""](x.png): it has an
	// empty alt on purpose.
	Decorative bool
	Line, Col  int // 1-based, within the body
}

// linkNode is where link i is in an unbaked Doc's tree, and the label
// SetLabel gave it. Baking drops them with the tree.
type linkNode struct {
	node      ast.Node
	label     string
	labelNode ast.Node
}

// Heading is a heading of the body with the id it will carry.
type Heading struct {
	Level     int
	Text      string
	ID        string
	Line, Col int
}

// ParseOptions change how one body is parsed.
type ParseOptions struct {
	// HeadingID, when set, gives the id for a heading's text; "" falls
	// back to the usual slug. Constitutions use it for clause anchors.
	HeadingID func(text string) string
	// Rows marks each paragraph that starts with a picture with the class
	// "easy-read-row", for the easy-read layout of picture beside words.
	Rows bool
}

// Parse parses a Markdown body.
func (m *Markdown) Parse(src []byte, opts ...ParseOptions) *Doc {
	ids := newIDs()
	rows := false
	for _, o := range opts {
		if o.HeadingID != nil {
			ids.custom = o.HeadingID
		}
		rows = rows || o.Rows
	}
	ctx := parser.NewContext(parser.WithIDs(ids))
	p := m.md.Parser()
	if !mayAutolink(src) {
		p = m.plain
	}
	root := p.Parse(text.NewReader(src), parser.WithContext(ctx))
	d := &Doc{Source: src, Root: root, lines: lineStarts(src)}
	// The texts of headings, and those of links, are written one after
	// another and cut out of one string each at the end: a large site
	// keeps them until it is written, and two strings a page are far
	// less for the garbage collector than two for each heading and link.
	// They are apart so that a build can let the links' go once they are
	// resolved (ForgetLinks) and keep the headings'.
	var ht, lt texts
	var rowParas []*ast.Paragraph
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			if _, ok := n.FirstChild().(*ast.Image); ok && rows {
				rowParas = append(rowParas, n)
			}
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			l, c := d.blockPos(n)
			d.Headings = append(d.Headings, Heading{Level: n.Level, Line: l, Col: c})
			ht.add(appendPlainText(ht.buf, n, src))
			ht.add(append(ht.buf, idb...))
		case *ast.Link:
			d.addLink(n, false)
			lt.add(append(lt.buf, n.Destination...))
			lt.add(appendPlainText(lt.buf, n, src))
		case *ast.Image:
			decorative := plainText(n, src) == `""`
			if decorative {
				// ![""](x.png) marks a decorative picture: alt="".
				for c := n.FirstChild(); c != nil; {
					next := c.NextSibling()
					n.RemoveChild(n, c)
					c = next
				}
			}
			d.addLink(n, true)
			d.Links[len(d.Links)-1].Decorative = decorative
			lt.add(append(lt.buf, n.Destination...))
			lt.add(appendPlainText(lt.buf, n, src))
		}
		return ast.WalkContinue, nil
	})
	for _, p := range rowParas {
		makeRow(p)
	}
	// The texts came in the order of the walk: each heading's text and
	// id, each link's destination and text.
	all, next := string(ht.buf), ht.reader()
	for i := range d.Headings {
		d.Headings[i].Text, d.Headings[i].ID = next(all), next(all)
	}
	all, next = string(lt.buf), lt.reader()
	for i := range d.Links {
		d.Links[i].Dest, d.Links[i].Text = next(all), next(all)
	}
	// Without the room append left to grow into, for the same reason.
	if cap(d.Links) > len(d.Links) {
		d.Links = slices.Clone(d.Links)
	}
	if cap(d.Headings) > len(d.Headings) {
		d.Headings = slices.Clone(d.Headings)
	}
	return d
}

// texts collects strings end to end in one buffer, remembering where
// each ends.
type texts struct {
	buf  []byte
	ends []int
}

// add takes the buffer with one more string appended to it.
func (t *texts) add(buf []byte) {
	t.buf = buf
	t.ends = append(t.ends, len(buf))
}

// reader returns a function that cuts the strings out of all (the buffer
// as a string), one per call, in the order they were added.
func (t *texts) reader() func(all string) string {
	i, start := 0, 0
	return func(all string) string {
		end := t.ends[i]
		s := all[start:end]
		i, start = i+1, end
		return s
	}
}

// addLink adds a link or image without its destination and text, which
// Parse fills in.
func (d *Doc) addLink(n ast.Node, image bool) {
	// goldmark records where the '[' (or '![') of a link was written.
	off := n.Pos()
	if off < 0 {
		if b := blockOf(n); b != nil && b.Lines().Len() > 0 {
			off = b.Lines().At(0).Start
		}
	}
	l, c := d.pos(off)
	d.Links = append(d.Links, Link{Image: image, Line: l, Col: c})
	d.nodes = append(d.nodes, linkNode{node: n})
}

// IsDecorative reports whether an image node was written ![""](x.png),
// a picture with an empty alt on purpose.
func (d *Doc) IsDecorative(n ast.Node) bool {
	for i, l := range d.nodes {
		if l.node == n {
			return d.Links[i].Decorative
		}
	}
	return false
}

// SetDest changes where link i points in an unbaked Doc's tree (HTML
// calls it with the resolved URL; a baked Doc fills its slots instead, and
// SetDest does nothing). It keeps Links[i].Dest as written, so resolving
// twice gives the same result.
func (d *Doc) SetDest(i int, dest string) {
	if i >= len(d.nodes) {
		return
	}
	switch n := d.nodes[i].node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// SetLabel adds a label such as "PDF, 2.7 MB" after the text of link i,
// in brackets, so that readers know what a link will download. Calling it
// again with the same label changes nothing. Like SetDest it changes an
// unbaked Doc's tree, and does nothing to a baked one.
func (d *Doc) SetLabel(i int, label string) {
	if i >= len(d.nodes) {
		return
	}
	l := &d.nodes[i]
	if l.label == label || !labelShown(d.Links[i], label) {
		return
	}
	if l.labelNode != nil {
		l.node.RemoveChild(l.node, l.labelNode)
	}
	l.labelNode = ast.NewString([]byte(" (" + label + ")"))
	l.node.AppendChild(l.node, l.labelNode)
	l.label = label
}

// Render writes the body as HTML.
func (m *Markdown) Render(w io.Writer, d *Doc) error {
	return m.md.Renderer().Render(w, d.Source, d.Root)
}

// blockPos returns the position of a block's first line.
func (d *Doc) blockPos(n ast.Node) (int, int) {
	start := n.Pos()
	if n.Lines().Len() > 0 {
		start = n.Lines().At(0).Start
	}
	if start < 0 {
		return d.pos(-1)
	}
	// goldmark can place an empty heading's segment past the end of the
	// text (">\t#").
	start = min(start, len(d.Source))
	// A heading's segment starts after the '#' marks: step back to the line start.
	for start > 0 && d.Source[start-1] != '\n' {
		start--
	}
	return d.pos(start)
}

// Position converts a byte offset in the body into a 1-based line and
// column (counted in characters) within the body.
func (d *Doc) Position(off int) (int, int) { return d.pos(off) }

// pos converts a byte offset into a 1-based line and a 1-based column
// counted in characters. An unknown offset gives line 1, column 1.
func (d *Doc) pos(off int) (int, int) {
	if off < 0 {
		return 1, 1
	}
	line := 0
	lo, hi := 0, len(d.lines)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		if d.lines[mid] <= off {
			line = mid
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	col := 1 + len([]rune(string(d.Source[d.lines[line]:off])))
	return line + 1, col
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

func blockOf(n ast.Node) ast.Node {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return p
		}
	}
	return nil
}

// PlainText is the text of a node of this document, without markup.
func (d *Doc) PlainText(n ast.Node) string { return plainText(n, d.Source) }

// plainText is the text content of a node, without markup.
func plainText(n ast.Node, src []byte) string {
	return string(appendPlainText(nil, n, src))
}

// appendPlainText appends the text of n to b.
func appendPlainText(b []byte, n ast.Node, src []byte) []byte {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					b = append(b, tt.Segment.Value(src)...)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		}
		return ast.WalkContinue, nil
	})
	return b
}
