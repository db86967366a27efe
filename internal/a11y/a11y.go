// Package a11y checks a page's content for what would make it hard to use
// for disabled readers, and says so in plain words with the fix: pictures
// without alt text, skipped heading levels, links that make no sense on
// their own, tables without headers, documents with no web version, long
// sentences, hard words and unexplained abbreviations, and the easy-read
// rules. It runs after the resolve stage, on the pages that will be
// published, and only reads them.
package a11y

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/readability"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Options are the site's writing targets.
type Options struct {
	// ReadingAge is the highest reading age a standard page should need.
	ReadingAge float64
	// Allow lists abbreviations readers know without explanation.
	Allow []string
}

// Limits from the GOV.UK and NHS.UK content guides (standard pages) and
// the easy-read guidance (Mencap, NHS England).
const (
	MaxWords         = 25
	MaxSentences     = 5
	EasyMaxWords     = 15
	minWordsForScore = 100 // shorter pages give readability scores that mean little
)

// Check runs every content check on one page.
func Check(p *content.Page, opts Options) diag.List {
	if p.Body == nil {
		return nil
	}
	c := checkers.Get().(*checker)
	defer c.release()
	c.p, c.doc, c.opts = p, p.Body, opts
	c.walk()
	return c.list
}

// checkers keep the buffers of a check for the next page's: the text of
// every paragraph copied into fresh buffers was most of what a check
// allocated.
var checkers = sync.Pool{New: func() any { return &checker{seen: map[string]bool{}} }}

// maxKept is the most bytes of text a checker keeps for the next page.
const maxKept = 1 << 16

// release empties c, but for its buffers, and gives it back to checkers.
func (c *checker) release() {
	if cap(c.run.text) > maxKept || len(c.seen) > 1024 {
		return
	}
	clear(c.seen)
	*c = checker{seen: c.seen, run: textRun{text: c.run.text[:0], spans: c.run.spans[:0]}, sentences: c.sentences[:0]}
	checkers.Put(c)
}

type checker struct {
	p     *content.Page
	doc   *markdown.Doc
	opts  Options
	list  diag.List
	seen  map[string]bool   // abbreviations already met
	read  readability.Score // the page's readability so far
	level int               // the last heading level; the title is 1
	run   textRun           // the text of the block being checked, reused
	// sentences are the sentences of the block being checked, reused.
	sentences []readability.Sentence
}

func (c *checker) at(off int) (int, int) {
	l, col := c.doc.Position(off)
	return c.p.FilePos(l, col)
}

func (c *checker) errorf(off int, field, fix, format string, args ...any) {
	l, col := c.at(off)
	c.list.Errorf(c.p.Path, l, col, field, fix, format, args...)
}

func (c *checker) warnf(off int, field, fix, format string, args ...any) {
	l, col := c.at(off)
	c.list.Warnf(c.p.Path, l, col, field, fix, format, args...)
}

// lineStart is the offset of the start of the line holding off, so that
// block problems point at the start of the block's line.
func (c *checker) lineStart(off int) int {
	off = min(off, len(c.doc.Source)) // goldmark can point past the end
	for off > 0 && c.doc.Source[off-1] != '\n' {
		off--
	}
	return off
}

func blockStart(n ast.Node) int {
	if n.Type() != ast.TypeBlock {
		return n.Pos()
	}
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if s := blockStart(ch); s >= 0 {
			return s
		}
	}
	if p := n.Pos(); p >= 0 {
		return p
	}
	return -1
}

func (c *checker) walk() {
	c.level = 1
	var paragraphs int
	_ = ast.Walk(c.doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			c.heading(n)
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			c.image(n)
		case *ast.Link:
			c.link(n)
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				c.warnf(c.autoLinkStart(n), "link", "write words that say where it goes: [our survey](https://...)",
					"the address itself is the link text")
			}
		case *east.Table:
			c.table(n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			paragraphs++
			c.text(n)
		case *ast.Emphasis:
			if c.p.EasyRead && n.Level == 1 {
				c.warnf(c.textStart(n), "easy read", "use bold (**...**) for the few words that matter most", "italics are hard to read")
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	c.documents()
	if !c.p.EasyRead {
		c.score()
	}
}

// autoLinkStart finds where an autolinked address was written: goldmark
// keeps the address's text, so it is found in the source after the
// position of the text before it.
func (c *checker) autoLinkStart(n *ast.AutoLink) int {
	label := n.Label(c.doc.Source)
	from := 0
	if p := n.Pos(); p >= 0 {
		from = p // at or just before the address
	} else if prev := n.PreviousSibling(); prev != nil {
		if t, ok := prev.(*ast.Text); ok {
			from = t.Segment.Stop
		}
	} else if b := blockOf(n); b != nil {
		from = max(blockStart(b), 0)
	}
	if i := bytes.Index(c.doc.Source[from:], label); i >= 0 {
		at := from + i
		if at > 0 && c.doc.Source[at-1] == '<' {
			at-- // <https://...>: the address starts at its bracket
		}
		return at
	}
	return from
}

// blockOf is the block that holds an inline node.
func blockOf(n ast.Node) ast.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return p
		}
	}
	return nil
}

