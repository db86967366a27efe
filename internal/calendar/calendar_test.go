package calendar_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/engage-ssg/engage/internal/calendar"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestFold(t *testing.T) {
	a := strings.Repeat
	tests := []struct {
		name, line, want string
	}{
		{"empty", "", "\r\n"},
		{"short", "SUMMARY:Tea", "SUMMARY:Tea\r\n"},
		{"75 octets", a("a", 75), a("a", 75) + "\r\n"},
		{"76 octets", a("a", 76), a("a", 75) + "\r\n a\r\n"},
		// A continuation holds 74 octets after its space.
		{"149 octets", a("a", 149), a("a", 75) + "\r\n " + a("a", 74) + "\r\n"},
		{"150 octets", a("a", 150), a("a", 75) + "\r\n " + a("a", 74) + "\r\n a\r\n"},
		// é is 2 octets: at 74 it would end at 76, so it moves down whole.
		{"é across the fold", a("a", 74) + "é", a("a", 74) + "\r\n é\r\n"},
		{"é at the end", a("a", 73) + "é", a("a", 73) + "é\r\n"},
		{"emoji across the fold", a("a", 73) + "😀b", a("a", 73) + "\r\n 😀b\r\n"},
		{"CJK across the fold", a("a", 74) + "漢", a("a", 74) + "\r\n 漢\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := calendar.Fold(tt.line); got != tt.want {
				t.Errorf("Fold(%q):\ngot  %q\nwant %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestFoldRuns folds long runs of 2, 3 and 4 octet characters after 0 to
// 3 ASCII octets, so that characters meet the fold at every offset.
func TestFoldRuns(t *testing.T) {
	for _, r := range []string{"é", "漢", "😀"} {
		for prefix := 0; prefix < 4; prefix++ {
			for n := 1; n <= 120; n++ {
				line := strings.Repeat("x", prefix) + strings.Repeat(r, n)
				folded := calendar.Fold(line)
				if problem := checkFolded(line, folded); problem != "" {
					t.Fatalf("Fold(%d×x + %d×%s): %s\n%q", prefix, n, r, problem, folded)
				}
			}
		}
	}
}

// checkLines returns what is wrong with the lines of iCalendar text, or
// "": every line ends with CRLF, with no bare CR or LF, and is at most 75
// octets of valid UTF-8.
func checkLines(s string) string {
	if !strings.HasSuffix(s, "\r\n") {
		return "does not end with CRLF"
	}
	if strings.Count(s, "\n") != strings.Count(s, "\r\n") || strings.Count(s, "\r") != strings.Count(s, "\r\n") {
		return "has a bare CR or LF"
	}
	for _, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(l) > 75 {
			return "a line is longer than 75 octets: " + l
		}
		if !utf8.ValidString(l) {
			return "a UTF-8 character is split: " + l
		}
	}
	return ""
}

// checkFolded returns what is wrong with folded as the folding of line,
// which has no spaces, or "".
func checkFolded(line, folded string) string {
	if problem := checkLines(folded); problem != "" {
		return problem
	}
	lines := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
	for i, l := range lines {
		content := l
		if i > 0 {
			if !strings.HasPrefix(l, " ") || strings.HasPrefix(l, "  ") {
				return "a continuation does not start with one space: " + l
			}
			content = l[1:]
		}
		if content == "" {
			return "a line holds nothing"
		}
		// Folding is as late as it can be: the next character would not fit.
		if i < len(lines)-1 {
			_, size := utf8.DecodeRuneInString(lines[i+1][1:])
			if len(l)+size <= 75 {
				return "folded early: " + l
			}
		}
	}
	if got := strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", ""); got != line {
		return "unfolds to " + got
	}
	return ""
}

// unfold undoes the folding of an iCalendar file and returns its lines.
func unfold(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// property returns the first unfolded line of a calendar that starts with
// prefix.
func property(data []byte, prefix string) string {
	for _, l := range unfold(data) {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func TestEscaping(t *testing.T) {
	const tricky = `C:\temp; tea, cake` + "\n" + "line 2\r\nline 3\rline 4"
	const escaped = `C:\\temp\; tea\, cake\nline 2\nline 3\nline 4`
	const parsed = `C:\temp; tea, cake` + "\nline 2\nline 3\nline 4"
	data := calendar.Write(calendar.Calendar{
		Name:     tricky,
		ProdID:   "-//Tea, Cake; Co//engage//EN",
		Location: time.UTC,
		Events: []calendar.Event{{
			UID: "events/tea@example.org", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			Start: time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 2, 11, 0, 0, 0, time.UTC),
			Summary: tricky, Description: tricky, Location: tricky,
			Categories: []string{"Tea, cake", "Back\\slash", "Semi;colon"},
		}},
	})
	tests := []struct {
		property, want string
	}{
		{"X-WR-CALNAME:", escaped},
		{"PRODID:", `-//Tea\, Cake\; Co//engage//EN`},
		{"SUMMARY:", escaped},
		{"DESCRIPTION:", escaped},
		{"LOCATION:", escaped},
		// Commas between categories separate them; commas inside are escaped.
		{"CATEGORIES:", `Tea\, cake,Back\\slash,Semi\;colon`},
	}
	for _, tt := range tests {
		if got := property(data, tt.property); got != tt.property+tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.property+tt.want)
		}
	}

	// A real parser reads the text back.
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("golang-ical cannot parse it: %v\n%s", err, data)
	}
	if n := len(cal.Events()); n != 1 {
		t.Fatalf("got %d events, want 1", n)
	}
	e := cal.Events()[0]
	for _, p := range []ics.ComponentProperty{ics.ComponentPropertySummary, ics.ComponentPropertyDescription, ics.ComponentPropertyLocation} {
		got := e.GetProperty(p)
		if got == nil {
			t.Errorf("%s: missing", p)
			continue
		}
		if got.Value != parsed {
			t.Errorf("%s: golang-ical reads %q, want %q", p, got.Value, parsed)
		}
	}
}

