package render_test

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/render"
	"github.com/engage-ssg/engage/internal/site"
)

// nativeEdges are pages added to the demo site to reach what it does not:
// text html/template escapes, an author with no role, a document with an
// address that is not allowed in an href, an event of each attendance
// and a campaign with no dates.
var nativeEdges = map[string]string{
	"content/news/edge-case.md": `---
title: Tom's "plan" + <b>bold</b> & more
summary: Café & "crèche" <i>+</i> 'quotes'
date: 2026-03-01
updated: 2026-04-02
review_due: 2027-03-01
author:
  name: A "writer" & co
documents:
  - title: Script <x> & "y"
    url: javascript:alert(1)
  - title: Other site
    url: https://example.org/a b/report?x=1&y=2
topics: [Carers & "families", Mental health]
areas: [Lowmere]
---
Body.
`,
	"content/nothing-yet/_index.md":   "---\ntitle: Nothing yet\n---\n",
	"content/news/welsh.md":           "---\ntitle: Croeso\nlanguage: cy\ndate: 2026-05-01\n---\nCroeso i bawb.\n",
	"content/news/undated.md":         "---\ntitle: Undated + plain\nreview_due: 2027-01-01\n---\nText.\n",
	"content/events/hybrid-edge.md":   "---\ntitle: Board & \"you\"\nstart: 2026-12-25T02:30\nend: 2026-12-25T04:00\nattendance: hybrid\nvenue:\n  name: Town <Hall> & Co\n  address: High Street\n  postcode: ZZ1 1AA\nonline_url: https://meet.example.org/board\n---\nText.\n",
	"content/campaigns/no-dates.md":   "---\ntitle: Tell us + more\nkind: survey\n---\nText.\n",
	"content/campaigns/opens-only.md": "---\ntitle: Opens soon\nkind: consultation\nopens: 2027-01-10\n---\nText.\n",
	"content/events/odd-values.md": "---\ntitle: Q&A \"night\" + <more>\nstart: 2027-02-01T18:00\nend: 2027-02-01T19:00\nattendance: online\n" +
		"online_url: https://meet.example.org/a b?x=<1>&y='2'\naccessibility_notes: Step-free <entrance> & \"quiet\" room\n" +
		"booking:\n  url: javascript:alert(1)\n  capacity: 12\ncontact:\n  name: O'Neil & co\n  email: o'neil+events@example.org\n  phone: 01234 567 890\n---\nText.\n",
	// The only page of its year: a report with no campaigns and no
	// principles.
	"content/events/long-ago.md":    "---\ntitle: An old <meeting> & \"talk\"\nstart: 2023-05-04T10:00\nend: 2023-05-04T12:00\nattendance: online\nonline_url: https://meet.example.org/old\n---\nText.\n",
	"content/principles/untried.md": "---\ntitle: \"Principle 9: <we> & you\"\nnumber: 9\n---\nText.\n",
	"content/campaigns/closes-today.md": "---\ntitle: Last call & \"more\"\nkind: consultation\nopens: 2026-10-01\ncloses: 2026-11-23\n" +
		"why: Because <we> & \"you\" + them\ncontact:\n  name: Team\n  email: team+x@example.org\n---\nText.\n",
}