func (c *checker) heading(n *ast.Heading) {
	off := c.lineStart(blockStart(n))
	if off < 0 {
		off = 0
	}
	switch {
	case n.Level == 1:
		c.errorf(off, "heading", "start headings in the text at ## (the title above the text is the page's main heading)",
			"is a second main heading (#)")
	case n.Level > c.level+1:
		c.errorf(off, "heading", fmt.Sprintf("use %s here, or add the missing level above it", strings.Repeat("#", c.level+1)),
			"skips from level %d to level %d", c.level, n.Level)
	}
	c.level = n.Level
	if strings.TrimSpace(c.doc.PlainText(n)) == "" {
		c.errorf(off, "heading", "write the heading's words after the # marks, or remove the line", "is empty")
	}
}

func (c *checker) image(n *ast.Image) {
	alt := strings.TrimSpace(c.doc.PlainText(n))
	if alt != "" {
		return
	}
	if c.doc.IsDecorative(n) {
		return
	}
	if c.p.EasyRead && firstInParagraph(n) {
		return // the picture beside the words repeats them: empty alt is right
	}
	c.errorf(n.Pos(), "image", `describe what the picture shows: ![A nurse talking to a patient](photo.jpg), or write ![""](photo.jpg) if it is only decoration`,
		"has no alt text")
}

// firstInParagraph reports whether an image starts its paragraph, the
// easy-read row pattern.
func firstInParagraph(n ast.Node) bool {
	p := n.Parent()
	if p == nil || (p.Kind() != ast.KindParagraph && p.Kind() != ast.KindTextBlock) {
		return false
	}
	return p.FirstChild() == n
}

// vague are link texts that mean nothing out of context, as a screen
// reader's list of links reads them.
var vague = map[string]bool{
	"click here": true, "here": true, "read more": true, "this page": true, "more": true,
	"link": true, "this link": true, "click": true, "find out more": true, "more info": true,
	"more information": true, "this": true, "go": true,
}

func (c *checker) link(n *ast.Link) {
	text := strings.TrimSpace(c.doc.PlainText(n))
	hasImage := false
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if _, ok := ch.(*ast.Image); ok {
			hasImage = true
		}
	}
	switch {
	case text == "" && !hasImage:
		c.errorf(n.Pos(), "link", "write what the link is about between the brackets: [our survey](https://...)", "has no text")
	case isVague(strings.Trim(text, ".:!")):
		c.warnf(n.Pos(), "link", "use words that make sense on their own, such as the title of the page it goes to",
			"%q does not say where the link goes", text)
	case looksLikeURL(text):
		c.warnf(n.Pos(), "link", "write words that say where it goes: [our survey](https://...)", "the address itself is the link text")
	}
}

// maxVague is the length of the longest vague link text.
var maxVague = func() int {
	n := 0
	for k := range vague {
		n = max(n, len(k))
	}
	return n
}()

// isVague reports whether a link text is one of the vague ones, in any
// case, without lowering the case of the many that are too long to be
// one: a character lowered is at least a quarter of its length in bytes.
func isVague(text string) bool {
	return len(text) <= 4*maxVague && vague[strings.ToLower(text)]
}

// looksLikeURL reports whether s starts as a web address does, in any
// case. No letter outside ASCII folds to one of these, so comparing
// with hasPrefixFold is the same as lowering s, without the copy.
func looksLikeURL(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.")
}

func (c *checker) table(n *east.Table) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if h, ok := ch.(*east.TableHeader); ok {
			if strings.TrimSpace(c.doc.PlainText(h)) != "" {
				return
			}
		}
	}
	c.errorf(c.lineStart(blockStart(n)), "table", "put the name of each column in the first row", "has no header row")
}

// documents warns about links to PDF and Office files on pages that do
// not also give the content as a web page.
func (c *checker) documents() {
	for _, l := range c.doc.Links {
		dest, _, _ := strings.Cut(l.Dest, "#")
		if l.Image || !engagement.IsOffice(dest) {
			continue
		}
		if c.read.Words >= 150 || c.hasPageLink() {
			return
		}
		line, col := c.p.FilePos(l.Line, l.Col)
		kind := fileKind(dest)
		article := "a"
		if strings.ContainsRune("AEIOU", rune(kind[0])) && !strings.HasPrefix(kind, "U") || strings.HasPrefix(kind, "MS") {
			article = "an"
		}
		c.list.Warnf(c.p.Path, line, col, "link", "put the content on this page too, or link to the page that has it",
			"links to %s %s with no web page version here", article, kind)
	}
}

func fileKind(dest string) string {
	label := engagement.FileLabel(dest, 0)
	return strings.TrimSuffix(label, ", 0 bytes")
}

