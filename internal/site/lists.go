package site

import (
	"sort"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/engagement"
)

// list is one list page to make for a section: the section page itself or
// a filtered view of it such as /campaigns/open/.
type list struct {
	first *Page
	per   int // items per page; 0 means all on one page
}

// arrange orders a section's pages the way readers of that content type
// expect, and makes its filtered lists. The section page is first.
func (r *resolver) arrange(sec *Page) []list {
	all := sec.Pages
	view := func(slug, title, summary string, pages []*Page, per int) list {
		p := &Page{Kind: KindSection, Section: sec.Section, Type: sec.Type, Title: title, Summary: summary,
			URL: sec.URL + slug + "/", Pages: pages}
		sec.Links = append(sec.Links, Crumb{Title: title, URL: p.URL})
		return list{first: p, per: per}
	}
	switch sec.Type {
	case "campaigns":
		sortCampaigns(all)
		var open, forthcoming, closed []*Page
		for _, p := range all {
			if p.Campaign == nil {
				continue
			}
			switch p.Campaign.Status {
			case engagement.Open:
				open = append(open, p)
			case engagement.Forthcoming:
				forthcoming = append(forthcoming, p)
			case engagement.Closed, engagement.OutcomePublished:
				closed = append(closed, p)
			}
		}
		return []list{{first: sec},
			view("open", "Open now", "Campaigns and consultations you can take part in today.", open, 0),
			view("forthcoming", "Coming soon", "Campaigns and consultations that will open soon.", forthcoming, 0),
			view("closed", "Closed", "Campaigns and consultations that have closed, and what came of them.", closed, r.opts.Config.PerPage)}
	case "events":
		var upcoming, past []*Page
		for _, p := range all {
			if p.Event != nil && p.Event.Past {
				past = append(past, p)
			} else {
				upcoming = append(upcoming, p)
			}
		}
		sortEarliest(upcoming)
		sortLatest(past)
		sec.Pages = upcoming
		return []list{{first: sec}, view("past", "Past events", "Events that have already happened.", past, r.opts.Config.PerPage)}
	case "updates":
		sortKeyed(all, func(p *Page) dated {
			k := datedKey(p)
			k.rank = statusRank(p)
			return k
		}, lowRankNewest)
		return []list{{first: sec}}
	case "principles":
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i].Principle, all[j].Principle
			if a == nil || b == nil {
				return a != nil
			}
			if a.Kind != b.Kind {
				return a.Kind == "principle"
			}
			return a.Number < b.Number
		})
		return []list{{first: sec}}
	}
	return []list{{first: sec, per: r.opts.Config.PerPage}}
}

// campaignKey is what campaigns are ordered by (sortCampaigns): open
// (closing soonest first), then forthcoming (opening soonest first), then
// closed (newest first), then paused and withdrawn, then pages that are
// not campaigns (as sortNewest orders them); then by title. It holds the
// rank, the date that orders campaigns of that rank (earliest first, or
// latest first when desc) and the title.
type campaignKey struct {
	rank  int
	date  time.Time
	desc  bool
	title string
}

func campaignKeyOf(p *Page) campaignKey {
	k := campaignKey{rank: campaignRank(p), title: p.Title}
	switch c := p.Campaign; {
	case c == nil:
		k.date, k.desc = sortDate(p), true // newest first, as sortNewest orders them
	case c.Status == engagement.Open:
		k.date = c.Closes
	case c.Status == engagement.Forthcoming:
		k.date = c.Opens
	default:
		k.date, k.desc = c.Closes, true
	}
	return k
}

func compareCampaigns(a, b *campaignKey) int {
	if a.rank != b.rank {
		return a.rank - b.rank
	}
	c := a.date.Compare(b.date)
	if a.desc {
		c = -c
	}
	if c != 0 {
		return c
	}
	return strings.Compare(a.title, b.title)
}

// sortCampaigns sorts pages by campaignKey, keeping ties in order.
func sortCampaigns(ps []*Page) { sortKeyed(ps, campaignKeyOf, compareCampaigns) }

func campaignRank(p *Page) int {
	if p.Campaign == nil {
		return 9
	}
	switch p.Campaign.Status {
	case engagement.Open:
		return 0
	case engagement.Forthcoming:
		return 1
	case engagement.Closed, engagement.OutcomePublished:
		return 2
	}
	return 3
}

func statusRank(p *Page) int {
	if p.Update == nil {
		return len(engagement.UpdateStatuses)
	}
	for i, s := range engagement.UpdateStatuses {
		if s == p.Update.Status {
			return i
		}
	}
	return len(engagement.UpdateStatuses)
}

// groups divides the items of one list page under headings.
func (r *resolver) groups(p *Page) []Group {
	if p.Paginator == nil {
		return nil
	}
	items := p.Paginator.Items
	var key func(*Page) (id, title string)
	switch p.Type {
	case "campaigns":
		key = func(q *Page) (string, string) {
			switch campaignRank(q) {
			case 0:
				return "open", "Open now"
			case 1:
				return "forthcoming", "Coming soon"
			case 2:
				return "closed", "Closed"
			}
			return "paused-or-withdrawn", "Paused or withdrawn"
		}
	case "events":
		key = func(q *Page) (string, string) {
			t := sortDate(q)
			if t.IsZero() {
				return "date-to-be-confirmed", "Date to be confirmed"
			}
			t = t.In(r.opts.Config.Location)
			return "month-" + t.Format("2006-01"), t.Format("January 2006")
		}
	case "updates":
		key = func(q *Page) (string, string) {
			if q.Update == nil {
				return "other", "Other"
			}
			return q.Update.Status, engagement.Label(q.Update.Status)
		}
	case "principles":
		key = func(q *Page) (string, string) {
			if q.Principle != nil && q.Principle.Kind == "standard" {
				return "standards", "Our standards"
			}
			return "principles", "Our principles"
		}
	default:
		return nil
	}
	var out []Group
	for _, q := range items {
		id, title := key(q)
		if n := len(out); n > 0 && out[n-1].ID == id {
			out[n-1].Pages = append(out[n-1].Pages, q)
			continue
		}
		out = append(out, Group{ID: id, Title: title, Pages: []*Page{q}})
	}
	return out
}
