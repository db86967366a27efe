package content

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/schema"
	"github.com/engage-ssg/engage/internal/sysfile"
	"golang.org/x/sync/errgroup"
	"gopkg.in/yaml.v3"
)

// Options are what parsing needs from site.yaml.
type Options struct {
	Location   *time.Location
	Taxonomies []string
	Markdown   *markdown.Markdown
	Workers    int // parallel parsers; 0 means one per CPU
	// Check, when set, runs on each page that has a body, while its
	// syntax tree is still in memory; what it finds is kept in
	// Page.Checks.
	Check func(*Page) diag.List
	// Bake renders each body to HTML as soon as it is parsed and checked,
	// and drops its syntax tree (see markdown.Bake), so that the pages of
	// a large site do not hold their trees until they are written.
	Bake bool
	// Spill, when set with Bake, is where the baked HTML is kept until
	// the page is written, instead of memory (see markdown.Spill).
	Spill *markdown.Spill
}

// Files lists the Markdown files and the other files (bundle resources)
// under content/, sorted.
func Files(fsys fs.FS) (pages, others []string, err error) {
	err = fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != Dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) && name != "_index" {
				return fs.SkipDir
			}
			return nil
		}
		if ignored(name) {
			return nil
		}
		if strings.HasSuffix(name, ".md") {
			pages = append(pages, p)
		} else {
			others = append(others, p)
		}
		return nil
	})
	sort.Strings(pages)
	sort.Strings(others)
	return pages, others, err
}

// ignored reports editor backup, swap and hidden files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".tmp")
}

// ParseAll reads and parses every page in paths, in parallel. Pages are
// returned in the order of paths; a page with errors is still returned when
// it could be read, so that later checks can report more.
func ParseAll(ctx context.Context, fsys fs.FS, paths []string, opts Options) ([]*Page, diag.List) {
	pages := make([]*Page, len(paths))
	lists := make([]diag.List, len(paths))
	g, ctx := errgroup.WithContext(ctx)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// A few goroutines take the pages in turn: a goroutine for each page
	// would grow a new stack for every page.
	var next atomic.Int64
	for range min(workers, len(paths)) {
		g.Go(func() error {
			var buf []byte // the last file read, when nothing holds it
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				p := paths[i]
				data, err := sysfile.ReadFileInto(fsys, p, buf)
				if err != nil {
					lists[i].Errorf(p, 0, 0, "", "", "cannot be read: %v", err)
					continue
				}
				pages[i], lists[i] = Parse(p, data, opts)
				buf = nil
				if pages[i].keepsNoText() {
					buf = data
				}
			}
		})
	}
	var all diag.List
	if err := g.Wait(); err != nil {
		all.Errorf(Dir, 0, 0, "", "", "parsing stopped: %v", err)
	}
	for _, l := range lists {
		all = append(all, l...)
	}
	out := pages[:0]
	for _, p := range pages {
		if p != nil {
			out = append(out, p)
		}
	}
	return out, all
}

// keepsNoText reports whether a parsed page holds nothing of the file it
// was parsed from (nor is there a page), so that the file's buffer can be
// read into again: its front matter is a copy, and a baked body (see
// markdown.Bake) has let go of its source and syntax tree.
func (p *Page) keepsNoText() bool {
	return p == nil || p.Body == nil || p.Body.Baked()
}

var frontMatterFix = "start the file with a line '---', then fields such as 'title: Carers café', then another '---' line"

