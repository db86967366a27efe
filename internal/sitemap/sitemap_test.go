package sitemap_test

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/engage-ssg/engage/internal/sitemap"
	"github.com/google/go-cmp/cmp"
)

type entry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

func TestFiles(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, london) }
	s := &site.Site{
		Config: &config.Config{BaseURL: "https://example.org/engage/", Location: london},
		Pages: []*site.Page{
			{Kind: site.KindHome, URL: "/"},
			{Kind: site.KindPage, URL: "/news/winter/", Date: at(2026, 1, 10)},
			// Midnight in summer time is the day before in UTC.
			{Kind: site.KindPage, URL: "/news/summer/", Date: at(2026, 6, 1)},
			{Kind: site.KindPage, URL: "/about/", Date: at(2025, 3, 1), Updated: at(2026, 7, 1)},
			{Kind: site.KindTerm, URL: "/topics/carers/"},
			{Kind: site.KindNotFound, URL: "/404.html"},
		},
	}
	files, err := sitemap.Files(s)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Data)
	}
	var set struct {
		XMLName xml.Name
		URLs    []entry `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(got["sitemap.xml"]), &set); err != nil {
		t.Fatalf("sitemap.xml does not parse: %v", err)
	}
	if want := (xml.Name{Space: "http://www.sitemaps.org/schemas/sitemap/0.9", Local: "urlset"}); set.XMLName != want {
		t.Errorf("root: got %v, want %v", set.XMLName, want)
	}
	want := []entry{
		{Loc: "https://example.org/engage/"},
		{Loc: "https://example.org/engage/news/winter/", LastMod: "2026-01-10"},
		{Loc: "https://example.org/engage/news/summer/", LastMod: "2026-06-01"},
		{Loc: "https://example.org/engage/about/", LastMod: "2026-07-01"},
		{Loc: "https://example.org/engage/topics/carers/"},
	}
	if diff := cmp.Diff(want, set.URLs); diff != "" {
		t.Errorf("sitemap.xml (-want +got):\n%s", diff)
	}
	if want := "User-agent: *\nAllow: /\nSitemap: https://example.org/engage/sitemap.xml\n"; got["robots.txt"] != want {
		t.Errorf("robots.txt:\ngot  %q\nwant %q", got["robots.txt"], want)
	}
}

// marshalled is sitemap.xml as encoding/xml writes it, which Files
// writes by hand.
func marshalled(t *testing.T, s *site.Site) string {
	t.Helper()
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{}
	for _, p := range s.Pages {
		if p.Kind == site.KindNotFound {
			continue
		}
		u := url{Loc: site.AbsURL(s.Config.BaseURL, p.URL)}
		t := p.Updated
		if t.IsZero() {
			t = p.Date
		}
		if !t.IsZero() {
			u.LastMod = t.In(s.Config.Location).Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	b, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + string(b) + "\n"
}

// TestFilesAsEncodingXML checks that sitemap.xml is byte for byte what
// encoding/xml writes, for addresses that need escaping, every kind of
// base URL and a site with no pages.
func TestFilesAsEncodingXML(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	var tricky []*site.Page
	for i, u := range []string{"/", "/a&b/", "/<tag>/", `/"quoted"/`, "/it's/", "/tab\there/", "/line\nend\r/",
		"/café/", "/\x00\x1f/", "/bad\xff\xfe/", "/\uFFFE\uFFFF/", "/😀/", "/\u2028/", "no-slash/",
		// Escaping makes these much longer.
		strings.Repeat(`&"'<>`, 20), strings.Repeat("\x01\x80", 30)} {
		p := &site.Page{Kind: site.KindPage, URL: u}
		if i%5 != 0 {
			p.Date = time.Date(2026, time.Month(1+i%12), 1+i, 0, 0, 0, 0, london)
		}
		tricky = append(tricky, p)
	}
	many := append([]*site.Page{{Kind: site.KindNotFound, URL: "/404.html"}}, tricky...)
	for range 10 {
		many = append(many, tricky...)
	}
	for _, base := range []string{"https://example.org/engage/", "https://example.org/", "/", "", "https://example.org/a&b/"} {
		for name, pages := range map[string][]*site.Page{"none": nil, "only 404": many[:1], "one": tricky[1:2], "tricky": tricky, "many": many} {
			t.Run(base+" "+name, func(t *testing.T) {
				s := &site.Site{Config: &config.Config{BaseURL: base, Location: london}, Pages: pages}
				files, err := sitemap.Files(s)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := string(files[0].Data), marshalled(t, s); got != want {
					t.Errorf("sitemap.xml (-encoding/xml +got):\n%s", cmp.Diff(want, got))
				}
			})
		}
	}
}
