// Package calendar writes iCalendar files (RFC 5545) of events: one file
// of every event for people who subscribe, and one per event for "Add to
// calendar". Times are written in the site's time zone with a VTIMEZONE
// when that zone is Europe/London, and in UTC otherwise. It runs in the
// render stage and sees only the values it is given.
package calendar

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one VEVENT.
type Event struct {
	UID           string // never changes for an event
	Stamp         time.Time
	Start, End    time.Time
	Summary       string
	Description   string // plain text
	Location      string
	URL           string
	ConferenceURL string // how to join an online event (RFC 7986 CONFERENCE)
	Status        string // CONFIRMED, TENTATIVE or CANCELLED
	Sequence      int
	Categories    []string
}

// Calendar is a VCALENDAR.
type Calendar struct {
	Name     string // X-WR-CALNAME, shown by calendar apps
	ProdID   string
	Location *time.Location
	Events   []Event
}

// londonTZ is the VTIMEZONE of Europe/London since 1996: British Summer
// Time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October.
var londonTZ = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Europe/London",
	"X-LIC-LOCATION:Europe/London",
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0000",
	"TZOFFSETTO:+0100",
	"TZNAME:BST",
	"DTSTART:19700329T010000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0000",
	"TZNAME:GMT",
	"DTSTART:19701025T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// Write returns the calendar as iCalendar text with CRLF line ends and
// lines folded at 75 octets.
func Write(c Calendar) []byte {
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	add("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:"+text(c.ProdID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH")
	if c.Name != "" {
		add("X-WR-CALNAME:" + text(c.Name))
	}
	london := c.Location != nil && c.Location.String() == "Europe/London"
	if london && len(c.Events) > 0 {
		add("X-WR-TIMEZONE:Europe/London")
		add(londonTZ...)
	}
	events := append([]Event(nil), c.Events...)
	sort.SliceStable(events, func(i, j int) bool {
		if !events[i].Start.Equal(events[j].Start) {
			return events[i].Start.Before(events[j].Start)
		}
		return events[i].UID < events[j].UID
	})
	for _, e := range events {
		add("BEGIN:VEVENT", "UID:"+text(e.UID), "DTSTAMP:"+utc(e.Stamp))
		if london {
			add("DTSTART;TZID=Europe/London:"+local(e.Start, c.Location), "DTEND;TZID=Europe/London:"+local(e.End, c.Location))
		} else {
			add("DTSTART:"+utc(e.Start), "DTEND:"+utc(e.End))
		}
		add("SUMMARY:" + text(e.Summary))
		if e.Description != "" {
			add("DESCRIPTION:" + text(e.Description))
		}
		if e.Location != "" {
			add("LOCATION:" + text(e.Location))
		}
		if e.URL != "" {
			add("URL;VALUE=URI:" + e.URL)
		}
		if e.ConferenceURL != "" {
			add("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:" + e.ConferenceURL)
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, c := range e.Categories {
				cats[i] = text(c)
			}
			add("CATEGORIES:" + strings.Join(cats, ","))
		}
		status := e.Status
		if status == "" {
			status = "CONFIRMED"
		}
		add("STATUS:"+status, fmt.Sprintf("SEQUENCE:%d", e.Sequence), "TRANSP:OPAQUE", "END:VEVENT")
	}
	add("END:VCALENDAR")
	size := 0
	for _, l := range lines {
		size += len(l) + 2 + len(l)/74*3 // the line, CRLF, and a CRLF and space a fold
	}
	out := make([]byte, 0, size)
	for _, l := range lines {
		out = appendFold(out, l)
	}
	return out
}

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

func local(t time.Time, loc *time.Location) string { return t.In(loc).Format("20060102T150405") }

// text escapes a TEXT value as RFC 5545 section 3.3.11 says: backslash,
// semicolon, comma and newline.
func text(s string) string { return textEscaper.Replace(s) }

var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// Fold splits a content line into lines of at most 75 octets, each
// continuation starting with a space, never inside a UTF-8 character, and
// ends every line with CRLF.
func Fold(line string) string { return string(appendFold(nil, line)) }

// appendFold appends line to out folded as Fold folds it.
func appendFold(out []byte, line string) []byte {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		out = append(out, line[:cut]...)
		out = append(out, "\r\n "...)
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	out = append(out, line...)
	return append(out, "\r\n"...)
}
