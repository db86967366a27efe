package search

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSplit checks that a shard over the limit is split by one more
// letter, that a word as short as the key stays in the shorter shard, and
// that the rule search.js uses (the shard with the longest key that starts
// the word) finds every word.
func TestSplit(t *testing.T) {
	var words []string
	lists := map[string][]pair{}
	add := func(w string, docs int) {
		words = append(words, w)
		for d := range docs {
			lists[w] = append(lists[w], pair{d * 3, d % 3})
		}
	}
	add("ca", 5)
	add("cafe", 40)
	add("care", 40)
	add("carers", 40)
	add("cat", 1)
	add("go", 2)
	add("gp", 3)

	shards := splitAll(t, words, lists, 100)
	var keys []string
	byKey := map[string]map[string]string{}
	for _, sh := range shards {
		keys = append(keys, sh.key)
		m := map[string]string{}
		if err := json.Unmarshal(sh.data, &m); err != nil {
			t.Fatalf("shard %s: %v\n%s", sh.key, err, sh.data)
		}
		byKey[sh.key] = m
	}
	// "ca" is over the limit: "ca" itself stays, the rest split by three
	// letters; "car" is still over, and goes by four ("care" holds "care"
	// and "carers").
	want := []string{"ca", "caf", "care", "cat", "go", "gp"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	for _, w := range words {
		best := ""
		for _, k := range keys {
			if strings.HasPrefix(w, k) && len(k) > len(best) {
				best = k
			}
		}
		if _, ok := byKey[best][w]; !ok {
			t.Errorf("%q: not in shard %q, the longest key that starts it", w, best)
		}
	}
	var small []string
	for _, sh := range splitAll(t, words, lists, 1<<20) {
		small = append(small, sh.key)
	}
	if diff := cmp.Diff([]string{"ca", "go", "gp"}, small); diff != "" {
		t.Errorf("keys under the limit (-want +got):\n%s", diff)
	}
}

// pair is a document and the weight a word has there.
type pair struct{ Doc, Weight int }

// postingsOf makes the postings of a word in the given documents, in
// order.
func postingsOf(pairs []pair) *postings {
	p := newPostings()
	for _, d := range pairs {
		p.add(d.Doc, d.Weight)
	}
	p.flush()
	return p
}

// splitAll splits words with the postings in lists, and returns the shards
// in the order split gave them.
func splitAll(t *testing.T, words []string, lists map[string][]pair, limit int) []shard {
	t.Helper()
	postings := map[string]*postings{}
	for w, pairs := range lists {
		postings[w] = postingsOf(pairs)
	}
	var out []shard
	if err := split(words, postings, 2, limit, func(sh shard) error { out = append(out, sh); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(postings) != 0 {
		t.Errorf("%d words' postings kept after their shards were made", len(postings))
	}
	return out
}

// TestPostings checks the number code of a posting list against the
// documents and weights it was made from: a document named twice keeps
// its highest weight, and a list joined from two workers' parts reads as
// the whole.
func TestPostings(t *testing.T) {
	in := []pair{{0, 0}, {0, 2}, {0, 1}, {1, 0}, {9, 1}, {9, 1}, {300, 0}, {300, 2}, {100000, 2}, {100001, 1}}
	want := []pair{{0, 2}, {1, 0}, {9, 1}, {300, 2}, {100000, 2}, {100001, 1}}
	decoded := func(p *postings) []pair {
		t.Helper()
		var m map[string]string
		data := encode([]string{"w"}, map[string]*postings{"w": p})
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%v: %s", err, data)
		}
		return decodePostings(t, m["w"])
	}
	if diff := cmp.Diff(want, decoded(postingsOf(in))); diff != "" {
		t.Errorf("decode(encode(postings)) (-want +got):\n%s", diff)
	}
	for cut := 0; cut <= len(in); cut++ {
		if cut > 0 && cut < len(in) && in[cut-1].Doc == in[cut].Doc {
			continue // a worker's part ends with a whole document
		}
		joined := postingsOf(in[:cut])
		joined.join(postingsOf(in[cut:]))
		if diff := cmp.Diff(want, decoded(joined)); diff != "" {
			t.Errorf("parts cut before %d, joined (-want +got):\n%s", cut, diff)
		}
	}
}

// decodePostings reads a posting string as search.js does.
func decodePostings(t *testing.T, s string) []pair {
	var out []pair
	doc, n := 0, 0
	for _, c := range []byte(s) {
		v := strings.IndexByte(digits, c)
		if v < 0 {
			t.Fatalf("%q is not a digit of the code", c)
		}
		n = n*32 + v&31
		if v < 32 {
			doc += n >> weightBits
			out = append(out, pair{doc, n & (1<<weightBits - 1)})
			n = 0
		}
	}
	return out
}
