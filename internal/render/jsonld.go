package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/site"
)

// eventStatus and attendanceMode are schema.org's names for an event's
// status and attendance.
var (
	eventStatus = map[string]string{
		"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed",
		"rescheduled": "EventRescheduled", "moved-online": "EventMovedOnline",
	}
	attendanceMode = map[string]string{
		"in-person": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode", "hybrid": "MixedEventAttendanceMode",
	}
)

// jsonLD returns schema.org JSON-LD for a page: an Event for events, an
// Article for news and "you said, we did" updates, nothing for others.
func (r *Renderer) jsonLD(p *site.Page) (template.JS, error) {
	v := r.linkedData(p)
	if v == nil {
		return "", nil
	}
	return marshalJSONLD(v)
}

// writeJSONLD writes jsonLD's JSON for p to b, without a copy, and
// reports whether p has any.
func (r *Renderer) writeJSONLD(b *bytes.Buffer, p *site.Page) (bool, error) {
	v := r.linkedData(p)
	if v == nil {
		return false, nil
	}
	// Encode escapes as json.Marshal does, and adds a line end.
	if err := json.NewEncoder(b).Encode(v); err != nil {
		return false, err
	}
	b.Truncate(b.Len() - 1)
	return true, nil
}

// linkedData is the schema.org value for p that jsonLD writes, or nil.
func (r *Renderer) linkedData(p *site.Page) any {
	cfg := r.site.Config
	abs := func(u string) string { return site.AbsURL(cfg.BaseURL, u) }
	iso := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(cfg.Location).Format(time.RFC3339)
	}
	switch {
	case p.Event != nil:
		e := p.Event
		status := eventStatus[e.Status]
		attendance := e.Attendance
		if e.Status == "moved-online" {
			attendance = "online" // schema.org: EventMovedOnline means online attendance now
		}
		mode := attendanceMode[attendance]
		v := event{
			Context: "https://schema.org", Type: "Event", Description: p.Summary,
			EndDate: iso(e.End), EventAttendanceMode: "https://schema.org/" + mode, EventStatus: "https://schema.org/" + status,
			Name: p.Title, Organizer: organization{Type: "Organization", Name: cfg.Organisation.Name},
			PreviousStartDate: iso(e.PreviousStart), StartDate: iso(e.Start), URL: abs(p.URL),
		}
		var locs []any
		if attendance != "online" && e.Venue.Name != "" {
			addr := postalAddress{Type: "PostalAddress", AddressCountry: "GB", PostalCode: e.Venue.Postcode, StreetAddress: e.Venue.Address}
			locs = append(locs, place{Type: "Place", Address: addr, Name: e.Venue.Name})
		}
		if attendance != "in-person" && e.OnlineURL != "" {
			locs = append(locs, virtualLocation{Type: "VirtualLocation", URL: e.OnlineURL})
		}
		switch len(locs) {
		case 1:
			v.Location = locs[0]
		case 2:
			v.Location = locs
		}
		return v
	case p.Kind == site.KindPage && (p.Type == "news" || p.Type == "updates") && p.Standard == nil:
		a := article{
			Context: "https://schema.org", Type: "Article", Author: organization{Type: "Organization", Name: cfg.Organisation.Name},
			DateModified: iso(p.Updated), DatePublished: iso(p.Date), Description: p.Summary,
			Headline: p.Title, InLanguage: cfg.Language, MainEntityOfPage: abs(p.URL),
			Publisher: organization{Type: "Organization", Name: cfg.Organisation.Name}, URL: abs(p.URL),
		}
		if p.Author != nil {
			a.Author = person{Type: "Person", JobTitle: p.Author.Role, Name: p.Author.Name}
		}
		return a
	}
	return nil
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

// The schema.org types below are structs rather than maps, for speed:
// their fields are in the order of their JSON names, the order
// json.Marshal writes a map's keys in, and a field a map would leave out is
// omitempty, so the JSON is what a map would give.

// event is schema.org's Event.
type event struct {
	Context             string       `json:"@context"`
	Type                string       `json:"@type"`
	Description         string       `json:"description,omitempty"`
	EndDate             string       `json:"endDate"`
	EventAttendanceMode string       `json:"eventAttendanceMode"`
	EventStatus         string       `json:"eventStatus"`
	Location            any          `json:"location,omitempty"`
	Name                string       `json:"name"`
	Organizer           organization `json:"organizer"`
	PreviousStartDate   string       `json:"previousStartDate,omitempty"`
	StartDate           string       `json:"startDate"`
	URL                 string       `json:"url"`
}

// place, postalAddress and virtualLocation are schema.org's, for an
// event's location.
type place struct {
	Type    string        `json:"@type"`
	Address postalAddress `json:"address"`
	Name    string        `json:"name"`
}

type postalAddress struct {
	Type           string `json:"@type"`
	AddressCountry string `json:"addressCountry"`
	PostalCode     string `json:"postalCode,omitempty"`
	StreetAddress  string `json:"streetAddress,omitempty"`
}

type virtualLocation struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// article is schema.org's Article.
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
