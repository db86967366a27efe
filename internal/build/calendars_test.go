package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"
)

// parseCalendar parses an iCalendar file with golang-ical, as a calendar
// app would.
func parseCalendar(t *testing.T, data []byte, name string) *ics.Calendar {
	t.Helper()
	if data == nil {
		t.Fatalf("%s: not written", name)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: golang-ical cannot parse it: %v", name, err)
	}
	return cal
}

// eventUIDs lists the UIDs of a calendar's events in order.
func eventUIDs(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for _, e := range parseCalendar(t, data, "calendar").Events() {
		out = append(out, e.Id())
	}
	return out
}

func propValue(c *ics.ComponentBase, name string) string {
	if p := c.GetProperty(ics.ComponentProperty(name)); p != nil {
		return p.Value
	}
	return ""
}

// calEvent is what the tests compare of a VEVENT. Times are in London,
// with the zone's abbreviation, as golang-ical reads them.
type calEvent struct {
	Summary, Start, End, Location, URL, Status, Sequence, Conference, Categories string
	StartTZID, EndTZID                                                           []string
}

func calEventOf(t *testing.T, e *ics.VEvent, london *time.Location) calEvent {
	t.Helper()
	c := &e.ComponentBase
	got := calEvent{Summary: propValue(c, "SUMMARY"), Location: propValue(c, "LOCATION"), URL: propValue(c, "URL"),
		Status: propValue(c, "STATUS"), Sequence: propValue(c, "SEQUENCE"), Conference: propValue(c, "CONFERENCE"),
		Categories: propValue(c, "CATEGORIES")}
	const layout = "2006-01-02T15:04 MST"
	if s, err := e.GetStartAt(); err != nil {
		t.Errorf("DTSTART: %v", err)
	} else {
		got.Start = s.In(london).Format(layout)
	}
	if s, err := e.GetEndAt(); err != nil {
		t.Errorf("DTEND: %v", err)
	} else {
		got.End = s.In(london).Format(layout)
	}
	if p := c.GetProperty(ics.ComponentPropertyDtStart); p != nil {
		got.StartTZID = p.ICalParameters["TZID"]
	}
	if p := c.GetProperty(ics.ComponentPropertyDtEnd); p != nil {
		got.EndTZID = p.ICalParameters["TZID"]
	}
	return got
}

var utcStamp = regexp.MustCompile(`^\d{8}T\d{6}Z$`)

