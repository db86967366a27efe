package site

import (
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/engagement"
)

// links checks every internal link and image of every page with a body and
// works out the URL each one is rewritten to. Links may be site paths
// ("/events/carers-cafe/") or file paths relative to the page
// ("../events/carers-cafe.md").
func (r *resolver) links() {
	var withBody []*Page
	for _, p := range r.s.Pages {
		if p.Source != nil && p.Source.Body != nil && (p.Paginator == nil || p.Paginator.Number == 1) {
			withBody = append(withBody, p)
		}
	}
	// Each page's links are worked out on their own, reading the maps the
	// earlier steps made: share them out, and keep the problems in page
	// order.
	lists := make([]diag.List, len(withBody))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(withBody)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(withBody); i += workers {
				p := withBody[i]
				p.LinkDests, p.LinkLabels, lists[i] = r.relink(p, p.Source)
			}
		})
	}
	wg.Wait()
	for _, l := range lists {
		r.list = append(r.list, l...)
	}
}

// relink resolves every link and image of a page's body as parsed in cp,
// returning the addresses to write, the document labels and the problems.
func (r *resolver) relink(p *Page, cp *content.Page) (dests, labels []string, problems diag.List) {
	doc := cp.Body
	dests = make([]string, len(doc.Links))
	for i, l := range doc.Links {
		// Parsed once for both: a large site has several links a page.
		u, err := url.Parse(l.Dest)
		dest, problem, fix := r.link(p, l.Dest, u, err)
		dests[i] = dest
		if label := r.label(p, u, err); label != "" {
			if labels == nil {
				// Most pages link no documents: no labels to keep.
				labels = make([]string, len(doc.Links))
			}
			labels[i] = label
		}
		if problem != "" {
			line, col := cp.FilePos(l.Line, l.Col)
			field := "link"
			if l.Image {
				field = "image"
				if strings.HasPrefix(fix, "check the address") {
					fix = "check the file name: put pictures under assets/images/ and write /assets/images/name.png, or put the picture beside the page in its bundle folder"
				}
			}
			problems.Errorf(cp.Path, line, col, field, fix, "%s", problem)
		}
	}
	return dests, labels, problems
}

// link resolves one destination as written on page p, and parsed by
// url.Parse as u (or err). It returns the URL to write (with the site's
// base path) or a problem and its fix.
func (r *resolver) link(p *Page, dest string, u *url.URL, err error) (string, string, string) {
	if strings.TrimSpace(dest) == "" {
		return dest, "has no address", "put the address between the brackets: [text](/events/carers-cafe/)"
	}
	if err != nil {
		return dest, quote(dest) + " is not a valid address", "check for spaces or stray characters; write spaces as %20"
	}
	if u.Scheme != "" || strings.HasPrefix(dest, "//") {
		return dest, "", "" // external: checked by engage check --external-links, not here
	}
	target, frag := u.Path, u.Fragment
	suffix := ""
	if u.RawQuery != "" {
		suffix = "?" + u.RawQuery
	}
	if u.Fragment != "" {
		suffix += "#" + u.EscapedFragment()
	}
	if target == "" {
		// A link within the page.
		if frag != "" && !hasAnchor(p, frag) {
			return dest, "there is no heading with the id " + quote(frag) + " on this page", anchorFix(p)
		}
		return dest, "", ""
	}

	var site string // the site path the link resolves to
	switch {
	case strings.HasSuffix(target, ".md"):
		rel := target
		if strings.HasPrefix(target, "/") {
			rel = strings.TrimPrefix(target, "/")
			rel = strings.TrimPrefix(rel, content.Dir+"/")
		} else {
			rel = path.Join(path.Dir(p.Source.Rel), target)
		}
		if strings.HasPrefix(rel, "../") || rel == ".." {
			return dest, quote(dest) + " points outside the content folder", "link to a file inside content/"
		}
		tp, ok := r.byRel[rel]
		if !ok {
			if why, ok := r.excluded[rel]; ok {
				return dest, "content/" + rel + " " + why + ", so it will not be published", "remove the link, or publish that page first"
			}
			return dest, "there is no file content/" + rel, r.suggestFile(rel)
		}
		site = tp.URL
	default:
		site = target
		if !strings.HasPrefix(site, "/") {
			base := p.URL
			if p.Standard != nil && p.Source.Bundle {
				base = p.Standard.URL // a bundle's easy-read page shares its files
			}
			site = path.Join(base, target)
		} else {
			site = path.Clean(site)
		}
		if path.Ext(site) == "" && site != "/" {
			site += "/"
		}
		if _, ok := r.byURL[site]; !ok && !r.static[site] {
			return dest, quote(dest) + " is not a page or file on this site", r.suggestURL(site)
		}
	}
	if frag != "" {
		if tp, ok := r.byURL[site]; ok && tp.Source != nil && tp.Source.Body != nil && !hasAnchor(tp, frag) {
			return dest, "there is no heading with the id " + quote(frag) + " on " + site, anchorFix(tp)
		}
	}
	return r.rel(site) + suffix, "", ""
}

