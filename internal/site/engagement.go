package site

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/engagement"
)

// engagement works out the facts of each content type (dates, statuses,
// documents) and the links between pages that name each other (campaign ↔
// events ↔ updates, principle ↔ evidence).
func (r *resolver) engagement() {
	r.slugs = map[string]map[string]*Page{}
	for _, p := range r.s.Regular {
		if r.slugs[p.Section] == nil {
			r.slugs[p.Section] = map[string]*Page{}
		}
		r.slugs[p.Section][p.Slug()] = p
	}
	for _, p := range r.s.Regular {
		f := p.Source.Fields
		switch {
		case f.Principle != nil:
			r.principle(p, f.Principle)
		case f.Constitution != nil:
			r.constitution(p, f.Constitution)
		case f.Campaign != nil:
			r.campaign(p, f.Campaign)
		case f.Event != nil:
			r.event(p, f.Event)
		case f.Update != nil:
			r.update(p, f.Update)
		case f.News != nil:
			a := f.News.Author
			if a.Name != "" {
				p.Author = &a
			}
		}
	}
	for _, p := range r.s.Regular {
		if l := p.Source.Meta.Language; l != "" && !languageTag.MatchString(l) {
			r.fieldErr(p, "language", "write a language code such as cy for Welsh or pl for Polish", "%q is not a language code", l)
		}
		r.documents(p)
		if p.EasyRead != nil {
			r.documents(p.EasyRead)
		}
		r.applies(p)
		r.review(p)
	}
	r.uniqueNumbers()
	r.crossLinks()
}

// languageTag is the shape of a BCP 47 language tag: cy, en-GB, zh-Hant.
var languageTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

func (r *resolver) fieldErr(p *Page, key, fix, format string, args ...any) {
	pos := p.Source.FieldPos(key)
	r.errorf(p.Source.Path, pos.Line, pos.Col, key, fix, format, args...)
}

func (r *resolver) fieldWarn(p *Page, key, fix, format string, args ...any) {
	pos := p.Source.FieldPos(key)
	r.list.Warnf(p.Source.Path, pos.Line, pos.Col, key, fix, format, args...)
}

// oneOf checks an enumerated field, returning its value or the default.
func (r *resolver) oneOf(p *Page, key, value string, allowed []string) string {
	if value == "" {
		return allowed[0]
	}
	if !engagement.Contains(allowed, value) {
		r.fieldErr(p, key, "write one of: "+strings.Join(allowed, ", "), "%q is not allowed here", value)
		return allowed[0]
	}
	return value
}

// date parses a date field, reporting a problem at its value.
func (r *resolver) date(p *Page, key, raw string) time.Time {
	if raw == "" {
		return time.Time{}
	}
	t, err := content.ParseDate(raw, r.opts.Config.Location)
	if err != nil {
		r.fieldErr(p, key, "write 2026-03-14 or 2026-03-14T10:00", "%q is not a date", raw)
	}
	return t
}

// localTime parses an event time written in local time, checking that it
// exists in the site's time zone.
func (r *resolver) localTime(p *Page, key, raw string) time.Time {
	if raw == "" {
		return time.Time{}
	}
	loc := r.opts.Config.Location
	if t, err := time.Parse(time.RFC3339, raw); err == nil {
		return t.In(loc)
	}
	w, err := content.ParseDate(raw, time.UTC)
	if err != nil {
		r.fieldErr(p, key, "write the date and time as 2026-03-14T10:00", "%q is not a date and time", raw)
		return time.Time{}
	}
	t, nonexistent, ambiguous := engagement.Wall(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), loc)
	switch {
	case nonexistent:
		r.fieldErr(p, key, "the clocks go forward that night; choose a time before 1am or from 2am", "%s does not exist in %s", raw, r.opts.Config.TimeZone)
	case ambiguous:
		r.fieldWarn(p, key, "the clocks go back that night, so this hour happens twice; engage uses the first (summer time). Choose another time to avoid confusion", "%s happens twice in %s", raw, r.opts.Config.TimeZone)
	}
	return t
}

