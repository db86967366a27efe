package markdown

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// A baked Doc has been rendered to HTML once, at parse time, with a slot
// where each link's destination and download label go, and has let go of
// its syntax tree and source. Resolving links later only fills the slots:
// a site of 10,000 pages does not keep 10,000 syntax trees in memory, and
// a page's Markdown is rendered once however many times the page is
// written (the page, its feed entries, the preview).

// slotMark starts and ends a slot in the baked HTML. It is made of
// characters that goldmark's URL and HTML escaping leave alone, so it
// comes out of the renderer as written; a body that contains it is not
// baked (see Bake).
const slotMark = "zQengageSLOTq"

// slot is one hole in the baked HTML. A large site keeps one for each
// link of each page, so they are small.
type slot struct {
	at    int32 // where it is in the baked HTML
	link  int32 // index into Doc.Links
	label bool  // the download label after the link text, not the destination
}

// baked is the HTML of a body with its slots taken out: html[:slots[0].at],
// then slot 0, html up to slots[1].at, and so on; the last part runs to
// the end. The HTML is in memory, or in a Spill when html is nil.
type baked struct {
	html  []byte
	slots []slot
	spill *Spill
	off   int64 // where the HTML starts in the spill
	size  int   // its length
}

// Bake renders d to HTML with slots for link destinations and labels, and
// drops the syntax tree and source. Checks that need the tree must run
// first. With a Spill the HTML is moved out of memory into its file
// (nil, or a spill that cannot be written, keeps it in memory). A body
// whose HTML would hold a slot marker of its own (written out, or spelled
// with character references) is left as it is, and rendered from its
// tree as usual. Bake is not safe to call twice on one Doc at once.
func (m *Markdown) Bake(d *Doc, spill *Spill) {
	if d == nil || d.Root == nil || d.baked != nil {
		return
	}
	saved := make([][]byte, len(d.Links))
	labels := make([]ast.Node, len(d.Links))
	want := 0 // the slots the HTML must have
	for i, l := range d.nodes {
		dest := []byte(slotMark + "d" + strconv.Itoa(i) + slotMark)
		switch n := l.node.(type) {
		case *ast.Link:
			saved[i], n.Destination = n.Destination, dest
			if l.labelNode != nil {
				n.RemoveChild(n, l.labelNode)
				d.nodes[i].labelNode, d.nodes[i].label = nil, ""
			}
			label := ast.NewString([]byte(slotMark + "l" + strconv.Itoa(i) + slotMark))
			label.SetRaw(true)
			n.AppendChild(n, label)
			labels[i] = label
			want += 2
		case *ast.Image:
			saved[i], n.Destination = n.Destination, dest
			want++
		}
	}
	restore := func() {
		for i, l := range d.nodes {
			switch n := l.node.(type) {
			case *ast.Link:
				n.Destination = saved[i]
				n.RemoveChild(n, labels[i])
			case *ast.Image:
				n.Destination = saved[i]
			}
		}
	}
	buf := bakeBuffers.Get().(*bakeBuffer)
	defer bakeBuffers.Put(buf)
	buf.b.Reset()
	buf.w.Reset(&buf.b)
	if err := m.md.Renderer().Render(buf.w, d.Source, d.Root); err != nil {
		// Rendering into memory does not fail; should it, keep the tree.
		restore()
		return
	}
	html := buf.b.Bytes()
	if m.unsafe {
		// Raw HTML may hold comments (notes to editors): they are not
		// published, as the whole-page minifier used to ensure.
		html = stripComments(html)
	}
	if bytes.Count(html, []byte(slotMark)) != 2*want {
		restore() // the body writes a slot marker of its own
		return
	}
	b := cut(html, want)
	if !b.valid(d.nodes, want) {
		restore()
		return
	}
	b.size = len(b.html)
	if off, ok := spill.put(b.html); ok {
		b.html, b.spill, b.off = nil, spill, off
	} else {
		b.html = bytes.Clone(b.html)
	}
	d.baked = b
	d.empty = len(d.Source) == 0
	d.Root, d.Source, d.lines = nil, nil, nil
	d.nodes = nil
}

