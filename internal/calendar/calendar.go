// Package calendar writes iCalendar files (RFC 5545) of events: one file
// of every event for people who subscribe, and one per event for "Add to
// calendar". Times are written in the site's time zone with a VTIMEZONE
// when that zone is Europe/London, and in UTC otherwise. It runs in the
// render stage and sees only the values it is given.
package calendar

import (
	"slices"
	"strconv"
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
var londonTZ = "BEGIN:VTIMEZONE\r\n" +
	"TZID:Europe/London\r\n" +
	"X-LIC-LOCATION:Europe/London\r\n" +
	"BEGIN:DAYLIGHT\r\n" +
	"TZOFFSETFROM:+0000\r\n" +
	"TZOFFSETTO:+0100\r\n" +
	"TZNAME:BST\r\n" +
	"DTSTART:19700329T010000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" +
	"END:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\n" +
	"TZOFFSETFROM:+0100\r\n" +
	"TZOFFSETTO:+0000\r\n" +
	"TZNAME:GMT\r\n" +
	"DTSTART:19701025T020000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
	"END:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// Write returns the calendar as iCalendar text with CRLF line ends and
// lines folded at 75 octets.
//
// Every line is written straight into one buffer, made once at a size
// that the calendar cannot outgrow, because a site writes a calendar for
// every event.
func Write(c Calendar) []byte {
	london := c.Location != nil && c.Location.String() == "Europe/London"
	// Sort pointers rather than a copy of the events, which are large.
	events := make([]*Event, len(c.Events))
	for i := range c.Events {
		events[i] = &c.Events[i]
	}
	slices.SortStableFunc(events, func(a, b *Event) int {
		if n := a.Start.Compare(b.Start); n != 0 {
			return n
		}
		return strings.Compare(a.UID, b.UID)
	})
	out := make([]byte, 0, maxSize(c, london))
	out = append(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"...)
	out = appendText(out, "PRODID:", c.ProdID)
	out = append(out, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"...)
	if c.Name != "" {
		out = appendText(out, "X-WR-CALNAME:", c.Name)
	}
	if london && len(events) > 0 {
		out = append(out, "X-WR-TIMEZONE:Europe/London\r\n"...)
		out = append(out, londonTZ...)
	}
	for _, e := range events {
		out = append(out, "BEGIN:VEVENT\r\n"...)
		out = appendText(out, "UID:", e.UID)
		out = appendTime(out, "DTSTAMP:", e.Stamp.UTC(), utcLayout)
		if london {
			out = appendTime(out, "DTSTART;TZID=Europe/London:", e.Start.In(c.Location), localLayout)
			out = appendTime(out, "DTEND;TZID=Europe/London:", e.End.In(c.Location), localLayout)
		} else {
			out = appendTime(out, "DTSTART:", e.Start.UTC(), utcLayout)
			out = appendTime(out, "DTEND:", e.End.UTC(), utcLayout)
		}
		out = appendText(out, "SUMMARY:", e.Summary)
		if e.Description != "" {
			out = appendText(out, "DESCRIPTION:", e.Description)
		}
		if e.Location != "" {
			out = appendText(out, "LOCATION:", e.Location)
		}
		if e.URL != "" {
			out = appendURI(out, "URL;VALUE=URI:", e.URL)
		}
		if e.ConferenceURL != "" {
			out = appendURI(out, "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:", e.ConferenceURL)
		}
		if len(e.Categories) > 0 {
			start := len(out)
			out = append(out, "CATEGORIES:"...)
			for i, c := range e.Categories {
				if i > 0 {
					out = append(out, ',')
				}
				out = escape(out, c)
			}
			out = endLine(out, start)
		}
		status := e.Status
		if status == "" {
			status = "CONFIRMED"
		}
		out = appendURI(out, "STATUS:", status)
		out = strconv.AppendInt(append(out, "SEQUENCE:"...), int64(e.Sequence), 10)
		out = append(out, "\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n"...)
	}
	return append(out, "END:VCALENDAR\r\n"...)
}

const (
	utcLayout   = "20060102T150405Z"
	localLayout = "20060102T150405"
)

// maxSize is at least the length of c as Write writes it.
func maxSize(c Calendar, london bool) int {
	n := 120 + textSize(c.ProdID) + textSize(c.Name)
	if london {
		n += 30 + len(londonTZ)
	}
	for i := range c.Events {
		e := &c.Events[i]
		// 230 octets are the property names always written, dates,
		// status, sequence and line ends.
		n += 230 + textSize(e.UID) + textSize(e.Summary) + len(e.Status) +
			optional("DESCRIPTION:", textSize(e.Description)) + optional("LOCATION:", textSize(e.Location)) +
			optional("URL;VALUE=URI:", len(e.URL)) + optional("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:", len(e.ConferenceURL))
		for _, c := range e.Categories {
			n += textSize(c) + 1
		}
		n += optional("CATEGORIES:", len(e.Categories))
	}
	// Folding adds 3 octets for every 71 or more.
	return n + n/23
}

// optional is the length of a property of value size, which is not
// written when it is empty.
func optional(name string, size int) int {
	if size == 0 {
		return 0
	}
	return len(name) + 2 + size
}

// textSize is at least the length of s escaped as a TEXT value.
func textSize(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', ';', ',', '\n', '\r':
			n++
		}
	}
	return n
}

// appendTime appends a property whose value is a date and time, which
// is too short to fold.
func appendTime(out []byte, name string, t time.Time, layout string) []byte {
	return append(t.AppendFormat(append(out, name...), layout), "\r\n"...)
}

// appendURI appends a property whose value is written as it is.
func appendURI(out []byte, name, value string) []byte {
	start := len(out)
	return endLine(append(append(out, name...), value...), start)
}

// appendText appends a property whose value is TEXT.
func appendText(out []byte, name, value string) []byte {
	start := len(out)
	return endLine(escape(append(out, name...), value), start)
}

// escape appends s escaped as a TEXT value, as RFC 5545 section 3.3.11
// says: backslash, semicolon, comma and newline.
func escape(out []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		n := 1 // octets replaced
		switch s[i] {
		case '\\':
			esc = `\\`
		case ';':
			esc = `\;`
		case ',':
			esc = `\,`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\n`
			if strings.HasPrefix(s[i+1:], "\n") {
				n = 2
			}
		default:
			continue
		}
		out = append(append(out, s[last:i]...), esc...)
		last = i + n
		i = last - 1
	}
	return append(out, s[last:]...)
}

// Fold splits a content line into lines of at most 75 octets, each
// continuation starting with a space, never inside a UTF-8 character, and
// ends every line with CRLF.
func Fold(line string) string { return string(endLine([]byte(line), 0)) }

// endLine folds the line that begins at out[start:] as Fold folds it, in
// place, and ends it with CRLF.
func endLine(out []byte, start int) []byte {
	if len(out)-start <= 75 {
		return append(out, "\r\n"...)
	}
	// Find where each continuation begins, counted from start. Lines of
	// up to 4,500 octets or so need no more room than the stack array.
	var stack [64]int
	cuts := stack[:0]
	at, limit := 0, 75
	for len(out)-start-at > limit {
		cut := at + limit
		for cut > at && !utf8.RuneStart(out[start+cut]) {
			cut--
		}
		if cut == at { // not UTF-8: cut anywhere rather than loop
			cut = at + limit
		}
		cuts = append(cuts, cut)
		at = cut
		limit = 74 // the leading space counts
	}
	// Move each continuation right by the folds before it, last first.
	end := len(out)
	out = slices.Grow(out, 3*len(cuts)+2)[:end+3*len(cuts)]
	for i := len(cuts) - 1; i >= 0; i-- {
		from := start + cuts[i]
		to := from + 3*(i+1)
		copy(out[to:], out[from:end])
		copy(out[to-3:], "\r\n ")
		end = from
	}
	return append(out, "\r\n"...)
}
