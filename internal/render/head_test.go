package render_test

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/render"
	"github.com/engage-ssg/engage/internal/site"
)

// headReference is the layout text headMeta replaced in baseof.html, less
// the JSON-LD (which jsonLD's own tests cover): headMeta must write what
// html/template wrote for it, so that moving it into Go changed nothing a
// reader or a search engine sees.
const headReference = `<title>{{if eq .Page.Kind "home"}}{{.Site.Config.Title}}{{else}}{{.Page.Title}} - {{.Site.Config.Title}}{{end}}</title>
{{- with .Page.Summary}}
<meta name="description" content="{{.}}">
{{- end}}
<link rel="canonical" href="{{absURL .Page.URL}}">
<meta property="og:type" content="{{if eq .Page.Kind "page"}}article{{else}}website{{end}}">
<meta property="og:title" content="{{.Page.Title}}">
{{- with .Page.Summary}}
<meta property="og:description" content="{{.}}">
{{- end}}
<meta property="og:url" content="{{absURL .Page.URL}}">
<meta property="og:site_name" content="{{.Site.Config.Title}}">
<meta property="og:locale" content="{{ogLocale .Site.Config.Language}}">
{{- if .Page.Event}}
<link rel="alternate" type="text/calendar" title="{{.Page.Title}} (calendar)" href="{{relURL .Page.URL}}event.ics">
{{- end}}
{{- if .Page.EasyRead}}
<link rel="alternate" href="{{relURL .Page.EasyRead.URL}}" title="Easy read version">
{{- end}}
{{- if .Page.Standard}}
<link rel="alternate" href="{{relURL .Page.Standard.URL}}" title="Standard version">
{{- end}}`

// headSite has the text html/template escapes in titles and summaries,
// a base address that must be percent-encoded, an event, an easy-read pair
// and a home page, published under a base path.
var headSite = map[string]string{
	"site.yaml":                   "title: Tom's \"Voice\" + <Board> & co\nbase_url: https://engage.example.org/our site/\nlanguage: en-GB\norganisation:\n  name: Test Board\ntaxonomies: []\n",
	"content/_index.md":           "---\ntitle: Home\n---\nWelcome.\n",
	"content/about.md":            "---\ntitle: About \"us\" & <them> + 'you'\nsummary: Café, crèche & \"more\" <b>bold</b> + 1\n---\nNothing here.\n",
	"content/no-summary.md":       "---\ntitle: Plain page\n---\nText.\n",
	"content/events/forum.md":     "---\ntitle: Forum & \"Q+A\"\nsummary: Come along.\nstart: 2026-12-10T18:30\nend: 2026-12-10T20:00\nattendance: online\nonline_url: https://meet.example.org/forum\n---\nHello.\n",
	"content/news/plan.md":        "---\ntitle: Our plan\ndate: 2026-01-05\n---\nThe plan.\n",
	"content/news/plan.easy.md":   "---\ntitle: Our plan (easy read)\ndate: 2026-01-05\n---\n![](/assets/images/easy-read/talk.svg) The plan.\n",
	"content/campaigns/_index.md": "---\ntitle: Have your say\nsummary: What is open.\n---\n",
}

func TestHeadMetaMatchesTheLayoutItReplaced(t *testing.T) {
	src := writeSite(t, headSite)
	plan := loadPlan(t, src)
	// Not minified: the reference is layout text as written, one tag a
	// line; minified, headMeta writes the same without the line breaks.
	r, list := render.New(plan.Site, plan.Layouts, plan.Assets, plan.Markdown, false)
	if list.Errors() > 0 {
		t.Fatal(list)
	}
	minified, list := render.New(plan.Site, plan.Layouts, plan.Assets, plan.Markdown, true)
	if list.Errors() > 0 {
		t.Fatal(list)
	}
	cfg := plan.Site.Config
	ref := template.Must(template.New("head").Funcs(template.FuncMap{
		"relURL":   func(p string) string { return site.RelURL(cfg.BaseURL, p) },
		"absURL":   func(p string) string { return site.AbsURL(cfg.BaseURL, p) },
		"ogLocale": func(lang string) string { return strings.ReplaceAll(lang, "-", "_") },
	}).Parse(headReference))

	seen := map[string]bool{}
	for _, p := range plan.Site.Pages {
		var want strings.Builder
		if err := ref.Execute(&want, &render.Data{Site: plan.Site, Page: p}); err != nil {
			t.Fatal(err)
		}
		got, err := render.HeadMeta(r, p)
		if err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(string(got), "\n"+`<script type="application/ld+json">`)
		if head != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", p.URL, head, want.String())
		}
		small, err := render.HeadMeta(minified, p)
		if err != nil {
			t.Fatal(err)
		}
		if w := strings.ReplaceAll(string(got), "\n", ""); string(small) != w {
			t.Errorf("%s minified:\n got %s\nwant %s", p.URL, small, w)
		}
		seen[string(p.Kind)] = true
		switch {
		case p.Event != nil:
			seen["event"] = true
		case p.EasyRead != nil:
			seen["has easy read"] = true
		case p.Standard != nil:
			seen["easy read"] = true
		}
		if strings.Contains(site.AbsURL(cfg.BaseURL, p.URL), " ") {
			seen["encoded address"] = true
		}
	}
	for _, k := range []string{"home", "page", "section", "event", "has easy read", "easy read", "encoded address"} {
		if !seen[k] {
			t.Errorf("the site has no %s page: the test does not cover it", k)
		}
	}
}

func TestHeadMetaJSONLD(t *testing.T) {
	dest := buildJSONLD(t)
	// An event's JSON-LD is in its <head>, once.
	html, err := os.ReadFile(filepath.Join(dest, "events", "in-person", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(html), "</head>")
	if n := strings.Count(head, `<script type="application/ld+json">`); n != 1 {
		t.Errorf("the event's <head> has %d JSON-LD scripts, want 1", n)
	}
	// A page with none has no script.
	html, err = os.ReadFile(filepath.Join(dest, "about", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "application/ld+json") {
		t.Errorf("about has JSON-LD; want none")
	}
}

// TestWriteURLMatchesHTMLTemplate checks that writeURL writes a site
// address in an href as html/template does.
func TestWriteURLMatchesHTMLTemplate(t *testing.T) {
	ref := template.Must(template.New("a").Parse(`<a href="{{.}}">`))
	for _, u := range []string{
		"/events/carers-cafe/",
		"https://example.org/our site/events/",
		"https://example.org/a%20b/",  // an escape already made: kept
		"https://example.org/100%/",   // a lone %: encoded
		"https://example.org/%4/",     // one hex digit: encoded
		"/a'b\"c<d>e&f+g/",            // escaped for the attribute
		"/café/ünï/",                  // bytes over 127: encoded
		"/q?x=1&y=2#part",             // reserved characters kept
		"/(brackets)/{braces}/|pipe|", // encoded
	} {
		var want strings.Builder
		if err := ref.Execute(&want, u); err != nil {
			t.Fatal(err)
		}
		if got := `<a href="` + render.WriteURL(u) + `">`; got != want.String() {
			t.Errorf("writeURL(%q):\n got %s\nwant %s", u, got, want.String())
		}
	}
}