// hasPageLink reports whether the body links to another page of the site,
// which may be the document's HTML version.
func (c *checker) hasPageLink() bool {
	for _, l := range c.doc.Links {
		dest, _, _ := strings.Cut(l.Dest, "#")
		if l.Image || dest == "" || strings.Contains(dest, "://") || strings.HasPrefix(dest, "mailto:") || strings.HasPrefix(dest, "tel:") {
			continue
		}
		if !engagement.IsDocument(dest) {
			return true
		}
	}
	return false
}

// textRun is the text of a block, with where each part of it was written
// in the source.
type textRun struct {
	text  []byte
	spans []span
}

// span is a stretch of the run copied from one place in the source.
type span struct{ at, src int }

func (t *textRun) add(b []byte, start int) {
	t.spans = append(t.spans, span{at: len(t.text), src: start})
	t.text = append(t.text, b...)
}

// off is the source offset of byte i of the run.
func (t *textRun) off(i int) int {
	if len(t.spans) == 0 {
		return 0
	}
	if i >= len(t.text) && len(t.text) > 0 {
		i = len(t.text) - 1
	}
	j := sort.Search(len(t.spans), func(k int) bool { return t.spans[k].at > i }) - 1
	if j < 0 {
		j = 0
	}
	return t.spans[j].src + i - t.spans[j].at
}

// collect gathers the words of a block, skipping code.
func (c *checker) collect(n ast.Node, run *textRun) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			run.add(ch.Segment.Value(c.doc.Source), ch.Segment.Start)
			if ch.SoftLineBreak() || ch.HardLineBreak() {
				run.add([]byte{' '}, ch.Segment.Stop)
			}
		case *ast.Image:
			// A picture is not part of the sentence beside it.
		case *ast.CodeSpan:
			run.add([]byte("code"), max(ch.Pos(), 0))
		case *ast.AutoLink:
			run.add(ch.Label(c.doc.Source), max(ch.Pos(), 0))
		default:
			c.collect(ch, run)
		}
	}
}

func (c *checker) textStart(n ast.Node) int {
	var run textRun
	c.collect(n, &run)
	return run.off(0)
}

// text checks the sentences, words and abbreviations of a paragraph.
func (c *checker) text(n ast.Node) {
	run := &c.run
	run.text, run.spans = run.text[:0], run.spans[:0]
	c.collect(n, run)
	if len(bytes.TrimSpace(run.text)) == 0 {
		return
	}
	text := string(run.text)
	c.sentences = readability.AppendSentences(c.sentences[:0], text)
	limit := MaxWords
	if c.p.EasyRead {
		limit = EasyMaxWords
	}
	for _, s := range c.sentences {
		c.read = c.read.Add(s)
		if s.Words > limit {
			c.warnf(run.off(s.Offset), "sentence", fmt.Sprintf("keep sentences to %d words or fewer, for example by splitting this one in two", limit),
				"has %d words", s.Words)
		}
	}
	if !c.p.EasyRead && len(c.sentences) > MaxSentences {
		c.warnf(run.off(0), "paragraph", fmt.Sprintf("keep paragraphs to %d sentences or fewer", MaxSentences), "has %d sentences", len(c.sentences))
	}
	c.abbreviations(text, run)
	if c.p.EasyRead {
		c.easyRead(n, text, run)
	}
}

// hasCapitals reports whether text has a capital letter followed by a
// capital or '&', which every match of capitals starts with.
func hasCapitals(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			if d := text[i+1]; d >= 'A' && d <= 'Z' || d == '&' {
				return true
			}
		}
	}
	return false
}

var capitals = regexp.MustCompile(`\b[A-Z][A-Z&]+s?\b`)

// abbreviations warns about a capitalised abbreviation that is not
// explained the first time it is used: "Integrated Care Board (ICB)" or
// "ICB (Integrated Care Board)" both explain it.
func (c *checker) abbreviations(text string, run *textRun) {
	if !hasCapitals(text) {
		return // the regular expression is slow, and most text has none
	}
	for _, m := range capitals.FindAllStringIndex(text, -1) {
		word := strings.TrimSuffix(text[m[0]:m[1]], "s")
		if len(word) < 2 || slices.Contains(c.opts.Allow, word) || c.seen[word] || strings.ToUpper(word) != word {
			continue
		}
		c.seen[strings.Clone(word)] = true // not the whole paragraph's text
		before := strings.TrimRight(text[:m[0]], " ")
		after := strings.TrimLeft(text[m[1]:], " ")
		if strings.HasPrefix(after, "(") || (strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")) {
			continue
		}
		c.warnf(run.off(m[0]), "abbreviation", "write it in full the first time, followed by the abbreviation in brackets, as in \"Integrated Care Board (ICB)\"; or, if every reader knows it, add it to writing.abbreviations in site.yaml",
			"%q is not spelled out on first use", word)
	}
}
