package search_test

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/benchsite"
	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/search"
)

// The bounds for the 10,000-page bench corpus: the whole index at
// most 2 MB compressed, or at most 300 KB compressed for one query. The
// index meets both. BenchmarkIndex checks both at 10,000 pages; TestCorpus
// checks them at 2,000 pages, the whole index against the bound scaled to
// the size (400 KB), since generating and loading 10,000 pages takes
// longer than a test should.
const (
	wholeBound10k = 2 << 20
	queryBound    = 300 << 10
	resultsShown  = 10 // search.js's PER_PAGE
)

// sizes are the compressed sizes of an index that matter to a reader.
type sizes struct {
	files      int
	raw, gzip  int // the whole index
	meta       int // meta.json, fetched by every query
	facets     int // facets.json, fetched when a filter is chosen
	maxShard   int // the largest word shard: what one whole word can fetch
	medShard   int // the median word shard
	maxPrefix  int // the most that one prefix word can fetch
	maxDocs    int // the largest docs/ shard
	query      int // the most that one query of 3 words with filters fetches
	typicalOne int // a one-word query without filters, median shard
}

// measure compresses every file as a web server would (gzip level 6) and
// works out the largest download of one query as search.js makes it:
// meta.json and facets.json, two whole words (one shard each) and a last
// word matched as a prefix (every shard whose key starts it or that it
// starts), and one docs/ shard for each result shown.
func measure(t testing.TB, files []output.File) sizes {
	t.Helper()
	var s sizes
	gz := map[string]int{}
	var keys []string
	var shardSizes []int
	for _, f := range files {
		n := gzipSize(t, f.Data)
		rel := strings.TrimPrefix(f.Path, search.Dir)
		gz[rel] = n
		s.files++
		s.raw += len(f.Data)
		s.gzip += n
		switch {
		case rel == "meta.json":
			s.meta = n
		case rel == "facets.json":
			s.facets = n
		case strings.HasPrefix(rel, "docs/"):
			s.maxDocs = max(s.maxDocs, n)
		case strings.HasPrefix(rel, "words/"):
			keys = append(keys, strings.TrimSuffix(strings.TrimPrefix(rel, "words/"), ".json"))
			s.maxShard = max(s.maxShard, n)
			shardSizes = append(shardSizes, n)
		}
	}
	prefixes := map[string]bool{}
	for _, k := range keys {
		prefixes[k[:min(3, len(k))]] = true
	}
	for p := range prefixes {
		total := 0
		for _, k := range keys {
			if strings.HasPrefix(p, k) || strings.HasPrefix(k, p) {
				total += gz["words/"+k+".json"]
			}
		}
		s.maxPrefix = max(s.maxPrefix, total)
	}
	if len(shardSizes) > 0 {
		slices.Sort(shardSizes)
		s.medShard = shardSizes[len(shardSizes)/2]
	}
	s.query = s.meta + s.facets + 2*s.maxShard + s.maxPrefix + resultsShown*s.maxDocs
	s.typicalOne = s.meta + s.medShard + resultsShown*s.maxDocs
	return s
}

func gzipSize(t testing.TB, data []byte) int {
	t.Helper()
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, 6)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

func checkBounds(t testing.TB, s sizes, whole int) {
	t.Helper()
	t.Logf("%d files; whole index %d bytes, %d gzip; meta %d, facets %d, word shards up to %d (median %d), "+
		"a prefix up to %d, docs shards up to %d; one query up to %d, a typical one-word query %d (gzip bytes)",
		s.files, s.raw, s.gzip, s.meta, s.facets, s.maxShard, s.medShard, s.maxPrefix, s.maxDocs, s.query, s.typicalOne)
	if s.gzip > whole {
		t.Errorf("whole index: got %d bytes compressed, want at most %d", s.gzip, whole)
	}
	if s.query > queryBound {
		t.Errorf("one query: got up to %d bytes compressed, want at most %d", s.query, queryBound)
	}
}

// TestCorpus indexes the 2,000-page bench corpus: every page is found by
// the words of its title, summary and terms, and the index keeps the size
// bounds.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and loads a 2,000-page site")
	}
	s := benchsite.Load(t, 2000)
	files, err := search.Index(s)
	if err != nil {
		t.Fatal(err)
	}
	findable(t, newIndex(t, files), s)
	checkBounds(t, measure(t, files), wholeBound10k*2000/10000)
}

// BenchmarkIndex indexes the 10,000-page bench corpus and fails when the
// index breaks the size bounds:
//
//	go test -run '^$' -bench Index -benchtime 1x ./internal/search
func BenchmarkIndex(b *testing.B) {
	s := benchsite.Load(b, 10000)
	var files []output.File
	for b.Loop() {
		var err error
		if files, err = search.Index(s); err != nil {
			b.Fatal(err)
		}
	}
	sz := measure(b, files)
	checkBounds(b, sz, wholeBound10k)
	b.ReportMetric(float64(sz.gzip), "index-gzip-bytes")
	b.ReportMetric(float64(sz.query), "max-query-gzip-bytes")
}
