package render

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/engagement"
	"github.com/engage-ssg/engage/internal/site"
)

// The "main" blocks of the theme's event, campaign and update pages are
// written in Go too (see native.go): after the head and foot of a page
// and its cards, they were the most layout text a build of an
// engagement site executes. They are used only under the theme's own
// base layout, which gives the block the layout's data.

// eventMain is the "main" block of events/single.html.
func (r *Renderer) eventMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil || d.Page.Event == nil {
		return false
	}
	p, e := d.Page, d.Page.Event
	r.pageHead(b, p)
	switch {
	case e.Status == "cancelled":
		b.WriteString(`<div class="callout callout--warning" role="note"><p><strong>This event has been cancelled.</strong>`)
		if e.Contact.Email != "" {
			b.WriteString(` If you have questions, email `)
			writeMailto(b, e.Contact.Email)
			b.WriteString(`.`)
		}
		b.WriteString(`</p></div>`)
	case e.Status == "postponed":
		b.WriteString(`<div class="callout callout--warning" role="note"><p><strong>This event has been postponed.</strong> We will publish a new date here.</p></div>`)
	case e.Status == "rescheduled":
		b.WriteString(`<div class="callout callout--warning" role="note"><p><strong>This event has moved to a new date.</strong>`)
		if e.PreviousWhen != "" {
			b.WriteString(` It was going to be on `)
			writeEscaped(b, e.PreviousWhen)
			b.WriteString(`.`)
		}
		b.WriteString(` It is now on `)
		writeEscaped(b, e.When)
		b.WriteString(`.</p></div>`)
	case e.Status == "moved-online":
		b.WriteString(`<div class="callout callout--warning" role="note"><p><strong>This event is now online only.</strong> Do not go to the venue.</p></div>`)
	case e.Past:
		b.WriteString(`<div class="inset"><p>This event has already happened.</p></div>`)
	}
	b.WriteString(`<dl class="summary-list"><div class="summary-list__row"><dt>When</dt><dd>`)
	if e.Status == "postponed" {
		b.WriteString(`<del>`)
		writeEscaped(b, e.When)
		b.WriteString(`</del> (postponed)`)
	} else {
		b.WriteString(`<time datetime="`)
		if !e.Start.IsZero() {
			writeEscaped(b, e.Start.In(r.site.Config.Location).Format(time.RFC3339))
		}
		b.WriteString(`">`)
		writeEscaped(b, e.When)
		b.WriteString(`</time>`)
	}
	b.WriteString(`</dd></div><div class="summary-list__row"><dt>How to attend</dt><dd>`)
	switch e.Attendance {
	case "in-person":
		b.WriteString("In person")
	case "online":
		b.WriteString("Online")
	default:
		b.WriteString("In person or online")
	}
	b.WriteString(`</dd></div>`)
	if e.Attendance != "online" && e.Status != "moved-online" && e.Venue.Name != "" {
		b.WriteString(`<div class="summary-list__row"><dt>Where</dt><dd>`)
		writeEscaped(b, e.Venue.Name)
		for _, line := range []string{e.Venue.Address, e.Venue.Postcode} {
			if line != "" {
				b.WriteString(`<br>`)
				writeEscaped(b, line)
			}
		}
		b.WriteString(`</dd></div>`)
	}
	if e.OnlineURL != "" && e.Status != "cancelled" {
		b.WriteString(`<div class="summary-list__row"><dt>Join online</dt><dd><a href="`)
		writeURL(b, filterURL(e.OnlineURL))
		b.WriteString(`">Join the event online`)
		hiddenTitle(b, p)
		b.WriteString(`</a></dd></div>`)
	}
	if bk := e.Booking; bk.URL != "" || bk.Required || bk.Capacity != 0 {
		b.WriteString(`<div class="summary-list__row"><dt>Booking</dt><dd>`)
		if bk.Required {
			b.WriteString(`You need to book.`)
		} else {
			b.WriteString(`You do not need to book.`)
		}
		if bk.Capacity != 0 {
			b.WriteString(` There are `)
			b.WriteString(strconv.Itoa(bk.Capacity))
			b.WriteString(` places.`)
		}
		if bk.URL != "" {
			b.WriteString(` <a href="`)
			writeURL(b, filterURL(bk.URL))
			b.WriteString(`">Book a place`)
			hiddenTitle(b, p)
			b.WriteString(`</a>`)
		}
		b.WriteString(`</dd></div>`)
	}
	if c := e.Campaign; c != nil {
		b.WriteString(`<div class="summary-list__row"><dt>Part of</dt><dd><a href="`)
		r.writeRelURL(b, c.URL)
		b.WriteString(`">`)
		writeEscaped(b, c.Title)
		b.WriteString(`</a></dd></div>`)
	}
	b.WriteString(`</dl>`)
	if !e.Past && e.Status != "cancelled" {
		b.WriteString(`<p class="add-to-calendar"><a href="`)
		r.writeRelURL(b, p.URL)
		b.WriteString(`event.ics">Add to calendar`)
		hiddenTitle(b, p)
		b.WriteString(`</a></p>`)
	}
	if len(e.Accessibility) > 0 || e.AccessibilityNotes != "" {
		b.WriteString(`<h2 id="page--getting-in">Getting there and getting in</h2>`)
		if len(e.Accessibility) > 0 {
			b.WriteString(`<ul class="accessibility-list">`)
			for _, a := range e.Accessibility {
				b.WriteString(`<li>`)
				writeEscaped(b, a)
				b.WriteString(`</li>`)
			}
			b.WriteString(`</ul>`)
		}
		if e.AccessibilityNotes != "" {
			b.WriteString(`<p>`)
			writeEscaped(b, e.AccessibilityNotes)
			b.WriteString(`</p>`)
		}
	}
	r.writeBody(b, d)
	if len(e.Outcomes) > 0 {
		b.WriteString(`<h2 id="page--outcomes">What came of it</h2>`)
		r.cardList(b, e.Outcomes, 3)
	}
	if !r.contact(b, e.Contact) {
		return false
	}
	r.pageFoot(b, p)
	b.WriteByte('\n')
	return true
}

