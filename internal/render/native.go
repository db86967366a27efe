package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/site"
)

// The theme's most used layouts are also written in Go: the runs of
// actions of the base layout, the breadcrumb trail, the head and foot of
// every content page, the cards of every list and its pagination.
// Executed as layout text they were most of the time of rendering a page
// (the render stage of the 2,000-page benchmark site: 575 ms as layout
// text, about 190 ms now), most of it html/template's reflection.
//
// The layout files stay the reference: a site that overrides one of these
// partials, or a partial it includes, gets its layout text, never the Go.
// The Go writes what html/template writes for the theme's layout text as
// minified (TestNativePartialsMatchTheirLayouts compares every page of a
// site made to reach every branch); a site that turns minifying off gets
// the layout text, whose line breaks the Go does not reproduce.
//
// A native partial is given what the layout text would be given; when
// that is not what the theme's own layouts pass (a site's layout calling
// it with something else), it reports false and the layout text runs
// instead, with html/template's own errors.

// native is one partial written in Go.
type native struct {
	// uses are the partials its layout text includes, which must be the
	// theme's too.
	uses []string
	// write writes the partial for data to b, or reports false when data
	// is not what it knows how to write (b is then thrown away).
	write func(r *Renderer, b *bytes.Buffer, data any) bool
	// main is set for a page layout whose "main" block is written in Go
	// (native_single.go). It is parsed as {{define "main"}}{{themePartial
	// name .}}{{end}}, and only in a set whose base is the theme's
	// baseof.html, which gives the block the layout's data.
	main bool
}

// natives are the partials written in Go, by file under layouts/.
var natives map[string]native

func init() {
	// Set in init: the functions refer to natives themselves.
	natives = map[string]native{
		"partials/breadcrumbs.html": {write: (*Renderer).breadcrumbs},
		"partials/tag.html":         {write: onPage((*Renderer).tag)},
		"partials/page-meta.html":   {write: onPage((*Renderer).pageMeta)},
		"partials/page-head.html":   {uses: []string{"partials/tag.html", "partials/page-meta.html"}, write: onPage((*Renderer).pageHead)},
		"partials/documents.html":   {write: onPage((*Renderer).documents)},
		"partials/applies.html":     {write: onPage((*Renderer).applies)},
		"partials/term-link.html":   {},
		"partials/terms.html":       {uses: []string{"partials/term-link.html"}, write: onPage((*Renderer).terms)},
		"partials/review.html":      {write: onPage((*Renderer).review)},
		"partials/page-foot.html": {uses: []string{"partials/documents.html", "partials/applies.html", "partials/terms.html", "partials/review.html"},
			write: onPage((*Renderer).pageFoot)},
		"partials/card.html":       {uses: []string{"partials/tag.html"}, write: (*Renderer).cardData},
		"partials/page-list.html":  {uses: []string{"partials/card.html"}, write: (*Renderer).pageList},
		"partials/pagination.html": {write: (*Renderer).pagination},
		"events/single.html": {uses: []string{"partials/page-head.html", "partials/page-foot.html", "partials/card.html"},
			write: (*Renderer).eventMain, main: true},
		"campaigns/single.html": {uses: []string{"partials/page-head.html", "partials/page-foot.html", "partials/card.html"},
			write: (*Renderer).campaignMain, main: true},
		"updates/single.html": {uses: []string{"partials/page-head.html", "partials/page-foot.html"},
			write: (*Renderer).updateMain, main: true},
		"_default/single.html": {uses: []string{"partials/page-head.html", "partials/page-foot.html"},
			write: (*Renderer).singleMain, main: true},
		"_default/easy.html": {write: (*Renderer).easyMain, main: true},
		"_default/list.html": {uses: []string{"partials/page-list.html", "partials/pagination.html", "partials/documents.html", "partials/card.html"},
			write: (*Renderer).listMain, main: true},
		"_default/term.html": {uses: []string{"partials/page-list.html", "partials/pagination.html"},
			write: (*Renderer).termMain, main: true},
		"principles/single.html": {uses: []string{"partials/page-head.html", "partials/page-foot.html", "partials/card.html"},
			write: (*Renderer).principleMain, main: true},
		"_default/report.html": {uses: []string{"partials/card.html"}, write: (*Renderer).reportMain, main: true},
	}
}