// Parse parses one content file. path is relative to the site folder.
func Parse(p string, data []byte, opts Options) (*Page, diag.List) {
	var list diag.List
	page := &Page{Path: p, Rel: strings.TrimPrefix(p, Dir+"/")}
	page.classify()

	if !utf8.Valid(data) {
		list.Errorf(p, 1, 1, "", "save the file as UTF-8 in your editor", "is not UTF-8 text")
		return nil, list
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	fm, body, bodyLine, ok := split(data)
	if !ok {
		if first, _, _ := bytes.Cut(data, []byte("\n")); isDashes(first) {
			list.Errorf(p, 1, 1, "", "add a line '---' after the last field, before the text of the page", "the front matter has no closing '---' line")
		} else {
			list.Errorf(p, 1, 1, "", frontMatterFix, "has no front matter")
		}
		return nil, list
	}
	page.BodyLine = bodyLine
	// A copy, not a slice of data, which would keep the whole file in
	// memory; the values read from it are slices of it.
	page.Front, page.taxonomies = string(fm), opts.Taxonomies

	d := schema.Decoder{Path: p, LineOffset: 1, ExtraKeys: slices.Clip(opts.Taxonomies), Positions: positions.Get().(schema.Positions)}
	defer putPositions(d.Positions)
	front := lineBreaks(page.Front)
	r := readers.Get().(*schema.Reader)
	defer readers.Put(r) // once Parse returns: nothing keeps the nodes
	node, err := r.Read(front)
	if err != nil {
		d.Decode([]byte(front), &page.Meta) // reports the syntax error with its line
		// Keep the page, with its body, so that links to it and its
		// easy-read version are not reported as problems too.
		page.Meta.Title = strings.TrimSuffix(path.Base(p), ".md")
		if opts.Markdown != nil {
			page.Body = opts.Markdown.Parse(body)
		}
		finish(page, opts)
		return page, d.Problems
	}
	typ := page.decode(&d, schema.Root(node), opts.Taxonomies)
	list = append(list, d.Problems...)

	loc := opts.Location
	if loc == nil {
		loc = time.UTC
	}
	for _, f := range []struct {
		name string
		raw  string
		dst  *time.Time
	}{{"date", page.Meta.Date, &page.Date}, {"updated", page.Meta.Updated, &page.Updated}, {"review_due", page.Meta.ReviewDue, &page.ReviewDue}} {
		if f.raw == "" {
			continue
		}
		t, err := ParseDate(f.raw, loc)
		if err != nil {
			pos := d.Positions.Of(f.name, schema.Pos{Line: 2, Col: 1})
			list.Errorf(p, pos.Line, pos.Col, f.name, "write 2026-03-14 or 2026-03-14T10:00", "%q is not a date", f.raw)
			continue
		}
		*f.dst = t
	}
	if page.Meta.Type != "" {
		page.Type = page.Meta.Type
	}
	if opts.Markdown != nil {
		var po markdown.ParseOptions
		if typ == "constitution" {
			po.HeadingID = engagement.ClauseID
		}
		po.Rows = page.EasyRead
		page.Body = opts.Markdown.Parse(body, po)
	}
	finish(page, opts)
	return page, list
}

// readers hold the memory of the nodes of front matter read before, for
// the next page: Parse decodes the nodes and lets go of them.
var readers = sync.Pool{New: func() any { return new(schema.Reader) }}

// positions hold maps for Parse's Decoder, which it only needs while it
// decodes: where each field was written is found again by Page.Positions.
var positions = sync.Pool{New: func() any { return schema.Positions{} }}

// putPositions empties m and keeps it for the next page, unless a large
// front matter made it too large to be worth keeping.
func putPositions(m schema.Positions) {
	if len(m) > 256 {
		return
	}
	clear(m)
	positions.Put(m)
}

// decode decodes the front matter's root node into the page's Meta and
// Fields, taking out its terms, reporting problems and positions through
// d, and returns the page's type. Parse and Positions both read the front
// matter with it, so that positions found again are the ones parsing saw.
func (p *Page) decode(d *schema.Decoder, root *yaml.Node, taxonomies []string) (typ string) {
	p.Meta.Terms = takeTerms(d, root, taxonomies)
	typ = p.Type
	if t := typeOf(root); t != "" {
		typ = t
	}
	if v, store := typeFields(typ); v != nil && p.Kind == Regular && !p.EasyRead {
		keys := schema.Keys(v)
		own := takeKeys(root, keys)
		d.ExtraKeys = extraKeys(typ, d.ExtraKeys, keys)
		d.DecodeNode(own, v, "")
		store(&p.Fields, v)
	}
	misplaced(d, root, typ)
	d.DecodeNode(root, &p.Meta, "")
	return typ
}

// finish runs the checks that need a page's syntax tree, then bakes it.
func finish(page *Page, opts Options) {
	if page.Body == nil {
		return
	}
	if opts.Check != nil {
		page.Checks = opts.Check(page)
	}
	if opts.Bake && opts.Markdown != nil {
		opts.Markdown.Bake(page.Body, opts.Spill)
	}
}

// lineBreaks replaces the characters that YAML counts as line ends but
// editors and engage do not (a lone carriage return, U+0085, U+2028,
// U+2029) with spaces, so that line numbers in problems match the file.
func lineBreaks(fm string) string {
	if !strings.ContainsAny(fm, "\r\u0085\u2028\u2029") {
		return fm
	}
	return strings.NewReplacer("\r\n", "\r\n", "\r", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ").Replace(fm)
}

// classify works out the kind, section and type from the file's place.
func (p *Page) classify() {
	dir, name := path.Split(p.Rel)
	dir = strings.TrimSuffix(dir, "/")
	if dir != "" {
		p.Section, _, _ = strings.Cut(dir, "/")
	}
	switch {
	case name == "_index.md" && dir == "":
		p.Kind = Home
	case name == "_index.md":
		p.Kind = Section
	case name == "index.md" || name == "index.easy.md":
		p.Bundle = true
	}
	p.EasyRead = strings.HasSuffix(name, ".easy.md")
	p.Type = p.Section
	if p.Type == "" {
		p.Type = "page"
	}
}

// FrontMatter returns the front matter text of a file, for telling an
// edit of the body from an edit of the fields.
func FrontMatter(data []byte) ([]byte, bool) {
	fm, _, _, ok := split(bytes.TrimPrefix(data, []byte("\ufeff")))
	return fm, ok
}

// split separates front matter from body. bodyLine is the 1-based line
// where the body starts.
func split(data []byte) (fm, body []byte, bodyLine int, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || !isDashes(first) {
		return nil, nil, 0, false
	}
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if isDashes(l) {
			fm = rest[:off]
			if end < 0 {
				return fm, nil, line + 1, true
			}
			return fm, rest[off+end+1:], line + 1, true
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 0, false
}

// isDashes reports whether line l is "---", the line that starts and
// ends front matter, with any spaces or carriage return after it.
func isDashes(l []byte) bool {
	return string(bytes.TrimRight(l, " \r")) == "---" // compared without a copy
}

// typeOf returns the value of a "type:" key, if written.
func typeOf(root *yaml.Node) string {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "type" && root.Content[i+1].Kind == yaml.ScalarNode {
			return root.Content[i+1].Value
		}
	}
	return ""
}

// takeKeys moves the named keys (sorted) out of a mapping node into a new
// one, which starts where the mapping does so that missing required
// fields are reported at the top of the front matter.
func takeKeys(root *yaml.Node, keys []string) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: root.Line, Column: root.Column}
	if root.Kind != yaml.MappingNode {
		return out
	}
	want := func(k *yaml.Node) bool {
		_, ok := slices.BinarySearch(keys, k.Value)
		return ok
	}
	n := 0
	for i := 0; i+1 < len(root.Content); i += 2 {
		if want(root.Content[i]) {
			n += 2
		}
	}
	if n > 0 {
		out.Content = make([]*yaml.Node, 0, n)
	}
	kept := root.Content[:0] // in place: the front matter's nodes are Parse's own
	for i := 0; i+1 < len(root.Content); i += 2 {
		if want(root.Content[i]) {
			out.Content = append(out.Content, root.Content[i], root.Content[i+1])
		} else {
			kept = append(kept, root.Content[i], root.Content[i+1])
		}
	}
	root.Content = kept
	return out
}