// campaignMain is the "main" block of campaigns/single.html.
func (r *Renderer) campaignMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil || d.Page.Campaign == nil {
		return false
	}
	p, c := d.Page, d.Page.Campaign
	r.pageHead(b, p)
	switch c.Status {
	case "open":
		b.WriteString(`<div class="callout callout--warning" role="note" aria-labelledby="page--deadline"><h2 class="callout__heading" id="page--deadline"><span class="visually-hidden">Important: </span>`)
		b.WriteString(`This `)
		writeEscaped(b, c.Kind)
		switch {
		case c.Closes.IsZero():
			b.WriteString(` is open`)
		case c.DaysLeft == 0:
			b.WriteString(` closes today, `)
			r.writeDate(b, c.Closes)
		default:
			b.WriteString(` closes on `)
			r.writeDate(b, c.Closes)
			b.WriteString(` (`)
			writeEscaped(b, daysLeft(c.DaysLeft))
			b.WriteString(`)`)
		}
		b.WriteString(`</h2><p>You can respond until the end of the day`)
		if !c.Closes.IsZero() {
			b.WriteString(`, 11:59pm on `)
			r.writeDate(b, c.Closes)
		}
		b.WriteString(`.</p></div>`)
	case "forthcoming":
		b.WriteString(`<div class="inset"><p>This `)
		writeEscaped(b, c.Kind)
		b.WriteString(` opens on `)
		r.writeDate(b, c.Opens)
		if !c.Closes.IsZero() {
			b.WriteString(` and closes on `)
			r.writeDate(b, c.Closes)
		}
		b.WriteString(`.</p></div>`)
	case "withdrawn":
		b.WriteString(`<div class="callout callout--warning" role="note"><p><strong>This `)
		writeEscaped(b, c.Kind)
		b.WriteString(` has been withdrawn.</strong> You cannot respond to it.</p></div>`)
	case "paused":
		b.WriteString(`<div class="callout callout--warning" role="note"><p><strong>This `)
		writeEscaped(b, c.Kind)
		b.WriteString(` is paused.</strong> We will say here when it starts again.</p></div>`)
	}
	b.WriteString(`<dl class="summary-list"><div class="summary-list__row"><dt>Type</dt><dd>`)
	writeEscaped(b, engagement.Label(c.Kind))
	b.WriteString(`</dd></div><div class="summary-list__row"><dt>Status</dt><dd>`)
	writeEscaped(b, engagement.Label(c.Status))
	b.WriteString(`</dd></div>`)
	if !c.Opens.IsZero() {
		b.WriteString(`<div class="summary-list__row"><dt>Opens</dt><dd>`)
		r.writeDate(b, c.Opens)
		b.WriteString(`</dd></div>`)
	}
	if !c.Closes.IsZero() {
		b.WriteString(`<div class="summary-list__row"><dt>Closes</dt><dd>`)
		r.writeDate(b, c.Closes)
		b.WriteString(` (open all day)</dd></div>`)
	}
	b.WriteString(`</dl>`)
	writeSection(b, "page--why", "Why we are asking", c.Why)
	if c.Status == "open" {
		h, err := r.execPartial(r.written, "partials/respond.html", c)
		if err != nil {
			return false
		}
		b.WriteString(string(h))
	}
	r.writeBody(b, d)
	writeSection(b, "page--what-happens-next", "What happens next", c.WhatHappensNext)
	if len(c.Events) > 0 {
		b.WriteString(`<h2 id="page--events">Events for this `)
		writeEscaped(b, c.Kind)
		b.WriteString(`</h2>`)
		r.cardList(b, c.Events, 3)
	}
	b.WriteString(`<h2 id="page--outcomes">What came of it</h2>`)
	if len(c.Outcomes) > 0 {
		r.cardList(b, c.Outcomes, 3)
	} else if c.Status == "closed" {
		b.WriteString(`<p>We are looking at what people told us. We will publish what we are doing about it here.</p>`)
	} else {
		b.WriteString(`<p>When this `)
		writeEscaped(b, c.Kind)
		b.WriteString(` has closed, we will publish what we did about what people told us here.</p>`)
	}
	if !r.contact(b, c.Contact) {
		return false
	}
	r.pageFoot(b, p)
	b.WriteByte('\n')
	return true
}

