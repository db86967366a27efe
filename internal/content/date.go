package content

import (
	"errors"
	"strings"
	"time"
)

// The layouts an author may write a date in, besides RFC 3339.
const (
	dateOnly       = "2006-01-02"
	dateTimeT      = "2006-01-02T15:04"
	dateTimeSpace  = "2006-01-02 15:04"
	dateSecondsT   = "2006-01-02T15:04:05"
	dateSecondsSpc = "2006-01-02 15:04:05"
)

var errNotDate = errors.New("not a date")

// ParseDate reads a date as authors write it: 2026-03-14, 2026-03-14T10:00
// (both in the site's time zone) or RFC 3339 with an offset.
//
// It looks at the shape of s to try only the one layout that can read
// it: every layout that fails allocates an error, and a site has a few
// dates on every page. The layouts all start with a date, whose year is
// four characters and whose month and day are two digits each, so the
// byte after it tells a date alone (none), a date and time with 'T' and
// one with a space apart; the ':'s and the offset at the end tell the
// rest.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	if len(s) < len(dateOnly) {
		return time.Time{}, errNotDate
	}
	var layout string
	switch rest := s[len(dateOnly):]; {
	case rest == "":
		layout = dateOnly
	case rest[0] == 'T' && len(s) <= len("2006-01-02T15:04"):
		layout = dateTimeT
	case rest[0] == 'T' && hasOffset(s):
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.In(loc), nil
		}
		return time.Time{}, errNotDate
	case rest[0] == 'T':
		layout = dateSecondsT
	case rest[0] == ' ' && strings.Count(rest, ":") == 1:
		layout = dateTimeSpace // the hour may follow several spaces
	case rest[0] == ' ' && strings.Count(rest, ":") == 2:
		layout = dateSecondsSpc
	default:
		return time.Time{}, errNotDate
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		return time.Time{}, errNotDate
	}
	return t, nil
}

// hasOffset reports whether s ends as RFC 3339 times do, with Z or an
// offset such as +01:00, which no other layout of ParseDate can.
func hasOffset(s string) bool {
	n := len(s)
	return s[n-1] == 'Z' || n >= 6 && (s[n-6] == '+' || s[n-6] == '-') && s[n-3] == ':'
}
