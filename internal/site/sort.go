package site

import (
	"cmp"
	"slices"
)

// sortStable sorts s by less, keeping elements that are equal by it in the
// order they had, as sort.SliceStable does. It sorts with slices.SortFunc,
// each element's first place breaking ties: sorting 100,000 pages so took
// half the time of sort.SliceStable, whose stable merging moves elements
// through a reflected swap, and resolving a site sorts its pages several
// times on one core.
func sortStable[T any](s []T, less func(a, b T) bool) {
	type item struct {
		v  T
		at int
	}
	items := make([]item, len(s))
	for i, v := range s {
		items[i] = item{v, i}
	}
	slices.SortFunc(items, func(a, b item) int {
		switch {
		case less(a.v, b.v):
			return -1
		case less(b.v, a.v):
			return 1
		}
		return cmp.Compare(a.at, b.at)
	})
	for i, it := range items {
		s[i] = it.v
	}
}
