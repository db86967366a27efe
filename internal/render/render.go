// Package render is the render stage of the pipeline: it turns each
// resolved page into HTML with the site's layouts (Go html/template files,
// the site's own before the embedded theme's), and processes the assets.
//
// Trust model: layouts and site.yaml are trusted and may emit any HTML;
// content is not, and reaches layouts only as goldmark's output, which
// escapes raw HTML unless the site opts in.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/feed"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/tdewolff/minify/v2"
)

// Data is what a layout sees as ".".
type Data struct {
	Site    *site.Site
	Page    *site.Page
	Content template.HTML // the page's Markdown body as HTML

	// out is the page being written, under the theme's own base layout:
	// the parts of the theme written in Go write straight into it rather
	// than return text that html/template copies in (themeBase,
	// themePartial). A partial executed on its own is given the Data
	// without it (detached).
	out *bytes.Buffer
	// lazy is set when Content was not made because the page's "main"
	// block is written in Go, which writes the body straight into out
	// (writeBody); err is what writing it failed with.
	lazy bool
	err  error
}

// Renderer renders pages of one site. After New it is safe for concurrent use.
type Renderer struct {
	site      *site.Site
	md        *markdown.Markdown
	minifier  *minify.M
	assets    map[string]*Asset
	sets      map[*site.Page]*template.Template
	templates *templates
	partials  *template.Template // every partial, for partialCached
	cacheMu   sync.RWMutex
	cache     map[cacheKey]template.HTML // what partialCached rendered
	// cards are the cards of pages partialCached rendered: a large site
	// has one for every page, which a key of its own makes quicker to find
	// and smaller for the garbage collector to go over than cacheKey.
	cards     map[card]template.HTML
	siteOwned map[string]bool // partials the site's layouts/ overrides
	// natives are the theme's partials this site gets written in Go
	// (see native.go); written has every partial as layout text, for
	// data the Go does not know.
	natives   map[string]bool
	written   *template.Template
	fallbacks atomic.Int64 // times a Go partial gave way to its layout text
}

// cacheKey names one rendering of a partial by partialCached.
type cacheKey struct {
	name     string
	variants [4]any
}

// New parses every layout the site's pages need and processes the assets.
// Every layout problem is returned; the Renderer is usable only without
// errors.
func New(s *site.Site, layouts, assets Layers, md *markdown.Markdown, minifyOutput bool) (*Renderer, diag.List) {
	r := &Renderer{site: s, md: md, cache: map[cacheKey]template.HTML{}, cards: map[card]template.HTML{}}
	var list diag.List
	m := Minifier()
	if minifyOutput {
		r.minifier = m
	}
	a, err := Assets(assets, r.minifier)
	if err != nil {
		list.Errorf(AssetDir, 0, 0, "", "", "%v", err)
		return r, list
	}
	r.assets = a
	files, err := layouts.Files()
	if err != nil {
		list.Errorf(LayoutDir, 0, 0, "", "", "%v", err)
		return r, list
	}
	ts := &templates{layers: layouts, funcs: r.funcs(), sets: map[string]*template.Template{},
		minify: r.minifier, texts: map[string][2]string{}, orig: map[*template.Template]*template.Template{},
		stubbed: map[*template.Template]bool{}, baseStubbed: map[*template.Template]bool{},
		mainInGo: map[*template.Template]string{}, direct: map[*template.Template]string{}}
	for _, f := range files {
		if strings.HasPrefix(f, "partials/") && strings.HasSuffix(f, ".html") {
			ts.partials = append(ts.partials, f)
		}
	}
	r.templates = ts
	r.siteOwned = map[string]bool{}
	for _, f := range ts.partials {
		r.siteOwned[f] = layouts.FromSite(f)
	}
	if r.minifier != nil {
		// The Go writes the minified layout text, so a site that does
		// not minify keeps the layout text.
		r.natives = activeNatives(layouts)
		ts.natives = r.natives
		ts.nativeBase = layouts.fromTheme(themeBase)
	}
	partials, prob := ts.parsePartials()
	if prob != nil {
		list.Add(*prob)
		return r, list
	}
	r.partials, r.written = partials, partials
	if len(r.natives) > 0 {
		if r.written, prob = ts.set("partials", ts.partials, false); prob != nil {
			list.Add(*prob)
			return r, list
		}
	}
	// A page's layout depends only on its kind, type and whether it is an
	// easy-read version: each is looked for once, not once for each of
	// 100,000 pages, which looked in the site's layouts/ folder each time.
	type shape struct {
		kind site.Kind
		typ  string
		easy bool
	}
	type found struct {
		t   *template.Template
		bad bool
	}
	shapes := map[shape]found{}
	reported := map[string]bool{}
	r.sets = make(map[*site.Page]*template.Template, len(s.Pages))
	for _, p := range s.Pages {
		sh := shape{p.Kind, p.Type, p.IsEasyRead()}
		f, ok := shapes[sh]
		if !ok {
			t, key, prob := ts.lookup(p)
			if prob != nil && !reported[key] {
				list.Add(*prob)
				reported[key] = true
			}
			f = found{t, prob != nil}
			shapes[sh] = f
		}
		if !f.bad {
			r.sets[p] = f.t
		}
	}
	return r, list
}

