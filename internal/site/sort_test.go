package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/engagement"
)

// TestSortStable checks sortStable and sortKeyed against sort.SliceStable on lists with
// many ties, where keeping the first order is what matters.
func TestSortStable(t *testing.T) {
	type pair struct{ key, id int }
	less := func(a, b pair) bool { return a.key < b.key }
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 12, 13, 100, 1000, 5000} {
		for _, keys := range []int{1, 3, 50, 1 << 30} {
			in := make([]pair, n)
			for i := range in {
				in[i] = pair{r.IntN(keys), i}
			}
			want := slices.Clone(in)
			sort.SliceStable(want, func(i, j int) bool { return less(want[i], want[j]) })
			got := slices.Clone(in)
			sortStable(got, less)
			if !slices.Equal(got, want) {
				t.Errorf("%d elements, %d keys: sortStable differs from sort.SliceStable", n, keys)
			}
			got = slices.Clone(in)
			sortKeyed(got, func(p pair) int { return p.key }, func(a, b *int) int { return cmp.Compare(*a, *b) })
			if !slices.Equal(got, want) {
				t.Errorf("%d elements, %d keys: sortKeyed differs from sort.SliceStable", n, keys)
			}
		}
	}
}

// campaignBefore and newer are the orders sortCampaigns and sortNewest
// give, written as comparisons of two pages, as they were before the
// sorts worked out each page's key once.
func campaignBefore(a, b *Page) bool {
	ra, rb := campaignRank(a), campaignRank(b)
	if ra != rb {
		return ra < rb
	}
	ca, cb := a.Campaign, b.Campaign
	if ca == nil || cb == nil {
		return newer(a, b)
	}
	switch ca.Status {
	case engagement.Open:
		if !ca.Closes.Equal(cb.Closes) {
			return ca.Closes.Before(cb.Closes)
		}
	case engagement.Forthcoming:
		if !ca.Opens.Equal(cb.Opens) {
			return ca.Opens.Before(cb.Opens)
		}
	default:
		if !ca.Closes.Equal(cb.Closes) {
			return ca.Closes.After(cb.Closes)
		}
	}
	return a.Title < b.Title
}

func newer(a, b *Page) bool {
	da, db := sortDate(a), sortDate(b)
	if !da.Equal(db) {
		return da.After(db)
	}
	return a.Title < b.Title
}

// TestKeyedSorts checks sortCampaigns and sortNewest against the
// comparisons above on random campaigns, events and other pages with
// many equal dates, statuses and titles.
func TestKeyedSorts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	day := func() time.Time {
		if r.IntN(6) == 0 {
			return time.Time{}
		}
		return time.Date(2026, 1, 1+r.IntN(20), 0, 0, 0, 0, time.UTC)
	}
	statuses := []string{engagement.Open, engagement.Forthcoming, engagement.Closed, engagement.OutcomePublished, "paused", "withdrawn"}
	for _, n := range []int{0, 1, 2, 7, 50, 400} {
		pages := make([]*Page, n)
		for i := range pages {
			p := &Page{Title: string(rune('a' + r.IntN(4))), Date: day(), URL: strconv.Itoa(i)}
			switch r.IntN(4) {
			case 0:
				p.Campaign = &Campaign{Status: statuses[r.IntN(len(statuses))], Opens: day(), Closes: day()}
			case 1:
				p.Event = &Event{Start: day()}
			case 2:
				p.Campaign = &Campaign{Status: engagement.Open, Closes: day()}
			}
			pages[i] = p
		}
		for _, tc := range []struct {
			name  string
			keyed func([]*Page)
			less  func(a, b *Page) bool
		}{{"sortCampaigns", sortCampaigns, campaignBefore}, {"sortNewest", sortNewest, newer}} {
			want := slices.Clone(pages)
			sort.SliceStable(want, func(i, j int) bool { return tc.less(want[i], want[j]) })
			got := slices.Clone(pages)
			tc.keyed(got)
			if !slices.Equal(got, want) {
				t.Errorf("%d pages: %s differs from sort.SliceStable", n, tc.name)
			}
		}
	}
}