// themePartial is what the theme's partials that are written in Go are
// parsed as: {{themePartial "partials/card.html" .}}. It writes the Go, or
// the layout text when the Go does not know the data. Given the Data of
// a page being written (Data.out), the Go writes straight into the page
// and themePartial returns nothing.
func (r *Renderer) themePartial(name string, data any) (template.HTML, error) {
	n, ok := natives[name]
	if !ok || n.write == nil || !r.natives[name] {
		return "", fmt.Errorf("themePartial is for the theme's own layouts; use {{template %q .}}", name)
	}
	if d, ok := data.(*Data); ok && d != nil && d.out != nil {
		start := d.out.Len()
		if n.write(r, d.out, data) {
			return "", nil
		}
		d.out.Truncate(start)
	} else {
		b := partBuffers.Get().(*bytes.Buffer)
		defer partBuffers.Put(b)
		b.Reset()
		if n.write(r, b, data) {
			return template.HTML(b.String()), nil
		}
	}
	r.fallbacks.Add(1)
	if n.main {
		return r.execMain(name, data)
	}
	return r.execPartial(r.written, name, data)
}

// partBuffers hold what a partial written in Go writes while it is
// copied into the text it returns.
var partBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execMain executes the layout text of the "main" block of the page in
// data, for a page layout (name) whose block is written in Go but was
// given data the Go does not know. The layout is run as written,
// unminified. Only the block of that layout file is run: any other
// layout calling themePartial for it gets an error.
func (r *Renderer) execMain(name string, data any) (template.HTML, error) {
	if d, ok := data.(*Data); ok && d != nil {
		if orig := r.templates.orig[r.sets[d.Page]]; orig != nil {
			if t := orig.Lookup("main"); t != nil && t.Tree != nil && t.Tree.ParseName == name {
				return r.execPartial(orig, "main", data)
			}
		}
	}
	return "", fmt.Errorf("themePartial %q is for the main block of that layout, under the theme's own baseof.html", name)
}

// nativeMain reports whether name is a page layout whose "main" block is
// written in Go.
func nativeMain(name string) bool { return natives[name].main }

// activeNatives returns which natives a site may use: those whose file,
// and every file their layout text includes, come from the theme.
// term-link.html has no Go of its own (it is cached by address), but
// terms.html writes it.
func activeNatives(layouts Layers) map[string]bool {
	active := map[string]bool{}
	var ok func(name string) bool
	ok = func(name string) bool {
		n, known := natives[name]
		if !known || !layouts.fromTheme(name) {
			return false
		}
		for _, u := range n.uses {
			if !ok(u) {
				return false
			}
		}
		return true
	}
	for name, n := range natives {
		if n.write != nil && ok(name) {
			active[name] = true
		}
	}
	return active
}

// nativeScope is the active natives and every partial they include
// (term-link.html, which has no Go of its own, among them): the
// templates a set must not define again to use the Go.
func nativeScope(active map[string]bool) map[string]bool {
	scope := map[string]bool{}
	var add func(name string)
	add = func(name string) {
		if scope[name] {
			return
		}
		scope[name] = true
		for _, u := range natives[name].uses {
			add(u)
		}
	}
	for name, ok := range active {
		if ok {
			add(name)
		}
	}
	return scope
}

// onPage adapts a native that writes for a page: the layout text is given
// the page itself.
func onPage(f func(r *Renderer, b *bytes.Buffer, p *site.Page)) func(*Renderer, *bytes.Buffer, any) bool {
	return func(r *Renderer, b *bytes.Buffer, data any) bool {
		p, ok := data.(*site.Page)
		if !ok || p == nil {
			return false
		}
		f(r, b, p)
		return true
	}
}

