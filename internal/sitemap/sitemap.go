// Package sitemap writes /sitemap.xml, listing every published page for
// search engines, and /robots.txt, which points at it. It runs in the
// render stage over the resolved site.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// Files returns sitemap.xml and robots.txt.
//
// sitemap.xml is written line by line into one buffer, each address
// escaped by xml.EscapeText, as xml.MarshalIndent would write a urlset of
// them: with a URL for every page, a struct for each and the marshaller's
// copies took several times the size of the file.
func Files(s *site.Site) ([]output.File, error) {
	var b bytes.Buffer
	b.Grow(len(s.Pages) * (len(s.Config.BaseURL) + 96))
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	var date [len(time.DateOnly)]byte
	urls := 0
	for _, p := range s.Pages {
		if p.Kind == site.KindNotFound {
			continue
		}
		urls++
		b.WriteString("\n <url>\n  <loc>")
		if err := xml.EscapeText(&b, []byte(site.AbsURL(s.Config.BaseURL, p.URL))); err != nil {
			return nil, err
		}
		b.WriteString("</loc>")
		if t := lastMod(p); !t.IsZero() {
			b.WriteString("\n  <lastmod>")
			b.Write(t.In(s.Config.Location).AppendFormat(date[:0], time.DateOnly))
			b.WriteString("</lastmod>")
		}
		b.WriteString("\n </url>")
	}
	if urls > 0 {
		b.WriteByte('\n')
	}
	b.WriteString("</urlset>\n")
	robots := "User-agent: *\nAllow: /\nSitemap: " + site.AbsURL(s.Config.BaseURL, "/sitemap.xml") + "\n"
	return []output.File{{Path: "sitemap.xml", Data: b.Bytes()}, {Path: "robots.txt", Data: []byte(robots)}}, nil
}

// lastMod is when a page last changed: updated, or date.
func lastMod(p *site.Page) time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}
