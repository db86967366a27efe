package engagement_test

import (
	"strings"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/engagement"
)

// london is the site time zone of every test here: the one with the clock
// changes that the rules must survive.
func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatalf("load Europe/London: %v", err)
	}
	return loc
}

// at is a wall-clock instant in loc.
func at(loc *time.Location, y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, loc)
}

// date is midnight of a day in loc, the way content dates are parsed.
func date(loc *time.Location, y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

func TestCampaignStatus(t *testing.T) {
	loc := london(t)
	// A summer (BST) campaign and a winter (GMT) one, so that "midnight"
	// is 23:00 UTC for one and 00:00 UTC for the other.
	summerOpens, summerCloses := date(loc, 2026, 6, 1), date(loc, 2026, 8, 31)
	winterOpens, winterCloses := date(loc, 2026, 12, 1), date(loc, 2027, 2, 26)
	var none time.Time
	tests := []struct {
		name          string
		opens, closes time.Time
		override      string
		hasOutcome    bool
		now           time.Time
		want          string
	}{
		{"BST: the instant before it opens", summerOpens, summerCloses, "", false, at(loc, 2026, 5, 31, 23, 59, 59).Add(999999999), engagement.Forthcoming},
		{"BST: 00:00 on the day it opens", summerOpens, summerCloses, "", false, at(loc, 2026, 6, 1, 0, 0, 0), engagement.Open},
		{"BST: opens at 23:00 UTC the day before", summerOpens, summerCloses, "", false, time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC), engagement.Open},
		{"BST: 22:59:59 UTC the day before", summerOpens, summerCloses, "", false, time.Date(2026, 5, 31, 22, 59, 59, 0, time.UTC), engagement.Forthcoming},
		{"BST: the close date at 23:59:59", summerOpens, summerCloses, "", false, at(loc, 2026, 8, 31, 23, 59, 59), engagement.Open},
		{"BST: the close date at 23:59:59.999999999", summerOpens, summerCloses, "", false, at(loc, 2026, 8, 31, 23, 59, 59).Add(999999999), engagement.Open},
		{"BST: the next day at 00:00", summerOpens, summerCloses, "", false, at(loc, 2026, 9, 1, 0, 0, 0), engagement.Closed},
		{"BST: the next day at 00:00, given in UTC", summerOpens, summerCloses, "", false, time.Date(2026, 8, 31, 23, 0, 0, 0, time.UTC), engagement.Closed},
		{"GMT: the instant before it opens", winterOpens, winterCloses, "", false, at(loc, 2026, 11, 30, 23, 59, 59), engagement.Forthcoming},
		{"GMT: 00:00 on the day it opens", winterOpens, winterCloses, "", false, at(loc, 2026, 12, 1, 0, 0, 0), engagement.Open},
		{"GMT: the close date at 23:59:59", winterOpens, winterCloses, "", false, at(loc, 2027, 2, 26, 23, 59, 59), engagement.Open},
		{"GMT: the next day at 00:00", winterOpens, winterCloses, "", false, at(loc, 2027, 2, 27, 0, 0, 0), engagement.Closed},
		{"opens and closes on one day, at 00:00", winterOpens, winterOpens, "", false, at(loc, 2026, 12, 1, 0, 0, 0), engagement.Open},
		{"opens and closes on one day, at 23:59", winterOpens, winterOpens, "", false, at(loc, 2026, 12, 1, 23, 59, 0), engagement.Open},
		{"opens and closes on one day, the next day", winterOpens, winterOpens, "", false, at(loc, 2026, 12, 2, 0, 0, 0), engagement.Closed},
		{"no dates: open", none, none, "", false, at(loc, 2026, 12, 1, 0, 0, 0), engagement.Open},
		{"no close date, after opening: open", winterOpens, none, "", false, at(loc, 2030, 1, 1, 0, 0, 0), engagement.Open},
		{"no close date, before opening: forthcoming", winterOpens, none, "", false, at(loc, 2026, 11, 1, 0, 0, 0), engagement.Forthcoming},
		{"no open date, after closing: closed", none, winterCloses, "", false, at(loc, 2027, 3, 1, 0, 0, 0), engagement.Closed},
		{"closed with an outcome", summerOpens, summerCloses, "", true, at(loc, 2026, 11, 23, 0, 0, 0), engagement.OutcomePublished},
		{"closed without an outcome", summerOpens, summerCloses, "", false, at(loc, 2026, 11, 23, 0, 0, 0), engagement.Closed},
		{"an early update does not close an open campaign", summerOpens, summerCloses, "", true, at(loc, 2026, 7, 1, 12, 0, 0), engagement.Open},
		{"an update does not open a forthcoming campaign", summerOpens, summerCloses, "", true, at(loc, 2026, 1, 1, 12, 0, 0), engagement.Forthcoming},
		{"withdrawn while open", summerOpens, summerCloses, engagement.Withdrawn, false, at(loc, 2026, 7, 1, 12, 0, 0), engagement.Withdrawn},
		{"paused while open", summerOpens, summerCloses, engagement.Paused, false, at(loc, 2026, 7, 1, 12, 0, 0), engagement.Paused},
		{"withdrawn before opening", summerOpens, summerCloses, engagement.Withdrawn, false, at(loc, 2026, 1, 1, 12, 0, 0), engagement.Withdrawn},
		{"an override beats a published outcome", summerOpens, summerCloses, engagement.Withdrawn, true, at(loc, 2026, 11, 1, 12, 0, 0), engagement.Withdrawn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := engagement.CampaignStatus(tt.opens, tt.closes, tt.override, tt.hasOutcome, tt.now, loc)
			if got != tt.want {
				t.Errorf("CampaignStatus(opens %s, closes %s, %q, %v, now %s): got %q, want %q",
					tt.opens.Format(time.DateOnly), tt.closes.Format(time.DateOnly), tt.override, tt.hasOutcome, tt.now.Format(time.RFC3339Nano), got, tt.want)
			}
		})
	}
}

