package content

import (
	"errors"
	"time"
)

// dateLayouts are the ways an author may write a date, most common first.
var dateLayouts = []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"}

// ParseDate reads a date as authors write it: 2026-03-14, 2026-03-14T10:00
// (both in the site's time zone) or RFC 3339 with an offset.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	if len(s) == len(dateLayouts[0]) {
		// Most dates are written 2026-03-14: no need to fail at RFC 3339
		// first, which no string this short can be.
		if t, err := time.ParseInLocation(dateLayouts[0], s, loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}
