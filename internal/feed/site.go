package feed

import (
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// Sections are the dated sections that have feeds of their own; the
// site's feeds gather them all.
var Sections = []string{"updates", "news", "campaigns"}

// Formats are the feed files of a feed, by the path they are written to
// under the feed's folder.
var Formats = []struct {
	File, Type, Name string
	Write            func(Feed) ([]byte, error)
}{
	{"feed.xml", "application/atom+xml", "Atom", Atom},
	{"rss.xml", "application/rss+xml", "RSS", RSS},
	{"feed.json", "application/feed+json", "JSON Feed", JSON},
}

// Body renders a page's body as HTML with absolute URLs.
type Body func(*site.Page) (string, error)

// Files writes the site's feeds and each dated section's feeds, limit
// entries each, newest first.
func Files(s *site.Site, limit int, body Body) ([]output.File, error) {
	var all []*site.Page
	bySection := map[string][]*site.Page{}
	for _, p := range s.Regular {
		for _, sec := range Sections {
			if p.Section == sec {
				all = append(all, p)
				bySection[sec] = append(bySection[sec], p)
			}
		}
	}
	cfg := s.Config
	var files []output.File
	write := func(dir, title string, pages []*site.Page) error {
		f, err := build(s, title, dir, pages, limit, body)
		if err != nil {
			return err
		}
		for _, fm := range Formats {
			f.Self = site.AbsURL(cfg.BaseURL, dir+fm.File)
			data, err := fm.Write(f)
			if err != nil {
				return fmt.Errorf("write %s%s: %w", dir, fm.File, err)
			}
			files = append(files, output.File{Path: strings.TrimPrefix(dir, "/") + fm.File, Data: data})
		}
		return nil
	}
	if err := write("/", cfg.Title, all); err != nil {
		return nil, err
	}
	for _, sec := range Sections {
		for _, sp := range s.Sections {
			if sp.Section == sec {
				if err := write(sp.URL, sp.Title+" - "+cfg.Title, bySection[sec]); err != nil {
					return nil, err
				}
			}
		}
	}
	return files, nil
}

// Has reports whether a section has feeds of its own.
func Has(section string) bool {
	for _, s := range Sections {
		if s == section {
			return true
		}
	}
	return false
}

func build(s *site.Site, title, dir string, pages []*site.Page, limit int, body Body) (Feed, error) {
	cfg := s.Config
	abs := func(u string) string { return site.AbsURL(cfg.BaseURL, u) }
	sorted := append([]*site.Page(nil), pages...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := published(sorted[i]), published(sorted[j])
		if !a.Equal(b) {
			return a.After(b)
		}
		return sorted[i].URL < sorted[j].URL
	})
	if limit > 0 && len(sorted) > limit {
		sorted = sorted[:limit]
	}
	f := Feed{Title: title, Subtitle: cfg.Description, Language: cfg.Language, Link: abs(dir), Self: abs(dir + "feed.xml"),
		ID: abs(dir + "feed.xml"), Author: cfg.Organisation.Name}
	for _, p := range sorted {
		content, err := body(p)
		if err != nil {
			return f, err
		}
		e := Entry{
			ID: EntryID(cfg.BaseURL, p), Title: p.Title, Link: abs(p.URL), Published: published(p),
			Updated: updated(p), Summary: p.Summary, Author: cfg.Organisation.Name,
			Content: intro(p) + content,
		}
		if p.Author != nil {
			e.Author = p.Author.Name
		}
		if e.Updated.IsZero() {
			e.Updated = s.Now
		}
		e.Categories = categories(p)
		if e.Updated.After(f.Updated) {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	if f.Updated.IsZero() {
		f.Updated = s.Now
	}
	return f, nil
}

// EntryID is a page's stable id: a tag URI made from the site's host,
// its base path and the page's source file, so it survives a new title or
// address.
func EntryID(baseURL string, p *site.Page) string {
	host, prefix := Authority(baseURL)
	rel := strings.TrimSuffix(p.Source.Rel, ".md")
	rel = strings.TrimSuffix(rel, "/index")
	return "tag:" + host + ",2000:" + prefix + rel
}

// Authority is the host of a base URL and its path as a prefix, so that
// two sites on one host (two GitHub Pages projects) never share ids.
func Authority(baseURL string) (host, prefix string) {
	host = "engage.invalid"
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return host, ""
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		prefix = p + "/"
	}
	return u.Host, prefix
}

// published is an entry's date: its date, or a campaign's opening date.
func published(p *site.Page) time.Time {
	if !p.Date.IsZero() {
		return p.Date
	}
	if p.Campaign != nil {
		return p.Campaign.Opens
	}
	return time.Time{}
}

func updated(p *site.Page) time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return published(p)
}

// intro is what an entry says before the body: the three parts of a "you
// said, we did" update, or a consultation's dates and status.
func intro(p *site.Page) string {
	var b strings.Builder
	para := func(heading, text string) {
		if text == "" {
			return
		}
		if heading != "" {
			fmt.Fprintf(&b, "<h2>%s</h2>", html.EscapeString(heading))
		}
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(text))
	}
	switch {
	case p.Update != nil:
		u := p.Update
		para("We asked", u.WeAsked)
		para("You said", u.YouSaid)
		para("We did", u.WeDid)
		para("Why we could not make this change", u.Reason)
		para("", "Status: "+engagement.Label(u.Status)+".")
	case p.Campaign != nil:
		c := p.Campaign
		var when string
		switch {
		case !c.Opens.IsZero() && !c.Closes.IsZero():
			when = fmt.Sprintf(" Open from %s to %s (all day).", engagement.Date(c.Opens, c.Opens.Location()), engagement.Date(c.Closes, c.Closes.Location()))
		case !c.Closes.IsZero():
			when = fmt.Sprintf(" Closes %s.", engagement.Date(c.Closes, c.Closes.Location()))
		}
		para("", engagement.Label(c.Kind)+"."+when+" Status: "+c.Status+".")
	}
	return b.String()
}

// categories are the names of a page's terms, each once.
func categories(p *site.Page) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range p.Terms {
		if !seen[t.Name] {
			seen[t.Name] = true
			out = append(out, t.Name)
		}
	}
	return out
}