// stripComments removes HTML comments, in place. goldmark escapes "<!--"
// in text and code, so every one left in its output is raw HTML's.
func stripComments(s []byte) []byte {
	out := s[:0]
	for {
		i := bytes.Index(s, []byte("<!--"))
		if i < 0 {
			break
		}
		out = append(out, s[:i]...)
		j := bytes.Index(s[i+4:], []byte("-->"))
		if j < 0 {
			return out
		}
		s = s[i+4+j+3:]
	}
	return append(out, s...)
}

// valid reports whether b has exactly the want slots Bake made for links:
// one destination for each link and picture, and one label for each link,
// each where goldmark writes it.
func (b *baked) valid(links []linkNode, want int) bool {
	if len(b.slots) != want {
		return false
	}
	// seen has a bit for each link's destination (1) and label (2).
	var small [64]uint8
	seen := small[:0]
	if len(links) <= len(small) {
		seen = small[:len(links)]
	} else {
		seen = make([]uint8, len(links))
	}
	for _, s := range b.slots {
		bit := uint8(1)
		if s.label {
			bit = 2
		}
		if s.link < 0 || int(s.link) >= len(links) || seen[s.link]&bit != 0 {
			return false
		}
		if _, isLink := links[s.link].node.(*ast.Link); s.label && !isLink {
			return false
		}
		// goldmark writes a destination as an attribute's value, and a
		// label (the link's last child) just before the link's end: a
		// forged marker elsewhere (in a picture's alt text, say) stands
		// in for one the HTML does not show.
		if s.label && !bytes.HasPrefix(b.html[s.at:], []byte("</a>")) ||
			!s.label && !bytes.HasSuffix(b.html[:s.at], []byte(`href="`)) && !bytes.HasSuffix(b.html[:s.at], []byte(`src="`)) {
			return false
		}
		seen[s.link] |= bit
	}
	return true
}

// bakeBuffer is where Bake renders: goldmark writes through a buffered
// writer, and would make a new one for every body otherwise.
type bakeBuffer struct {
	b bytes.Buffer
	w *bufio.Writer
}

var bakeBuffers = sync.Pool{New: func() any {
	buf := &bakeBuffer{}
	buf.w = bufio.NewWriterSize(&buf.b, 4096)
	return buf
}}

// cut takes the slot markers out of rendered HTML, in place: the baked
// body it returns holds html without them, and where they were. want is
// how many there should be.
func cut(html []byte, want int) *baked {
	b := &baked{slots: make([]slot, 0, want)}
	out, s := html[:0], html
	for {
		i := bytes.Index(s, []byte(slotMark))
		if i < 0 {
			break
		}
		rest := s[i+len(slotMark):]
		j := bytes.Index(rest, []byte(slotMark))
		if j < 1 {
			break
		}
		n, err := strconv.ParseInt(string(rest[1:j]), 10, 32)
		if err != nil {
			break
		}
		out = append(out, s[:i]...)
		b.slots = append(b.slots, slot{at: int32(len(out)), link: int32(n), label: rest[0] == 'l'})
		s = rest[j+len(slotMark):]
	}
	b.html = append(out, s...)
	return b
}

// Baked reports whether d has been baked.
func (d *Doc) Baked() bool { return d.baked != nil }

// Empty reports whether the body has no text at all.
func (d *Doc) Empty() bool {
	if d.baked != nil {
		return d.empty
	}
	return len(d.Source) == 0
}

