package site

import (
	"sort"
	"strings"

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
		sortByText(easy, func(p *Page) string { return p.Title })
		idx := &Page{Kind: KindSection, Type: "easy-read", Section: "easy-read", URL: "/easy-read/", Title: "Easy read",
			Summary: "Pages of this website in easy read, with pictures and short sentences.", Pages: easy}
		for _, p := range r.paginate(idx, config.File, 0) {
			r.s.Pages = append(r.s.Pages, p)
		}
	}
	add(&Page{Kind: KindSearch, Type: "search", URL: "/search/", Title: "Search",
		Summary: "Find consultations, events, updates and other pages on this website."})
	r.atoz()
	add(&Page{Kind: KindNotFound, Type: "404", URL: "/404.html", Title: "Page not found"})
}

// atoz makes the A to Z of every page: /a-z/ with a page per letter, the
// way to find a page without JavaScript.
func (r *resolver) atoz() {
	byLetter := map[string][]*Page{}
	for _, p := range r.s.Regular {
		l := Letter(p.Title)
		byLetter[l] = append(byLetter[l], p)
	}
	var letters []string
	for l := range byLetter {
		letters = append(letters, l)
	}
	sort.Strings(letters)
	index := &Page{Kind: KindSection, Type: "a-z", Section: "a-z", URL: "/a-z/", Title: "A to Z",
		Summary: "Every page of this website, by the first letter of its title."}
	for _, l := range letters {
		ps := byTitle(byLetter[l])
		name := strings.ToUpper(l)
		if l == "0-9" {
			name = "0 to 9"
		}
		lp := &Page{Kind: KindSection, Type: "a-z", Section: "a-z", URL: "/a-z/" + l + "/", Title: "A to Z: " + name, Pages: ps}
		index.Links = append(index.Links, Crumb{Title: name, URL: lp.URL})
		for _, p := range r.paginate(lp, config.File, 0) {
			r.s.Pages = append(r.s.Pages, p)
		}
	}
	for _, p := range r.paginate(index, config.File, 0) {
		r.s.Pages = append(r.s.Pages, p)
	}
}

// byTitle sorts pages by their titles in lower case, keeping the order of
// equal titles; each title is lowered once, not at every comparison.
func byTitle(ps []*Page) []*Page {
	sortByText(ps, func(p *Page) string { return strings.ToLower(p.Title) })
	return ps
}

// Letter is the A to Z section of a title: "a" to "z", or "0-9" for
// titles that start otherwise.
func Letter(title string) string {
	// Plain ASCII, as most titles are, is read as slugify would make it
	// without making the slug: its first letter or digit, where '&' and
	// '@' become "and" and "at" and everything else before it goes.
	ascii := true
	for i := 0; i < len(title) && ascii; i++ {
		ascii = title[i] < 0x80
	}
	if ascii {
		for i := 0; i < len(title); i++ {
			switch c := title[i]; {
			case c >= 'a' && c <= 'z':
				return title[i : i+1]
			case c >= 'A' && c <= 'Z':
				return string(rune(c + 'a' - 'A'))
			case c >= '0' && c <= '9':
				return "0-9"
			case c == '&' || c == '@':
				return "a"
			}
		}
		return "0-9"
	}
	for _, c := range strings.ToLower(Slugify(title)) {
		if c >= 'a' && c <= 'z' {
			return string(c)
		}
		return "0-9"
	}
	return "0-9"
}
