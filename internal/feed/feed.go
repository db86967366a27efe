// Package feed writes Atom (RFC 4287), RSS 2.0 and JSON Feed 1.1 files
// from a list of entries. It runs after the render stage, which gives it
// each entry's body as HTML with absolute URLs; the choice of entries and
// their wording is made by the caller (package build).
package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"time"
)

// Feed is one feed: the site's, or a section's.
type Feed struct {
	Title    string
	Subtitle string
	Language string
	Link     string // the page the feed follows, absolute
	Self     string // the feed's own address (Atom), absolute
	ID       string // stable id of the feed
	Author   string
	Updated  time.Time
	Entries  []Entry
}

// Entry is one item of a feed.
type Entry struct {
	ID         string // stable: does not change when the title does
	Title      string
	Link       string // absolute
	Published  time.Time
	Updated    time.Time
	Summary    string
	Author     string
	Categories []string
	Content    string // HTML with absolute URLs
}

const xmlHeader = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

// Atom writes the feed as Atom.
func Atom(f Feed) ([]byte, error) {
	type link struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	type text struct {
		Type string `xml:"type,attr,omitempty"`
		Body string `xml:",chardata"`
	}
	type person struct {
		Name string `xml:"name"`
	}
	type category struct {
		Term string `xml:"term,attr"`
	}
	type entry struct {
		ID         string     `xml:"id"`
		Title      string     `xml:"title"`
		Link       link       `xml:"link"`
		Published  string     `xml:"published,omitempty"`
		Updated    string     `xml:"updated"`
		Author     *person    `xml:"author,omitempty"`
		Categories []category `xml:"category"`
		Summary    *text      `xml:"summary,omitempty"`
		Content    *text      `xml:"content,omitempty"`
	}
	type feed struct {
		XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang     string   `xml:"xml:lang,attr,omitempty"`
		ID       string   `xml:"id"`
		Title    string   `xml:"title"`
		Subtitle string   `xml:"subtitle,omitempty"`
		Links    []link   `xml:"link"`
		Updated  string   `xml:"updated"`
		Author   *person  `xml:"author,omitempty"`
		Entries  []entry  `xml:"entry"`
	}
	out := feed{Lang: f.Language, ID: f.ID, Title: f.Title, Subtitle: f.Subtitle, Updated: rfc3339(f.Updated),
		Links: []link{{Rel: "self", Type: "application/atom+xml", Href: f.Self}, {Rel: "alternate", Type: "text/html", Href: f.Link}}}
	if f.Author != "" {
		out.Author = &person{Name: f.Author}
	}
	for _, e := range f.Entries {
		x := entry{ID: e.ID, Title: e.Title, Link: link{Rel: "alternate", Type: "text/html", Href: e.Link},
			Updated: rfc3339(e.Updated)}
		if !e.Published.IsZero() {
			x.Published = rfc3339(e.Published)
		}
		if e.Author != "" {
			x.Author = &person{Name: e.Author}
		}
		for _, c := range e.Categories {
			x.Categories = append(x.Categories, category{Term: c})
		}
		if e.Summary != "" {
			x.Summary = &text{Type: "text", Body: e.Summary}
		}
		if e.Content != "" {
			x.Content = &text{Type: "html", Body: e.Content}
		}
		out.Entries = append(out.Entries, x)
	}
	return marshalXML(out)
}

// RSS writes the feed as RSS 2.0.
func RSS(f Feed) ([]byte, error) {
	type guid struct {
		IsPermaLink string `xml:"isPermaLink,attr"`
		Value       string `xml:",chardata"`
	}
	type atomLink struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr"`
	}
	type item struct {
		Title       string   `xml:"title"`
		Link        string   `xml:"link"`
		GUID        guid     `xml:"guid"`
		PubDate     string   `xml:"pubDate,omitempty"`
		Author      string   `xml:"dc:creator,omitempty"`
		Categories  []string `xml:"category"`
		Description string   `xml:"description,omitempty"`
		Content     string   `xml:"content:encoded,omitempty"`
	}
	type channel struct {
		Title         string   `xml:"title"`
		Link          string   `xml:"link"`
		Description   string   `xml:"description"`
		Language      string   `xml:"language,omitempty"`
		LastBuildDate string   `xml:"lastBuildDate,omitempty"`
		Self          atomLink `xml:"atom:link"`
		Items         []item   `xml:"item"`
	}
	type rss struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Atom    string   `xml:"xmlns:atom,attr"`
		DC      string   `xml:"xmlns:dc,attr"`
		Content string   `xml:"xmlns:content,attr"`
		Channel channel  `xml:"channel"`
	}
	desc := f.Subtitle
	if desc == "" {
		desc = f.Title
	}
	ch := channel{Title: f.Title, Link: f.Link, Description: desc, Language: f.Language,
		Self: atomLink{Href: f.Self, Rel: "self", Type: "application/rss+xml"}}
	if !f.Updated.IsZero() {
		ch.LastBuildDate = f.Updated.Format(time.RFC1123Z)
	}
	for _, e := range f.Entries {
		it := item{Title: e.Title, Link: e.Link, GUID: guid{IsPermaLink: "false", Value: e.ID},
			Author: e.Author, Categories: e.Categories, Description: e.Summary, Content: e.Content}
		if t := e.Published; !t.IsZero() {
			it.PubDate = t.Format(time.RFC1123Z)
		} else if !e.Updated.IsZero() {
			it.PubDate = e.Updated.Format(time.RFC1123Z)
		}
		ch.Items = append(ch.Items, it)
	}
	return marshalXML(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", DC: "http://purl.org/dc/elements/1.1/",
		Content: "http://purl.org/rss/1.0/modules/content/", Channel: ch})
}

// JSON writes the feed as JSON Feed 1.1.
func JSON(f Feed) ([]byte, error) {
	type author struct {
		Name string `json:"name"`
	}
	type item struct {
		ID            string   `json:"id"`
		URL           string   `json:"url"`
		Title         string   `json:"title"`
		ContentHTML   string   `json:"content_html"`
		Summary       string   `json:"summary,omitempty"`
		DatePublished string   `json:"date_published,omitempty"`
		DateModified  string   `json:"date_modified,omitempty"`
		Authors       []author `json:"authors,omitempty"`
		Tags          []string `json:"tags,omitempty"`
	}
	type feed struct {
		Version     string   `json:"version"`
		Title       string   `json:"title"`
		HomePageURL string   `json:"home_page_url"`
		FeedURL     string   `json:"feed_url"`
		Description string   `json:"description,omitempty"`
		Language    string   `json:"language,omitempty"`
		Authors     []author `json:"authors,omitempty"`
		Items       []item   `json:"items"`
	}
	out := feed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.Link, FeedURL: f.Self,
		Description: f.Subtitle, Language: f.Language, Items: []item{}}
	if f.Author != "" {
		out.Authors = []author{{Name: f.Author}}
	}
	for _, e := range f.Entries {
		it := item{ID: e.ID, URL: e.Link, Title: e.Title, ContentHTML: e.Content, Summary: e.Summary, Tags: e.Categories}
		if !e.Published.IsZero() {
			it.DatePublished = rfc3339(e.Published)
		}
		if !e.Updated.IsZero() {
			it.DateModified = rfc3339(e.Updated)
		}
		if e.Author != "" {
			it.Authors = []author{{Name: e.Author}}
		}
		out.Items = append(out.Items, it)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xmlHeader), append(b, '\n')...), nil
}
