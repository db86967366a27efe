package calendar

import (
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
	var all []Event
	var files []output.File
	for _, p := range s.Regular {
		if p.Event == nil || p.Event.Start.IsZero() || p.Event.End.IsZero() {
			continue
		}
		e := FromPage(s, p)
		all = append(all, e)
		files = append(files, output.File{
			Path: strings.TrimPrefix(p.URL, "/") + FileName,
			Data: Write(Calendar{Name: p.Title, ProdID: prodID(cfg.Organisation.Name), Location: cfg.Location, Events: []Event{e}}),
		})
	}
	if len(all) == 0 {
		return files // a calendar must hold at least one event (RFC 5545)
	}
	files = append(files, output.File{
		Path: "events.ics",
		Data: Write(Calendar{Name: "Events - " + cfg.Title, ProdID: prodID(cfg.Organisation.Name), Location: cfg.Location, Events: all}),
	})
	return files
}

func prodID(org string) string { return "-//" + org + "//engage//EN" }

// FromPage makes the VEVENT of an event page.
func FromPage(s *site.Site, p *site.Page) Event {
	cfg := s.Config
	e := p.Event
	host, prefix := feed.Authority(cfg.BaseURL)
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
		parts := []string{e.Venue.Name}
		for _, x := range []string{e.Venue.Address, e.Venue.Postcode} {
			if x != "" {
				parts = append(parts, x)
			}
		}
		ev.Location = strings.Join(parts, ", ")
	} else if online {
		ev.Location = "Online"
	}
	var d []string
	switch e.Status {
	case "cancelled":
		d = append(d, "This event has been cancelled.")
	case "postponed":
		d = append(d, "This event has been postponed. A new date will be published.")
	case "moved-online":
		d = append(d, "This event is now online only.")
	case "rescheduled":
		if e.PreviousWhen != "" {
			d = append(d, "This event has moved from "+e.PreviousWhen+".")
		}
	}
	if p.Summary != "" {
		d = append(d, p.Summary)
	}
	d = append(d, "When: "+e.When+".")
	if ev.Location != "" {
		d = append(d, "Where: "+ev.Location+".")
	}
	if len(e.Accessibility) > 0 {
		d = append(d, "Access: "+strings.Join(e.Accessibility, ", ")+".")
	}
	if ev.ConferenceURL != "" {
		d = append(d, "Join online: "+ev.ConferenceURL)
	}
	if e.Booking.URL != "" {
		d = append(d, "Book: "+e.Booking.URL)
	}
	d = append(d, "More information: "+ev.URL)
	ev.Description = strings.Join(d, "\n")
	seen := map[string]bool{}
	for _, t := range p.Terms {
		if !seen[t.Name] {
			seen[t.Name] = true
			ev.Categories = append(ev.Categories, t.Name)
		}
	}
	return ev
}