func TestCalendars(t *testing.T) {
	files := buildOutputs(t)
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	tz := []string{"Europe/London"}
	tests := []struct {
		page        string
		want        calEvent
		description []string // lines the description must have
		addLink     bool     // the page offers "Add to calendar": not past, not cancelled
	}{
		{
			// Across the night the clocks go back: 4 hours 30 minutes long.
			page: "events/night-walk/",
			want: calEvent{Summary: "Night walk, stargazing; café crème 🌙", Start: "2026-10-24T23:30 BST", End: "2026-10-25T03:00 GMT",
				Location: "Castle Brook Park, Park Road, Castle Brook, ZZ4 2BB", Status: "CONFIRMED", Sequence: "0",
				Categories: "Mental health,Castle Brook"},
			description: []string{"A walk under the stars; the clocks go back during it.",
				"When: Saturday 24 October 2026, 11:30pm to Sunday 25 October 2026, 3am.",
				"Where: Castle Brook Park, Park Road, Castle Brook, ZZ4 2BB."},
		},
		{
			page: "events/carers-cafe/",
			want: calEvent{Summary: "Carers' café", Start: "2026-12-05T10:00 GMT", End: "2026-12-05T12:00 GMT",
				Location: "Lowmere Library, 1 High Street, Lowmere, ZZ3 1AA", Status: "CONFIRMED", Sequence: "0", Categories: "Carers,Lowmere"},
			description: []string{"A monthly café for unpaid carers.", "Access: step-free access, hearing loop.", "Book: https://book.example.org/cafe"},
			addLink:     true,
		},
		{
			page: "events/online-forum/",
			want: calEvent{Summary: "Online forum: mental health", Start: "2026-12-10T18:00 GMT", End: "2026-12-10T19:30 GMT",
				Location: "Online", Status: "CONFIRMED", Sequence: "0", Conference: "https://meet.example.org/forum",
				Categories: "Mental health,Lowmere,Castle Brook"},
			description: []string{"Join online: https://meet.example.org/forum"},
			addLink:     true,
		},
		{
			page: "events/cancelled-meeting/",
			// Cancelling is a change of the event's scheduling, so its
			// sequence goes up too (RFC 5546 3.2.5).
			want: calEvent{Summary: "Public meeting about the eye clinic", Start: "2026-12-02T14:00 GMT", End: "2026-12-02T16:00 GMT",
				Location: "Castle Brook Hall, ZZ4 1CC", Status: "CANCELLED", Sequence: "1", Categories: "Eye care,Castle Brook"},
			description: []string{"This event has been cancelled."},
		},
		{
			page: "events/postponed-forum/",
			want: calEvent{Summary: "Young people's forum", Start: "2026-12-12T16:00 GMT", End: "2026-12-12T17:00 GMT",
				Location: "Lowmere Youth Club", Status: "TENTATIVE", Sequence: "1", Categories: "Mental health,Lowmere"},
			description: []string{"This event has been postponed. A new date will be published."},
			addLink:     true,
		},
		{
			page: "events/rescheduled-drop-in/",
			want: calEvent{Summary: "Eye clinic drop-in", Start: "2026-12-08T14:00 GMT", End: "2026-12-08T16:00 GMT",
				Location: "Castle Brook Health Centre, 2 Mill Lane, Castle Brook, ZZ4 3DD", Status: "CONFIRMED", Sequence: "1",
				Conference: "https://meet.example.org/drop-in", Categories: "Eye care,Castle Brook"},
			description: []string{"This event has moved from Tuesday 1 December 2026, 2pm.", "Join online: https://meet.example.org/drop-in"},
			addLink:     true,
		},
	}

	all := parseCalendar(t, files["events.ics"], "events.ics")
	checkLondonTimezone(t, "events.ics", all, london)
	byURL := map[string]*ics.VEvent{}
	uids := map[string]string{}
	for _, e := range all.Events() {
		u := propValue(&e.ComponentBase, "URL")
		byURL[u] = e
		if other, ok := uids[e.Id()]; ok {
			t.Errorf("events.ics: %s and %s have the same UID %q", u, other, e.Id())
		}
		uids[e.Id()] = u
	}
	if len(all.Events()) != len(tests) {
		t.Errorf("events.ics: got %d events, want %d", len(all.Events()), len(tests))
	}

	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			want := tt.want
			want.URL = outputsBase + tt.page
			want.StartTZID, want.EndTZID = tz, tz
			check := func(name string, e *ics.VEvent) {
				if diff := cmp.Diff(want, calEventOf(t, e, london)); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
				c := &e.ComponentBase
				if e.Id() == "" {
					t.Errorf("%s: no UID", name)
				}
				if s := propValue(c, "DTSTAMP"); !utcStamp.MatchString(s) {
					t.Errorf("%s: DTSTAMP: got %q, want a UTC date and time", name, s)
				}
				if p := c.GetProperty(ics.ComponentProperty("CONFERENCE")); p != nil {
					if got := p.ICalParameters["VALUE"]; !cmp.Equal(got, []string{"URI"}) {
						t.Errorf("%s: CONFERENCE VALUE: got %q, want URI", name, got)
					}
				}
				d := propValue(c, "DESCRIPTION")
				lines := strings.Split(d, "\n")
				for _, l := range append(tt.description, "More information: "+want.URL) {
					if !contains(lines, l) {
						t.Errorf("%s: DESCRIPTION has no line %q:\n%s", name, l, d)
					}
				}
				if strings.ContainsAny(d, "<>") || strings.Contains(d, "](") {
					t.Errorf("%s: DESCRIPTION is not plain text:\n%s", name, d)
				}
			}
			e := byURL[want.URL]
			if e == nil {
				t.Fatalf("events.ics: no event with URL %s", want.URL)
			}
			check("events.ics", e)

			name := tt.page + "event.ics"
			own := parseCalendar(t, files[name], name)
			checkLondonTimezone(t, name, own, london)
			if n := len(own.Events()); n != 1 {
				t.Fatalf("%s: got %d events, want 1", name, n)
			}
			check(name, own.Events()[0])
			if got := own.Events()[0].Id(); got != e.Id() {
				t.Errorf("%s: UID %q, but %q in events.ics", name, got, e.Id())
			}

			page := string(files[tt.page+"index.html"])
			if got, want := alternates(page, "text/calendar"), []string{"text/calendar /engage/" + name}; !cmp.Equal(got, want) {
				t.Errorf("%sindex.html: calendar links: got %q, want %q", tt.page, got, want)
			}
			link := `href="/engage/` + name + `">Add to calendar`
			if got := strings.Contains(page, link); got != tt.addLink {
				t.Errorf("%sindex.html: has %s: got %v, want %v", tt.page, link, got, tt.addLink)
			}
		})
	}

	for _, name := range names(files) {
		if strings.HasSuffix(name, ".ics") {
			checkICSBytes(t, name, files[name])
		}
	}
}

// checkICSBytes checks the lines of an iCalendar file: CRLF line ends and
// nothing else, at most 75 octets, each valid UTF-8 on its own.
func checkICSBytes(t *testing.T, name string, data []byte) {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(s, "END:VCALENDAR\r\n") {
		t.Errorf("%s: does not start with BEGIN:VCALENDAR and end with END:VCALENDAR and CRLF", name)
	}
	if n := strings.Count(s, "\n") - strings.Count(s, "\r\n"); n > 0 {
		t.Errorf("%s: %d bare LF", name, n)
	}
	if n := strings.Count(s, "\r") - strings.Count(s, "\r\n"); n > 0 {
		t.Errorf("%s: %d bare CR", name, n)
	}
	for i, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("%s:%d: %d octets, want at most 75: %q", name, i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("%s:%d: a UTF-8 character is split: %q", name, i+1, l)
		}
	}
}

