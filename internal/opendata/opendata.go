// Package opendata publishes the structured record of a site's engagement
// as JSON and CSV under /data/: every "you said, we did" update, event and
// campaign with its fields, so that others (Healthwatch, researchers,
// journalists) can reuse it. It runs in the render stage over the
// resolved site.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// table is one dataset: its columns and a row per item.
type table struct {
	name    string
	columns []string
	rows    [][]string
}

// Files returns data/updates, data/events and data/campaigns as .json
// and .csv.
func Files(s *site.Site) ([]output.File, error) {
	cfg := s.Config
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(cfg.Location).Format("2006-01-02")
	}
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(cfg.Location).Format(time.RFC3339)
	}
	abs := func(p *site.Page) string {
		if p == nil {
			return ""
		}
		return site.AbsURL(cfg.BaseURL, p.URL)
	}
	terms := func(p *site.Page, tax string) string {
		var out []string
		for _, t := range p.Terms {
			if t.Taxonomy == tax {
				out = append(out, t.Name)
			}
		}
		return strings.Join(out, "; ")
	}
	updates := table{name: "updates", columns: []string{"url", "title", "date", "status", "we_asked", "you_said", "we_did", "reason", "progress", "source", "topics", "areas"}}
	events := table{name: "events", columns: []string{"url", "title", "start", "end", "status", "attendance", "venue", "address", "postcode", "online_url", "accessibility", "booking_url", "booking_required", "campaign", "topics", "areas"}}
	campaigns := table{name: "campaigns", columns: []string{"url", "title", "kind", "status", "opens", "closes", "why", "respond_online", "respond_email", "respond_phone", "respond_post", "what_happens_next", "outcomes", "topics", "areas"}}
	for _, p := range s.Regular {
		switch {
		case p.Update != nil:
			u := p.Update
			progress := ""
			if u.Progress != nil {
				progress = strconv.Itoa(*u.Progress)
			}
			updates.rows = append(updates.rows, []string{abs(p), p.Title, day(p.Date), u.Status, u.WeAsked, u.YouSaid, u.WeDid, u.Reason, progress, abs(u.Source), terms(p, "topics"), terms(p, "areas")})
		case p.Event != nil:
			e := p.Event
			events.rows = append(events.rows, []string{abs(p), p.Title, stamp(e.Start), stamp(e.End), e.Status, e.Attendance, e.Venue.Name, e.Venue.Address, e.Venue.Postcode, e.OnlineURL, strings.Join(e.Accessibility, "; "), e.Booking.URL, strconv.FormatBool(e.Booking.Required), abs(e.Campaign), terms(p, "topics"), terms(p, "areas")})
		case p.Campaign != nil:
			c := p.Campaign
			var outcomes []string
			for _, o := range c.Outcomes {
				outcomes = append(outcomes, abs(o))
			}
			campaigns.rows = append(campaigns.rows, []string{abs(p), p.Title, c.Kind, c.Status, day(c.Opens), day(c.Closes), c.Why, c.Respond.Online, c.Respond.Email, c.Respond.Phone, c.Respond.Post, c.WhatHappensNext, strings.Join(outcomes, " "), terms(p, "topics"), terms(p, "areas")})
		}
	}
	var files []output.File
	for _, t := range []table{updates, events, campaigns} {
		j, err := t.json()
		if err != nil {
			return nil, err
		}
		c, err := t.csv()
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: "data/" + t.name + ".json", Data: j}, output.File{Path: "data/" + t.name + ".csv", Data: c})
	}
	return files, nil
}

// json writes the table as a list of objects with the columns as keys,
// in column order.
func (t table) json() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range t.rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n {")
		for j, col := range t.columns {
			if j > 0 {
				b.WriteString(",")
			}
			k, _ := json.Marshal(col)
			v, err := json.Marshal(row[j])
			if err != nil {
				return nil, err
			}
			b.Write(k)
			b.WriteString(":")
			b.Write(v)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}

func (t table) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(t.columns); err != nil {
		return nil, err
	}
	if err := w.WriteAll(t.rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
