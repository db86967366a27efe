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
		// A struct rather than a map, for speed: its fields are in the
		// order json.Marshal writes a map's keys, so the JSON is the same.
		a := article{
			Context: "https://schema.org", Type: "Article", Author: organization{Type: "Organization", Name: cfg.Organisation.Name},
			DateModified: iso(p.Updated), DatePublished: iso(p.Date), Description: p.Summary,
			Headline: p.Title, InLanguage: cfg.Language, MainEntityOfPage: abs(p.URL),
			Publisher: organization{Type: "Organization", Name: cfg.Organisation.Name}, URL: abs(p.URL),
		}
		if p.Author != nil {
			a.Author = person{Type: "Person", JobTitle: p.Author.Role, Name: p.Author.Name}
		}
		return marshalJSONLD(a)
	default:
		return "", nil
	}
	return marshalJSONLD(v)
}

// marshalJSONLD writes JSON-LD for a <script> element.
func marshalJSONLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	// json.Marshal escapes <, > and & already; this keeps "</script" out too.
	return template.JS(strings.ReplaceAll(string(b), "</", "<\\/")), nil
}

// article is schema.org's Article, its fields in the order of their JSON
// names.
type article struct {
	Context          string `json:"@context"`
	Type             string `json:"@type"`
	Author           any    `json:"author"`
	DateModified     string `json:"dateModified,omitempty"`
	DatePublished    string `json:"datePublished,omitempty"`
	Description      string `json:"description,omitempty"`
	Headline         string `json:"headline"`
	InLanguage       string `json:"inLanguage"`
	MainEntityOfPage string `json:"mainEntityOfPage"`
	Publisher        any    `json:"publisher"`
	URL              string `json:"url"`
}

// organization and person are schema.org's, in JSON name order.
type organization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type person struct {
	Type     string `json:"@type"`
	JobTitle string `json:"jobTitle,omitempty"`
	Name     string `json:"name"`
}