// rel prefixes a site path with the base URL's path, so that a site
// published under https://example.org/engage/ links correctly.
func (r *resolver) rel(site string) string {
	return RelURL(r.opts.Config.BaseURL, site)
}

// RelURL joins the base URL's path and a site path.
func RelURL(baseURL, site string) string {
	base := basePath(baseURL)
	if base == "/" && strings.HasPrefix(site, "/") {
		return site // as it is: links to one page share its address
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(site, "/")
}

// lastBase remembers the path of the last base URL basePath parsed: a
// build has one base URL and asks for it for every link of every page.
var lastBase atomic.Pointer[[2]string]

// basePath is the path of a base URL, "/" when it has none.
func basePath(baseURL string) string {
	if b := lastBase.Load(); b != nil && b[0] == baseURL {
		return b[1]
	}
	base := "/"
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		base = u.Path
	}
	lastBase.Store(&[2]string{baseURL, base})
	return base
}

// AbsURL joins the base URL and a site path. With no base URL it returns
// the site path.
func AbsURL(baseURL, site string) string {
	if baseURL == "" || baseURL == "/" {
		return site
	}
	return strings.TrimSuffix(baseURL, "/") + "/" + strings.TrimPrefix(site, "/")
}

func hasAnchor(p *Page, id string) bool {
	if p.Source == nil || p.Source.Body == nil {
		return false
	}
	for _, h := range p.Source.Body.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

func anchorFix(p *Page) string {
	if p.Source == nil || p.Source.Body == nil || len(p.Source.Body.Headings) == 0 {
		return "remove the part after #"
	}
	ids := make([]string, 0, len(p.Source.Body.Headings))
	for _, h := range p.Source.Body.Headings {
		ids = append(ids, "#"+h.ID)
	}
	if len(ids) > 5 {
		ids = append(ids[:5], "…")
	}
	return "the headings there are " + strings.Join(ids, ", ")
}

// suggestURL names the nearest published address, if one is close.
func (r *resolver) suggestURL(site string) string {
	cands := make([]string, 0, len(r.byURL))
	for u := range r.byURL {
		cands = append(cands, u)
	}
	sort.Strings(cands)
	if s := diag.Nearest(site, cands); s != "" {
		return "did you mean " + quote(s) + "?"
	}
	return "check the address; page addresses look like /events/carers-cafe/"
}

// suggestFile names the nearest content file, if one is close.
func (r *resolver) suggestFile(rel string) string {
	cands := make([]string, 0, len(r.byRel))
	for f := range r.byRel {
		cands = append(cands, f)
	}
	sort.Strings(cands)
	if s := diag.Nearest(rel, cands); s != "" {
		return "did you mean content/" + s + "?"
	}
	return "check the file name and the ../ parts of the path"
}

func quote(s string) string { return "\"" + s + "\"" }

// label is the type and size of a document a link (parsed as u, or err)
// points to, such as "PDF, 2.7 MB", or "" for links to pages and other
// sites.
func (r *resolver) label(p *Page, u *url.URL, err error) string {
	if err != nil || u.Scheme != "" || u.Path == "" || !engagement.IsDocument(u.Path) {
		return ""
	}
	_, src := r.fileTarget(p, u.Path)
	size, ok := r.opts.Sizes[src]
	if !ok {
		return ""
	}
	return engagement.FileLabel(u.Path, size)
}