// Assets returns the processed assets, by path under assets/.
func (r *Renderer) Assets() map[string]*Asset { return r.assets }

// Page renders one page to HTML.
func (r *Renderer) Page(p *site.Page) ([]byte, error) {
	var html []byte
	err := r.WritePage(p, func(b []byte) error {
		html = bytes.Clone(b)
		return nil
	})
	return html, err
}

// WritePage renders one page to HTML and hands it to write, which must
// not keep it: the bytes are reused for the next page.
func (r *Renderer) WritePage(p *site.Page, write func([]byte) error) error {
	t := r.sets[p]
	if t == nil {
		return fmt.Errorf("no layout for %s", p.URL)
	}
	out := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(out)
	out.Reset()
	data := &Data{Site: r.site, Page: p}
	if r.templates.baseStubbed[t] {
		data.out = out
	}
	if p.HasContent() && (p.Paginator == nil || p.Paginator.Number == 1) {
		if data.out != nil && r.templates.mainInGo[t] != "" {
			data.lazy = true
		} else {
			var content strings.Builder
			if err := r.body(&content, p); err != nil {
				return err
			}
			data.Content = template.HTML(content.String())
		}
	}
	var err error
	if main, ok := r.templates.direct[t]; ok && data.out != nil {
		err = r.writeDirect(out, main, data)
	} else {
		err = t.Execute(out, data)
	}
	if err == nil && data.err != nil {
		return data.err
	}
	if err != nil {
		// A layout that fails to execute is reported like a content
		// problem, at its file and line, as a diag.List. The line is the
		// layout's as written, not as minified.
		if orig := r.templates.orig[t]; orig != nil {
			if whole, derr := r.detached(data); derr != nil {
				err = derr
			} else if e := orig.Execute(io.Discard, whole); e != nil {
				err = e
			}
		}
		var list diag.List
		if !errors.As(err, &list) {
			list = diag.List{*r.templates.problem(err, t.Name())}
		}
		list = slices.Clone(list)
		for i := range list {
			list[i].Message = fmt.Sprintf("%s (while rendering %s)", list[i].Message, p.URL)
		}
		return list
	}
	// The layouts were minified when they were read, and the body is
	// goldmark's HTML, which has nothing to take out but a newline
	// between blocks: the page is not minified again.
	return write(out.Bytes())
}

// body writes the page's Markdown body as HTML.
func (r *Renderer) body(w io.Writer, p *site.Page) error {
	if err := r.md.HTML(w, p.Source.Body, p.LinkDests, p.LinkLabels); err != nil {
		return fmt.Errorf("render %s: %w", p.Source.Path, err)
	}
	return nil
}