// extraKeysCache holds extraKeys' answer for each content type, with the
// taxonomies it was made for.
var extraKeysCache sync.Map // string → extra

type extra struct{ taxonomies, keys []string }

// extraKeys returns taxonomies followed by the keys of typ's own fields:
// the keys, besides Meta's, that a misspelt key may have been meant as.
// The list is shared and must not be changed.
func extraKeys(typ string, taxonomies, keys []string) []string {
	if e, ok := extraKeysCache.Load(typ); ok && slices.Equal(e.(extra).taxonomies, taxonomies) {
		return e.(extra).keys
	}
	all := slices.Clip(append(slices.Clone(taxonomies), keys...))
	extraKeysCache.Store(typ, extra{slices.Clone(taxonomies), all})
	return all
}

// misplaced reports, and removes, fields that belong to another content
// type ("start" on a news page), with a fix that names the right place.
// ownerCache holds owners' answer for each content type.
var ownerCache sync.Map // string → map[string]string

// owners maps each field of the other content types (not a field every
// page may have) to the type it belongs to. The map is shared: do not
// change it.
func owners(typ string) map[string]string {
	if m, ok := ownerCache.Load(typ); ok {
		return m.(map[string]string)
	}
	common := map[string]bool{}
	for _, k := range schema.Keys(Meta{}) {
		common[k] = true
	}
	owner := map[string]string{}
	for _, t := range Types {
		if t == typ {
			continue
		}
		v, _ := typeFields(t)
		for _, k := range schema.Keys(reflect.ValueOf(v).Elem().Interface()) {
			if !common[k] {
				if _, ok := owner[k]; !ok {
					owner[k] = t
				}
			}
		}
	}
	ownerCache.Store(typ, owner)
	return owner
}