// nativeSite copies the demo site into a temporary folder, with a title
// and a base path that need escaping, and the edge pages.
func nativeSite(t *testing.T) string {
	t.Helper()
	src := writeSite(t, nativeEdges)
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	yaml, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(yaml), "base_url: https://engage.example.org/", "base_url: https://engage.example.org/our site/", 1)
	// Two to a list page, for lists of many pages with gaps in their
	// page numbers.
	s = strings.Replace(s, "per_page: 10", "per_page: 2", 1)
	s = strings.Replace(s, "title: Wrenford Valley Engage", `title: Wrenford Valley's "Engage" + <you> & us`, 1)
	if s == string(yaml) {
		t.Fatal("site.yaml has changed: the test no longer sets its title and base URL")
	}
	if err := os.WriteFile(filepath.Join(src, "site.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return src
}

// rendered is every page of a site, by URL, and the renderer that
// rendered them.
type rendered struct {
	pages map[string]string
	r     *render.Renderer
	site  *site.Site
}

// loadPlan loads the site at src, which must have no errors.
func loadPlan(t *testing.T, src string) *build.Plan {
	t.Helper()
	l := &build.Loader{Options: build.Options{Source: src, Now: "2026-11-23", Theme: engage.Theme}}
	plan, err := l.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if plan.Problems.Errors() > 0 {
		t.Fatal(plan.Problems)
	}
	return plan
}

// newRenderer loads the site at src and makes its renderer, minifying or
// not.
func newRenderer(t *testing.T, src string, minify bool) (*render.Renderer, *build.Plan) {
	t.Helper()
	plan := loadPlan(t, src)
	r, list := render.New(plan.Site, plan.Layouts, plan.Assets, plan.Markdown, minify)
	if list.Errors() > 0 {
		t.Fatal(list)
	}
	return r, plan
}

// pageAt returns the page of plan at url.
func pageAt(t *testing.T, plan *build.Plan, url string) *site.Page {
	t.Helper()
	for _, p := range plan.Site.Pages {
		if p.URL == url {
			return p
		}
	}
	t.Fatalf("no page %s", url)
	return nil
}

// ownBase copies the theme's _default/baseof.html into the site at src.
func ownBase(t *testing.T, src string) { ownLayout(t, src, "_default/baseof.html") }

// ownLayout copies the theme's layout name into the site at src.
func ownLayout(t *testing.T, src, name string) {
	t.Helper()
	text, err := fs.ReadFile(engage.Theme, "layouts/"+name)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(src, "layouts", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, text, 0o644); err != nil {
		t.Fatal(err)
	}
}

// renderAll renders every page of the site at src, minified or not, on
// four goroutines at once, as a build does.
func renderAll(t *testing.T, src string, minify bool) rendered {
	t.Helper()
	r, plan := newRenderer(t, src, minify)
	out := rendered{pages: map[string]string{}, r: r, site: plan.Site}
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan *site.Page)
	for range 4 {
		wg.Go(func() {
			for p := range next {
				html, err := r.Page(p)
				mu.Lock()
				if err != nil {
					t.Errorf("%s: %v", p.URL, err)
				}
				out.pages[p.URL] = string(html)
				mu.Unlock()
			}
		})
	}
	for _, p := range plan.Site.Pages {
		next <- p
	}
	close(next)
	wg.Wait()
	return out
}

