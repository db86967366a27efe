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
	postings := map[string][]posting{}
	var words []string
	add := func(w string, docs int) {
		words = append(words, w)
		for d := range docs {
			postings[w] = append(postings[w], newPosting(d*3, d%3))
		}
	}
	add("ca", 5)
	add("cafe", 40)
	add("care", 40)
	add("carers", 40)
	add("cat", 1)
	add("go", 2)
	add("gp", 3)

	shards := split(words, postings, 2, 100)
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
	for _, sh := range split(words, postings, 2, 1<<20) {
		small = append(small, sh.key)
	}
	if diff := cmp.Diff([]string{"ca", "go", "gp"}, small); diff != "" {
		t.Errorf("keys under the limit (-want +got):\n%s", diff)
	}
}

// TestPostings checks the number code of a posting list against the
// documents and weights it was made from.
func TestPostings(t *testing.T) {
	ps := []posting{newPosting(0, 2), newPosting(1, 0), newPosting(9, 1), newPosting(300, 0), newPosting(100000, 2)}
	data := encode([]string{"w"}, map[string][]posting{"w": ps})
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	if diff := cmp.Diff(ps, decodePostings(t, m["w"])); diff != "" {
		t.Errorf("decode(encode(postings)) (-want +got):\n%s", diff)
	}
}

// decodePostings reads a posting string as search.js does.
func decodePostings(t *testing.T, s string) []posting {
	var out []posting
	doc, n := 0, 0
	for _, c := range []byte(s) {
		v := strings.IndexByte(digits, c)
		if v < 0 {
			t.Fatalf("%q is not a digit of the code", c)
		}
		n = n*32 + v&31
		if v < 32 {
			doc += n >> weightBits
			out = append(out, newPosting(doc, n&(1<<weightBits-1)))
			n = 0
		}
	}
	return out
}
