package calendar

import (
	"slices"
	"strings"

	"github.com/engage-ssg/engage/internal/feed"
	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// FileName is the name of each event's own calendar file, beside its page.
const FileName = "event.ics"

// Files writes /events.ics with every event and <event URL>event.ics for
// each event.
func Files(s *site.Site) []output.File {
	cfg := s.Config
	n := 0
	for _, p := range s.Regular {
		if isEvent(p) {
			n++
		}
	}
	if n == 0 {
		return nil // a calendar must hold at least one event (RFC 5545)
	}
	host, prefix := feed.Authority(cfg.BaseURL)
	prod := prodID(cfg.Organisation.Name)
	// all is made at its full size, so that each event's own calendar
	// can hold a slice of it rather than a copy.
	all := make([]Event, 0, n)
	files := make([]output.File, 0, n+1)
	for _, p := range s.Regular {
		if !isEvent(p) {
			continue
		}
		all = append(all, fromPage(s, p, host, prefix))
		files = append(files, output.File{
			Path: strings.TrimPrefix(p.URL, "/") + FileName,
			Data: Write(Calendar{Name: p.Title, ProdID: prod, Location: cfg.Location, Events: all[len(all)-1:]}),
		})
	}
	return append(files, output.File{
		Path: "events.ics",
		Data: Write(Calendar{Name: "Events - " + cfg.Title, ProdID: prod, Location: cfg.Location, Events: all}),
	})
}

// isEvent reports whether a page is an event with a start and an end.
func isEvent(p *site.Page) bool {
	return p.Event != nil && !p.Event.Start.IsZero() && !p.Event.End.IsZero()
}

func prodID(org string) string { return "-//" + org + "//engage//EN" }

// fromPage makes the VEVENT of an event page, given the authority of the
// site's base URL (feed.Authority), which Files works out once.
func fromPage(s *site.Site, p *site.Page, host, prefix string) Event {
	cfg := s.Config
	e := p.Event
	ev := Event{
		UID:     prefix + strings.TrimSuffix(strings.TrimSuffix(p.Source.Rel, ".md"), "/index") + "@" + host,
		Start:   e.Start,
		End:     e.End,
		Summary: p.Title,
		URL:     site.AbsURL(cfg.BaseURL, p.URL),
	}
	// DTSTAMP is when the event's information last changed, so that the
	// same content gives the same file.
	switch {
	case !p.Updated.IsZero():
		ev.Stamp = p.Updated
	case !p.Date.IsZero():
		ev.Stamp = p.Date
	default:
		ev.Stamp = s.Now
	}
	switch e.Status {
	case "cancelled":
		ev.Status = "CANCELLED"
	case "postponed":
		ev.Status = "TENTATIVE"
	default:
		ev.Status = "CONFIRMED"
	}
	// A static site keeps no history, so the sequence counts the changes
	// the page records: a new date, then a cancellation, postponement or
	// move online.
	if !e.PreviousStart.IsZero() {
		ev.Sequence++
	}
	switch e.Status {
	case "cancelled", "postponed", "moved-online":
		ev.Sequence++
	}
	online := e.Attendance != "in-person" || e.Status == "moved-online"
	if online && e.OnlineURL != "" {
		ev.ConferenceURL = e.OnlineURL
	}
	if !(e.Attendance == "online" || e.Status == "moved-online") && e.Venue.Name != "" {
		parts := [...]string{e.Venue.Name, e.Venue.Address, e.Venue.Postcode}
		ev.Location = strings.Join(slices.DeleteFunc(parts[:], func(x string) bool { return x == "" }), ", ")
	} else if online {
		ev.Location = "Online"
	}
	ev.Description = description(p, ev)
	for _, t := range p.Terms {
		if !slices.Contains(ev.Categories, t.Name) {
			if ev.Categories == nil {
				ev.Categories = make([]string, 0, len(p.Terms))
			}
			ev.Categories = append(ev.Categories, t.Name)
		}
	}
	return ev
}

// description is an event's DESCRIPTION: its news, its summary, then
// when, where and how to take part, a line each.
func description(p *site.Page, ev Event) string {
	e := p.Event
	size := 200 + len(e.PreviousWhen) + len(p.Summary) + len(e.When) + len(ev.Location) + len(ev.ConferenceURL) + len(e.Booking.URL) + len(ev.URL)
	for _, a := range e.Accessibility {
		size += len(a) + 2
	}
	var d strings.Builder
	d.Grow(size)
	line := func(parts ...string) {
		for _, x := range parts {
			d.WriteString(x)
		}
		d.WriteByte('\n')
	}
	switch e.Status {
	case "cancelled":
		line("This event has been cancelled.")
	case "postponed":
		line("This event has been postponed. A new date will be published.")
	case "moved-online":
		line("This event is now online only.")
	case "rescheduled":
		if e.PreviousWhen != "" {
			line("This event has moved from ", e.PreviousWhen, ".")
		}
	}
	if p.Summary != "" {
		line(p.Summary)
	}
	line("When: ", e.When, ".")
	if ev.Location != "" {
		line("Where: ", ev.Location, ".")
	}
	if len(e.Accessibility) > 0 {
		d.WriteString("Access: ")
		for i, a := range e.Accessibility {
			if i > 0 {
				d.WriteString(", ")
			}
			d.WriteString(a)
		}
		line(".")
	}
	if ev.ConferenceURL != "" {
		line("Join online: ", ev.ConferenceURL)
	}
	if e.Booking.URL != "" {
		line("Book: ", e.Booking.URL)
	}
	d.WriteString("More information: ")
	d.WriteString(ev.URL)
	return d.String()
}