// TestNativePartialsMatchTheirLayouts renders every page of the demo site
// and the edge pages with the theme's partials and base written in Go, and
// again with the same files copied into the site's layouts/ (so that
// their layout text runs), and compares the HTML.
func TestNativePartialsMatchTheirLayouts(t *testing.T) {
	src := nativeSite(t)
	res := renderAll(t, src, true)
	got, active, s := res.pages, render.Natives(res.r), res.site
	singles := []string{"_default/easy.html", "_default/list.html", "_default/report.html", "_default/single.html", "_default/term.html", "campaigns/single.html", "events/single.html", "principles/single.html", "updates/single.html"}
	want := []string{"_default/baseof.html", "_default/easy.html", "_default/list.html", "_default/report.html", "_default/single.html", "_default/term.html", "campaigns/single.html", "events/single.html", "partials/applies.html", "partials/breadcrumbs.html", "partials/card.html", "partials/documents.html",
		"partials/page-foot.html", "partials/page-head.html", "partials/page-list.html", "partials/page-meta.html", "partials/pagination.html",
		"partials/review.html", "partials/tag.html", "partials/terms.html", "principles/single.html", "updates/single.html"}
	if names := keys(active); !slices.Equal(names, want) {
		t.Fatalf("partials written in Go: %v, want %v", names, want)
	}

	// The same site, with the theme's partials, base and page layouts
	// written in Go as its own.
	partials, err := fs.Sub(engage.Theme, "layouts/partials")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(src, "layouts", "partials"), partials); err != nil {
		t.Fatal(err)
	}
	ownBase(t, src)
	for _, name := range singles {
		ownLayout(t, src, name)
	}
	refs := renderAll(t, src, true)
	ref, none := refs.pages, render.Natives(refs.r)
	if len(none) != 0 {
		t.Fatalf("with the partials the site's own, %v are still written in Go", keys(none))
	}
	if n := render.Fallbacks(res.r); n != 0 {
		t.Errorf("the Go gave way to layout text %d times; the theme's own layouts pass it what it knows", n)
	}
	if len(got) != len(ref) {
		t.Fatalf("%d pages with Go partials, %d with layout text", len(got), len(ref))
	}
	for url, html := range ref {
		if got[url] != html {
			t.Errorf("%s differs:\n%s", url, firstDifference(got[url], html))
		}
	}

	// What the site reaches, so that a branch left out shows here.
	all := strings.Join(slices.Sorted(maps.Values(got)), "\n")
	for _, s := range []string{
		`<p>We did not run any campaigns or consultations this year.</p>`, `<p>No page published this year says which principles it applies.</p>`,
		`<p>We have not held any events this year yet.</p>`, `<h3 id="page--cancelled">`, `<h3 id="page--upcoming">`, `<h3 id="page--outcomes-`,
		`<h2 id="page--events">Where we met people</h2><ul class="card-list">`, `<title id="page--outcomes-chart-title">`,
		`<nav class="breadcrumb"`, `<li class="card" id="principle-`, `<h4 class="card__heading">`, `<h3 class="card__heading">`,
		`<h2 class="card__heading">`, `Postponed: a new date will be published`, `, online</p>`, ` and online</p>`,
		`. Opens `, `, closes `, `<p class="card__meta">Survey</p>`, `<p class="card__meta"><time datetime=`,
		`By A &#34;writer&#34; &amp; co. Published`, `, Board member for public involvement. `, `. Last updated `,
		`href="#ZgotmplZ"`, `href="https://example.org/a%20b/report?x=1&amp;y=2"`, `<span class="documents__label">(PDF`,
		`Principles this applies`, `<dl class="summary-list terms">`, `Carers &amp; &#34;families&#34;`,
		`Page last reviewed: `, `Easy read version<span class="visually-hidden"> of `, `tag--past">Past event`,
		`<strong class="tag tag--cancelled">`, `<strong class="tag tag--open">`, `<strong class="tag tag--done">`,
		`There is nothing here at the moment.`, `<p class="pagination__status">Page 2 of `, `aria-current="page" aria-label="Page 1, current page">1</a>`,
		`<li class="pagination__gap" aria-hidden="true">&ctdot;</li>`, `rel="prev">Previous`, `rel="next">Next`, `<html lang="cy">`, `/our%20site/`, `Tom&#39;s &#34;plan&#34; &#43; &lt;b&gt;bold&lt;/b&gt; &amp; more`,
		// The page layouts written in Go.
		`This event has been cancelled.</strong> If you have questions, email <a href="mailto:`, `This event has been postponed.`,
		`</del> (postponed)`, `This event has moved to a new date.</strong> It was going to be on `, `This event is now online only.`,
		`This event has already happened.`, `<dt>How to attend</dt><dd>In person</dd>`, `<dd>Online</dd>`, `<dd>In person or online</dd>`,
		`<dt>Where</dt><dd>`, `Join the event online<span class="visually-hidden">: `, `You need to book.`, `You do not need to book.`,
		` places.`, `Book a place<span`, `<dt>Part of</dt>`, `event.ics">Add to calendar`, `<ul class="accessibility-list"><li>`,
		`<h2 id="page--getting-in">Getting there and getting in</h2><p>`, `<h2 id="page--outcomes">What came of it</h2><ul class="card-list">`,
		`<h2 id="page--contact">Contact</h2>`, `<br>Email: <a href="mailto:`, `<br>Phone: <a class="phone" href="tel:`,
		` is open</h2>`, ` closes today, `, ` days left)</h2>`, `, 11:59pm on `, ` opens on `, ` has been withdrawn.</strong>`,
		` is paused.</strong>`, `(open all day)`, `<h2 id="page--why">`, `<section class="respond"`, `<h2 id="page--what-happens-next">`,
		`<h2 id="page--events">Events for this `, `We are looking at what people told us.`, ` has closed, we will publish what we did`,
		`<h2 id="page--we-asked">`, `<h2 id="page--we-did">We did</h2>`, `What we could do</h2>`, `What we are doing</h2>`,
		`<h2 id="page--why-not">`, `<progress max="100" value="`, `<dt>What this came from</dt>`,
		`<div class="easy-read"><h1>`, `Standard version<span class="visually-hidden"> of `, `<p class="caption">Principle 9</p><h1>`,
		`<p class="caption">Standard `, `<h3 id="page--evidence-campaigns">`, `<h4 class="card__heading">`,
		`We have not yet published anything that applies this principle.`,
		`</h1><p class="lede">`, `<p class="subscribe">Subscribe to `, `<span class="visually-hidden"> of you said, we did</span></a>.</p>`,
		`<p class="subscribe">Add every event to your calendar: <a href="/our%20site/events.ics">`, `<nav class="list-links" aria-label="More lists"><ul><li><a href="`,
		`<section aria-labelledby="page--`, ` <span class="count">(`, `</h1><div class="body">`,
		`<h1><span class="caption">Topics</span> `, ` page is about `, ` pages are about `,
	} {
		if !strings.Contains(all, s) {
			t.Errorf("no page has %q: the test does not cover that branch", s)
		}
	}
	if len(s.Pages) < 100 {
		t.Errorf("only %d pages: the demo site was not copied", len(s.Pages))
	}
	for _, u := range []string{"/events/carers-cafe/", "/campaigns/carers-count/", "/updates/carers-gp-registers/", "/news/edge-case/",
		"/updates/", "/events/past/", "/news/page/2/", "/nothing-yet/", "/topics/carers/",
		"/events/carers-cafe/easy-read/", "/principles/keep-learning/", "/principles/untried/"} {
		for _, p := range s.Pages {
			if p.URL == u && !render.MainInGo(res.r, p) {
				t.Errorf("%s: the main block is layout text; want it written in Go", u)
			}
			if p.URL == u && !render.Direct(res.r, p) {
				t.Errorf("%s: written by executing its template set; want it written straight in Go", u)
			}
		}
	}
}

