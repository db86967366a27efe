package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/site"
)

// jsonLD returns schema.org JSON-LD for a page: an Event for events, an
// Article for news and "you said, we did" updates, nothing for others.
func (r *Renderer) jsonLD(p *site.Page) (template.JS, error) {
	cfg := r.site.Config
	abs := func(u string) string { return site.AbsURL(cfg.BaseURL, u) }
	iso := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(cfg.Location).Format(time.RFC3339)
	}
	org := map[string]any{"@type": "Organization", "name": cfg.Organisation.Name}
	var v map[string]any
	switch {
	case p.Event != nil:
		e := p.Event
		status := map[string]string{
			"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed",
			"rescheduled": "EventRescheduled", "moved-online": "EventMovedOnline",
		}[e.Status]
		attendance := e.Attendance
		if e.Status == "moved-online" {
			attendance = "online" // schema.org: EventMovedOnline means online attendance now
		}
		mode := map[string]string{
			"in-person": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode", "hybrid": "MixedEventAttendanceMode",
		}[attendance]
		v = map[string]any{
			"@context": "https://schema.org", "@type": "Event", "name": p.Title, "url": abs(p.URL),
			"startDate": iso(e.Start), "endDate": iso(e.End),
			"eventStatus":         "https://schema.org/" + status,
			"eventAttendanceMode": "https://schema.org/" + mode,
			"organizer":           org,
		}
		if p.Summary != "" {
			v["description"] = p.Summary
		}
		var locs []any
		if attendance != "online" && e.Venue.Name != "" {
			addr := map[string]any{"@type": "PostalAddress", "addressCountry": "GB"}
			if e.Venue.Address != "" {
				addr["streetAddress"] = e.Venue.Address
			}
			if e.Venue.Postcode != "" {
				addr["postalCode"] = e.Venue.Postcode
			}
			locs = append(locs, map[string]any{"@type": "Place", "name": e.Venue.Name, "address": addr})
		}
		if attendance != "in-person" && e.OnlineURL != "" {
			locs = append(locs, map[string]any{"@type": "VirtualLocation", "url": e.OnlineURL})
		}
		switch len(locs) {
		case 1:
			v["location"] = locs[0]
		case 2:
			v["location"] = locs
		}
		if !e.PreviousStart.IsZero() {
			v["previousStartDate"] = iso(e.PreviousStart)
		}
	case p.Kind == site.KindPage && (p.Type == "news" || p.Type == "updates") && p.Standard == nil:
		v = map[string]any{
			"@context": "https://schema.org", "@type": "Article", "headline": p.Title, "url": abs(p.URL),
			"mainEntityOfPage": abs(p.URL), "publisher": org, "inLanguage": cfg.Language,
		}
		if p.Summary != "" {
			v["description"] = p.Summary
		}
		if d := iso(p.Date); d != "" {
			v["datePublished"] = d
		}
		if d := iso(p.Updated); d != "" {
			v["dateModified"] = d
		}
		if p.Author != nil {
			a := map[string]any{"@type": "Person", "name": p.Author.Name}
			if p.Author.Role != "" {
				a["jobTitle"] = p.Author.Role
			}
			v["author"] = a
		} else {
			v["author"] = org
		}
	default:
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	// json.Marshal escapes <, > and & already; this keeps "</script" out too.
	return template.JS(strings.ReplaceAll(string(b), "</", "<\\/")), nil
}
