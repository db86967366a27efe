package site

import (
	"cmp"
	"context"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/schema"
)

// Options are the inputs of the resolve stage besides the pages.
type Options struct {
	Config *config.Config
	Now    time.Time
	Drafts bool // publish drafts, future pages and hidden sections
	// Files are the content files that are not pages (bundle resources),
	// relative to the site folder.
	Files []string
	// Static are site paths served by the theme and site assets
	// ("/assets/images/logo.svg"), which links may point to.
	Static []string
	// Sizes are the sizes in bytes of the files in Files and of the
	// assets, by path relative to the site folder ("assets/x.pdf"), for
	// document labels such as "PDF, 2.7 MB".
	Sizes map[string]int64
}

// Resolve builds the site from parsed pages.
func Resolve(ctx context.Context, pages []*content.Page, opts Options) (*Site, diag.List) {
	// The maps with an entry for every page are made that size at once:
	// growing one to 100,000 entries copies it over and over.
	r := &resolver{
		opts:     opts,
		s:        &Site{Config: opts.Config, Now: opts.Now},
		byURL:    make(map[string]*Page, len(pages)),
		byRel:    make(map[string]*Page, len(pages)),
		excluded: map[string]string{},
		hidden:   map[string]bool{},
		claimed:  make(map[string]string, len(pages)+len(opts.Files)),
		static:   map[string]bool{},
		sources:  map[string]string{},
	}
	for _, s := range opts.Static {
		r.static[s] = true
		r.sources[s] = strings.TrimPrefix(s, "/")
		// Assets are written too: a page or file at the same path would
		// silently overwrite one or the other.
		r.claimed[strings.TrimPrefix(s, "/")] = strings.TrimPrefix(s, "/")
	}
	r.publish(pages)
	r.pairEasyRead()
	r.files()
	r.engagement()
	r.sections()
	r.taxonomies()
	r.reports()
	r.generated()
	r.home()
	r.aliases()
	if ctx.Err() == nil {
		r.links()
	}
	r.menus()
	r.s.r = r
	return r.s, r.list
}

type resolver struct {
	opts      Options
	s         *Site
	list      diag.List
	byURL     map[string]*Page
	byRel     map[string]*Page  // content pages by path under content/
	excluded  map[string]string // rel path of unpublished pages -> why
	claimed   map[string]string // output path -> source file that claimed it
	static    map[string]bool   // site paths of files (assets and resources)
	sectionOf map[string]*content.Page
	homeSrc   *content.Page
	hidden    map[string]bool             // sections whose _index.md says draft: true
	sources   map[string]string           // site path of a file -> its path in the site folder
	slugs     map[string]map[string]*Page // section -> slug -> page
	easy      []*Page
}

func (r *resolver) errorf(path string, line, col int, field, fix, format string, args ...any) {
	r.list.Errorf(path, line, col, field, fix, format, args...)
}

// claim records that a source writes an output file, reporting a clash.
func (r *resolver) claim(out, src string, p *Page, pos func() (int, int)) bool {
	if other, ok := r.claimed[out]; ok {
		line, col := pos()
		r.errorf(src, line, col, "", "give one of them a different file name or 'slug:'",
			"writes /%s, which %s also writes", strings.TrimSuffix(out, "index.html"), other)
		return false
	}
	r.claimed[out] = src
	return true
}

// publish decides which pages are published and gives each a URL.
func (r *resolver) publish(pages []*content.Page) {
	r.sectionOf = map[string]*content.Page{}
	hidden := r.hidden
	for _, cp := range pages {
		if cp.Kind == content.Home {
			r.homeSrc = cp
		}
		if reserved[cp.Section] != "" {
			continue
		}
		if cp.Kind == content.Section && strings.Count(cp.Rel, "/") == 1 {
			r.sectionOf[cp.Section] = cp
			if cp.Meta.Draft && !r.opts.Drafts {
				hidden[cp.Section] = true
			}
		}
	}
	for _, cp := range pages {
		if reserved[cp.Section] != "" {
			r.errorf(cp.Path, 1, 1, "", fmt.Sprintf("move it to another folder, such as content/%s-pages/", cp.Section),
				"is in content/%s/, which engage keeps for the %s it makes itself (/%s/)", cp.Section, reserved[cp.Section], cp.Section)
			continue
		}
		if cp.Kind != content.Regular {
			continue
		}
		switch {
		case r.opts.Drafts:
		case hidden[cp.Section]:
			r.excluded[cp.Rel] = "is in a section whose _index.md says draft: true"
			continue
		case cp.Meta.Draft:
			r.excluded[cp.Rel] = "is a draft"
			continue
		case !cp.Date.IsZero() && cp.Date.After(r.opts.Now):
			r.excluded[cp.Rel] = "is dated in the future (" + cp.Meta.Date + ")"
			continue
		}
		p := &Page{
			Source: cp, Kind: KindPage, Title: cp.Meta.Title, Summary: cp.Meta.Summary,
			Type: cp.Type, Section: cp.Section, Date: cp.Date, Updated: cp.Updated,
			ReviewDue: cp.ReviewDue, Weight: cp.Meta.Weight,
		}
		if cp.EasyRead {
			r.easy = append(r.easy, p)
			r.byRel[cp.Rel] = p
			continue
		}
		url, ok := r.pageURL(cp)
		if !ok {
			continue
		}
		p.URL, p.Out = withOut(url)
		if !r.claim(p.Out, cp.Path, p, func() (int, int) { pos := cp.FieldPos("slug"); return pos.Line, pos.Col }) {
			continue
		}
		r.byURL[p.URL] = p // not url, which would keep a second copy
		r.byRel[cp.Rel] = p
		r.s.Regular = append(r.s.Regular, p)
	}
	sortPages(r.s.Regular)
}