// checkLondonTimezone checks that a calendar has one VTIMEZONE for
// Europe/London and that its rules give the same clock changes as the
// time zone database, 2020 to 2040.
func checkLondonTimezone(t *testing.T, name string, cal *ics.Calendar, london *time.Location) {
	t.Helper()
	var zones []*ics.VTimezone
	for _, z := range cal.Timezones() {
		if propValue(&z.ComponentBase, "TZID") == "Europe/London" {
			zones = append(zones, z)
		}
	}
	if len(zones) != 1 {
		t.Errorf("%s: got %d VTIMEZONE for Europe/London, want 1", name, len(zones))
		return
	}
	type observance struct {
		from, to int // seconds east of UTC
		month    time.Month
		hour     int
	}
	read := func(c *ics.ComponentBase) (o observance, ok bool) {
		offset := func(s string) (int, bool) {
			if len(s) != 5 || (s[0] != '+' && s[0] != '-') {
				return 0, false
			}
			h, err1 := strconv.Atoi(s[1:3])
			m, err2 := strconv.Atoi(s[3:5])
			sec := h*3600 + m*60
			if s[0] == '-' {
				sec = -sec
			}
			return sec, err1 == nil && err2 == nil
		}
		var ok1, ok2 bool
		o.from, ok1 = offset(propValue(c, "TZOFFSETFROM"))
		o.to, ok2 = offset(propValue(c, "TZOFFSETTO"))
		start, err := time.Parse("20060102T150405", propValue(c, "DTSTART"))
		if !ok1 || !ok2 || err != nil {
			return o, false
		}
		o.month, o.hour = start.Month(), start.Hour()
		rule := "FREQ=YEARLY;BYMONTH=" + strconv.Itoa(int(o.month)) + ";BYDAY=-1SU"
		if got := propValue(c, "RRULE"); got != rule {
			t.Errorf("%s: RRULE: got %q, want %q", name, got, rule)
			return o, false
		}
		return o, true
	}
	var summer, winter observance
	var haveSummer, haveWinter bool
	for _, c := range zones[0].Components {
		switch c := c.(type) {
		case *ics.Daylight:
			summer, haveSummer = read(&c.ComponentBase)
		case *ics.Standard:
			winter, haveWinter = read(&c.ComponentBase)
		}
	}
	if !haveSummer || !haveWinter {
		t.Errorf("%s: VTIMEZONE needs a DAYLIGHT and a STANDARD rule that this test can read", name)
		return
	}
	// onset is when an observance begins in a year: the last Sunday of its
	// month at its local hour, in the offset it takes over from.
	onset := func(o observance, year int) time.Time {
		last := time.Date(year, o.month+1, 0, o.hour, 0, 0, 0, time.UTC)
		last = last.AddDate(0, 0, -int(last.Weekday()))
		return last.Add(-time.Duration(o.from) * time.Second)
	}
	for year := 2020; year <= 2040; year++ {
		mid := time.Date(year, 7, 1, 12, 0, 0, 0, london)
		start, end := mid.ZoneBounds()
		_, summerOffset := mid.Zone()
		_, winterOffset := time.Date(year, 1, 1, 12, 0, 0, 0, london).Zone()
		if got := onset(summer, year); !got.Equal(start) {
			t.Errorf("%s: VTIMEZONE: summer time %d starts %v, want %v", name, year, got.UTC(), start.UTC())
		}
		if got := onset(winter, year); !got.Equal(end) {
			t.Errorf("%s: VTIMEZONE: summer time %d ends %v, want %v", name, year, got.UTC(), end.UTC())
		}
		if summer.to != summerOffset || winter.from != summerOffset || winter.to != winterOffset || summer.from != winterOffset {
			t.Errorf("%s: VTIMEZONE offsets: summer %+d to %+d, winter %+d to %+d; want %+d and %+d",
				name, summer.from, summer.to, winter.from, winter.to, winterOffset, summerOffset)
			return
		}
	}
}

// TestCalendarGolden compares the calendars of the outputs site byte by
// byte with testdata/outputs/*.ics: line folding, escaping, time zones,
// and a night the clocks go back. Run with -update to rewrite them.
func TestCalendarGolden(t *testing.T) {
	files := buildOutputs(t)
	tests := []struct{ file, golden string }{
		{"events.ics", "events.ics"},
		{"events/night-walk/event.ics", "night-walk.ics"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got, ok := files[tt.file]
			if !ok {
				t.Fatalf("%s: not written", tt.file)
			}
			golden := filepath.Join("testdata", "outputs", tt.golden)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (-golden +got):\n%s", tt.file, golden, cmp.Diff(string(want), string(got)))
			}
		})
	}
}
