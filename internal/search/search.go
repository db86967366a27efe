// Package search writes the index behind the site's /search/ page. It runs
// alongside the render stage, from the resolved site: every published content
// page and easy-read page becomes a document, and the index is a set of
// small JSON files under search/index/ that assets/js/search.js fetches as
// a query needs them. No search service is involved; without JavaScript the
// search page offers the A to Z and the taxonomy pages instead.
//
// The files, all minified JSON with a stable order:
//
//   - meta.json: the index version (a hash of the other files, which
//     search.js adds to their addresses so that a new build is never mixed
//     with an old cached shard), the number of documents, documents per
//     shard, the keys of the word shards, and the stop words.
//   - docs/<n>.json: documents n*per to (n+1)*per-1, each
//     [url, title, type, date, status, summary]. Documents are numbered
//     newest first, so a lower number is a newer page.
//   - facets.json: the filters. "types" and each taxonomy's "terms" are
//     [value, name] tables; "docs" has, for each document, its type's index
//     followed by one list of term indexes per taxonomy.
//   - words/<key>.json: the inverted index, one file per first two letters
//     of a word; a file that would be over maxShard is split by the first
//     three letters (then four), keeping any word as short as the key in
//     the shorter file. Each word maps to its postings, one number per
//     document that has the word: the gap from the previous document's
//     number times 4, plus the word's weight there (2 title, 1 summary,
//     taxonomy term or type, 0 body only). The numbers are written as one
//     string, each in groups of 5 bits, most significant first, one
//     character of digits per group, with 32 added to every group but a
//     number's last. This is about half the size of a JSON array.
//
// Titles and summaries come from content files, which are not trusted:
// search.js puts them into the page as text, never as HTML.
package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// Dir is where the index is written, under the site's output folder.
const Dir = "search/index/"

// perShard is the number of documents in each docs/ file: a page of
// results needs a few of them, not all.
const perShard = 50

// maxShard is the size in bytes above which a word shard is split by the
// first three letters of its words.
const maxShard = 48 << 10

// Index builds the search index of s.
func Index(s *site.Site) ([]output.File, error) {
	docs := documents(s)
	var files []output.File

	for n := 0; n*perShard < len(docs); n++ {
		rows := make([][]string, 0, perShard)
		for _, d := range docs[n*perShard : min(len(docs), (n+1)*perShard)] {
			rows = append(rows, []string{d.url, d.title, d.label, d.date, d.status, d.summary})
		}
		data, err := marshal(rows)
		if err != nil {
			return nil, fmt.Errorf("search index documents: %w", err)
		}
		files = append(files, output.File{Path: Dir + "docs/" + strconv.Itoa(n) + ".json", Data: data})
	}

	facets, err := marshal(facetsOf(s, docs))
	if err != nil {
		return nil, fmt.Errorf("search index facets: %w", err)
	}
	files = append(files, output.File{Path: Dir + "facets.json", Data: facets})

	shards := wordShards(docs)
	keys := make([]string, 0, len(shards))
	for _, sh := range shards {
		keys = append(keys, sh.key)
		files = append(files, output.File{Path: Dir + "words/" + sh.key + ".json", Data: sh.data})
	}

	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.Data)
	}
	meta, err := marshal(struct {
		Version   string   `json:"version"`
		Documents int      `json:"documents"`
		PerShard  int      `json:"perShard"`
		Keys      []string `json:"keys"`
		StopWords []string `json:"stopWords"`
	}{hex.EncodeToString(h.Sum(nil)[:6]), len(docs), perShard, keys, stopWords})
	if err != nil {
		return nil, fmt.Errorf("search index meta: %w", err)
	}
	files = append(files, output.File{Path: Dir + "meta.json", Data: meta})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// marshal writes minified JSON without escaping <, > and &, which are safe
// in a file that is only ever read as JSON.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// facets is the content of facets.json.
type facets struct {
	Types      [][2]string `json:"types"`
	Taxonomies []taxonomy  `json:"taxonomies"`
	Docs       [][]any     `json:"docs"`
}

type taxonomy struct {
	Name  string      `json:"name"`
	Terms [][2]string `json:"terms"`
}

// facetsOf numbers the types and terms and lists each document's.
func facetsOf(s *site.Site, docs []*document) facets {
	var f facets
	typeNames := map[string]string{"easy-read": "Easy read"}
	for _, sp := range s.Sections {
		typeNames[sp.Type] = sp.Title
	}
	typeID := map[string]int{}
	for _, d := range docs {
		typeID[d.typ] = 0
	}
	types := make([]string, 0, len(typeID))
	for t := range typeID {
		types = append(types, t)
	}
	sort.Strings(types)
	for i, t := range types {
		typeID[t] = i
		name := typeNames[t]
		if name == "" {
			name = strings.ToUpper(t[:1]) + strings.ReplaceAll(t[1:], "-", " ")
		}
		f.Types = append(f.Types, [2]string{t, name})
	}

	termID := map[string]int{} // by term URL
	taxIndex := map[string]int{}
	f.Taxonomies = []taxonomy{}
	for i, tax := range s.Taxonomies {
		taxIndex[tax.Name] = i
		t := taxonomy{Name: tax.Name, Terms: [][2]string{}}
		for j, term := range tax.Terms {
			termID[term.URL] = j
			t.Terms = append(t.Terms, [2]string{term.Slug, term.Name})
		}
		f.Taxonomies = append(f.Taxonomies, t)
	}
	f.Docs = make([][]any, len(docs))
	for i, d := range docs {
		row := make([]any, 1+len(s.Taxonomies))
		row[0] = typeID[d.typ]
		for j := range s.Taxonomies {
			row[1+j] = []int{}
		}
		for _, t := range d.terms {
			j, ok := taxIndex[t.Taxonomy]
			if !ok {
				continue
			}
			row[1+j] = append(row[1+j].([]int), termID[t.URL])
		}
		for j := range s.Taxonomies {
			sort.Ints(row[1+j].([]int))
		}
		f.Docs[i] = row
	}
	return f
}