// updateMain is the "main" block of updates/single.html.
func (r *Renderer) updateMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil || d.Page.Update == nil {
		return false
	}
	p, u := d.Page, d.Page.Update
	r.pageHead(b, p)
	writeSection(b, "page--we-asked", "We asked", u.WeAsked)
	b.WriteString(`<h2 id="page--you-said">You said</h2><p>`)
	writeEscaped(b, u.YouSaid)
	b.WriteString(`</p><h2 id="page--we-did">`)
	switch u.Status {
	case "done":
		b.WriteString("We did")
	case "not-possible":
		b.WriteString("What we could do")
	default:
		b.WriteString("What we are doing")
	}
	b.WriteString(`</h2><p>`)
	writeEscaped(b, u.WeDid)
	b.WriteString(`</p>`)
	writeSection(b, "page--why-not", "Why we could not make this change", u.Reason)
	b.WriteString(`<dl class="summary-list"><div class="summary-list__row"><dt>Status</dt><dd>`)
	writeEscaped(b, engagement.Label(u.Status))
	b.WriteString(`</dd></div>`)
	if u.Progress != nil {
		n := strconv.Itoa(*u.Progress)
		b.WriteString(`<div class="summary-list__row"><dt>Progress</dt><dd><progress max="100" value="` + n + `" aria-label="Progress">` + n + `%</progress> ` + n + `% done</dd></div>`)
	}
	if s := u.Source; s != nil {
		b.WriteString(`<div class="summary-list__row"><dt>What this came from</dt><dd><a href="`)
		r.writeRelURL(b, s.URL)
		b.WriteString(`">`)
		writeEscaped(b, s.Title)
		b.WriteString(`</a></dd></div>`)
	}
	b.WriteString(`</dl>`)
	r.writeBody(b, d)
	r.pageFoot(b, p)
	b.WriteByte('\n')
	return true
}