// pageURL works out a regular page's site path from its file name or slug.
func (r *resolver) pageURL(cp *content.Page) (string, bool) {
	dir, name := path.Split(cp.Rel)
	dir = strings.TrimSuffix(dir, "/")
	last := strings.TrimSuffix(name, ".md")
	if cp.Bundle {
		dir, last = path.Split(dir)
		dir = strings.TrimSuffix(dir, "/")
	}
	if s := cp.Meta.Slug; s != "" {
		if strings.ContainsAny(s, `/\`) || strings.Contains(s, "..") {
			pos := cp.FieldPos("slug")
			r.errorf(cp.Path, pos.Line, pos.Col, "slug", "use words and hyphens only, such as 'carers-cafe'",
				"%q would write outside the page's folder", s)
			return "", false
		}
		last = s
	}
	seg := Slugify(last)
	if seg == "" {
		pos := cp.FieldPos("slug")
		r.errorf(cp.Path, pos.Line, pos.Col, "slug", "give the page a 'slug:' made of letters and digits", "cannot make a web address from %q", last)
		return "", false
	}
	var parts []string
	if dir != "" {
		for _, d := range strings.Split(dir, "/") {
			parts = append(parts, Slugify(d))
		}
	}
	parts = append(parts, seg)
	return "/" + strings.Join(parts, "/") + "/", true
}

// pairEasyRead links each easy-read file to its standard page.
func (r *resolver) pairEasyRead() {
	for _, e := range r.easy {
		cp := e.Source
		standardRel := strings.TrimSuffix(cp.Rel, ".easy.md") + ".md"
		std, ok := r.byRel[standardRel]
		if !ok || std.Source.EasyRead {
			if why, excluded := r.excluded[standardRel]; excluded {
				r.excluded[cp.Rel] = "is the easy-read version of a page that " + why
				continue
			}
			r.errorf(cp.Path, 1, 1, "", fmt.Sprintf("add %s with the standard version, or rename this file", path.Base(standardRel)),
				"is an easy-read version, but there is no standard page %s beside it", path.Base(standardRel))
			continue
		}
		e.URL, e.Out = withOut(std.URL + "easy-read/")
		e.Section = std.Section
		e.Terms = nil
		if !r.claim(e.Out, cp.Path, e, func() (int, int) { return 1, 1 }) {
			continue
		}
		e.Standard = std
		std.EasyRead = e
		r.byURL[e.URL] = e
	}
}

// files publishes bundle resources beside their page and other content
// files at their own path.
func (r *resolver) files() {
	for _, f := range r.opts.Files {
		rel := strings.TrimPrefix(f, content.Dir+"/")
		if section, _, ok := strings.Cut(rel, "/"); ok && r.hidden[section] {
			continue
		}
		dir := path.Dir(rel)
		out := rel
		if owner, ok := r.byRel[path.Join(dir, "index.md")]; ok {
			out = strings.TrimPrefix(owner.URL, "/") + path.Base(rel)
		} else if _, excluded := r.excluded[path.Join(dir, "index.md")]; excluded {
			continue
		}
		if !r.claim(out, f, nil, func() (int, int) { return 0, 0 }) {
			continue
		}
		r.s.Files = append(r.s.Files, File{Src: f, Out: out})
		r.static["/"+out] = true
		r.sources["/"+out] = f
	}
}

// sections makes a list page for every section with pages or an _index.md.
func (r *resolver) sections() {
	members := map[string][]*Page{}
	for _, p := range r.s.Regular {
		if p.Section != "" {
			members[p.Section] = append(members[p.Section], p)
		}
	}
	names := map[string]bool{}
	for s := range members {
		names[s] = true
	}
	for s, cp := range r.sectionOf {
		if !cp.Meta.Draft || r.opts.Drafts {
			names[s] = true
		}
	}
	sorted := make([]string, 0, len(names))
	for s := range names {
		sorted = append(sorted, s)
	}
	sort.Strings(sorted)
	for _, s := range sorted {
		first := &Page{Kind: KindSection, Section: s, Type: s, Title: titleCase(s), URL: "/" + Slugify(s) + "/"}
		src := path.Join(content.Dir, s)
		if cp, ok := r.sectionOf[s]; ok {
			first.Source = cp
			first.Title = cp.Meta.Title
			first.Summary = cp.Meta.Summary
			first.Date, first.Updated, first.ReviewDue = cp.Date, cp.Updated, cp.ReviewDue
			first.Weight = cp.Meta.Weight
			if cp.Meta.Type != "" {
				first.Type = cp.Meta.Type
			}
			src = cp.Path
			r.byRel[cp.Rel] = first
		}
		first.Pages = members[s]
		if first.Source != nil {
			r.documents(first)
		}
		for _, l := range r.arrange(first) {
			for _, p := range r.paginate(l.first, src, l.per) {
				p.Groups = r.groups(p)
				r.s.Pages = append(r.s.Pages, p)
			}
		}
		r.s.Sections = append(r.s.Sections, first)
	}
}

// paginate splits a list page into pages of per_page items: the first at
// its own URL, the rest at <URL>page/N/. It returns every page made.
func (r *resolver) paginate(first *Page, src string, per int) []*Page {
	if per <= 0 {
		per = max(1, len(first.Pages))
	}
	total := max(1, (len(first.Pages)+per-1)/per)
	urls := make([]string, total)
	for i := range urls {
		urls[i] = first.URL
		if i > 0 {
			urls[i] = fmt.Sprintf("%spage/%d/", first.URL, i+1)
		}
	}
	out := make([]*Page, 0, total)
	for i := 0; i < total; i++ {
		p := first
		if i > 0 {
			cp := *first
			p = &cp
			p.Title = fmt.Sprintf("%s (page %d of %d)", first.Title, i+1, total)
		}
		p.URL = urls[i]
		p.Out = outPath(urls[i])
		lo, hi := i*per, min(len(first.Pages), (i+1)*per)
		pg := &Paginator{Number: i + 1, Total: total, Items: first.Pages[lo:hi]}
		if i > 0 {
			pg.Prev = urls[i-1]
		}
		if i+1 < total {
			pg.Next = urls[i+1]
		}
		pg.Links = pagerLinks(urls, i)
		p.Paginator = pg
		if !r.claim(p.Out, src, p, func() (int, int) { return 1, 1 }) {
			continue
		}
		r.byURL[p.URL] = p
		out = append(out, p)
	}
	return out
}

// pagerLinks are the numbered links of page i (0-based) of a list: the
// first and last pages, and the pages either side of this one, with a gap
// (Ellipsis) where numbers are left out, as GOV.UK's pagination does
// ("1 … 6 7 8 … 42"). A list of 500 pages so has 7 links, not 500, and a
// site's pagination costs time in proportion to its pages.
func pagerLinks(urls []string, i int) []PagerLink {
	var links []PagerLink
	last := -1
	for j := range urls {
		if j != 0 && j != len(urls)-1 && (j < i-1 || j > i+1) {
			continue
		}
		if last >= 0 && j > last+1 {
			links = append(links, PagerLink{Ellipsis: true})
		}
		links = append(links, PagerLink{Number: j + 1, URL: urls[j], Current: j == i})
		last = j
	}
	return links
}

// taxonomies groups pages by each taxonomy's terms.
func (r *resolver) taxonomies() {
	names := r.opts.Config.Taxonomies
	taxes := make([]*Taxonomy, len(names))
	bySlug := make([]map[string]*Term, len(names))
	for i, name := range names {
		taxes[i] = &Taxonomy{Name: name, Title: titleCase(name), URL: "/" + Slugify(name) + "/"}
		bySlug[i] = map[string]*Term{}
	}
	// Each page is visited once, for all its taxonomies in site.yaml's
	// order: on a large site, going over every page once for each
	// taxonomy was most of the time of this step.
	var seen []string // the slugs of the page's terms in one taxonomy
	// A site has few terms, each written on many pages: each is made a
	// slug once.
	slugOf := map[string]string{}
	for _, p := range r.s.Regular {
		terms := p.Source.Meta.Terms
		if len(terms) == 0 {
			continue
		}
		n := 0
		for _, ts := range terms {
			n += len(ts)
		}
		p.Terms = slices.Grow(p.Terms, n)
		for i, name := range names {
			tax := taxes[i]
			seen = seen[:0]
			for _, t := range terms[name] {
				s, ok := slugOf[t]
				if !ok {
					s = Slugify(t)
					slugOf[t] = s
				}
				if s == "" || slices.Contains(seen, s) {
					continue
				}
				seen = append(seen, s)
				term, ok := bySlug[i][s]
				if !ok {
					term = &Term{Name: t, Slug: s, URL: tax.URL + s + "/"}
					bySlug[i][s] = term
					tax.Terms = append(tax.Terms, term)
				}
				term.Pages = append(term.Pages, p)
				p.Terms = append(p.Terms, TermRef{Taxonomy: name, Name: term.Name, URL: term.URL})
			}
		}
	}
	for _, tax := range taxes {
		name := tax.Name
		sort.Slice(tax.Terms, func(i, j int) bool { return tax.Terms[i].Slug < tax.Terms[j].Slug })
		src := config.File
		tp := &Page{Kind: KindTaxonomy, Title: tax.Title, Type: name, URL: tax.URL, Out: outPath(tax.URL), Taxonomy: tax}
		if len(tax.Terms) == 0 {
			r.s.Taxonomies = append(r.s.Taxonomies, tax)
			continue
		}
		if r.claim(tp.Out, src, tp, func() (int, int) {
			pos := r.opts.Config.Positions.Of("taxonomies", schema.Pos{Line: 1, Col: 1})
			return pos.Line, pos.Col
		}) {
			r.byURL[tp.URL] = tp
			r.s.Pages = append(r.s.Pages, tp)
			tax.Page = tp
		}
		for _, term := range tax.Terms {
			first := &Page{Kind: KindTerm, Title: term.Name, Type: name, URL: term.URL, Taxonomy: tax, Term: term, Pages: term.Pages}
			r.s.Pages = append(r.s.Pages, r.paginate(first, src, r.opts.Config.PerPage)...)
		}
		r.s.Taxonomies = append(r.s.Taxonomies, tax)
	}
}

// home makes the home page from content/_index.md, or from site.yaml.
func (r *resolver) home() {
	h := &Page{Kind: KindHome, Title: r.opts.Config.Title, Summary: r.opts.Config.Description, Type: "home", URL: "/", Out: "index.html"}
	src := config.File
	if cp := r.homeSrc; cp != nil {
		h.Source = cp
		defer r.documents(h)
		h.Title = cp.Meta.Title
		if cp.Meta.Summary != "" {
			h.Summary = cp.Meta.Summary
		}
		h.Updated = cp.Updated
		src = cp.Path
		r.byRel[cp.Rel] = h
	}
	h.Pages = r.s.Regular
	if r.claim(h.Out, src, h, func() (int, int) { return 1, 1 }) {
		r.byURL["/"] = h
	}
	r.s.Home = h
	// Regular pages first (in their order), then the list pages, then home:
	// a stable order for rendering and for the build summary.
	pages := make([]*Page, 0, len(r.s.Regular)+len(r.s.Pages)+1+len(r.easy))
	for _, p := range r.s.Regular {
		pages = append(pages, p)
		if p.EasyRead != nil {
			pages = append(pages, p.EasyRead)
		}
	}
	pages = append(pages, r.s.Pages...)
	r.s.Pages = append(pages, h)
	// A section's pages share one trail, full to its capacity so that
	// appending to one copies it.
	trails := map[string][]Crumb{}
	for _, p := range r.s.Pages {
		if p.Kind != KindPage || p.Standard != nil {
			p.Breadcrumbs = r.crumbs(p)
			continue
		}
		t, ok := trails[p.Section]
		if !ok {
			t = slices.Clip(r.crumbs(p))
			trails[p.Section] = t
		}
		p.Breadcrumbs = t
	}
}

// crumbs is the trail from the home page to p's parent.
func (r *resolver) crumbs(p *Page) []Crumb {
	home := Crumb{Title: "Home", URL: "/"}
	switch p.Kind {
	case KindHome:
		return nil
	case KindTaxonomy:
		return []Crumb{home}
	case KindSection:
		root := "/" + Slugify(p.Section) + "/"
		if s := r.byURL[root]; s != nil && p.URL != root && s != p {
			return []Crumb{home, {Title: s.Title, URL: s.URL}}
		}
		return []Crumb{home}
	case KindTerm:
		return []Crumb{home, {Title: p.Taxonomy.Title, URL: p.Taxonomy.URL}}
	}
	trail := []Crumb{home}
	if p.Section != "" {
		if s := r.byURL["/"+Slugify(p.Section)+"/"]; s != nil && s.Kind == KindSection {
			trail = append(trail, Crumb{Title: s.Title, URL: s.URL})
		}
	}
	if p.Standard != nil {
		trail = append(trail, Crumb{Title: p.Standard.Title, URL: p.Standard.URL})
	}
	return trail
}

// aliases makes a redirect page for every old address a page lists.
func (r *resolver) aliases() {
	for _, p := range r.s.Regular {
		cp := p.Source
		for i, a := range cp.Meta.Aliases {
			// Where the alias was written, found only for a problem.
			at := func() (int, int) {
				ps := cp.Positions()
				pos := ps.Of(fmt.Sprintf("aliases.%d", i), ps.Of("aliases", schema.Pos{Line: 2, Col: 1}))
				return pos.Line, pos.Col
			}
			if !strings.HasPrefix(a, "/") {
				line, col := at()
				r.errorf(cp.Path, line, col, "aliases", "write the old address as a site path starting with /, such as /old-consultation/", "%q is not a site path", a)
				continue
			}
			if hasDotDot(a) {
				line, col := at()
				r.errorf(cp.Path, line, col, "aliases", "remove the '..' parts", "%q would write outside the site", a)
				continue
			}
			from := path.Clean(a)
			if path.Ext(from) == "" {
				from += "/"
			}
			if from == "//" {
				from = "/"
			}
			al := Alias{From: from, Out: outPath(from), To: p, Path: cp.Path}
			if !r.claim(al.Out, cp.Path, nil, at) {
				continue
			}
			r.static[from] = true
			r.s.Aliases = append(r.s.Aliases, al)
		}
	}
}

func hasDotDot(p string) bool {
	for _, seg := range strings.Split(strings.ReplaceAll(p, `\`, "/"), "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}

// menus checks that every menu link inside the site goes to a page, and
// sorts each menu by weight, then name.
func (r *resolver) menus() {
	r.s.Menus = map[string][]config.MenuItem{}
	names := make([]string, 0, len(r.opts.Config.Menus))
	for name := range r.opts.Config.Menus {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		items := r.opts.Config.Menus[name]
		for i, it := range items {
			if !strings.HasPrefix(it.URL, "/") || strings.HasPrefix(it.URL, "//") {
				continue // an address on another site
			}
			target, _, _ := strings.Cut(it.URL, "#")
			if _, ok := r.byURL[target]; ok || r.static[target] {
				continue
			}
			key := fmt.Sprintf("menus.%s.%d.url", name, i)
			pos := r.opts.Config.Positions.Of(key, schema.Pos{Line: 1, Col: 1})
			r.errorf(config.File, pos.Line, pos.Col, key, r.suggestURL(target), "%q is not a page on this site", it.URL)
		}
	}
	for name, items := range r.opts.Config.Menus {
		sorted := append([]config.MenuItem(nil), items...)
		sort.SliceStable(sorted, func(i, j int) bool {
			if sorted[i].Weight != sorted[j].Weight {
				return sorted[i].Weight < sorted[j].Weight
			}
			return sorted[i].Name < sorted[j].Name
		})
		r.s.Menus[name] = sorted
	}
}

// reserved are the sections engage makes itself, with what they hold.
var reserved = map[string]string{
	"reports":   "yearly reports",
	"easy-read": "list of easy-read pages",
	"search":    "search page",
	"a-z":       "A to Z of pages",
	"data":      "open data files",
}

// sortPages orders pages by weight (weighted first), newest date, title,
// then URL, so that every list is the same on every build.
func sortPages(ps []*Page) {
	type key struct {
		weighted   bool
		weight     int
		date       time.Time
		title, url string
	}
	sortKeyed(ps, func(p *Page) key {
		return key{p.Weight != 0, p.Weight, p.Date, p.Title, p.URL}
	}, func(a, b *key) int {
		switch {
		case a.weighted != b.weighted:
			if a.weighted {
				return -1
			}
			return 1
		case a.weight != b.weight:
			return cmp.Compare(a.weight, b.weight)
		}
		if c := b.date.Compare(a.date); c != 0 {
			return c
		}
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
		return strings.Compare(a.url, b.url)
	})
}

// titleCase turns a folder or taxonomy name into a title: "you-said" -> "You said".
func titleCase(s string) string {
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
