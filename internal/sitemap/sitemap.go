// Package sitemap writes /sitemap.xml, listing every published page for
// search engines, and /robots.txt, which points at it. It runs in the
// render stage over the resolved site.
package sitemap

import (
	"encoding/xml"
	"time"

	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// Files returns sitemap.xml and robots.txt.
func Files(s *site.Site) ([]output.File, error) {
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
		if t := lastMod(p); !t.IsZero() {
			u.LastMod = t.In(s.Config.Location).Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	b, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		return nil, err
	}
	data := append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), append(b, '\n')...)
	robots := "User-agent: *\nAllow: /\nSitemap: " + site.AbsURL(s.Config.BaseURL, "/sitemap.xml") + "\n"
	return []output.File{{Path: "sitemap.xml", Data: data}, {Path: "robots.txt", Data: []byte(robots)}}, nil
}

// lastMod is when a page last changed: updated, or date.
func lastMod(p *site.Page) time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}