func misplaced(d *schema.Decoder, root *yaml.Node, typ string) {
	if root.Kind != yaml.MappingNode {
		return
	}
	owner := owners(typ)
	kept := root.Content[:0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		t, ok := owner[k.Value]
		if !ok {
			kept = append(kept, k, root.Content[i+1])
			continue
		}
		if _, ownKey := d.Positions[k.Value]; ownKey {
			kept = append(kept, k, root.Content[i+1])
			continue
		}
		here := typ
		if here == "" || here == "page" {
			here = "plain"
		}
		d.Problems.Errorf(d.Path, k.Line+d.LineOffset, k.Column, k.Value,
			fmt.Sprintf("move the page to content/%s/ (or add 'type: %s'), or remove the line", t, t),
			"is a field of %s pages, and this is a %s page", t, here)
	}
	root.Content = kept
}

// takeTerms removes the taxonomy keys from the front matter node, decoding
// each as a list of terms.
func takeTerms(d *schema.Decoder, root *yaml.Node, taxonomies []string) map[string][]string {
	if root.Kind != yaml.MappingNode {
		return nil
	}
	var terms map[string][]string
	kept := root.Content[:0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !slices.Contains(taxonomies, k.Value) {
			kept = append(kept, k, v)
			continue
		}
		var list []string
		d.DecodeNode(v, &list, k.Value)
		d.Positions[k.Value] = schema.Pos{Line: k.Line + d.LineOffset, Col: k.Column}
		if terms == nil {
			terms = map[string][]string{}
		}
		// The terms, trimmed, in the list decoded for them.
		own := list[:0]
		for _, t := range list {
			if t = strings.TrimSpace(t); t != "" {
				own = append(own, t)
			}
		}
		if len(own) == 0 {
			continue
		}
		if before, ok := terms[k.Value]; ok {
			own = append(before, own...) // the key was written twice
		}
		terms[k.Value] = own
	}
	root.Content = kept
	return terms
}

// String describes the page for debugging.
func (p *Page) String() string { return fmt.Sprintf("%s (%s)", p.Path, p.Meta.Title) }