// lookup finds a page by slug in one of the sections.
func (r *resolver) lookup(slug string, sections ...string) *Page {
	for _, s := range sections {
		if p := r.slugs[s][slug]; p != nil {
			return p
		}
	}
	return nil
}

func (r *resolver) slugFix(section string) string {
	names := make([]string, 0, len(r.slugs[section]))
	for s := range r.slugs[section] {
		names = append(names, s)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return fmt.Sprintf("there are no pages in content/%s/ yet", section)
	}
	if len(names) > 8 {
		names = append(names[:8], "…")
	}
	return fmt.Sprintf("write the file name of a page in content/%s/ without .md: %s", section, strings.Join(names, ", "))
}

func (r *resolver) principle(p *Page, f *content.Principle) {
	kind := r.oneOf(p, "kind", f.Kind, engagement.PrincipleKinds)
	if f.Number < 1 {
		if _, written := p.Source.Positions()["number"]; written {
			r.fieldErr(p, "number", "number principles from 1", "must be 1 or more")
		}
	}
	p.Principle = &Principle{Number: f.Number, Kind: kind, Anchor: kind + "-" + strconv.Itoa(f.Number)}
}

func (r *resolver) constitution(p *Page, f *content.Constitution) {
	c := &Constitution{Version: f.Version, ApprovedBy: f.ApprovedBy, Effective: r.date(p, "effective", f.Effective)}
	for i, h := range f.History {
		c.History = append(c.History, Revision{Version: h.Version, Changes: h.Changes, By: h.By,
			Date: r.date(p, fmt.Sprintf("history.%d.date", i), h.Date)})
	}
	if p.Source.Body != nil {
		for _, h := range p.Source.Body.Headings {
			if num, title, ok := engagement.ClauseNumber(h.Text); ok {
				c.Clauses = append(c.Clauses, Clause{Number: num, Title: title, ID: h.ID, Level: h.Level})
			}
		}
	}
	p.Constitution = c
}

func (r *resolver) campaign(p *Page, f *content.Campaign) {
	c := &Campaign{
		Kind: r.oneOf(p, "kind", f.Kind, engagement.CampaignKinds),
		Why:  f.Why, Respond: f.HowToRespond, WhatHappensNext: f.WhatHappensNext, Contact: f.Contact,
		Opens: r.date(p, "opens", f.Opens), Closes: r.date(p, "closes", f.Closes),
	}
	if f.Status != "" && !engagement.Contains(engagement.CampaignOverrides, f.Status) {
		r.fieldErr(p, "status", "leave status out: engage works it out from opens and closes; write withdrawn or paused only to override it",
			"%q is not allowed here", f.Status)
	} else {
		c.Status = f.Status
	}
	if !c.Opens.IsZero() && !c.Closes.IsZero() {
		if c.Closes.Before(c.Opens) {
			r.fieldErr(p, "closes", "check both dates: closes must be on or after opens", "%s is before opens (%s)", f.Closes, f.Opens)
		} else if c.Kind == "consultation" && engagement.Weeks(c.Opens, c.Closes, r.opts.Config.Location) < engagement.FormalWeeks {
			r.fieldWarn(p, "closes", "formal consultations usually run for at least 12 weeks; give a reason on the page if this one is shorter",
				"this consultation runs for %d weeks", engagement.Weeks(c.Opens, c.Closes, r.opts.Config.Location))
		}
	}
	if f.HowToRespond.Online != "" {
		if u, err := url.Parse(f.HowToRespond.Online); err != nil || u.Host == "" {
			r.fieldErr(p, "how_to_respond.online", "write the full address of the survey, starting https://", "%q is not a web address", f.HowToRespond.Online)
		}
	}
	for i, slug := range f.HowToRespond.Events {
		key := fmt.Sprintf("how_to_respond.events.%d", i)
		if e := r.lookup(slug, "events"); e != nil {
			c.RespondEvents = append(c.RespondEvents, e)
		} else {
			r.fieldErr(p, key, r.slugFix("events"), "there is no event %q", slug)
		}
	}
	p.Campaign = c
}