// events are a calendar's worth of events that test the writing: a night
// the clocks go back, text with accents, emoji, CJK and commas long
// enough to fold, every status, and online events.
func events(london *time.Location) []calendar.Event {
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, london) }
	return []calendar.Event{
		{
			UID: "events/night-walk@example.org", Stamp: at(2026, 10, 1, 0, 0),
			Start: at(2026, 10, 24, 23, 30), End: at(2026, 10, 25, 3, 0),
			Summary:     "Night walk, stargazing; café crème 🌙 (夜の散歩)",
			Description: "Walk with us, in the dark, while the clocks go back: 4½ hours, not 3½.\nBring a torch 🔦, warm clothes and café au lait.\nEntrée libre — 入場無料 — 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
			Location:    "Castle Brook Park, Park Road, Castle Brook, ZZ4 2BB",
			URL:         "https://example.org/engage/events/night-walk/",
			Status:      "CONFIRMED", Categories: []string{"Mental health", "Castle Brook"},
		},
		{
			UID: "events/cancelled@example.org", Stamp: at(2026, 3, 1, 9, 0),
			Start: at(2026, 3, 29, 0, 30), End: at(2026, 3, 29, 3, 0), // the clocks go forward at 1am
			Summary: "Cancelled: spring forward", Location: "Online",
			URL: "https://example.org/engage/events/cancelled/", Status: "CANCELLED", Sequence: 1,
		},
		{
			UID: "events/forum@example.org", Stamp: at(2026, 11, 2, 0, 0),
			Start: at(2026, 12, 10, 18, 0), End: at(2026, 12, 10, 19, 30),
			Summary: "Online forum", Location: "Online", URL: "https://example.org/engage/events/forum/",
			ConferenceURL: "https://meet.example.org/forum?id=123&lang=en-GB", Status: "TENTATIVE",
		},
	}
}