// TestNativePartialsGiveWayToTheSite checks the ways a site's own layouts
// reach the layouts written in Go: with data they do not know, by
// overriding a partial one includes, by defining one again, with a base
// layout of their own, and by not minifying.
func TestNativePartialsGiveWayToTheSite(t *testing.T) {
	const yaml = "title: Test\nbase_url: https://engage.example.org/\norganisation:\n  name: Test Board\ntaxonomies: [topics]\n"
	const post = "---\ntitle: A post\ndate: 2026-01-02\ntopics: [Carers]\n---\nText.\n"
	site := func(t *testing.T, layouts map[string]string) string {
		files := map[string]string{"site.yaml": yaml, "content/news/post.md": post}
		for name, text := range layouts {
			files["layouts/"+name] = text
		}
		return writeSite(t, files)
	}
	t.Run("a head block or breadcrumbs of the site's own", func(t *testing.T) {
		// A page written straight in Go has no "head" block and the
		// theme's breadcrumbs; a site's partial defining either makes its
		// pages run their template set again.
		for name, tt := range map[string]struct{ layouts map[string]string }{
			"head":        {map[string]string{"partials/extra.html": `{{define "head"}}<meta name="x-mine" content="1">{{end}}`}},
			"breadcrumbs": {map[string]string{"partials/breadcrumbs.html": `<nav class="mine">{{.Page.Title}}</nav>`}},
		} {
			res := renderAll(t, site(t, tt.layouts), true)
			plain := renderAll(t, site(t, nil), true)
			for _, p := range res.site.Pages {
				if p.URL != "/news/post/" {
					continue
				}
				html := res.pages[p.URL]
				if render.Direct(res.r, p) {
					t.Errorf("%s: %s written straight in Go, though the site defines its %s", name, p.URL, name)
				}
				if mine := map[string]string{"head": `<meta name="x-mine" content="1"></head>`, "breadcrumbs": `<nav class="mine">A post</nav>`}[name]; !strings.Contains(html, mine) {
					t.Errorf("%s: %s lacks the site's %s:\n%s", name, p.URL, name, html)
				}
				if !render.MainInGo(res.r, p) {
					t.Errorf("%s: %s has its main block in layout text; want Go", name, p.URL)
				}
			}
			for _, p := range plain.site.Pages {
				if p.URL == "/news/post/" && !render.Direct(plain.r, p) {
					t.Errorf("without the site's %s, %s is not written straight in Go", name, p.URL)
				}
			}
		}
	})
	t.Run("other data", func(t *testing.T) {
		// breadcrumbs.html given a map, not the layout's data: its layout
		// text runs, and reads .Page from the map.
		res := renderAll(t, site(t, map[string]string{
			"news/single.html": `{{define "main"}}<div id="crumbs">{{template "partials/breadcrumbs.html" (dict "Page" .Page)}}</div>{{end}}`,
		}), true)
		if !render.Natives(res.r)["partials/breadcrumbs.html"] {
			t.Fatal("breadcrumbs.html is not written in Go for this site")
		}
		if n := render.Fallbacks(res.r); n != 1 {
			t.Errorf("the Go gave way to layout text %d times, want 1 (the one page given a map)", n)
		}
		html := res.pages["/news/post/"]
		_, crumbs, _ := strings.Cut(html, `<div id="crumbs">`)
		if !strings.HasPrefix(crumbs, `<nav class="breadcrumb" aria-label="Breadcrumb"><ol class="breadcrumb__list"><li class="breadcrumb__item"><a class="breadcrumb__link" href="/">Home</a>`) {
			t.Errorf("breadcrumbs given a map:\n%s", html)
		}
	})
	t.Run("an included partial overridden", func(t *testing.T) {
		res := renderAll(t, site(t, map[string]string{"partials/tag.html": `<span class="site-tag">{{.Title}}</span>`}), true)
		active := render.Natives(res.r)
		for _, name := range []string{"partials/tag.html", "partials/page-head.html", "partials/card.html", "partials/page-list.html"} {
			if active[name] {
				t.Errorf("%s is written in Go, but the site has its own tag.html", name)
			}
		}
		if !active["partials/page-meta.html"] {
			t.Errorf("page-meta.html includes no tag.html, and should still be written in Go")
		}
		if html := res.pages["/news/post/"]; !strings.Contains(html, `<h1>A post</h1><span class="site-tag">A post</span>`) {
			t.Errorf("the page does not use the site's tag.html:\n%s", html)
		}
		if html := res.pages["/news/"]; !strings.Contains(html, `</a></h2><span class="site-tag">A post</span>`) {
			t.Errorf("the card does not use the site's tag.html:\n%s", html)
		}
	})
	t.Run("defined again", func(t *testing.T) {
		res := renderAll(t, site(t, map[string]string{
			"news/single.html": `{{define "main"}}{{template "partials/page-head.html" .Page}}{{end}}{{define "partials/page-meta.html"}}<p class="mine">{{.Title}}</p>{{end}}`,
		}), true)
		if html := res.pages["/news/post/"]; !strings.Contains(html, `<h1>A post</h1><p class="mine">A post</p>`) {
			t.Errorf("page-head.html does not use the page-meta.html the layout defines:\n%s", html)
		}
	})
	t.Run("term-link defined again", func(t *testing.T) {
		// term-link.html has no Go of its own, but terms.html's Go writes
		// it: a site partial that defines it again turns that off.
		res := renderAll(t, site(t, map[string]string{
			"partials/zz-mine.html": `{{define "partials/term-link.html"}}<li class="mine">{{.Name}}</li>{{end}}`,
		}), true)
		if html := res.pages["/news/post/"]; !strings.Contains(html, `<li class="mine">Carers</li>`) {
			t.Errorf("terms.html does not use the term-link.html the site defines:\n%s", html)
		}
	})
	t.Run("base layouts of the site's own", func(t *testing.T) {
		res := renderAll(t, site(t, map[string]string{
			"news/baseof.html":   `<!doctype html><html lang="en"><body class="news">{{block "main" .}}{{end}}</body></html>`,
			"_default/term.html": `{{define "main"}}<h1>{{.Page.Title}}</h1>{{end}}{{define "_default/baseof.html"}}<html><body class="again">{{block "main" .}}{{end}}</body></html>{{end}}`,
		}), true)
		for _, p := range res.site.Pages {
			if p.URL == "/news/post/" || p.URL == "/topics/carers/" {
				if render.NativeBase(res.r, p) {
					t.Errorf("%s: the base is written in Go, but its layout set has a base of its own", p.URL)
				}
			}
			if p.URL == "/search/" && !render.NativeBase(res.r, p) {
				t.Errorf("/search/ uses the theme's base, which should be written in Go")
			}
		}
		if html := res.pages["/news/post/"]; !strings.Contains(html, `<body class="news">`) {
			t.Errorf("the post does not use news/baseof.html:\n%s", html)
		}
		if html := res.pages["/topics/carers/"]; !strings.Contains(html, `<body class="again"><h1>`) {
			t.Errorf("/topics/carers/ does not use the base its layout defines again:\n%s", html)
		}
	})
	t.Run("page layouts", func(t *testing.T) {
		const event = "---\ntitle: A meeting\nstart: 2026-02-01T10:00\nend: 2026-02-01T11:00\nattendance: online\nonline_url: https://meet.example.org/x\n---\nText.\n"
		const update = "---\ntitle: A change\nyou_said: More.\nwe_did: Less.\n---\nText.\n"
		files := map[string]string{"site.yaml": yaml, "content/news/post.md": post, "content/events/meeting.md": event,
			"content/updates/change.md":   update,
			"layouts/events/single.html":  `{{define "main"}}<p class="mine">{{.Page.Title}}</p>{{end}}`,
			"layouts/updates/baseof.html": `<!doctype html><html lang="en"><body class="updates">{{block "main" .}}{{end}}</body></html>`,
			"layouts/news/single.html":    `{{define "main"}}{{themePartial "campaigns/single.html" .}}{{end}}`,
		}
		src := writeSite(t, files)
		r, plan := newRenderer(t, src, true)
		active := render.Natives(r)
		if active["events/single.html"] || !active["campaigns/single.html"] || !active["updates/single.html"] {
			t.Errorf("page layouts in Go: %v; want campaigns and updates, not the site's own events/single.html", keys(active))
		}
		meeting, change := pageAt(t, plan, "/events/meeting/"), pageAt(t, plan, "/updates/change/")
		if render.MainInGo(r, meeting) || render.MainInGo(r, change) {
			t.Error("a main block is written in Go for the site's own page layout, or under the site's own base")
		}
		html, err := r.Page(meeting)
		if err != nil || !strings.Contains(string(html), `<p class="mine">A meeting</p>`) {
			t.Errorf("the event does not use the site's events/single.html (error %v):\n%s", err, html)
		}
		html, err = r.Page(change)
		if err != nil || !strings.Contains(string(html), `<body class="updates"><h1>A change</h1>`) || !strings.Contains(string(html), `<h2 id="page--you-said">You said</h2>`) {
			t.Errorf("the update does not use its own base with the theme's layout text (error %v):\n%s", err, html)
		}
		// A layout that calls the Go of another layout's main block gets
		// an error, not the other layout's text, nor its own again.
		_, err = r.Page(pageAt(t, plan, "/news/post/"))
		if err == nil || !strings.Contains(err.Error(), "campaigns/single.html") {
			t.Errorf("news calling the campaigns main block in Go: error %v, want one naming campaigns/single.html", err)
		}
	})
	t.Run("a site partial that includes one in Go", func(t *testing.T) {
		// Under the theme's base the Go writes straight into the page; in
		// a partial run on its own (the site's header.html, through
		// partialCached) it must write into that partial's text instead.
		res := renderAll(t, site(t, map[string]string{
			"partials/header.html": `<header class="mine">{{template "partials/breadcrumbs.html" .}}</header>`,
		}), true)
		html := res.pages["/news/post/"]
		if !strings.HasPrefix(html, "<!doctype html>") || !strings.Contains(html, `<header class="mine"><nav class="breadcrumb" aria-label="Breadcrumb">`) {
			t.Errorf("the breadcrumbs are not inside the site's header:\n%s", html)
		}
		if n := strings.Count(html, `<nav class="breadcrumb"`); n != 2 {
			t.Errorf("%d breadcrumb trails, want 2 (the header's and the base's):\n%s", n, html)
		}
	})
	t.Run("a block that ends inside a tag", func(t *testing.T) {
		// html/template refuses the layout text, whose "</main>" then
		// falls inside the tag; the Go base must give the same verdict,
		// not a crash.
		src := site(t, map[string]string{"news/single.html": `{{define "main"}}<p>{{.Page.Title}}</p><div class="x"{{end}}`})
		var msgs []string
		for _, own := range []bool{false, true} {
			if own {
				ownBase(t, src)
			}
			r, plan := newRenderer(t, src, true)
			_, err := r.Page(pageAt(t, plan, "/news/post/"))
			if err == nil {
				t.Fatalf("base in Go %v: no error", !own)
			}
			msgs = append(msgs, strings.Replace(err.Error(), " (in the built-in theme)", "", 1))
		}
		if len(msgs) != 2 || msgs[0] != msgs[1] || !strings.Contains(msgs[0], "baseof.html") || !strings.Contains(msgs[0], "in attribute name") {
			t.Errorf("errors with the base in Go and as layout text:\n%q\nwant the same, about baseof.html", msgs)
		}
	})
	t.Run("not minified", func(t *testing.T) {
		res := renderAll(t, site(t, nil), false)
		if n := render.Natives(res.r); len(n) != 0 {
			t.Errorf("a site that does not minify gets %v in Go; the Go writes minified HTML", keys(n))
		}
	})
	t.Run("data the layout text cannot use", func(t *testing.T) {
		src := site(t, map[string]string{"news/single.html": "{{define \"main\"}}\n{{template \"partials/tag.html\" .}}{{end}}"})
		r, plan := newRenderer(t, src, true)
		_, err := r.Page(pageAt(t, plan, "/news/post/"))
		if err == nil || !strings.Contains(err.Error(), "tag.html") || !strings.Contains(err.Error(), "Campaign") {
			t.Errorf("tag.html given the layout's data: error %v, want html/template's, at tag.html, about .Campaign", err)
		}
		if n := render.Fallbacks(r); n != 1 {
			t.Errorf("the Go gave way to layout text %d times, want 1", n)
		}
	})
}

func keys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// firstDifference shows where two texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-120, 0)
	return "  got …" + got[from:min(i+200, len(got))] + "\n want …" + want[from:min(i+200, len(want))]
}