// breadcrumbs is partials/breadcrumbs.html, given the layout's data.
func (r *Renderer) breadcrumbs(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil {
		return false
	}
	if len(d.Page.Breadcrumbs) == 0 {
		return true
	}
	b.WriteString(`<nav class="breadcrumb" aria-label="Breadcrumb"><ol class="breadcrumb__list">`)
	for _, c := range d.Page.Breadcrumbs {
		b.WriteString(`<li class="breadcrumb__item"><a class="breadcrumb__link" href="`)
		r.writeRelURL(b, c.URL)
		b.WriteString(`">`)
		writeEscaped(b, c.Title)
		b.WriteString(`</a></li>`)
	}
	b.WriteString(`</ol></nav>`)
	return true
}

// tag is partials/tag.html: the page's status as a text tag.
func (r *Renderer) tag(b *bytes.Buffer, p *site.Page) {
	if c := p.Campaign; c != nil {
		b.WriteString(`<strong class="tag tag--`)
		writeEscaped(b, strings.ReplaceAll(strings.ToLower(c.Status), " ", "-"))
		b.WriteString(`">`)
		writeEscaped(b, engagement.Label(c.Status))
		b.WriteString(`</strong>`)
	}
	if e := p.Event; e != nil {
		if e.Status != "scheduled" {
			b.WriteString(`<strong class="tag tag--`)
			writeEscaped(b, e.Status)
			b.WriteString(`">`)
			writeEscaped(b, engagement.Label(e.Status))
			b.WriteString(`</strong>`)
		} else if e.Past {
			b.WriteString(`<strong class="tag tag--past">Past event</strong>`)
		}
	}
	if u := p.Update; u != nil {
		b.WriteString(`<strong class="tag tag--`)
		writeEscaped(b, u.Status)
		b.WriteString(`">`)
		writeEscaped(b, engagement.Label(u.Status))
		b.WriteString(`</strong>`)
	}
}

// pageMeta is partials/page-meta.html: the author and dates.
func (r *Renderer) pageMeta(b *bytes.Buffer, p *site.Page) {
	dated, updated := !p.Date.IsZero(), !p.Updated.IsZero()
	if !dated && !updated && p.Author == nil {
		return
	}
	b.WriteString(`<p class="page-meta">`)
	if a := p.Author; a != nil {
		b.WriteString("By ")
		writeEscaped(b, a.Name)
		if a.Role != "" {
			b.WriteString(", ")
			writeEscaped(b, a.Role)
		}
		b.WriteString(". ")
	}
	if dated {
		b.WriteString("Published ")
		r.writeTime(b, p.Date)
	}
	if dated && updated {
		b.WriteString(". ")
	}
	if updated {
		b.WriteString("Last updated ")
		r.writeTime(b, p.Updated)
	}
	b.WriteString(`</p>`)
}

// pageHead is partials/page-head.html: the title, status, summary, link
// to the easy-read version and dates of a content page.
func (r *Renderer) pageHead(b *bytes.Buffer, p *site.Page) {
	b.WriteString("<h1>")
	writeEscaped(b, p.Title)
	b.WriteString("</h1>")
	r.tag(b, p)
	if p.Summary != "" {
		b.WriteString(`<p class="lede">`)
		writeEscaped(b, p.Summary)
		b.WriteString(`</p>`)
	}
	if e := p.EasyRead; e != nil {
		r.versionLink(b, e.URL, "Easy read version", p.Title)
	}
	r.pageMeta(b, p)
}

