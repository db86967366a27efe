// Package engagement holds the rules of public engagement that engage's
// content types follow: when a consultation is open, how an event's time
// is written in words, which statuses exist, how a document link is
// labelled. Its functions are pure: the resolve stage (package site) calls
// them with the site's time zone and the build's "now".
package engagement

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Campaign statuses. Forthcoming, Open and Closed come from the dates;
// OutcomePublished from a "you said, we did" update naming the campaign;
// Withdrawn and Paused only from the author.
const (
	Forthcoming      = "forthcoming"
	Open             = "open"
	Closed           = "closed"
	OutcomePublished = "outcome published"
	Withdrawn        = "withdrawn"
	Paused           = "paused"
)

// CampaignKinds are the kinds of campaign, the first being the default.
var CampaignKinds = []string{"campaign", "consultation", "survey", "engagement"}

// CampaignOverrides are the statuses an author may set on a campaign.
var CampaignOverrides = []string{Withdrawn, Paused}

// EventStatuses are an event's statuses, the first being the default.
var EventStatuses = []string{"scheduled", "cancelled", "postponed", "rescheduled", "moved-online"}

// Attendances are the ways to attend an event, the first being the default.
var Attendances = []string{"in-person", "online", "hybrid"}

// UpdateStatuses are the statuses of a "you said, we did" update, in the
// order the board shows them; the first is the default.
var UpdateStatuses = []string{"planned", "in-progress", "done", "not-possible"}

// PrincipleKinds are the kinds of principle page, the first being the default.
var PrincipleKinds = []string{"principle", "standard"}

// FormalWeeks is how long a formal consultation usually runs.
const FormalWeeks = 12

// StartOfDay is midnight at the start of t's day in loc.
func StartOfDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// EndOfDay is the first instant of the day after t's day in loc: a
// campaign that closes on a date is open until then.
func EndOfDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, loc)
}

// CampaignStatus derives a campaign's status. opens and closes may be zero
// (not given). A campaign with no dates is open. An outcome counts once
// the campaign has closed: while it is open, people can still respond.
func CampaignStatus(opens, closes time.Time, override string, hasOutcome bool, now time.Time, loc *time.Location) string {
	if override != "" {
		return override
	}
	if !opens.IsZero() && now.Before(StartOfDay(opens, loc)) {
		return Forthcoming
	}
	if !closes.IsZero() && !now.Before(EndOfDay(closes, loc)) {
		if hasOutcome {
			return OutcomePublished
		}
		return Closed
	}
	return Open
}

// DaysLeft counts the whole days after today until the close date: 0 when
// it closes today, 1 when it closes tomorrow.
func DaysLeft(closes, now time.Time, loc *time.Location) int {
	a := StartOfDay(now, loc)
	b := StartOfDay(closes, loc)
	// Count calendar days, not 24-hour spans, so clock changes do not matter.
	days := 0
	for a.Before(b) {
		a = time.Date(a.Year(), a.Month(), a.Day()+1, 0, 0, 0, 0, loc)
		days++
		if days > 3660 {
			break
		}
	}
	return days
}

// Weeks is the length of a campaign in whole weeks, counting the close
// date as a full day.
func Weeks(opens, closes time.Time, loc *time.Location) int {
	days := DaysLeft(closes, opens, loc) + 1
	return days / 7
}

// Wall reads a local date and time as authors write it (2026-03-14T10:00)
// in loc and says whether that time exists there: at the spring clock
// change the hour from 01:00 is skipped (nonexistent), and in autumn it
// happens twice (ambiguous; the first, summer-time one is used).
func Wall(year int, month time.Month, day, hour, min int, loc *time.Location) (t time.Time, nonexistent, ambiguous bool) {
	t = time.Date(year, month, day, hour, min, 0, 0, loc)
	if t.Hour() != hour || t.Minute() != min || t.Day() != day {
		return t, true, false
	}
	for _, d := range []time.Duration{-time.Hour, time.Hour} {
		o := t.Add(d)
		if o.Hour() == hour && o.Minute() == min && o.Day() == day {
			if o.Before(t) {
				t = o
			}
			return t, false, true
		}
	}
	return t, false, false
}

