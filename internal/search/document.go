package search

import (
	"sort"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/site"
)

// Weights of a word in a document, kept in the low bits of each posting:
// search.js ranks a page that has the words in its title above one that has
// them in its summary or terms, and that above one that has them only in
// the body.
const (
	weightBody    = 0 // body text and the text fields of a content type
	weightSummary = 1 // summary, taxonomy terms, content type label
	weightTitle   = 2
	weightBits    = 2
)

// summaryLen is roughly the longest summary shown in a result, in bytes.
const summaryLen = 160

// document is one page as the index knows it.
type document struct {
	url, title, label, date, status, summary string

	sortDate time.Time // newer pages come first
	typ      string    // the type filter's value: the content type, or "easy-read"
	easyRead bool
	terms    []site.TermRef
	page     *site.Page // read again for the words, one document at a time
}

// documents returns the pages to index, newest first, so that a document's
// number also ranks it by date.
func documents(s *site.Site) []*document {
	sectionTitles := map[string]string{}
	for _, sp := range s.Sections {
		sectionTitles[sp.Type] = sp.Title
	}
	var pages []*site.Page
	for _, p := range s.Pages {
		if p.Kind == site.KindPage && p.Source != nil {
			pages = append(pages, p)
		}
	}
	docs := make([]*document, len(pages))
	for i, p := range pages {
		docs[i] = newDocument(s, p, sectionTitles)
	}
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if !a.sortDate.Equal(b.sortDate) {
			return a.sortDate.After(b.sortDate)
		}
		if a.easyRead != b.easyRead {
			return b.easyRead // a standard page before its easy-read version
		}
		if a.title != b.title {
			return a.title < b.title
		}
		return a.url < b.url
	})
	return docs
}

func newDocument(s *site.Site, p *site.Page, sectionTitles map[string]string) *document {
	d := &document{
		url:      site.RelURL(s.Config.BaseURL, p.URL),
		title:    p.Title,
		label:    typeLabel(p, sectionTitles),
		sortDate: p.Date,
		typ:      p.Type,
		terms:    p.Terms,
	}
	facts := p // an easy-read page shows its standard page's status and terms
	if p.Standard != nil {
		facts = p.Standard
		d.typ = "easy-read"
		d.easyRead = true
		d.terms = p.Standard.Terms
	}
	date := p.Date
	if e := facts.Event; e != nil && !e.Start.IsZero() {
		date = e.Start
	}
	if !date.IsZero() {
		d.date = engagement.Date(date, s.Config.Location)
	}
	d.status = status(facts)

	d.page = p
	d.summary = shorten(p.Summary)
	if d.summary == "" {
		d.summary = shorten(body(p))
	}
	return d
}

// body is the text of a page's body, read when it is needed rather than
// kept: every document is in memory at once, and their text is not.
func body(p *site.Page) string {
	if !p.HasContent() {
		return ""
	}
	return p.Source.Body.Text()
}

// words adds each word of the document to ix as document doc's, with its
// highest weight. Only the index is kept: the page's text is read into
// ix's buffer, one document at a time, so that the words of every page are
// never in memory at once.
func (d *document) words(ix *index, doc int) {
	p := d.page
	if p.HasContent() {
		ix.text = p.Source.Body.AppendText(ix.text[:0])
		ix.addText(doc, weightBody)
	}
	for _, t := range fields(p) {
		ix.addString(doc, weightBody, t)
	}
	ix.addString(doc, weightSummary, p.Summary)
	ix.addString(doc, weightSummary, d.label)
	for _, t := range d.terms {
		ix.addString(doc, weightSummary, t.Name)
	}
	ix.addString(doc, weightTitle, p.Title)
}

// typeLabel says what kind of page p is, for the result list:
// "Consultation", "Event", "You said, we did", "Easy read".
func typeLabel(p *site.Page, sectionTitles map[string]string) string {
	switch {
	case p.Standard != nil:
		return "Easy read"
	case p.Campaign != nil:
		return engagement.Label(p.Campaign.Kind)
	case p.Event != nil:
		return "Event"
	case p.Update != nil:
		return "You said, we did"
	case p.Principle != nil:
		return engagement.Label(p.Principle.Kind)
	case p.Constitution != nil:
		return "Constitution"
	case p.Type == "news":
		return "News"
	}
	if t := sectionTitles[p.Type]; t != "" {
		return t
	}
	return "Page"
}

// status is the tag the page shows: a campaign's, an event's or an
// update's status, in words, or "".
func status(p *site.Page) string {
	switch {
	case p.Campaign != nil:
		return engagement.Label(p.Campaign.Status)
	case p.Event != nil:
		if p.Event.Status != "" && p.Event.Status != "scheduled" {
			return engagement.Label(p.Event.Status)
		}
		if p.Event.Past {
			return "Past event"
		}
	case p.Update != nil:
		return engagement.Label(p.Update.Status)
	}
	return ""
}

// fields are the text fields of a content type, which the page shows but
// are not in its Markdown body.
func fields(p *site.Page) []string {
	var out []string
	if c := p.Campaign; c != nil {
		out = append(out, c.Why, c.WhatHappensNext)
	}
	if e := p.Event; e != nil {
		out = append(out, e.Venue.Name, e.Venue.Address, e.Venue.Postcode, e.AccessibilityNotes)
		out = append(out, e.Accessibility...)
	}
	if u := p.Update; u != nil {
		out = append(out, u.WeAsked, u.YouSaid, u.WeDid, u.Reason)
	}
	if a := p.Author; a != nil {
		out = append(out, a.Name, a.Role)
	}
	return out
}

// shorten cuts text to about summaryLen bytes at a word boundary.
func shorten(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= summaryLen {
		return text
	}
	cut := strings.LastIndexByte(text[:summaryLen], ' ')
	if cut <= 0 {
		cut = summaryLen
		for cut > 0 && text[cut]&0xC0 == 0x80 { // not inside a UTF-8 character
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,.;:") + "…"
}
