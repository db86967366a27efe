// Package site is the resolve stage of the pipeline, the only stage that
// sees the whole site at once. From the parsed pages and site.yaml it works
// out which pages are published, every URL and output path, the sections,
// the taxonomies, the paginated lists, the breadcrumbs, and where every
// internal link points, reporting duplicate paths and broken links before
// anything is written.
package site

import (
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/content"
)

// Kind says what a published page is.
type Kind string

// The kinds of page a site has.
const (
	KindPage     Kind = "page"     // a content page
	KindSection  Kind = "section"  // a section's list of pages
	KindHome     Kind = "home"     // the home page
	KindTaxonomy Kind = "taxonomy" // the list of terms of a taxonomy, such as /topics/
	KindTerm     Kind = "term"     // the pages with one term, such as /topics/carers/
	KindReport   Kind = "report"   // a yearly report on the duty to involve, /reports/2026/
	KindNotFound Kind = "404"      // the page for addresses that do not exist
	KindSearch   Kind = "search"   // the search page, /search/
)

// Site is the whole resolved site, ready to render.
type Site struct {
	Config *config.Config
	Now    time.Time

	// Pages is every page to render, in a stable order.
	Pages []*Page
	// Regular is every published content page (standard versions only),
	// newest first.
	Regular []*Page
	// Sections are the first pages of each section's list, by name.
	Sections []*Page
	// Home is the home page.
	Home *Page
	// Taxonomies are the site's taxonomies in site.yaml order.
	Taxonomies []*Taxonomy
	// Menus are site.yaml's menus, each sorted by weight then name.
	Menus map[string][]config.MenuItem
	// Aliases are redirect pages to write.
	Aliases []Alias
	// Files are content files other than pages (bundle resources) to copy.
	Files []File

	// r is the resolver that made the site, kept for Replace.
	r *resolver
}

// Page is one published page.
type Page struct {
	Source *content.Page // nil for generated pages (taxonomy lists, sections without _index.md)
	Kind   Kind

	Title   string
	Summary string
	Type    string // content type; selects layouts
	Section string
	URL     string // site path, "/events/carers-cafe/", without the base path
	Out     string // output file, "events/carers-cafe/index.html"

	Date, Updated, ReviewDue time.Time
	Weight                   int
	Terms                    []TermRef

	// EasyRead is the easy-read version of a standard page; Standard is the
	// standard version of an easy-read page.
	EasyRead *Page
	Standard *Page

	// Pages lists the pages a list page shows (all of them, before
	// pagination); Paginator is this list page's slice of them.
	Pages     []*Page
	Paginator *Paginator
	// Taxonomy is set on taxonomy and term pages.
	Taxonomy *Taxonomy
	// Term is set on term pages.
	Term *Term

	Breadcrumbs []Crumb
	// LinkDests holds, for each link of the body, the URL it is rewritten to.
	LinkDests []string
	// LinkLabels holds, for each link of the body to a document, its
	// type and size ("PDF, 2.7 MB"); "" for other links, and nil when the
	// body links no documents.
	LinkLabels []string

	// The derived facts of each content type; only the page's own is set.
	Principle    *Principle
	Constitution *Constitution
	Campaign     *Campaign
	Event        *Event
	Update       *Update
	Author       *content.Author

	// Documents are the files and pages the page offers, with labels.
	Documents []Document
	// Principles are the principles this page says it applies.
	Principles []*Page
	// Groups divide a list page's items under headings (campaigns by
	// status, events by month, updates by status, principles by kind).
	Groups []Group
	// Report is set on the yearly accountability reports.
	Report *Report
	// Links are extra list pages shown from a section page, such as
	// /campaigns/open/ and /events/past/.
	Links []Crumb
}

// Slug is the last part of the page's address: what other pages use to
// name it in fields such as source: and campaign:.
func (p *Page) Slug() string {
	u := strings.TrimSuffix(p.URL, "/")
	return u[strings.LastIndexByte(u, '/')+1:]
}

// Group is a titled part of a list.
type Group struct {
	Title string
	ID    string
	Pages []*Page
}

// IsEasyRead reports whether the page is an easy-read version.
func (p *Page) IsEasyRead() bool { return p.Standard != nil }

// HasContent reports whether the page has a Markdown body.
func (p *Page) HasContent() bool {
	return p.Source != nil && p.Source.Body != nil && !p.Source.Body.Empty()
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// TermRef is a term a page is tagged with.
type TermRef struct {
	Taxonomy string
	Name     string
	URL      string
}

// Taxonomy is one way of grouping pages (topics, areas, audiences).
type Taxonomy struct {
	Name  string // "topics"
	Title string // "Topics"
	URL   string
	Terms []*Term // sorted by name
	Page  *Page
}

// Term is one value of a taxonomy, with the pages that carry it.
type Term struct {
	Name  string // as first written, "Mental health"
	Slug  string // "mental-health"
	URL   string
	Pages []*Page
}

// Paginator is one page of a paginated list.
type Paginator struct {
	Number, Total int
	Items         []*Page
	Prev, Next    string // URLs, "" at the ends
	Links         []PagerLink
}

// PagerLink is a numbered link in a pagination nav, or a gap where
// numbers are left out.
type PagerLink struct {
	Number   int
	URL      string
	Current  bool
	Ellipsis bool // a gap: no number and no link
}

// Alias is a redirect from an old address to a page.
type Alias struct {
	From string // site path
	Out  string // output file
	To   *Page
	Path string // source file, for problems
}

// File is a content file copied to the output as it is.
type File struct {
	Src string // path relative to the site folder
	Out string // output file
}

// outPath turns a site path into the file that serves it.
func outPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// withOut returns url and outPath(url) cut from one string where url ends
// in '/': a site keeps both for every page, and one object is less for
// the garbage collector than two.
func withOut(url string) (string, string) {
	if !strings.HasSuffix(url, "/") {
		return url, outPath(url)
	}
	both := url + "index.html"
	return both[:len(url)], both[1:]
}

// OpenCampaigns are the campaigns open today, closing soonest first.
func (s *Site) OpenCampaigns() []*Page {
	var out []*Page
	for _, p := range s.Regular {
		if p.Campaign != nil && p.Campaign.Status == "open" {
			out = append(out, p)
		}
	}
	sortCampaigns(out)
	return out
}

// UpcomingEvents are the events that have not ended, soonest first.
func (s *Site) UpcomingEvents() []*Page {
	var out []*Page
	for _, p := range s.Regular {
		if p.Event != nil && !p.Event.Past && !p.Event.Start.IsZero() && p.Event.Status != "postponed" {
			out = append(out, p)
		}
	}
	sortStable(out, func(a, b *Page) bool { return a.Event.Start.Before(b.Event.Start) })
	return out
}

// HasEvents reports whether the site has any event with dates, and so a
// calendar to subscribe to.
func (s *Site) HasEvents() bool {
	for _, p := range s.Regular {
		if p.Event != nil && !p.Event.Start.IsZero() && !p.Event.End.IsZero() {
			return true
		}
	}
	return false
}

// Language is the language of the page: its own, or the site's.
func (p *Page) Language(site string) string {
	if p.Source != nil && p.Source.Meta.Language != "" {
		return p.Source.Meta.Language
	}
	return site
}