// TestWriteGolden compares whole calendars byte by byte with
// testdata/*.ics. Run with -update to rewrite them.
func TestWriteGolden(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		golden   string
		location *time.Location
	}{
		{"london.ics", london}, // local times with a VTIMEZONE
		{"utc.ics", newYork},   // other zones are written in UTC
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got := calendar.Write(calendar.Calendar{Name: "Events - Café, crème & 🌙", ProdID: "-//Test Board, Wrenford//engage//EN",
				Location: tt.location, Events: events(london)})
			golden := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("differs from %s (-golden +got):\n%s", golden, cmp.Diff(string(want), string(got)))
			}
			if problem := checkLines(string(got)); problem != "" {
				t.Errorf("lines: %s", problem)
			}
			cal, err := ics.ParseCalendar(bytes.NewReader(got))
			if err != nil {
				t.Fatalf("golang-ical cannot parse it: %v", err)
			}
			// Start and end are the same instants, whichever way they are written.
			for i, e := range cal.Events() {
				want := sortedEvents(london)[i]
				start, err1 := e.GetStartAt()
				end, err2 := e.GetEndAt()
				if err1 != nil || err2 != nil || !start.Equal(want.Start) || !end.Equal(want.End) {
					t.Errorf("%s: golang-ical reads %v to %v (%v, %v), want %v to %v", e.Id(), start, end, err1, err2, want.Start, want.End)
				}
				if want.ConferenceURL != "" {
					if p := e.GetProperty(ics.ComponentProperty("CONFERENCE")); p == nil || p.Value != want.ConferenceURL {
						t.Errorf("%s: CONFERENCE: got %v, want %s", e.Id(), p, want.ConferenceURL)
					}
				}
			}
		})
	}
}

// sortedEvents are events in the order a calendar lists them: by start.
func sortedEvents(london *time.Location) []calendar.Event {
	e := events(london)
	return []calendar.Event{e[1], e[0], e[2]}
}

// TestWriteAllocates checks that Write makes its buffer once, at a size
// the calendar cannot outgrow, even when escaping and folding add the
// most they can: its only allocations are the output and the order of
// the events.
func TestWriteAllocates(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	a := strings.Repeat
	// Long lines of 4 octet characters fold most often.
	long := calendar.Event{
		UID: a(`\`, 2000), Summary: a(",", 2000), Description: a("x😀", 800), Location: a("\n", 2000),
		URL: a("u", 4000), ConferenceURL: a("😀", 1000), Status: "TENTATIVE", Sequence: -1 << 63,
		Categories: []string{a(";", 500), a("x漢", 300), ""},
	}
	var worst []calendar.Event
	for range 20 {
		worst = append(worst, long)
	}
	worst = append(worst, calendar.Event{UID: "a", Description: a("\r\n", 500) + a("xx😀", 300)})
	tests := []struct {
		name string
		cal  calendar.Calendar
	}{
		{"golden in London", calendar.Calendar{Name: "Events", ProdID: "-//Test//engage//EN", Location: london, Events: events(london)}},
		{"golden in UTC", calendar.Calendar{Name: "Events", ProdID: "-//Test//engage//EN", Location: time.UTC, Events: events(london)}},
		{"one event", calendar.Calendar{Name: "Walk", Location: london, Events: events(london)[:1]}},
		{"worst case", calendar.Calendar{Name: a(",", 2000), ProdID: a("😀", 1000), Location: london, Events: worst}},
		{"no events", calendar.Calendar{Name: "Empty", Location: london}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if problem := checkLines(string(calendar.Write(tt.cal))); problem != "" {
				t.Fatalf("lines: %s", problem)
			}
			if got := testing.AllocsPerRun(10, func() { calendar.Write(tt.cal) }); got > 2 {
				t.Errorf("got %v allocations, want at most 2", got)
			}
		})
	}
}

// TestFoldNotUTF8 checks that a line of bytes that are not UTF-8, which
// has nowhere to fold between characters, is still folded at 75 octets.
func TestFoldNotUTF8(t *testing.T) {
	got := calendar.Fold(strings.Repeat("\x80", 150))
	if want := strings.Repeat("\x80", 75) + "\r\n " + strings.Repeat("\x80", 74) + "\r\n \x80\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
