// Package opendata publishes the structured record of a site's engagement
// as JSON and CSV under /data/: every "you said, we did" update, event and
// campaign with its fields, so that others (Healthwatch, researchers,
// journalists) can reuse it. It runs in the render stage over the
// resolved site.
package opendata

import (
	"bytes"
	"encoding/csv"
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
	cells   []string // row after row, a cell for each column
}

// add appends a row, which has a cell for each column.
func (t *table) add(row ...string) { t.cells = append(t.cells, row...) }

// rows is how many rows the table has.
func (t *table) rows() int { return len(t.cells) / len(t.columns) }

// row returns the i'th row's cells.
func (t *table) row(i int) []string {
	n := len(t.columns)
	return t.cells[i*n : (i+1)*n]
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
	// terms joins the names of a page's terms in a taxonomy with "; ",
	// making the string once.
	terms := func(p *site.Page, tax string) string {
		n, size, only := 0, 0, ""
		for _, t := range p.Terms {
			if t.Taxonomy == tax {
				n++
				size += len(t.Name)
				only = t.Name
			}
		}
		if n < 2 {
			return only
		}
		var b strings.Builder
		b.Grow(size + (n-1)*len("; "))
		n = 0
		for _, t := range p.Terms {
			if t.Taxonomy == tax {
				if n > 0 {
					b.WriteString("; ")
				}
				n++
				b.WriteString(t.Name)
			}
		}
		return b.String()
	}
	updates := table{name: "updates", columns: []string{"url", "title", "date", "status", "we_asked", "you_said", "we_did", "reason", "progress", "source", "topics", "areas"}}
	events := table{name: "events", columns: []string{"url", "title", "start", "end", "status", "attendance", "venue", "address", "postcode", "online_url", "accessibility", "booking_url", "booking_required", "campaign", "topics", "areas"}}
	campaigns := table{name: "campaigns", columns: []string{"url", "title", "kind", "status", "opens", "closes", "why", "respond_online", "respond_email", "respond_phone", "respond_post", "what_happens_next", "outcomes", "topics", "areas"}}
	// Count the rows first so that each table's cells are made once.
	var nUpdates, nEvents, nCampaigns int
	for _, p := range s.Regular {
		switch {
		case p.Update != nil:
			nUpdates++
		case p.Event != nil:
			nEvents++
		case p.Campaign != nil:
			nCampaigns++
		}
	}
	updates.cells = make([]string, 0, nUpdates*len(updates.columns))
	events.cells = make([]string, 0, nEvents*len(events.columns))
	campaigns.cells = make([]string, 0, nCampaigns*len(campaigns.columns))
	for _, p := range s.Regular {
		switch {
		case p.Update != nil:
			u := p.Update
			progress := ""
			if u.Progress != nil {
				progress = strconv.Itoa(*u.Progress)
			}
			updates.add(abs(p), p.Title, day(p.Date), u.Status, u.WeAsked, u.YouSaid, u.WeDid, u.Reason, progress, abs(u.Source), terms(p, "topics"), terms(p, "areas"))
		case p.Event != nil:
			e := p.Event
			events.add(abs(p), p.Title, stamp(e.Start), stamp(e.End), e.Status, e.Attendance, e.Venue.Name, e.Venue.Address, e.Venue.Postcode, e.OnlineURL, strings.Join(e.Accessibility, "; "), e.Booking.URL, strconv.FormatBool(e.Booking.Required), abs(e.Campaign), terms(p, "topics"), terms(p, "areas"))
		case p.Campaign != nil:
			c := p.Campaign
			var outcomes []string
			for _, o := range c.Outcomes {
				outcomes = append(outcomes, abs(o))
			}
			campaigns.add(abs(p), p.Title, c.Kind, c.Status, day(c.Opens), day(c.Closes), c.Why, c.Respond.Online, c.Respond.Email, c.Respond.Phone, c.Respond.Post, c.WhatHappensNext, strings.Join(outcomes, " "), terms(p, "topics"), terms(p, "areas"))
		}
	}
	var files []output.File
	for _, t := range []table{updates, events, campaigns} {
		c, err := t.csv()
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: "data/" + t.name + ".json", Data: t.json()}, output.File{Path: "data/" + t.name + ".csv", Data: c})
	}
	return files, nil
}

// json writes the table as a list of objects with the columns as keys,
// in column order, as encoding/json would write each string.
func (t table) json() []byte {
	rows := t.rows()
	size := len("[\n]\n") + rows*len("\n {}") + max(rows-1, 0)*len(",")
	// keys[j] is what comes before the j'th value of a row.
	keys := make([]string, len(t.columns))
	for j, col := range t.columns {
		var key []byte
		if j > 0 {
			key = append(key, ',')
		}
		keys[j] = string(append(appendJSON(key, col), ':'))
		size += rows * len(keys[j])
	}
	for _, c := range t.cells {
		size += jsonSize(c)
	}
	b := make([]byte, 0, size)
	b = append(b, '[')
	for i := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n {"...)
		for j, v := range t.row(i) {
			b = appendJSON(append(b, keys[j]...), v)
		}
		b = append(b, '}')
	}
	return append(b, "\n]\n"...)
}

func (t table) csv() ([]byte, error) {
	// At most each cell is quoted, its quotes doubled, and followed by a
	// comma or a line end.
	size := 0
	for _, cells := range [][]string{t.columns, t.cells} {
		for _, c := range cells {
			size += len(c) + 3 + strings.Count(c, `"`)
		}
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	w := csv.NewWriter(b)
	if err := w.Write(t.columns); err != nil {
		return nil, err
	}
	for i := range t.rows() {
		if err := w.Write(t.row(i)); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