func (r *resolver) event(p *Page, f *content.Event) {
	loc := r.opts.Config.Location
	e := &Event{
		Status:     r.oneOf(p, "status", f.Status, engagement.EventStatuses),
		Attendance: r.oneOf(p, "attendance", f.Attendance, engagement.Attendances),
		Venue:      f.Venue, OnlineURL: f.OnlineURL, Accessibility: f.Accessibility,
		AccessibilityNotes: f.AccessibilityNotes, Booking: f.Booking, Contact: f.Contact,
		Start: r.localTime(p, "start", f.Start), End: r.localTime(p, "end", f.End),
	}
	if !e.Start.IsZero() && !e.End.IsZero() {
		if !e.End.After(e.Start) {
			r.fieldErr(p, "end", "end must be after start; check the date and the am/pm of both", "%s is not after start (%s)", f.End, f.Start)
		}
		e.When = engagement.When(e.Start, e.End, loc)
		e.Past = e.End.Before(r.opts.Now)
	}
	if f.PreviousStart != "" {
		e.PreviousStart = r.localTime(p, "previous_start", f.PreviousStart)
		if !e.PreviousStart.IsZero() {
			e.PreviousWhen = engagement.Day(e.PreviousStart.In(loc)) + ", " + engagement.Clock(e.PreviousStart.In(loc))
		}
	} else if e.Status == "rescheduled" {
		r.fieldErr(p, "status", "add 'previous_start:' with the date and time it was going to start", "a rescheduled event needs previous_start")
	}
	article := map[string]string{"in-person": "an in-person", "online": "an online", "hybrid": "a hybrid"}[e.Attendance]
	if e.Attendance != "online" && e.Venue.Name == "" && e.Status != "moved-online" {
		r.fieldErr(p, "venue", "add 'venue:' with name, address and postcode, or write 'attendance: online'",
			"%s event needs a venue name", article)
	}
	switch {
	case e.Status == "cancelled" || e.OnlineURL != "":
	case e.Attendance != "in-person":
		r.fieldErr(p, "attendance", "add 'online_url:' with the address to join", "%s event needs online_url", article)
	case e.Status == "moved-online":
		r.fieldErr(p, "status", "add 'online_url:' with the address to join", "an event moved online needs online_url")
	}
	if f.Campaign != "" {
		if c := r.lookup(f.Campaign, "campaigns"); c != nil {
			e.Campaign = c
		} else {
			r.fieldErr(p, "campaign", r.slugFix("campaigns"), "there is no campaign %q", f.Campaign)
		}
	}
	p.Event = e
}

func (r *resolver) update(p *Page, f *content.Update) {
	u := &Update{
		Status:  r.oneOf(p, "status", f.Status, engagement.UpdateStatuses),
		WeAsked: f.WeAsked, YouSaid: f.YouSaid, WeDid: f.WeDid, Reason: f.Reason, Progress: f.Progress,
	}
	if u.Status == "not-possible" && strings.TrimSpace(f.Reason) == "" {
		r.fieldErr(p, "status", "add 'reason:' saying why nothing could change: people who took part have a right to know", "an update that is not possible needs a reason")
	}
	if f.Progress != nil && (*f.Progress < 0 || *f.Progress > 100) {
		r.fieldErr(p, "progress", "write a percentage from 0 to 100", "%d is not between 0 and 100", *f.Progress)
	}
	if f.Source != "" {
		c, e := r.lookup(f.Source, "campaigns"), r.lookup(f.Source, "events")
		switch {
		case c != nil && e != nil:
			r.fieldErr(p, "source", "rename one of them so each slug is unique", "%q is the name of both a campaign and an event", f.Source)
		case c != nil:
			u.Source = c
		case e != nil:
			u.Source = e
		default:
			r.fieldErr(p, "source", r.slugFix("campaigns")+"; or an event in content/events/", "there is no campaign or event %q", f.Source)
		}
	}
	p.Update = u
}

