package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
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