// hiddenTitle writes the page's title for screen readers after a link's
// words: <span class="visually-hidden">: {{$p.Title}}</span>.
func hiddenTitle(b *bytes.Buffer, p *site.Page) {
	b.WriteString(`<span class="visually-hidden">: `)
	writeEscaped(b, p.Title)
	b.WriteString(`</span>`)
}

// writeMailto writes <a href="mailto:{{.}}">{{.}}</a>: after the scheme,
// html/template normalises the address without filtering it.
func writeMailto(b *bytes.Buffer, email string) {
	b.WriteString(`<a href="mailto:`)
	writeURL(b, email)
	b.WriteString(`">`)
	writeEscaped(b, email)
	b.WriteString(`</a>`)
}

// writeSection writes {{with .}}<h2 id="id">heading</h2><p>{{.}}</p>{{end}}.
func writeSection(b *bytes.Buffer, id, heading, text string) {
	if text == "" {
		return
	}
	b.WriteString(`<h2 id="` + id + `">` + heading + `</h2><p>`)
	writeEscaped(b, text)
	b.WriteString(`</p>`)
}

// writeBody writes <div class="body">{{.Content}}</div>: the page's body
// straight from its Markdown when Content was not made for it (Data.lazy).
func (r *Renderer) writeBody(b *bytes.Buffer, d *Data) {
	b.WriteString(`<div class="body">`)
	if d.lazy {
		d.err = r.body(b, d.Page)
	} else {
		b.WriteString(string(d.Content))
	}
	b.WriteString(`</div>`)
}

// cardList writes the cards of pages under headings of level, each
// cached as {{partialCached "partials/card.html" (dict "Page" . "Level"
// level) . level}} caches it.
func (r *Renderer) cardList(b *bytes.Buffer, pages []*site.Page, level int) {
	b.WriteString(`<ul class="card-list">`)
	for _, p := range pages {
		b.WriteByte('\n')
		r.cachedCard(b, p, level)
	}
	b.WriteString(`</ul>`)
}

// singleMain is the "main" block of _default/single.html, the layout of
// every content page without one of its own type.
func (r *Renderer) singleMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil {
		return false
	}
	r.pageHead(b, d.Page)
	r.writeBody(b, d)
	r.pageFoot(b, d.Page)
	b.WriteByte('\n')
	return true
}

// easyMain is the "main" block of _default/easy.html, the layout of an
// easy-read version.
func (r *Renderer) easyMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil {
		return false
	}
	p := d.Page
	b.WriteString(`<div class="easy-read"><h1>`)
	writeEscaped(b, p.Title)
	b.WriteString(`</h1>`)
	if s := p.Standard; s != nil {
		r.versionLink(b, s.URL, "Standard version", s.Title)
	}
	r.writeBody(b, d)
	b.WriteString("</div>")
	return true
}

// principleMain is the "main" block of principles/single.html: a
// principle or standard, and the pages that say they apply it.
func (r *Renderer) principleMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil || d.Page.Principle == nil {
		return false
	}
	p, pr := d.Page, d.Page.Principle
	b.WriteString(`<p class="caption">`)
	writeEscaped(b, engagement.Label(pr.Kind))
	b.WriteString(` ` + strconv.Itoa(pr.Number) + `</p>`)
	r.pageHead(b, p)
	r.writeBody(b, d)
	b.WriteString(`<h2 id="page--how-we-have-applied-this">How we have applied this `)
	writeEscaped(b, pr.Kind)
	b.WriteString(`</h2>`)
	for _, g := range pr.Evidence {
		b.WriteString(`<h3 id="page--`)
		writeEscaped(b, g.ID)
		b.WriteString(`">`)
		writeEscaped(b, g.Title)
		b.WriteString(`</h3>`)
		r.cardList(b, g.Pages, 4)
	}
	if len(pr.Evidence) == 0 {
		b.WriteString(`<p>We have not yet published anything that applies this `)
		writeEscaped(b, pr.Kind)
		b.WriteString(`.</p>`)
	}
	r.pageFoot(b, p)
	b.WriteByte('\n')
	return true
}