// documents resolves a page's documents: list to files in the bundle or
// assets, each labelled with its type and size.
func (r *resolver) documents(p *Page) {
	for i, d := range p.Source.Meta.Documents {
		key := fmt.Sprintf("documents.%d", i)
		switch {
		case d.File != "" && d.URL != "":
			r.fieldErr(p, key, "keep one of them", "has both file and url")
		case d.File == "" && d.URL == "":
			r.fieldErr(p, key, "add 'file:' (a file beside the page or under assets/) or 'url:'", "has neither file nor url")
		case d.URL != "":
			p.Documents = append(p.Documents, Document{Title: d.Title, URL: d.URL})
		default:
			site, src := r.fileTarget(p, d.File)
			size, ok := r.opts.Sizes[src]
			if !ok {
				r.fieldErr(p, key+".file", "put the file beside the page (in its bundle folder) and write its name, or write /assets/... for a file under assets/", "there is no file %q", d.File)
				continue
			}
			p.Documents = append(p.Documents, Document{Title: d.Title, URL: r.rel(site), Label: engagement.FileLabel(d.File, size)})
		}
	}
}

// fileTarget works out the site path and source file of a file named by
// a page: a site path, or a name relative to the page's bundle.
func (r *resolver) fileTarget(p *Page, name string) (site, src string) {
	if strings.HasPrefix(name, "/") {
		site = path.Clean(name)
	} else {
		base := p.URL
		if p.Standard != nil {
			base = p.Standard.URL
		}
		site = path.Join(base, name)
	}
	return site, r.sources[site]
}

// applies checks a page's principles: list and records the evidence.
func (r *resolver) applies(p *Page) {
	for i, slug := range p.Source.Meta.Principles {
		pr := r.lookup(slug, "principles")
		if pr == nil || pr.Principle == nil {
			r.fieldErr(p, fmt.Sprintf("principles.%d", i), r.slugFix("principles"), "there is no principle %q", slug)
			continue
		}
		p.Principles = append(p.Principles, pr)
	}
}

// review warns about pages whose review date has passed.
func (r *resolver) review(p *Page) {
	if !p.ReviewDue.IsZero() && p.ReviewDue.Before(r.opts.Now) {
		r.fieldWarn(p, "review_due", "check the page is still right, then set a new review date",
			"the review was due on %s", engagement.Date(p.ReviewDue, r.opts.Config.Location))
	}
}

// uniqueNumbers reports two principles (or two standards) with one number.
func (r *resolver) uniqueNumbers() {
	seen := map[string]*Page{}
	for _, p := range r.s.Regular {
		if p.Principle == nil || p.Principle.Number < 1 {
			continue
		}
		if other, ok := seen[p.Principle.Anchor]; ok {
			r.fieldErr(p, "number", "give each "+p.Principle.Kind+" its own number",
				"%s %d is also %s", p.Principle.Kind, p.Principle.Number, other.Source.Path)
			continue
		}
		seen[p.Principle.Anchor] = p
	}
}

