package corpus

import "time"

// Now is the day a generated site is meant to be built on
// (engage build --now Now). Dates are chosen around it, so that a build on
// that day reports no warnings: every page is published by then, review
// dates fall after it, and every consultation whose outcome is overdue has
// an update that reports it.
const Now = "2026-07-01"

var (
	now       = mustDay(Now)
	firstDate = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	// lastDate is the newest date: or updated:. Pages dated after now
	// would not be published, and the pages that name them would break.
	lastDate = now.AddDate(0, 0, -1)
	// reviewUntil is the latest review_due; they all fall after now.
	reviewUntil = now.AddDate(2, 0, 0)
	// campaignsUntil and eventsUntil are the latest opening and start days,
	// so that some campaigns are forthcoming and some events upcoming.
	campaignsUntil = now.AddDate(0, 4, 0)
	eventsUntil    = now.AddDate(1, 0, 0)
	// outcomeDue: engage warns about a consultation that closed more than
	// 12 weeks before now with no update naming it. Those that closed
	// before this day (one day early, for the margin) get one.
	outcomeDue = now.AddDate(0, 0, -7*12)
)

func mustDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// campaignKind is a kind of campaign, how often it is drawn in a hundred
// and how many weeks it runs. Consultations run at least the 12 weeks
// engage expects of them.
type campaignKind struct {
	name               string
	share              int
	minWeeks, maxWeeks int
}

var campaignKinds = []campaignKind{
	{"campaign", 30, 4, 52},
	{"consultation", 30, 12, 16},
	{"survey", 25, 2, 8},
	{"engagement", 15, 4, 26},
}

// engagement decides the facts that tie pages of the engagement types
// together, for the whole plan before any page is written: principle
// numbers, when campaigns run, which campaign an event belongs to and what
// each update reports on.
func (pl *plan) engagement() {
	r := pl.r
	for i := range pl.pages {
		pl.pages[i].link = -1
	}

	numbers := map[string]int{}
	for _, i := range pl.bySection["principles"] {
		p := &pl.pages[i]
		p.kind = "principle"
		if p.ordinal%5 == 0 {
			p.kind = "standard"
		}
		numbers[p.kind]++
		p.number = numbers[p.kind]
	}

	campaigns := pl.bySection["campaigns"]
	for _, i := range campaigns {
		p := &pl.pages[i]
		k := campaignKinds[len(campaignKinds)-1]
		n := r.r.IntN(100)
		for _, c := range campaignKinds {
			if n < c.share {
				k = c
				break
			}
			n -= c.share
		}
		p.kind = k.name
		p.opens = r.day(firstDate, campaignsUntil)
		p.closes = p.opens.AddDate(0, 0, 7*r.between(k.minWeeks, k.maxWeeks)-1)
		switch n := r.r.IntN(100); {
		case n < 3:
			p.status = "withdrawn"
		case n < 6:
			p.status = "paused"
		}
	}

	events := pl.bySection["events"]
	for _, i := range events {
		p := &pl.pages[i]
		if len(campaigns) == 0 || !r.chance(40) {
			p.start = r.day(firstDate, eventsUntil)
			continue
		}
		c := campaigns[r.r.IntN(len(campaigns))]
		p.link = c
		p.start = r.day(pl.pages[c].opens, pl.pages[c].closes)
		pl.pages[c].events = append(pl.pages[c].events, i)
	}

	// Every consultation with an overdue outcome gets an update of its own;
	// a site too small to have enough updates makes the rest engagements.
	updates := pl.bySection["updates"]
	next := 0
	for _, c := range campaigns {
		p := &pl.pages[c]
		if p.kind != "consultation" || p.status != "" || !p.closes.Before(outcomeDue) {
			continue
		}
		if next == len(updates) {
			p.kind = "engagement"
			continue
		}
		pl.pages[updates[next]].link = c
		next++
	}
	var past []int // campaigns that have closed and events that have happened
	for _, i := range campaigns {
		if pl.pages[i].closes.Before(lastDate) {
			past = append(past, i)
		}
	}
	for _, i := range events {
		if pl.pages[i].start.Before(lastDate) {
			past = append(past, i)
		}
	}
	for _, u := range updates[next:] {
		if len(past) > 0 && r.chance(60) {
			pl.pages[u].link = past[r.r.IntN(len(past))]
		}
	}
}

// published returns the date: of page p, which follows from its facts:
// a campaign is published before it opens, an event weeks before it
// starts, an update after what it reports on.
func (pl *plan) published(r *prose, p *page) time.Time {
	var d time.Time
	switch {
	case p.section == "campaigns":
		d = p.opens.AddDate(0, 0, -r.between(0, 28))
	case p.section == "events":
		d = p.start.AddDate(0, 0, -r.between(14, 90))
	case p.section == "updates" && p.link >= 0:
		s := &pl.pages[p.link]
		d = s.closes
		if s.section == "events" {
			d = s.start
		}
		d = d.AddDate(0, 0, r.between(7, 90))
	default:
		return r.day(firstDate, lastDate)
	}
	if d.Before(firstDate) {
		return firstDate
	}
	if d.After(lastDate) {
		return lastDate
	}
	return d
}

// day returns a day from a to b.
func (p *prose) day(a, b time.Time) time.Time {
	days := int(b.Sub(a).Hours() / 24)
	return a.AddDate(0, 0, p.r.IntN(days+1))
}