// contact writes the Contact section of an event or campaign, with the
// phone number written by partials/phone.html; false if that fails.
func (r *Renderer) contact(b *bytes.Buffer, c content.Contact) bool {
	if c.Name == "" {
		return true
	}
	b.WriteString(`<h2 id="page--contact">Contact</h2><p>`)
	writeEscaped(b, c.Name)
	if c.Email != "" {
		b.WriteString(`<br>Email: `)
		writeMailto(b, c.Email)
	}
	if c.Phone != "" {
		h, err := r.execPartial(r.written, "partials/phone.html", c.Phone)
		if err != nil {
			return false
		}
		b.WriteString(`<br>Phone: `)
		b.WriteString(string(h))
	}
	b.WriteString(`</p>`)
	return true
}

// listMain is the "main" block of _default/list.html: a section, a list
// of it, a taxonomy term without a layout of its own, one page of them.
func (r *Renderer) listMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil {
		return false
	}
	p := d.Page
	b.WriteString(`<h1>`)
	writeEscaped(b, p.Title)
	b.WriteString(`</h1>`)
	if p.Summary != "" {
		b.WriteString(`<p class="lede">`)
		writeEscaped(b, p.Summary)
		b.WriteString(`</p>`)
	}
	// {{if .Content}}: a body that comes to nothing writes no <div>.
	start := b.Len()
	r.writeBody(b, d)
	if b.Len() == start+len(`<div class="body"></div>`) {
		b.Truncate(start)
	}
	if p.Kind == site.KindSection {
		if sec := r.feedSection(p); sec != nil {
			title := strings.ToLower(sec.Title)
			b.WriteString(`<p class="subscribe">Subscribe to `)
			writeEscaped(b, title)
			b.WriteString(` in a feed reader: `)
			for i, f := range []struct{ file, name string }{{"feed.xml", "Atom feed"}, {"rss.xml", "RSS feed"}, {"feed.json", "JSON Feed"}} {
				switch i {
				case 1:
					b.WriteString(`, `)
				case 2:
					b.WriteString(` or `)
				}
				b.WriteString(`<a href="`)
				r.writeRelURL(b, sec.URL+f.file)
				b.WriteString(`">` + f.name + `<span class="visually-hidden"> of `)
				writeEscaped(b, title)
				b.WriteString(`</span></a>`)
			}
			b.WriteString(`.</p>`)
		}
		if p.Type == "events" && r.site.HasEvents() {
			b.WriteString(`<p class="subscribe">Add every event to your calendar: <a href="`)
			r.writeRelURL(b, "/events.ics")
			b.WriteString(`">subscribe to our events calendar</a>.</p>`)
		}
	}
	if len(p.Links) > 0 {
		b.WriteString(`<nav class="list-links" aria-label="More lists"><ul>`)
		for _, l := range p.Links {
			b.WriteString(`<li><a href="`)
			r.writeRelURL(b, l.URL)
			b.WriteString(`">`)
			writeEscaped(b, l.Title)
			b.WriteString(`</a></li>`)
		}
		b.WriteString(`</ul></nav>`)
	}
	if len(p.Groups) > 0 {
		for _, g := range p.Groups {
			b.WriteString(`<section aria-labelledby="page--`)
			writeEscaped(b, g.ID)
			b.WriteString(`"><h2 id="page--`)
			writeEscaped(b, g.ID)
			b.WriteString(`">`)
			writeEscaped(b, g.Title)
			b.WriteString(` <span class="count">(` + strconv.Itoa(len(g.Pages)) + `)</span></h2>`)
			r.cardList(b, g.Pages, 3)
			b.WriteString(`</section>`)
		}
	} else if pg := p.Paginator; pg != nil && (len(pg.Items) > 0 || len(p.Links) == 0) {
		r.pageList(b, pg.Items)
	}
	r.pagination(b, d)
	if p.Source != nil {
		r.documents(b, p)
	}
	b.WriteByte('\n')
	return true
}