func TestDaysLeft(t *testing.T) {
	loc := london(t)
	tests := []struct {
		name   string
		closes time.Time
		now    time.Time
		want   int
	}{
		{"closing day, at 00:00", date(loc, 2026, 12, 4), at(loc, 2026, 12, 4, 0, 0, 0), 0},
		{"closing day, at 23:59:59", date(loc, 2026, 12, 4), at(loc, 2026, 12, 4, 23, 59, 59), 0},
		{"the day before, at 23:59", date(loc, 2026, 12, 4), at(loc, 2026, 12, 3, 23, 59, 0), 1},
		{"the day before, at 00:00", date(loc, 2026, 12, 4), at(loc, 2026, 12, 3, 0, 0, 0), 1},
		{"11 days", date(loc, 2026, 12, 4), at(loc, 2026, 11, 23, 0, 0, 0), 11},
		{"11 days, now given in UTC late in the evening", date(loc, 2026, 12, 4), time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC), 11},
		// 25 October 2026 has 25 hours: counting 24-hour spans would be
		// one short late in the day.
		{"across the October change, late evening", date(loc, 2026, 10, 26), at(loc, 2026, 10, 24, 23, 30, 0), 2},
		{"across the October change, morning", date(loc, 2026, 10, 26), at(loc, 2026, 10, 24, 0, 30, 0), 2},
		{"on the October change day", date(loc, 2026, 10, 26), at(loc, 2026, 10, 25, 23, 59, 0), 1},
		{"BST evening, given in UTC, is the next day in London", date(loc, 2026, 10, 24), time.Date(2026, 10, 23, 23, 30, 0, 0, time.UTC), 0},
		// 29 March 2026 has 23 hours.
		{"across the March change", date(loc, 2026, 3, 30), at(loc, 2026, 3, 28, 0, 30, 0), 2},
		{"across the March change, late evening", date(loc, 2026, 3, 30), at(loc, 2026, 3, 28, 23, 59, 0), 2},
		{"a year", date(loc, 2027, 12, 4), at(loc, 2026, 12, 4, 12, 0, 0), 365},
		{"already closed", date(loc, 2026, 12, 4), at(loc, 2026, 12, 10, 12, 0, 0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := engagement.DaysLeft(tt.closes, tt.now, loc); got != tt.want {
				t.Errorf("DaysLeft(closes %s, now %s): got %d, want %d", tt.closes.Format(time.DateOnly), tt.now.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}

func TestWeeks(t *testing.T) {
	loc := london(t)
	tests := []struct {
		name          string
		opens, closes time.Time
		want          int
	}{
		// Monday 5 January to Sunday 29 March 2026 is 84 days counting
		// the close day, and the close day is the March clock change.
		{"exactly 12 weeks", date(loc, 2026, 1, 5), date(loc, 2026, 3, 29), 12},
		{"one day short of 12 weeks", date(loc, 2026, 1, 5), date(loc, 2026, 3, 28), 11},
		{"one day over 12 weeks", date(loc, 2026, 1, 5), date(loc, 2026, 3, 30), 12},
		{"exactly 12 weeks across the October change", date(loc, 2026, 9, 7), date(loc, 2026, 11, 29), 12},
		{"one day", date(loc, 2026, 9, 7), date(loc, 2026, 9, 7), 0},
		{"exactly one week", date(loc, 2026, 9, 7), date(loc, 2026, 9, 13), 1},
		{"six days", date(loc, 2026, 9, 7), date(loc, 2026, 9, 12), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := engagement.Weeks(tt.opens, tt.closes, loc); got != tt.want {
				t.Errorf("Weeks(%s, %s): got %d, want %d", tt.opens.Format(time.DateOnly), tt.closes.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}

func TestWall(t *testing.T) {
	loc := london(t)
	tests := []struct {
		name                   string
		y                      int
		m                      time.Month
		d, h, min              int
		nonexistent, ambiguous bool
		want                   time.Time // in UTC; ignored when nonexistent
	}{
		{"spring change, 00:30 GMT", 2026, 3, 29, 0, 30, false, false, time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC)},
		{"spring change, 01:00 is skipped", 2026, 3, 29, 1, 0, true, false, time.Time{}},
		{"spring change, 01:30 is skipped", 2026, 3, 29, 1, 30, true, false, time.Time{}},
		{"spring change, 01:59 is skipped", 2026, 3, 29, 1, 59, true, false, time.Time{}},
		{"spring change, 02:00 BST", 2026, 3, 29, 2, 0, false, false, time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)},
		{"spring change, 02:30 BST", 2026, 3, 29, 2, 30, false, false, time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC)},
		{"autumn change, 00:30 BST", 2026, 10, 25, 0, 30, false, false, time.Date(2026, 10, 24, 23, 30, 0, 0, time.UTC)},
		{"autumn change, 01:00 happens twice; the BST one", 2026, 10, 25, 1, 0, false, true, time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC)},
		{"autumn change, 01:30 happens twice; the BST one", 2026, 10, 25, 1, 30, false, true, time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC)},
		{"autumn change, 01:59 happens twice; the BST one", 2026, 10, 25, 1, 59, false, true, time.Date(2026, 10, 25, 0, 59, 0, 0, time.UTC)},
		{"autumn change, 02:00 GMT", 2026, 10, 25, 2, 0, false, false, time.Date(2026, 10, 25, 2, 0, 0, 0, time.UTC)},
		{"autumn change, 02:30 GMT", 2026, 10, 25, 2, 30, false, false, time.Date(2026, 10, 25, 2, 30, 0, 0, time.UTC)},
		{"an ordinary summer day, 01:30", 2026, 7, 14, 1, 30, false, false, time.Date(2026, 7, 14, 0, 30, 0, 0, time.UTC)},
		{"an ordinary winter day, 10:00", 2026, 3, 14, 10, 0, false, false, time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)},
		{"the day before the autumn change, 01:30", 2026, 10, 24, 1, 30, false, false, time.Date(2026, 10, 24, 0, 30, 0, 0, time.UTC)},
		{"the day after the spring change, 01:30", 2026, 3, 30, 1, 30, false, false, time.Date(2026, 3, 30, 0, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, nonexistent, ambiguous := engagement.Wall(tt.y, tt.m, tt.d, tt.h, tt.min, loc)
			if nonexistent != tt.nonexistent || ambiguous != tt.ambiguous {
				t.Errorf("Wall(%d-%02d-%02d %02d:%02d): got nonexistent %v, ambiguous %v; want %v, %v",
					tt.y, tt.m, tt.d, tt.h, tt.min, nonexistent, ambiguous, tt.nonexistent, tt.ambiguous)
			}
			if !tt.nonexistent && !got.Equal(tt.want) {
				t.Errorf("Wall(%d-%02d-%02d %02d:%02d): got %s, want %s",
					tt.y, tt.m, tt.d, tt.h, tt.min, got.UTC().Format(time.RFC3339), tt.want.Format(time.RFC3339))
			}
		})
	}
}

func TestWhen(t *testing.T) {
	loc := london(t)
	tests := []struct {
		name       string
		start, end time.Time
		want       string
	}{
		{"morning to afternoon", at(loc, 2026, 3, 14, 10, 0, 0), at(loc, 2026, 3, 14, 12, 30, 0), "Saturday 14 March 2026, 10am to 12:30pm"},
		{"to midday", at(loc, 2026, 3, 14, 10, 0, 0), at(loc, 2026, 3, 14, 12, 0, 0), "Saturday 14 March 2026, 10am to midday"},
		{"from midday", at(loc, 2026, 3, 14, 12, 0, 0), at(loc, 2026, 3, 14, 14, 15, 0), "Saturday 14 March 2026, midday to 2:15pm"},
		{"from midnight", at(loc, 2026, 3, 14, 0, 0, 0), at(loc, 2026, 3, 14, 1, 0, 0), "Saturday 14 March 2026, midnight to 1am"},
		{"evening", at(loc, 2026, 12, 3, 18, 30, 0), at(loc, 2026, 12, 3, 20, 0, 0), "Thursday 3 December 2026, 6:30pm to 8pm"},
		{"across two days", at(loc, 2026, 3, 14, 10, 0, 0), at(loc, 2026, 3, 15, 16, 0, 0), "Saturday 14 March 2026, 10am to Sunday 15 March 2026, 4pm"},
		{"across a month end", at(loc, 2026, 10, 31, 9, 0, 0), at(loc, 2026, 11, 2, 17, 0, 0), "Saturday 31 October 2026, 9am to Monday 2 November 2026, 5pm"},
		{"times given in UTC are shown in London time", time.Date(2026, 7, 14, 9, 0, 0, 0, time.UTC), time.Date(2026, 7, 14, 11, 30, 0, 0, time.UTC), "Tuesday 14 July 2026, 10am to 12:30pm"},
		{"UTC late evening is the next day in summer", time.Date(2026, 7, 14, 23, 0, 0, 0, time.UTC), time.Date(2026, 7, 15, 0, 30, 0, 0, time.UTC), "Wednesday 15 July 2026, midnight to 1:30am"},
		{"no end", at(loc, 2026, 3, 14, 10, 0, 0), time.Time{}, "Saturday 14 March 2026, 10am"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := engagement.When(tt.start, tt.end, loc); got != tt.want {
				t.Errorf("When(%s, %s): got %q, want %q", tt.start.Format(time.RFC3339), tt.end.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}

func TestClock(t *testing.T) {
	tests := []struct {
		h, m int
		want string
	}{
		{0, 0, "midnight"},
		{0, 30, "12:30am"},
		{1, 0, "1am"},
		{9, 5, "9:05am"},
		{10, 0, "10am"},
		{11, 59, "11:59am"},
		{12, 0, "midday"},
		{12, 1, "12:01pm"},
		{12, 30, "12:30pm"},
		{13, 0, "1pm"},
		{18, 45, "6:45pm"},
		{23, 59, "11:59pm"},
	}
	for _, tt := range tests {
		tm := time.Date(2026, 3, 14, tt.h, tt.m, 0, 0, time.UTC)
		if got := engagement.Clock(tm); got != tt.want {
			t.Errorf("Clock(%02d:%02d): got %q, want %q", tt.h, tt.m, got, tt.want)
		}
	}
}

func TestSize(t *testing.T) {
	const kb, mb = 1024, 1024 * 1024
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1, "1 byte"},
		{2, "2 bytes"},
		{512, "512 bytes"},
		{1023, "1023 bytes"},
		{kb, "1 KB"},
		{kb + kb/2 - 1, "1 KB"},
		{kb + kb/2, "2 KB"},
		{14 * kb, "14 KB"},
		{14*kb + 100, "14 KB"},
		{500 * kb, "500 KB"},
		// Just under 1 MB rounds up; it must not read "1024 KB", which is
		// bigger than the "1 MB" of one byte more.
		{mb - 1, "1 MB"},
		{mb, "1 MB"},
		{mb + mb/20 - 1, "1 MB"},
		{2831155, "2.7 MB"}, // 2.7 × 1024 × 1024
		{10 * mb, "10 MB"},
		{99*mb + mb/2, "99.5 MB"},
		{100 * mb, "100 MB"},
		{150*mb + mb/4, "150 MB"},
		{1024 * mb, "1024 MB"},
	}
	for _, tt := range tests {
		if got := engagement.Size(tt.n); got != tt.want {
			t.Errorf("Size(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestFileLabel(t *testing.T) {
	tests := []struct {
		name string
		size int64
		want string
	}{
		{"strategy.pdf", 2831155, "PDF, 2.7 MB"},
		{"STRATEGY.PDF", 2831155, "PDF, 2.7 MB"},
		{"minutes.Pdf", 3 * 1024, "PDF, 3 KB"},
		{"form.docx", 14 * 1024, "MS Word Document, 14 KB"},
		{"budget.xlsx", 512, "MS Excel Spreadsheet, 512 bytes"},
		{"slides.pptx", 1, "MS PowerPoint Presentation, 1 byte"},
		{"data.csv", 2048, "CSV, 2 KB"},
		{"easy-read.odt", 2048, "OpenDocument Text, 2 KB"},
		{"podcast.mp3", 150 * 1024 * 1024, "MP3 audio, 150 MB"},
		{"path/to/report.v2.pdf", 1024, "PDF, 1 KB"},
		{"drawing.dwg", 2048, "DWG, 2 KB"},
		{"drawing.DWG", 2048, "DWG, 2 KB"},
	}
	for _, tt := range tests {
		if got := engagement.FileLabel(tt.name, tt.size); got != tt.want {
			t.Errorf("FileLabel(%q, %d): got %q, want %q", tt.name, tt.size, got, tt.want)
		}
	}

	// A file with no extension has no type to name; its label must still
	// read as words, not start with a comma.
	got := engagement.FileLabel("minutes", 2048)
	if strings.HasPrefix(got, ",") || !strings.HasSuffix(got, "2 KB") {
		t.Errorf(`FileLabel("minutes", 2048): got %q, want a label ending "2 KB" that does not start with a comma`, got)
	}
}

func TestIsDocument(t *testing.T) {
	tests := []struct {
		name        string
		doc, office bool
	}{
		{"report.pdf", true, true},
		{"REPORT.PDF", true, true},
		{"form.docx", true, true},
		{"data.csv", true, false},
		{"talk.mp3", true, false},
		{"map.svg", false, false},
		{"photo.jpg", false, false},
		{"page.html", false, false},
		{"/events/cafe/", false, false},
		{"README", false, false},
	}
	for _, tt := range tests {
		if got := engagement.IsDocument(tt.name); got != tt.doc {
			t.Errorf("IsDocument(%q): got %v, want %v", tt.name, got, tt.doc)
		}
		if got := engagement.IsOffice(tt.name); got != tt.office {
			t.Errorf("IsOffice(%q): got %v, want %v", tt.name, got, tt.office)
		}
	}
}

func TestClauseNumber(t *testing.T) {
	tests := []struct {
		text      string
		num, titl string
		ok        bool
		id        string
	}{
		{"5.2 Public involvement", "5.2", "Public involvement", true, "clause-5-2"},
		{"5. General duties", "5", "General duties", true, "clause-5"},
		{"5.2.1 X", "5.2.1", "X", true, "clause-5-2-1"},
		{"12.10 Committees", "12.10", "Committees", true, "clause-12-10"},
		{"5.2  Two spaces", "5.2", "Two spaces", true, "clause-5-2"},
		{"2026 plans", "", "", false, ""},
		{"1.. x", "", "", false, ""},
		{"5..2 Broken", "", "", false, ""},
		{"v2 thing", "", "", false, ""},
		{".5 Half", "", "", false, ""},
		{"5.2", "", "", false, ""},
		{"5.2Public", "", "", false, ""},
		{"Public involvement", "", "", false, ""},
		{"", "", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			num, title, ok := engagement.ClauseNumber(tt.text)
			if num != tt.num || title != tt.titl || ok != tt.ok {
				t.Errorf("ClauseNumber(%q): got %q, %q, %v; want %q, %q, %v", tt.text, num, title, ok, tt.num, tt.titl, tt.ok)
			}
			if got := engagement.ClauseID(tt.text); got != tt.id {
				t.Errorf("ClauseID(%q): got %q, want %q", tt.text, got, tt.id)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"open", "Open"},
		{"in-progress", "In progress"},
		{"not-possible", "Not possible"},
		{"moved-online", "Moved online"},
		{"in-person", "In person"},
		{"outcome published", "Outcome published"},
		{"consultation", "Consultation"},
	}
	for _, tt := range tests {
		if got := engagement.Label(tt.in); got != tt.want {
			t.Errorf("Label(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStartAndEndOfDay(t *testing.T) {
	loc := london(t)
	tests := []struct {
		name       string
		t          time.Time
		start, end time.Time // in UTC
	}{
		{"winter", at(loc, 2026, 12, 4, 15, 0, 0), time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)},
		{"summer", at(loc, 2026, 7, 4, 15, 0, 0), time.Date(2026, 7, 3, 23, 0, 0, 0, time.UTC), time.Date(2026, 7, 4, 23, 0, 0, 0, time.UTC)},
		{"spring change: a 23-hour day", at(loc, 2026, 3, 29, 12, 0, 0), time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 23, 0, 0, 0, time.UTC)},
		{"autumn change: a 25-hour day", at(loc, 2026, 10, 25, 12, 0, 0), time.Date(2026, 10, 24, 23, 0, 0, 0, time.UTC), time.Date(2026, 10, 26, 0, 0, 0, 0, time.UTC)},
		{"UTC evening that is the next day in London", time.Date(2026, 7, 4, 23, 30, 0, 0, time.UTC), time.Date(2026, 7, 4, 23, 0, 0, 0, time.UTC), time.Date(2026, 7, 5, 23, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := engagement.StartOfDay(tt.t, loc); !got.Equal(tt.start) {
				t.Errorf("StartOfDay(%s): got %s, want %s", tt.t.Format(time.RFC3339), got.UTC().Format(time.RFC3339), tt.start.Format(time.RFC3339))
			}
			if got := engagement.EndOfDay(tt.t, loc); !got.Equal(tt.end) {
				t.Errorf("EndOfDay(%s): got %s, want %s", tt.t.Format(time.RFC3339), got.UTC().Format(time.RFC3339), tt.end.Format(time.RFC3339))
			}
		})
	}
}