// When writes an event's time in words, the GOV.UK way:
// "Saturday 14 March 2026, 10am to 12:30pm", or across days
// "Saturday 14 March 2026, 10am to Sunday 15 March 2026, 4pm".
func When(start, end time.Time, loc *time.Location) string {
	s, e := start.In(loc), end.In(loc)
	out := Day(s) + ", " + Clock(s)
	if end.IsZero() {
		return out
	}
	if sy, sm, sd := s.Date(); sy == e.Year() && sm == e.Month() && sd == e.Day() {
		return out + " to " + Clock(e)
	}
	return out + " to " + Day(e) + ", " + Clock(e)
}

// Date writes a date the way GOV.UK and NHS.UK do: "14 March 2026", in
// the time zone loc.
func Date(t time.Time, loc *time.Location) string { return t.In(loc).Format("2 January 2006") }

// Day writes a date in words: "Saturday 14 March 2026".
func Day(t time.Time) string { return t.Format("Monday 2 January 2006") }

// Clock writes a time the GOV.UK way: 10am, 12:30pm, midday, midnight.
func Clock(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	switch {
	case h == 12 && m == 0:
		return "midday"
	case h == 0 && m == 0:
		return "midnight"
	}
	suffix := "am"
	if h >= 12 {
		suffix = "pm"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if m == 0 {
		return fmt.Sprintf("%d%s", h12, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h12, m, suffix)
}

// fileTypes names file types the way GOV.UK attachment links do.
var fileTypes = map[string]string{
	"pdf": "PDF", "doc": "MS Word Document", "docx": "MS Word Document",
	"xls": "MS Excel Spreadsheet", "xlsx": "MS Excel Spreadsheet",
	"ppt": "MS PowerPoint Presentation", "pptx": "MS PowerPoint Presentation",
	"odt": "OpenDocument Text", "ods": "OpenDocument Spreadsheet", "odp": "OpenDocument Presentation",
	"csv": "CSV", "txt": "Plain text", "rtf": "Rich Text Format", "zip": "ZIP archive",
	"epub": "EPUB", "mp3": "MP3 audio", "mp4": "MP4 video",
}

// IsDocument reports whether a file name is a document that readers
// download (PDF, Office, text, audio) rather than a web page or picture.
func IsDocument(name string) bool {
	_, ok := fileTypes[ext(name)]
	return ok
}

// IsOffice reports whether a file is a PDF or Office document, the kind
// that needs an HTML alternative.
func IsOffice(name string) bool {
	switch ext(name) {
	case "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf":
		return true
	}
	return false
}

func ext(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(name[i+1:])
}

// FileLabel describes a file for its link: "PDF, 2.7 MB".
func FileLabel(name string, size int64) string {
	typ, ok := fileTypes[ext(name)]
	if !ok {
		typ = strings.ToUpper(ext(name))
	}
	if typ == "" {
		typ = "File"
	}
	return typ + ", " + Size(size)
}

// Size writes a file size for people: 512 bytes, 14 KB, 2.7 MB.
func Size(n int64) string {
	const k = 1024
	switch {
	case n < k:
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	case (n+k/2)/k < k:
		return fmt.Sprintf("%d KB", (n+k/2)/k)
	default:
		mb := float64(n) / (k * k)
		if mb >= 100 {
			return fmt.Sprintf("%.0f MB", mb)
		}
		return strings.TrimSuffix(fmt.Sprintf("%.1f", mb), ".0") + " MB"
	}
}

// Label turns a status or kind into words for a tag: "in-progress" is
// "In progress", "not-possible" is "Not possible".
func Label(s string) string {
	s = strings.ReplaceAll(s, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Contains reports whether list holds s.
func Contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clause matches a numbered heading: "5. General duties" or "5.2 Public
// involvement", but not "2026 plans".
var clause = regexp.MustCompile(`^(\d+(?:\.\d+)+\.?|\d+\.)\s+(\S.*)$`)

// ClauseNumber splits a numbered heading ("5.2 Public involvement",
// "5. General duties") into its number and title.
func ClauseNumber(text string) (num, title string, ok bool) {
	m := clause.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return "", "", false
	}
	return strings.TrimSuffix(m[1], "."), strings.TrimSpace(m[2]), true
}

// ClauseID is the anchor of a numbered heading: "5.2 Public involvement"
// is "clause-5-2". Other headings give "".
func ClauseID(text string) string {
	num, _, ok := ClauseNumber(text)
	if !ok {
		return ""
	}
	return "clause-" + strings.ReplaceAll(num, ".", "-")
}
