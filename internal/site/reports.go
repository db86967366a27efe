package site

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/engagement"
)

// reports makes /reports/<year>/ for every year with engagement content,
// and /reports/ listing them: the page an organisation can cite in its
// annual report on how it met the duty to involve the public.
func (r *resolver) reports() {
	loc := r.opts.Config.Location
	years := map[int]bool{}
	yearOf := func(t time.Time) {
		if !t.IsZero() {
			years[t.In(loc).Year()] = true
		}
	}
	for _, p := range r.s.Regular {
		switch {
		case p.Campaign != nil:
			yearOf(p.Campaign.Opens)
			yearOf(p.Campaign.Closes)
		case p.Event != nil:
			yearOf(p.Event.Start)
		case p.Update != nil:
			yearOf(p.Date)
		}
	}
	if len(years) == 0 {
		return
	}
	list := make([]int, 0, len(years))
	for y := range years {
		list = append(list, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(list)))

	index := &Page{Kind: KindSection, Type: "reports", Section: "reports", Title: "Reports on involving the public",
		Summary: "What we asked, where we met people and what changed, year by year.", URL: "/reports/"}
	var pages []*Page
	reports := r.yearReports(list)
	for i, y := range list {
		p := &Page{Kind: KindReport, Type: "reports", Section: "reports", URL: "/reports/" + strconv.Itoa(y) + "/",
			Title:   fmt.Sprintf("How we involved the public in %d", y),
			Summary: fmt.Sprintf("The consultations, events and outcomes of %d, and the principles we applied.", y),
			Report:  reports[i]}
		p.Out = outPath(p.URL)
		if !r.claim(p.Out, config.File, p, func() (int, int) { return 0, 0 }) {
			continue
		}
		r.byURL[p.URL] = p
		pages = append(pages, p)
	}
	index.Pages = pages
	for _, p := range r.paginate(index, config.File, 0) {
		r.s.Pages = append(r.s.Pages, p)
	}
	r.s.Pages = append(r.s.Pages, pages...)
}

// year is one report being gathered.
type year struct {
	rep        *Report
	start, end time.Time
	byStatus   map[string][]*Page
	applied    map[*Page]int
}

// yearReports gathers the report of each of years. The pages are gone
// over once for all of them: on a large site, going over every page once
// for each year was most of the time of this step.
func (r *resolver) yearReports(years []int) []*Report {
	loc := r.opts.Config.Location
	ys := make([]*year, len(years))
	for i, y := range years {
		ys[i] = &year{rep: &Report{Year: y}, start: time.Date(y, 1, 1, 0, 0, 0, 0, loc), end: time.Date(y+1, 1, 1, 0, 0, 0, 0, loc),
			byStatus: map[string][]*Page{}, applied: map[*Page]int{}}
	}
	applied := map[*Page]bool{} // in any year
	for _, p := range r.s.Regular {
		for _, y := range ys {
			y.add(p, loc, applied)
		}
	}
	// The principles applied, in the order of the site's pages.
	var principles []*Page
	if len(applied) > 0 {
		for _, p := range r.s.Regular {
			if applied[p] {
				principles = append(principles, p)
			}
		}
	}
	reports := make([]*Report, len(ys))
	for i, y := range ys {
		reports[i] = y.finish(principles)
	}
	return reports
}

// in reports whether t is in the year.
func (y *year) in(t time.Time) bool { return !t.IsZero() && !t.Before(y.start) && t.Before(y.end) }

// add puts p in the year's report where it belongs, and the principles
// p applies in applied.
func (y *year) add(p *Page, loc *time.Location, applied map[*Page]bool) {
	rep := y.rep
	switch {
	case p.Campaign != nil:
		c := p.Campaign
		open, close := c.Opens, c.Closes
		if open.IsZero() {
			open = p.Date
		}
		if close.IsZero() {
			close = open
		}
		if !open.IsZero() && open.Before(y.end) && engagement.EndOfDay(close, loc).After(y.start) {
			rep.Consultations = append(rep.Consultations, p)
		}
	case p.Event != nil:
		if y.in(p.Event.Start) {
			if p.Event.Status == "cancelled" {
				rep.Cancelled = append(rep.Cancelled, p)
			} else if p.Event.Status == "postponed" {
				// no date to count it under until a new one is set
			} else if !p.Event.Past {
				rep.Upcoming = append(rep.Upcoming, p)
			} else {
				rep.Events = append(rep.Events, p)
			}
		}
	case p.Update != nil:
		if y.in(p.Date) {
			y.byStatus[p.Update.Status] = append(y.byStatus[p.Update.Status], p)
		}
	}
	if len(p.Principles) > 0 && y.in(sortDate(p)) {
		for _, pr := range p.Principles {
			y.applied[pr]++
			applied[pr] = true
		}
	}
}

// finish sorts the year's lists and counts, given the principles applied
// in any year in the order of the site's pages.
func (y *year) finish(principles []*Page) *Report {
	rep := y.rep
	sortEarliest(rep.Events)
	sortEarliest(rep.Cancelled)
	sortEarliest(rep.Upcoming)
	sortCampaigns(rep.Consultations)
	for _, s := range engagement.UpdateStatuses {
		ps := y.byStatus[s]
		sortEarliest(ps)
		rep.Outcomes = append(rep.Outcomes, Group{ID: s, Title: engagement.Label(s), Pages: ps})
		rep.OutcomeCounts = append(rep.OutcomeCounts, Count{Label: engagement.Label(s), N: len(ps)})
	}
	for _, p := range principles {
		if n := y.applied[p]; n > 0 {
			rep.Principles = append(rep.Principles, Count{Label: p.Title, N: n, Page: p})
		}
	}
	sort.SliceStable(rep.Principles, func(i, j int) bool {
		a, b := rep.Principles[i].Page.Principle, rep.Principles[j].Page.Principle
		if a.Kind != b.Kind {
			return a.Kind == "principle"
		}
		return a.Number < b.Number
	})
	return rep
}