// HTML writes the body as HTML, with link i pointing at dests[i] and
// labelled with labels[i] (see SetLabel); a missing or empty entry keeps
// the link as written. It works on baked and unbaked Docs alike, and is
// safe to call on one Doc from several goroutines at once (an unbaked
// Doc's tree is changed and rendered under its lock).
func (m *Markdown) HTML(w io.Writer, d *Doc, dests, labels []string) error {
	if d.baked == nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		for i := range d.Links {
			if i < len(dests) && dests[i] != "" {
				d.SetDest(i, dests[i])
			}
			if i < len(labels) {
				d.SetLabel(i, labels[i])
			}
		}
		if !m.unsafe {
			return m.Render(w, d)
		}
		// Raw HTML comments are not published, baked or not.
		var b bytes.Buffer
		if err := m.Render(&b, d); err != nil {
			return err
		}
		_, err := w.Write(stripComments(b.Bytes()))
		return err
	}
	src, done, err := d.baked.read()
	if err != nil {
		return err
	}
	defer done()
	// Write straight into a buffer that can grow to fit; anything else
	// gets the whole body in one Write.
	out := w
	var whole *bytes.Buffer
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(len(src) + 64*len(d.baked.slots))
	} else {
		whole = &bytes.Buffer{}
		whole.Grow(len(src) + 64*len(d.baked.slots))
		out = whole
	}
	start := 0
	for _, s := range d.baked.slots {
		out.Write(src[start:s.at])
		start = int(s.at)
		var l Link // none once ForgetLinks has run: dests has every address then
		if int(s.link) < len(d.Links) {
			l = d.Links[s.link]
		}
		if s.label {
			if int(s.link) < len(labels) && labelShown(l, labels[s.link]) {
				io.WriteString(out, " (")
				out.Write(util.EscapeHTML([]byte(labels[s.link])))
				io.WriteString(out, ")")
			}
			continue
		}
		dest := l.Dest
		if int(s.link) < len(dests) && dests[s.link] != "" {
			dest = dests[s.link]
		}
		if m.unsafe || !dangerousURL(dest) {
			out.Write(util.EscapeHTML(util.URLEscape([]byte(dest), true)))
		}
	}
	_, err = out.Write(src[start:])
	if whole != nil && err == nil {
		_, err = w.Write(whole.Bytes())
	}
	return err
}

// ForgetLinks lets go of a baked body's links, with their addresses and
// texts as written, once they are resolved: dests holds the address for
// every link and labels is nil (the body links no documents), so that
// HTML needs neither. It reports whether it forgot them; it does nothing
// to an unbaked Doc or while any link lacks an address or has a label.
// An address in dests that is the one written is copied, so that the
// text of the links can go. engage build does this once the site is
// checked: on a large site the links are a tenth of what it keeps of each
// page. engage serve does not, to compare versions of a page.
func (d *Doc) ForgetLinks(dests, labels []string) bool {
	if d.baked == nil || labels != nil || len(dests) != len(d.Links) {
		return false
	}
	size := 0
	for i, dest := range dests {
		if dest == "" {
			return false
		}
		if dest == d.Links[i].Dest {
			size += len(dest)
		}
	}
	// The copies are cut from one string: one object for the garbage
	// collector to find, not one for each link.
	var b strings.Builder
	b.Grow(size)
	for i, dest := range dests {
		if dest == d.Links[i].Dest {
			b.WriteString(dest)
		}
	}
	all, at := b.String(), 0
	for i, dest := range dests {
		if dest == d.Links[i].Dest {
			dests[i], at = all[at:at+len(dest)], at+len(dest)
		}
	}
	d.Links = nil
	return true
}

// labelShown reports whether a link shows label after its text: not for
// pictures, and not when the text already says what the file is, as in
// "[Annual report (PDF)](report.pdf)".
func labelShown(l Link, label string) bool {
	if label == "" || l.Image {
		return false
	}
	typ, _, _ := strings.Cut(label, ",")
	return !strings.Contains(strings.ToLower(l.Text), "("+strings.ToLower(typ))
}

// Text is the plain text of the body, a space between blocks so that the
// last word of a heading and the first of the next paragraph stay two
// words. The search index reads it. A baked body's text is read from its
// HTML each time, rather than kept: it is asked for once per build.
func (d *Doc) Text() string {
	if d.baked != nil {
		return htmlText(d.baked)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.blockText()
}

func (d *Doc) blockText() string {
	var b strings.Builder
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeBlock {
			return ast.WalkContinue, nil // a container: its blocks come next
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.PlainText(n))
		return ast.WalkSkipChildren, nil
	})
	return b.String()
}