// shard is one file of the inverted index.
type shard struct {
	key  string
	data []byte
}

// posting is one document that has a word: the document's number
// shifted left by weightBits, with the word's weight in the low bits. Four
// bytes each: a site of 10,000 pages has millions.
type posting uint32

func newPosting(doc, weight int) posting { return posting(doc<<weightBits | weight) }

func (p posting) doc() int    { return int(p >> weightBits) }
func (p posting) weight() int { return int(p & (1<<weightBits - 1)) }

// index is one worker's part of the inverted index: each word's postings,
// in document order. A word that is not indexed (see indexed) maps to nil,
// so that it is checked once, not every time a page uses it.
type index struct {
	postings map[string]*[]posting
	text     []byte // the text being split into words, reused
}

// addString adds the words of s to the index as document doc's.
func (ix *index) addString(doc, weight int, s string) {
	ix.text = append(ix.text[:0], s...)
	ix.addText(doc, weight)
}

// addText adds the words of ix.text, which it writes over, to the index
// as document doc's.
func (ix *index) addText(doc, weight int) {
	eachWord(ix.text, func(w []byte) { ix.add(doc, weight, w) })
}

// add records that document doc has word w, keeping the highest weight
// that the word has in the document.
func (ix *index) add(doc, weight int, w []byte) {
	ps, seen := ix.postings[string(w)]
	if !seen {
		if indexed(w) {
			ps = new([]posting)
		}
		ix.postings[string(w)] = ps // the only copy of a word the index makes
	}
	if ps == nil {
		return
	}
	if last := len(*ps) - 1; last >= 0 && (*ps)[last].doc() == doc {
		if weight > (*ps)[last].weight() {
			(*ps)[last] = newPosting(doc, weight)
		}
		return
	}
	*ps = append(*ps, newPosting(doc, weight))
}

// wordShards builds the inverted index and splits it by the first letters
// of each word. Each worker indexes one run of documents, one document at a
// time, so postings come out in document order and no more than one
// document's text per worker is in memory besides the index itself.
func wordShards(docs []*document) []shard {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)))
	parts := make([]map[string]*[]posting, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(docs)/workers, (w+1)*len(docs)/workers
		wg.Go(func() {
			ix := index{postings: map[string]*[]posting{}}
			for i := lo; i < hi; i++ {
				docs[i].words(&ix, i)
			}
			parts[w] = ix.postings
		})
	}
	wg.Wait()
	postings := make(map[string][]posting, len(parts[0]))
	for _, part := range parts {
		for word, ps := range part {
			if ps == nil {
				continue
			}
			if have, ok := postings[word]; ok {
				postings[word] = append(have, *ps...)
			} else {
				postings[word] = *ps
			}
		}
	}
	// The runs are merged in order, so each word's postings are sorted.
	words := make([]string, 0, len(postings))
	for w := range postings {
		words = append(words, w)
	}
	sort.Strings(words)
	return split(words, postings, 2, maxShard)
}

// split writes the words sharing their first n letters into one shard, and
// splits a shard over limit bytes by one more letter. A word no longer than n
// letters stays in the shard keyed by itself: when "ca" is split, ca.json
// holds only "ca", and car.json, cat.json the longer words. search.js finds
// a word in the shard with the longest key that starts it.
func split(words []string, postings map[string][]posting, n, limit int) []shard {
	var out []shard
	for i := 0; i < len(words); {
		k := prefix(words[i], n)
		j := i
		for j < len(words) && prefix(words[j], n) == k {
			j++
		}
		data := encode(words[i:j], postings)
		if len(data) > limit && n < 4 {
			// Words of exactly n letters stay under k; longer ones move to
			// shards keyed by n+1 letters.
			var short, long []string
			for _, w := range words[i:j] {
				if len(w) <= n {
					short = append(short, w)
				} else {
					long = append(long, w)
				}
			}
			if len(short) > 0 {
				out = append(out, shard{k, encode(short, postings)})
			}
			out = append(out, split(long, postings, n+1, limit)...)
		} else {
			out = append(out, shard{k, data})
		}
		i = j
	}
	return out
}

func prefix(w string, n int) string {
	if len(w) > n {
		return w[:n]
	}
	return w
}

// encode writes words and their postings as a JSON object, in order.
func encode(words []string, postings map[string][]posting) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, w := range words {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(w) // only a-z and 0-9: nothing to escape
		b.WriteString(`":"`)
		prev := 0
		for _, p := range postings[w] {
			writeNumber(&b, (p.doc()-prev)<<weightBits|p.weight())
			prev = p.doc()
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.Bytes()
}

// digits are the 64 characters of the postings' number code, none of which
// JSON escapes.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// writeNumber writes n in 5-bit groups, most significant first, each as a
// character of digits; every group but the last has 32 added.
func writeNumber(b *bytes.Buffer, n int) {
	var buf [13]byte
	i := len(buf) - 1
	buf[i] = digits[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		buf[i] = digits[32+n&31]
	}
	b.Write(buf[i:])
}
