package content_test

import (
	"errors"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/content"
)

// oldParseDate is ParseDate as it was before it looked at the shape of
// the date to try one layout only: it tried each layout in turn. The new
// one must read exactly what it read, to the same time.
func oldParseDate(s string, loc *time.Location) (time.Time, error) {
	layouts := []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"}
	if len(s) == len(layouts[0]) {
		if t, err := time.ParseInLocation(layouts[0], s, loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	for _, layout := range layouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

// dateSeeds are dates as authors write them, and odd ones.
var dateSeeds = []string{
	"2026-03-14", "2026-03-14T10:00", "2026-03-14 10:00", "2026-03-14T10:00:30", "2026-03-14 10:00:30",
	"2026-03-14T10:00:00Z", "2026-03-14T10:00:00+01:00", "2026-07-14T10:00:00.5-04:00", "2026-03-14T10:00:00.123456789Z",
	"2026-03-14T10:00:00,5Z", "2026-03-14T10:00:00.5", "2026-03-14 10:00:00,25", "2026-03-14T9:00", "2026-03-14 9:00",
	"2026-03-14   10:00", "2026-03-14  9:05:07", "2026-03-14T24:00", "2026-03-14T23:59:60Z", "2026-03-14T10:00:00+24:00",
	"2026-03-14T10:00:00-00:00", "2026-03-14T10:00:00+0100", "2026-03-14T10:00:00z", "2026-03-14t10:00:00Z",
	"2026-03-29T01:30", "2026-10-25T01:30", "2024-02-29", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10",
	"0000-01-01", "9999-12-31T23:59:59+14:00", "-001-01-01", "+999-01-01", "2026-3-14", "2026-03-4", "20260314",
	"14th March", "14/03/2026", "2026-03-14T10", "2026-03-14T10:0", "2026-03-14T10:00+01:00", " 2026-03-14",
	"2026-03-14 ", "", "T", "2026-03-14T", "2026-03-14 10", "2026-03-14T10:00:00.Z", "2026-03-14T10:00:00.",
	"2026-03-14T10:00:00+01:0", "2026-03-14T10:00:00+1:00", "2026-03-14T1:00:00Z", "2026-03-14T10:00:0",
	"2026-03-14\t10:00", "2026-03-14T10:00:00 +01:00", "2026-03-14T10:00:00Z ", "２０２６-03-14", "2026-03-14é",
}

// dateMutations returns s, and s with each byte taken out, replaced or
// with a byte put before it, the bytes from those dates are made of.
func dateMutations(s string) []string {
	const bytes = "0123456789-T :Z+.,tz\t"
	out := []string{s}
	for i := 0; i <= len(s); i++ {
		for j := 0; j < len(bytes); j++ {
			out = append(out, s[:i]+bytes[j:j+1]+s[i:])
			if i < len(s) {
				out = append(out, s[:i]+bytes[j:j+1]+s[i+1:])
			}
		}
		if i < len(s) {
			out = append(out, s[:i]+s[i+1:])
		}
	}
	return out
}

// TestParseDateAsBefore compares ParseDate with the way it read dates
// before, over the seeds and every small change to them.
func TestParseDateAsBefore(t *testing.T) {
	zones := []*time.Location{time.UTC, london(t)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny)
	}
	var n, dates int
	for _, seed := range dateSeeds {
		for _, s := range dateMutations(seed) {
			for _, loc := range zones {
				n++
				if sameAsBefore(t, s, loc) {
					dates++
				}
			}
		}
	}
	if dates < n/20 {
		t.Errorf("%d of %d inputs were dates; want a good share of dates among them", dates, n)
	}
}

// sameAsBefore checks one input and reports whether it was a date.
func sameAsBefore(t *testing.T, s string, loc *time.Location) bool {
	t.Helper()
	got, err := content.ParseDate(s, loc)
	want, wantErr := oldParseDate(s, loc)
	if (err == nil) != (wantErr == nil) {
		t.Errorf("ParseDate(%q, %v) error = %v, want %v", s, loc, err, wantErr)
		return false
	}
	if err != nil {
		if err.Error() != "not a date" || !got.IsZero() {
			t.Errorf("ParseDate(%q, %v) = %v, %q; want the zero time and \"not a date\"", s, loc, got, err)
		}
		return false
	}
	if !got.Equal(want) || got.Location() != want.Location() || got.Format(time.RFC3339Nano) != want.Format(time.RFC3339Nano) {
		t.Errorf("ParseDate(%q, %v) = %v, want %v", s, loc, got, want)
	}
	return true
}

func FuzzParseDateAsBefore(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	loc := london(f)
	f.Fuzz(func(t *testing.T, s string) {
		sameAsBefore(t, s, loc)
		sameAsBefore(t, s, time.UTC)
	})
}