// versionLink writes the link from a page to its other version:
// <p class="version-link"><a href="{{relURL url}}">words<span
// class="visually-hidden"> of {{title}}</span></a></p>.
func (r *Renderer) versionLink(b *bytes.Buffer, url, words, title string) {
	b.WriteString(`<p class="version-link"><a href="`)
	r.writeRelURL(b, url)
	b.WriteString(`">` + words + `<span class="visually-hidden"> of `)
	writeEscaped(b, title)
	b.WriteString(`</span></a></p>`)
}

// pageFoot is partials/page-foot.html: documents, principles applied,
// terms and review dates.
func (r *Renderer) pageFoot(b *bytes.Buffer, p *site.Page) {
	r.documents(b, p)
	r.applies(b, p)
	r.terms(b, p)
	r.review(b, p)
}

// documents is partials/documents.html: the files a page offers.
func (r *Renderer) documents(b *bytes.Buffer, p *site.Page) {
	if len(p.Documents) == 0 {
		return
	}
	b.WriteString(`<h2 id="page--documents">Documents</h2><ul class="documents">`)
	for _, d := range p.Documents {
		b.WriteString(`<li><a href="`)
		writeURL(b, filterURL(d.URL))
		b.WriteString(`">`)
		writeEscaped(b, d.Title)
		b.WriteString(`</a>`)
		if d.Label != "" {
			b.WriteString(` <span class="documents__label">(`)
			writeEscaped(b, d.Label)
			b.WriteString(`)</span>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul>`)
}

// applies is partials/applies.html: the principles a page applies.
func (r *Renderer) applies(b *bytes.Buffer, p *site.Page) {
	if len(p.Principles) == 0 {
		return
	}
	b.WriteString(`<div class="inset"><h2 class="inset__heading">Principles this applies</h2><ul>`)
	for _, q := range p.Principles {
		b.WriteString(`<li><a href="`)
		r.writeRelURL(b, q.URL)
		b.WriteString(`">`)
		writeEscaped(b, q.Title)
		b.WriteString(`</a></li>`)
	}
	b.WriteString(`</ul></div>`)
}

// terms is partials/terms.html with partials/term-link.html: the page's
// terms, by taxonomy in site.yaml's order.
func (r *Renderer) terms(b *bytes.Buffer, p *site.Page) {
	if len(p.Terms) == 0 {
		return
	}
	b.WriteString(`<dl class="summary-list terms">`)
	for _, tax := range r.site.Taxonomies {
		open := false
		for _, t := range p.Terms {
			if t.Taxonomy != tax.Name {
				continue
			}
			if !open {
				b.WriteString(`<div class="summary-list__row"><dt>`)
				writeEscaped(b, tax.Title)
				b.WriteString(`</dt><dd><ul class="tags">`)
				open = true
			}
			b.WriteString(`<li><a class="tag" href="`)
			r.writeRelURL(b, t.URL)
			b.WriteString(`">`)
			writeEscaped(b, t.Name)
			b.WriteString(`</a></li>`)
		}
		if open {
			b.WriteString(`</ul></dd></div>`)
		}
	}
	b.WriteString(`</dl>`)
}

// review is partials/review.html: when the page was last reviewed and is
// next due.
func (r *Renderer) review(b *bytes.Buffer, p *site.Page) {
	if p.ReviewDue.IsZero() {
		return
	}
	b.WriteString(`<p class="review-date">Page last reviewed: `)
	if !p.Updated.IsZero() {
		r.writeDate(b, p.Updated)
	} else {
		r.writeDate(b, p.Date)
	}
	b.WriteString(`<br>Next review due: `)
	r.writeDate(b, p.ReviewDue)
	b.WriteString(`</p>`)
}

// cardData is partials/card.html given (dict "Page" $page "Level" n).
func (r *Renderer) cardData(b *bytes.Buffer, data any) bool {
	m, ok := data.(map[string]any)
	if !ok {
		return false
	}
	level, ok := m["Level"].(int)
	if !ok {
		return false
	}
	pv, ok := m["Page"]
	if !ok {
		return false
	}
	if pv == nil {
		return true // {{with .Page}} of nothing
	}
	p, ok := pv.(*site.Page)
	if !ok {
		return false
	}
	if p != nil {
		r.card(b, p, level)
	}
	return true
}

// card is partials/card.html: a page in a list, under a heading of level
// 2, 3 or 4.
func (r *Renderer) card(b *bytes.Buffer, p *site.Page, level int) {
	b.WriteString(`<li class="card"`)
	if pr := p.Principle; pr != nil {
		b.WriteString(` id="`)
		writeEscaped(b, pr.Anchor)
		b.WriteString(`"`)
	}
	h := "h2"
	switch level {
	case 4:
		h = "h4"
	case 3:
		h = "h3"
	}
	b.WriteString(`><` + h + ` class="card__heading"><a href="`)
	r.writeRelURL(b, p.URL)
	b.WriteString(`">`)
	writeEscaped(b, p.Title)
	b.WriteString(`</a></` + h + `>`)
	r.tag(b, p)
	if p.Summary != "" {
		b.WriteString(`<p class="card__summary">`)
		writeEscaped(b, p.Summary)
		b.WriteString(`</p>`)
	}
	switch {
	case p.Campaign != nil:
		c := p.Campaign
		b.WriteString(`<p class="card__meta">`)
		writeEscaped(b, engagement.Label(c.Kind))
		if !c.Opens.IsZero() {
			b.WriteString(". Opens ")
			r.writeDate(b, c.Opens)
		}
		if !c.Closes.IsZero() {
			b.WriteString(", closes ")
			r.writeDate(b, c.Closes)
		}
		b.WriteString(`</p>`)
	case p.Event != nil:
		e := p.Event
		b.WriteString(`<p class="card__meta">`)
		if e.Status == "postponed" {
			b.WriteString("Postponed: a new date will be published")
		} else {
			writeEscaped(b, e.When)
		}
		if e.Attendance == "online" {
			b.WriteString(", online")
		} else if e.Venue.Name != "" {
			b.WriteString(", ")
			writeEscaped(b, e.Venue.Name)
		}
		if e.Attendance == "hybrid" {
			b.WriteString(" and online")
		}
		b.WriteString(`</p>`)
	case !p.Date.IsZero():
		b.WriteString(`<p class="card__meta">`)
		r.writeTime(b, p.Date)
		b.WriteString(`</p>`)
	}
	b.WriteString(`</li>`)
}

// card is what {{partialCached "partials/card.html" (dict ...) . level}}
// caches a card by (see cards), so that the Go and the layout text share
// one card.
type card struct {
	p     *site.Page
	level int
}

// cardOf returns the card that partialCached's name and variants name,
// if they name one.
func cardOf(name string, variants []any) (card, bool) {
	if name != "partials/card.html" || len(variants) != 2 {
		return card{}, false
	}
	p, ok := variants[0].(*site.Page)
	level, ok2 := variants[1].(int)
	return card{p, level}, ok && ok2
}

// pageList is partials/page-list.html: a list of cards, each cached as
// the layout text caches it.
func (r *Renderer) pageList(b *bytes.Buffer, data any) bool {
	pages, ok := data.([]*site.Page)
	if !ok {
		return false
	}
	if len(pages) == 0 {
		b.WriteString(`<p>There is nothing here at the moment.</p>`)
		return true
	}
	b.WriteString(`<ul class="card-list">`)
	for _, p := range pages {
		b.WriteByte('\n')
		r.cachedCard(b, p, 2)
	}
	b.WriteString(`</ul>`)
	return true
}

// cachedCard writes p's card under a heading of level, cached as
// {{partialCached "partials/card.html" (dict "Page" . "Level" level) .
// level}} caches it; nothing for no page ({{with .Page}} of nothing).
func (r *Renderer) cachedCard(b *bytes.Buffer, p *site.Page, level int) {
	if p == nil {
		return
	}
	key := card{p, level}
	r.cacheMu.RLock()
	h, ok := r.cards[key]
	r.cacheMu.RUnlock()
	if ok {
		b.WriteString(string(h))
		return
	}
	start := b.Len()
	r.card(b, p, level)
	h = template.HTML(b.Bytes()[start:])
	r.cacheMu.Lock()
	r.cards[key] = h
	r.cacheMu.Unlock()
}

// writeRelURL writes a site path as {{relURL .}} in an href attribute.
func (r *Renderer) writeRelURL(b *bytes.Buffer, u string) {
	writeURL(b, filterURL(site.RelURL(r.site.Config.BaseURL, u)))
}

// writeDate writes {{date t}}: nothing for no date.
func (r *Renderer) writeDate(b *bytes.Buffer, t time.Time) {
	if t.IsZero() {
		return
	}
	writeEscaped(b, engagement.Date(t, r.site.Config.Location))
}

// writeTime writes <time datetime="{{isoDate t}}">{{date t}}</time>.
func (r *Renderer) writeTime(b *bytes.Buffer, t time.Time) {
	b.WriteString(`<time datetime="`)
	writeEscaped(b, t.In(r.site.Config.Location).Format(time.RFC3339))
	b.WriteString(`">`)
	r.writeDate(b, t)
	b.WriteString(`</time>`)
}

// filterURL is html/template's check of an address at the start of an
// href: one with a scheme other than http, https or mailto becomes
// "#ZgotmplZ", so that a javascript: address cannot run.
func filterURL(u string) string {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return u
}

// pagination is partials/pagination.html: the links to the other pages of
// a paginated list.
func (r *Renderer) pagination(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil {
		return false
	}
	pg := d.Page.Paginator
	if pg == nil || pg.Total <= 1 {
		return true
	}
	b.WriteString(`<nav class="pagination" aria-label="Pages of this list"><p class="pagination__status">Page `)
	b.WriteString(strconv.Itoa(pg.Number))
	b.WriteString(" of ")
	b.WriteString(strconv.Itoa(pg.Total))
	b.WriteString(`</p><ul class="pagination__list">`)
	if pg.Prev != "" {
		b.WriteString(`<li><a class="pagination__prev" href="`)
		r.writeRelURL(b, pg.Prev)
		b.WriteString(`" rel="prev">Previous<span class="visually-hidden"> page</span></a></li>`)
	}
	for _, l := range pg.Links {
		b.WriteByte('\n')
		if l.Ellipsis {
			b.WriteString(`<li class="pagination__gap" aria-hidden="true">&ctdot;</li>`)
			continue
		}
		n := strconv.Itoa(l.Number)
		b.WriteString(`<li><a href="`)
		r.writeRelURL(b, l.URL)
		b.WriteString(`"`)
		if l.Current {
			b.WriteString(` aria-current="page" aria-label="Page ` + n + `, current page">`)
		} else {
			b.WriteString(` aria-label="Page ` + n + `">`)
		}
		b.WriteString(n + `</a></li>`)
	}
	if pg.Next != "" {
		b.WriteString(`<li><a class="pagination__next" href="`)
		r.writeRelURL(b, pg.Next)
		b.WriteString(`" rel="next">Next<span class="visually-hidden"> page</span></a></li>`)
	}
	b.WriteString(`</ul></nav>`)
	return true
}

// themeBaseText is what the theme's _default/baseof.html is parsed as
// when minifying: its minified text, with the runs of actions before the
// "head" block, before the header and in the footer made one call each
// to themeBase. The text around the blocks is the layout's own, so that
// html/template escapes a block that ends inside a tag, say, as it does in
// the layout text.
const themeBaseText = `{{themeBase "top" .}}{{block "head" .}}{{end}}` + baseAfterHead +
	`{{themeBase "header" .}}` + baseBeforeCrumbs + `{{template "` + breadcrumbs + `" .}}` + baseBeforeMain +
	`{{block "main" .}}{{end}}` + baseAfterMain + `{{themeBase "footer" .}}` + baseEnd

// The text of the theme's base between its parts, which writeDirect
// writes as themeBaseText does.
const (
	baseAfterHead    = `</head><body><a class="skip-link" href="#maincontent">Skip to main content</a>` + "\n"
	baseBeforeCrumbs = `<div class="width-container">`
	baseBeforeMain   = `<main id="maincontent" class="main" tabindex="-1">`
	baseAfterMain    = `</main></div>`
	baseEnd          = `</body></html>`
)

// breadcrumbs is the partial the theme's base includes before the page.
const breadcrumbs = "partials/breadcrumbs.html"

// writeDirect writes the page of d to out as executing themeBaseText
// would, for a set whose every part is written in Go (templates.direct),
// with main the layout whose "main" block it is: the calls are made
// straight rather than through text/template, whose reflection and
// escaping were a quarter of what a page allocated. A part that falls
// back to its layout text returns that text, which is written as the
// template would write it. A part's error is returned as it is, without
// text/template's "error calling" prefix: WritePage runs the layouts as
// written again to say where it happened.
func (r *Renderer) writeDirect(out *bytes.Buffer, main string, d *Data) error {
	parts := [...]struct {
		before string
		write  func() (template.HTML, error)
	}{
		{"", func() (template.HTML, error) { return r.themeBase("top", d) }},
		{baseAfterHead, func() (template.HTML, error) { return r.themeBase("header", d) }},
		{baseBeforeCrumbs, func() (template.HTML, error) { return r.themePartial(breadcrumbs, d) }},
		{baseBeforeMain, func() (template.HTML, error) { return r.themePartial(main, d) }},
		{baseAfterMain, func() (template.HTML, error) { return r.themeBase("footer", d) }},
	}
	for _, p := range parts {
		out.WriteString(p.before)
		html, err := p.write()
		if err != nil {
			return err
		}
		out.WriteString(string(html))
	}
	out.WriteString(baseEnd)
	return nil
}

// themeBase writes one part of the theme's _default/baseof.html (see
// themeBaseText): straight into the page being written (Data.out),
// returning nothing, or else as the text it returns.
func (r *Renderer) themeBase(part string, d *Data) (template.HTML, error) {
	if d == nil || d.Page == nil {
		return "", fmt.Errorf("themeBase is for the theme's own baseof.html")
	}
	if d.out != nil {
		return "", r.writeBase(d.out, part, d)
	}
	return asText(func(b *bytes.Buffer) error { return r.writeBase(b, part, d) })
}

// writeBase writes one part of the theme's base for d's page to b.
func (r *Renderer) writeBase(b *bytes.Buffer, part string, d *Data) error {
	p := d.Page
	switch part {
	case "top":
		b.WriteString(`<!doctype html><html lang="`)
		writeEscaped(b, p.Language(r.site.Config.Language))
		b.WriteString(`"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`)
		if err := r.writeHeadMeta(b, p); err != nil {
			return err
		}
		b.WriteByte('\n')
		return r.writePartialCached(b, "partials/head-links.html", d, p.Section)
	case "header":
		return r.writePartialCached(b, "partials/header.html", d, r.menuKey(p, "main"))
	case "footer":
		return r.writePartialCached(b, "partials/footer.html", d)
	}
	return fmt.Errorf("themeBase: no part %q", part)
}

// asText returns what write writes, as text, written into a pooled
// buffer first.
func asText(write func(b *bytes.Buffer) error) (template.HTML, error) {
	b := partBuffers.Get().(*bytes.Buffer)
	defer partBuffers.Put(b)
	b.Reset()
	if err := write(b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// writePartialCached writes {{partialCached name data variants...}}.
func (r *Renderer) writePartialCached(b *bytes.Buffer, name string, data any, variants ...any) error {
	h, err := r.partialCached(name, data, variants...)
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	return nil
}
