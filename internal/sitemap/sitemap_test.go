package sitemap_test

import (
	"encoding/xml"
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
