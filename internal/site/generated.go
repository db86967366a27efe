package site

import (
	"sort"

	"github.com/engage-ssg/engage/internal/config"
)

// generated makes the pages every site has without writing them: the
// accessibility statement (unless content/accessibility.md replaces it),
// the list of easy-read pages, and the "page not found" page.
func (r *resolver) generated() {
	add := func(p *Page) {
		p.Out = outPath(p.URL)
		if p.Kind == KindNotFound {
			p.Out = "404.html"
		}
		if r.claim(p.Out, config.File, p, func() (int, int) { return 0, 0 }) {
			r.byURL[p.URL] = p
			r.s.Pages = append(r.s.Pages, p)
		}
	}
	if _, ok := r.byURL["/accessibility/"]; !ok {
		add(&Page{Kind: KindPage, Type: "accessibility", URL: "/accessibility/",
			Title:   "Accessibility statement",
			Summary: "How accessible this website is, how to ask for information in another format, and how to report a problem."})
	}
	var easy []*Page
	for _, p := range r.s.Regular {
		if p.EasyRead != nil {
			easy = append(easy, p.EasyRead)
		}
	}
	if len(easy) > 0 {
		sort.SliceStable(easy, func(i, j int) bool { return easy[i].Title < easy[j].Title })
		idx := &Page{Kind: KindSection, Type: "easy-read", Section: "easy-read", URL: "/easy-read/", Title: "Easy read",
			Summary: "Pages of this website in easy read, with pictures and short sentences.", Pages: easy}
		for _, p := range r.paginate(idx, config.File, 0) {
			r.s.Pages = append(r.s.Pages, p)
		}
	}
	add(&Page{Kind: KindNotFound, Type: "404", URL: "/404.html", Title: "Page not found"})
}
