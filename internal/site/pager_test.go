package site

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagerLinks(t *testing.T) {
	tests := []struct {
		total, current int // current is 1-based
		want           string
	}{
		{1, 1, "[1]"},
		{2, 1, "[1] 2"},
		{3, 2, "1 [2] 3"},
		{5, 1, "[1] 2 … 5"},
		{5, 3, "1 2 [3] 4 5"},
		{7, 4, "1 … 3 [4] 5 … 7"},
		{42, 7, "1 … 6 [7] 8 … 42"},
		{42, 42, "1 … 41 [42]"},
		{500, 250, "1 … 249 [250] 251 … 500"},
	}
	for _, tt := range tests {
		urls := make([]string, tt.total)
		for i := range urls {
			urls[i] = fmt.Sprintf("/news/page/%d/", i+1)
		}
		links := pagerLinks(urls, tt.current-1)
		var got []string
		for _, l := range links {
			switch {
			case l.Ellipsis:
				got = append(got, "…")
			case l.Current:
				got = append(got, fmt.Sprintf("[%d]", l.Number))
			default:
				got = append(got, fmt.Sprint(l.Number))
			}
			if !l.Ellipsis && l.URL != urls[l.Number-1] {
				t.Errorf("page %d of %d: link %d goes to %q, want %q", tt.current, tt.total, l.Number, l.URL, urls[l.Number-1])
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("page %d of %d: links %q, want %q", tt.current, tt.total, s, tt.want)
		}
	}
}