// crossLinks connects pages that name each other, then derives the
// statuses that depend on those links.
func (r *resolver) crossLinks() {
	byDate := append([]*Page(nil), r.s.Regular...)
	sortNewest(byDate)
	for _, p := range byDate {
		if p.Event != nil && p.Event.Campaign != nil {
			c := p.Event.Campaign.Campaign
			c.Events = appendOnce(c.Events, p)
		}
		if p.Update != nil && p.Update.Source != nil {
			if c := p.Update.Source.Campaign; c != nil {
				c.Outcomes = append(c.Outcomes, p)
			}
			if e := p.Update.Source.Event; e != nil {
				e.Outcomes = append(e.Outcomes, p)
			}
		}
		for _, pr := range p.Principles {
			addEvidence(pr.Principle, p)
		}
	}
	for _, p := range r.s.Regular {
		c := p.Campaign
		if c == nil {
			continue
		}
		for _, e := range c.RespondEvents {
			c.Events = appendOnce(c.Events, e)
		}
		sort.SliceStable(c.Events, func(i, j int) bool { return c.Events[i].Event.Start.Before(c.Events[j].Event.Start) })
		loc := r.opts.Config.Location
		c.Status = engagement.CampaignStatus(c.Opens, c.Closes, c.Status, len(c.Outcomes) > 0, r.opts.Now, loc)
		if c.Status == engagement.Open && !c.Closes.IsZero() {
			c.DaysLeft = engagement.DaysLeft(c.Closes, r.opts.Now, loc)
		}
		weeks := r.opts.Config.OutcomeWeeks
		if c.Status == engagement.Closed && c.Kind == "consultation" &&
			r.opts.Now.After(engagement.EndOfDay(c.Closes, loc).AddDate(0, 0, 7*weeks)) {
			r.fieldWarn(p, "closes", fmt.Sprintf("publish what came of it as an update in content/updates/ with 'source: %s'", p.Slug()),
				"closed %s and no 'you said, we did' update names it", c.Closes.In(loc).Format("2006-01-02"))
		}
	}
}

func appendOnce(ps []*Page, p *Page) []*Page {
	for _, x := range ps {
		if x == p {
			return ps
		}
	}
	return append(ps, p)
}

// addEvidence files a page under its type in a principle's evidence.
func addEvidence(pr *Principle, p *Page) {
	title := typeTitle(p.Type)
	for i := range pr.Evidence {
		if pr.Evidence[i].Title == title {
			pr.Evidence[i].Pages = appendOnce(pr.Evidence[i].Pages, p)
			return
		}
	}
	pr.Evidence = append(pr.Evidence, Group{Title: title, ID: "evidence-" + p.Type, Pages: []*Page{p}})
	sort.SliceStable(pr.Evidence, func(i, j int) bool { return pr.Evidence[i].Title < pr.Evidence[j].Title })
}

// typeTitle names a content type for headings.
func typeTitle(t string) string {
	switch t {
	case "campaigns":
		return "Campaigns and consultations"
	case "events":
		return "Events"
	case "updates":
		return "You said, we did"
	case "news":
		return "News"
	case "principles":
		return "Principles"
	case "constitution":
		return "Constitution"
	}
	return titleCase(t)
}

// dated is what sortNewest orders pages by, for sortKeyed, with a rank
// before it: their own date (an event's start), newest first, then title.
type dated struct {
	rank  int
	date  time.Time
	title string
}

func datedKey(p *Page) dated { return dated{date: sortDate(p), title: p.Title} }

// lowRankNewest orders by rank, then newest first, then by title.
func lowRankNewest(a, b *dated) int {
	if a.rank != b.rank {
		return cmp.Compare(a.rank, b.rank)
	}
	if c := b.date.Compare(a.date); c != 0 {
		return c
	}
	return strings.Compare(a.title, b.title)
}

// sortNewest sorts pages newest first by their own date (an event's
// start), then by title, keeping ties in order.
func sortNewest(ps []*Page) { sortKeyed(ps, datedKey, lowRankNewest) }

func sortDate(p *Page) time.Time {
	if p.Event != nil && !p.Event.Start.IsZero() {
		return p.Event.Start
	}
	if p.Campaign != nil && !p.Campaign.Opens.IsZero() && p.Date.IsZero() {
		return p.Campaign.Opens
	}
	return p.Date
}