// detached returns data as a layout executed on its own, into text of
// its own, is given it: a page's Data without the page being written
// (Data.out), and with its Content made if it was left to the Go.
func (r *Renderer) detached(data any) (any, error) {
	d, ok := data.(*Data)
	if !ok || d == nil || d.out == nil && !d.lazy {
		return data, nil
	}
	c := &Data{Site: d.Site, Page: d.Page, Content: d.Content}
	if d.lazy {
		var b strings.Builder
		if err := r.body(&b, d.Page); err != nil {
			return nil, err
		}
		c.Content = template.HTML(b.String())
	}
	return c, nil
}

// pageBuffers hold pages while their layout runs and they are written, so
// that each page does not grow a new buffer from nothing.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// current reports whether a menu URL is the page or one of its parents.
func current(p *site.Page, url string) bool {
	if url == "/" {
		return p.URL == "/"
	}
	return strings.HasPrefix(p.URL, url)
}

// menuKey says which items of a menu are current for a page: "p" the
// page, "t" a parent, "-" neither.
func (r *Renderer) menuKey(p *site.Page, menu string) string {
	var b strings.Builder
	for _, item := range r.site.Menus[menu] {
		switch {
		case p.URL == item.URL:
			b.WriteByte('p')
		case current(p, item.URL):
			b.WriteByte('t')
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// partialCached renders the partial name with data, or returns the HTML
// it rendered before for the same variants.
func (r *Renderer) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	if len(variants) > len(cacheKey{}.variants) {
		return "", fmt.Errorf("partialCached %s: at most %d variants, not %d", name, len(cacheKey{}.variants), len(variants))
	}
	key := cacheKey{name: name}
	for i, v := range variants {
		if v != nil && !reflect.TypeOf(v).Comparable() {
			return "", fmt.Errorf("partialCached %s: variant %d is a %T, which cannot be a key; use a page, text or a number", name, i+1, v)
		}
		key.variants[i] = v
	}
	// A site's own copy of a partial may show anything of the page: the
	// theme cannot know, so it is rendered every time.
	cached := !r.siteOwned[name]
	c, isCard := cardOf(name, variants)
	if cached {
		r.cacheMu.RLock()
		h, ok := r.cache[key]
		if isCard {
			h, ok = r.cards[c]
		}
		r.cacheMu.RUnlock()
		if ok {
			return h, nil
		}
	}
	h, err := r.execPartial(r.partials, name, data)
	if err != nil {
		return "", err
	}
	if cached {
		r.cacheMu.Lock()
		if isCard {
			r.cards[c] = h
		} else {
			r.cache[key] = h
		}
		r.cacheMu.Unlock()
	}
	return h, nil
}

// execPartial executes the partial name of the set of partials set, and
// reports a layout problem at the partial's own file and line.
func (r *Renderer) execPartial(set *template.Template, name string, data any) (template.HTML, error) {
	data, err := r.detached(data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := set.ExecuteTemplate(&b, name, data); err != nil {
		if orig := r.templates.orig[set]; orig != nil {
			if e := orig.ExecuteTemplate(io.Discard, name, data); e != nil {
				err = e
			}
		}
		var list diag.List
		if errors.As(err, &list) {
			return "", list // from a partialCached inside this one
		}
		return "", diag.List{*r.templates.problem(err, name)}
	}
	return template.HTML(b.String()), nil
}

// AbsoluteBody renders a page's body as HTML with every URL absolute, for
// feeds read away from the site. It must not run while the same page is
// being rendered.
func (r *Renderer) AbsoluteBody(p *site.Page) (string, error) {
	if !p.HasContent() {
		return "", nil
	}
	var b bytes.Buffer
	if err := r.md.HTML(&b, p.Source.Body, p.LinkDests, p.LinkLabels); err != nil {
		return "", fmt.Errorf("render %s: %w", p.Source.Path, err)
	}
	return Absolute(b.String(), r.site.Config.BaseURL, p.URL), nil
}

var rootRelative = regexp.MustCompile(`(href|src)="(/[^/"][^"]*|/|#[^"]*)"`)

// Absolute rewrites the root-relative and fragment links of rendered HTML
// against the base URL: href="/events/" becomes
// href="https://example.org/events/", and href="#fn:1" points into the
// page. Links on other sites are left alone.
func Absolute(html, baseURL, pageURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return html
	}
	origin := u.Scheme + "://" + u.Host
	page := site.AbsURL(baseURL, pageURL)
	return rootRelative.ReplaceAllStringFunc(html, func(m string) string {
		sub := rootRelative.FindStringSubmatch(m)
		if strings.HasPrefix(sub[2], "#") {
			return sub[1] + `="` + page + sub[2] + `"`
		}
		return sub[1] + `="` + origin + sub[2] + `"`
	})
}

// Minify minifies a generated file by its media type, when the site
// minifies its output.
func (r *Renderer) Minify(mediatype string, b []byte) ([]byte, error) { return r.minify(mediatype, b) }

func (r *Renderer) minify(mediatype string, b []byte) ([]byte, error) {
	if r.minifier == nil {
		return b, nil
	}
	return r.minifier.Bytes(mediatype, b)
}

var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>This page has moved: {{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.URL}}">
</head>
<body>
<main id="maincontent">
<h1>This page has moved</h1>
<p>Go to <a href="{{.URL}}">{{.Title}}</a>.</p>
</main>
</body>
</html>
`))

// Alias renders a redirect page from an old address to a page.
func (r *Renderer) Alias(a site.Alias) ([]byte, error) {
	var out bytes.Buffer
	cfg := r.site.Config
	err := aliasPage.Execute(&out, map[string]string{
		"Lang":      cfg.Language,
		"Title":     a.To.Title,
		"URL":       site.RelURL(cfg.BaseURL, a.To.URL),
		"Canonical": site.AbsURL(cfg.BaseURL, a.To.URL),
	})
	if err != nil {
		return nil, err
	}
	return r.minify("text/html", out.Bytes())
}

// feedSection returns the section page whose feeds a page belongs to,
// or nil.
func (r *Renderer) feedSection(p *site.Page) *site.Page {
	if !feed.Has(p.Section) {
		return nil
	}
	for _, sec := range r.site.Sections {
		if sec.Section == p.Section {
			return sec
		}
	}
	return nil
}

// funcs are the functions layouts may call.
func (r *Renderer) funcs() template.FuncMap {
	cfg := r.site.Config
	return template.FuncMap{
		// relURL turns a site path into a link that works under the base URL.
		"relURL": func(p string) string { return site.RelURL(cfg.BaseURL, p) },
		// absURL turns a site path into a full address.
		"absURL": func(p string) string { return site.AbsURL(cfg.BaseURL, p) },
		// asset returns a processed asset by its path under assets/.
		"asset": func(name string) (*Asset, error) {
			a, ok := r.assets[name]
			if !ok {
				return nil, fmt.Errorf("there is no assets/%s", name)
			}
			return a, nil
		},
		// date writes a date the way GOV.UK and NHS.UK do: 14 March 2026.
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return engagement.Date(t, cfg.Location)
		},
		// isoDate writes a date for a <time datetime> attribute.
		"isoDate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(cfg.Location).Format(time.RFC3339)
		},
		// current reports whether a menu URL is the page or one of its parents.
		"current": current,
		// menuKey says which items of a menu are current for a page, and
		// how ("" none, "p" the page, "t" a parent): the variant by which
		// the header is cached, {{partialCached "partials/header.html" .
		// (menuKey .Page "main")}}.
		"menuKey": r.menuKey,
		// plural picks the singular or plural word for a count.
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		// limit returns at most n pages.
		"limit": func(n int, ps []*site.Page) []*site.Page {
			if len(ps) > n {
				return ps[:n]
			}
			return ps
		},
		// jsonLD returns the page's schema.org JSON-LD, or "".
		"jsonLD": r.jsonLD,
		// headMeta returns the page's <title>, description, canonical
		// address, Open Graph tags, alternate versions and JSON-LD.
		"headMeta": r.headMeta,
		// label turns a status or kind into words: "in-progress" is "In progress".
		"label": engagement.Label,
		// feedSection returns the section page whose feeds a page belongs
		// to, or nil.
		"feedSection": r.feedSection,
		// ogLocale writes a language tag the Open Graph way: en-GB is en_GB.
		"ogLocale": func(lang string) string { return strings.ReplaceAll(lang, "-", "_") },
		// taxonomies returns the site's taxonomies in site.yaml order.
		"taxonomies": func() []*site.Taxonomy { return r.site.Taxonomies },
		// termsOf returns a page's terms of one taxonomy.
		"termsOf": func(p *site.Page, taxonomy string) []site.TermRef {
			var out []site.TermRef
			for _, t := range p.Terms {
				if t.Taxonomy == taxonomy {
					out = append(out, t)
				}
			}
			return out
		},
		// lower writes text in lower case.
		"lower": strings.ToLower,
		// tel writes a phone number for a tel: link: digits and + only.
		"tel": func(s string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' || r == '+' {
					return r
				}
				return -1
			}, s)
		},
		// nbsp joins words with non-breaking spaces, so that a phone number
		// is never split across two lines.
		"nbsp": func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") },
		// class turns a status into a CSS class name part: "outcome published"
		// is "outcome-published".
		"class": func(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") },
		// daysLeft words the days until a consultation closes.
		"daysLeft": daysLeft,
		// percent turns a count into a share of a total, for chart bars.
		"percent": func(n, total int) int {
			if total == 0 {
				return 0
			}
			return n * 100 / total
		},
		// maxCount is the largest count, for scaling a chart.
		"maxCount": func(cs []site.Count) int {
			m := 0
			for _, c := range cs {
				m = max(m, c.N)
			}
			return m
		},
		// dict makes a map from pairs of names and values, to pass more
		// than one value to a partial.
		"dict": func(pairs ...any) (map[string]any, error) {
			if len(pairs)%2 != 0 {
				return nil, fmt.Errorf("dict needs pairs of names and values")
			}
			m := make(map[string]any, len(pairs)/2)
			for i := 0; i < len(pairs); i += 2 {
				k, ok := pairs[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: name %v is not text", pairs[i])
				}
				m[k] = pairs[i+1]
			}
			return m, nil
		},
		// partialCached renders a partial once for each set of variants
		// and reuses the HTML, as Hugo's partialCached does: a card in a
		// list is the same on every list page that shows it, so
		// {{partialCached "partials/card.html" (dict "Page" . "Level" 2) . 2}}
		// renders it once per page and heading level. With no variants, the
		// first call's data decides the HTML for every page.
		"partialCached": r.partialCached,
		// themePartial writes one of the theme's partials that are
		// written in Go (native.go); the theme's partials are parsed as
		// it, and other layouts should not call it.
		"themePartial": r.themePartial,
		// themeBase writes parts of the theme's baseof.html, which is
		// parsed as calls to it (native.go).
		"themeBase": r.themeBase,
		// add and mul do arithmetic for chart layout.
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
		// sections returns the site's sections sorted by weight, then title.
		"sections": func() []*site.Page {
			out := append([]*site.Page(nil), r.site.Sections...)
			sort.SliceStable(out, func(i, j int) bool {
				if out[i].Weight != out[j].Weight {
					return out[i].Weight < out[j].Weight
				}
				return out[i].Title < out[j].Title
			})
			return out
		},
	}
}

// daysLeft words the days until a consultation closes.
func daysLeft(n int) string {
	switch n {
	case 0:
		return "closes today"
	case 1:
		return "1 day left"
	}
	return fmt.Sprintf("%d days left", n)
}