// termMain is the "main" block of _default/term.html: one page of the
// list of a taxonomy term, such as a topic.
func (r *Renderer) termMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil || d.Page.Taxonomy == nil {
		return false
	}
	p := d.Page
	b.WriteString(`<h1><span class="caption">`)
	writeEscaped(b, p.Taxonomy.Title)
	b.WriteString(`</span> `)
	writeEscaped(b, p.Title)
	b.WriteString(`</h1><p>` + strconv.Itoa(len(p.Pages)))
	if len(p.Pages) == 1 {
		b.WriteString(` page is about `)
	} else {
		b.WriteString(` pages are about `)
	}
	writeEscaped(b, p.Title)
	b.WriteString(`.</p>`)
	if pg := p.Paginator; pg != nil {
		r.pageList(b, pg.Items)
	}
	r.pagination(b, d)
	b.WriteByte('\n')
	return true
}

// reportMain is the "main" block of _default/report.html: a yearly
// account of the consultations, events, outcomes and principles of one
// year. On a large site each report lists a year's share of every
// campaign and event, and as layout text it was most of the time spent
// executing templates.
func (r *Renderer) reportMain(b *bytes.Buffer, data any) bool {
	d, ok := data.(*Data)
	if !ok || d == nil || d.Page == nil || d.Page.Report == nil {
		return false
	}
	p, rep := d.Page, d.Page.Report
	b.WriteString(`<h1>`)
	writeEscaped(b, p.Title)
	b.WriteString(`</h1><p class="lede">`)
	writeEscaped(b, p.Summary)
	b.WriteString(`</p><dl class="summary-list"><div class="summary-list__row"><dt>Campaigns and consultations</dt><dd>` + strconv.Itoa(len(rep.Consultations)) +
		`</dd></div><div class="summary-list__row"><dt>Events held</dt><dd>` + strconv.Itoa(len(rep.Events)) + `</dd></div>`)
	if len(rep.Upcoming) > 0 {
		b.WriteString(`<div class="summary-list__row"><dt>Events still to come</dt><dd>` + strconv.Itoa(len(rep.Upcoming)) + `</dd></div>`)
	}
	b.WriteString(`<div class="summary-list__row"><dt>Events cancelled</dt><dd>` + strconv.Itoa(len(rep.Cancelled)) + `</dd></div></dl>`)

	b.WriteString(`<h2 id="page--consultations">What we asked</h2>`)
	r.reportCards(b, rep.Consultations, `<p>We did not run any campaigns or consultations this year.</p>`)
	b.WriteString(`<h2 id="page--events">Where we met people</h2>`)
	r.reportCards(b, rep.Events, `<p>We have not held any events this year yet.</p>`)
	r.reportEvents(b, `<h3 id="page--upcoming">Events still to come</h3>`, rep.Upcoming)
	r.reportEvents(b, `<h3 id="page--cancelled">Events we cancelled</h3>`, rep.Cancelled)

	most := 0
	for _, c := range rep.OutcomeCounts {
		most = max(most, c.N)
	}
	percent := func(n int) int {
		if most == 0 {
			return 0
		}
		return n * 100 / most
	}
	year := strconv.Itoa(rep.Year)
	b.WriteString(`<h2 id="page--outcomes">What changed: you said, we did</h2><figure class="chart"><svg role="img" aria-labelledby="page--outcomes-chart-title" viewBox="0 0 600 ` +
		strconv.Itoa(10+40*len(rep.OutcomeCounts)) + `" width="100%"><title id="page--outcomes-chart-title">Bar chart of updates by status: `)
	for i, c := range rep.OutcomeCounts {
		if i > 0 {
			b.WriteString(`, `)
		}
		writeEscaped(b, c.Label)
		b.WriteString(` ` + strconv.Itoa(c.N))
	}
	b.WriteString(`.</title>`)
	for i, c := range rep.OutcomeCounts {
		y := 40 * i
		b.WriteString(`<text x="0" y="` + strconv.Itoa(27+y) + `" font-size="16" fill="#212b32">`)
		writeEscaped(b, c.Label)
		b.WriteString(`</text><rect x="160" y="` + strconv.Itoa(10+y) + `" width="` + strconv.Itoa(4*percent(c.N)) +
			`" height="24" fill="#005eb8"/><text x="` + strconv.Itoa(168+4*percent(c.N)) + `" y="` + strconv.Itoa(27+y) +
			`" font-size="16" fill="#212b32">` + strconv.Itoa(c.N) + `</text>`)
	}
	b.WriteString(`</svg><figcaption>Updates published in ` + year + `, by status. The same numbers are in the table below.</figcaption></figure><table><caption>Updates by status, ` +
		year + `</caption><thead><tr><th scope="col">Status</th><th scope="col">Updates</th></tr></thead><tbody>`)
	for _, c := range rep.OutcomeCounts {
		b.WriteString(`<tr><td>`)
		writeEscaped(b, c.Label)
		b.WriteString(`</td><td>` + strconv.Itoa(c.N) + `</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	for _, g := range rep.Outcomes {
		if len(g.Pages) == 0 {
			continue
		}
		b.WriteString(`<h3 id="page--outcomes-`)
		writeEscaped(b, g.ID)
		b.WriteString(`">`)
		writeEscaped(b, g.Title)
		b.WriteString(`</h3><ul>`)
		for _, q := range g.Pages {
			r.reportLink(b, q)
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ul>`)
	}

	b.WriteString(`<h2 id="page--principles">Principles we applied</h2>`)
	if len(rep.Principles) == 0 {
		b.WriteString(`<p>No page published this year says which principles it applies.</p>`)
	} else {
		b.WriteString(`<table><caption>Principles and standards applied in ` + year +
			`</caption><thead><tr><th scope="col">Principle or standard</th><th scope="col">Pages that apply it</th></tr></thead><tbody>`)
		for _, c := range rep.Principles {
			b.WriteString(`<tr><td><a href="`)
			r.writeRelURL(b, c.Page.URL)
			b.WriteString(`">`)
			writeEscaped(b, c.Label)
			b.WriteString(`</a></td><td>` + strconv.Itoa(c.N) + `</td></tr>`)
		}
		b.WriteString(`</tbody></table>`)
	}
	b.WriteByte('\n')
	return true
}

// reportCards writes a report's list of cards, or none when it has none.
func (r *Renderer) reportCards(b *bytes.Buffer, ps []*site.Page, none string) {
	if len(ps) == 0 {
		b.WriteString(none)
		return
	}
	b.WriteString(`<ul class="card-list">`)
	for _, p := range ps {
		r.cachedCard(b, p, 3)
	}
	b.WriteString(`</ul>`)
}

// reportEvents writes a report's list of events with when they are, under
// heading, or nothing when there are none.
func (r *Renderer) reportEvents(b *bytes.Buffer, heading string, ps []*site.Page) {
	if len(ps) == 0 {
		return
	}
	b.WriteString(heading + `<ul>`)
	for _, p := range ps {
		r.reportLink(b, p)
		b.WriteString(`, `)
		writeEscaped(b, p.Event.When)
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul>`)
}

// reportLink opens a report's list item with a link to p.
func (r *Renderer) reportLink(b *bytes.Buffer, p *site.Page) {
	b.WriteString(`<li><a href="`)
	r.writeRelURL(b, p.URL)
	b.WriteString(`">`)
	writeEscaped(b, p.Title)
	b.WriteString(`</a>`)
}
