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

// Write builds the search index of s and gives each file to emit as soon
// as it is made, meta.json last (its version is a hash of the others), so
// that the word shards of a large site are written one by one rather than
// held until the last is made. It returns emit's first error.
func Write(s *site.Site, emit func(output.File) error) error {
	docs := documents(s)
	h := sha256.New()
	put := func(f output.File) error {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.Data)
		return emit(f)
	}

	for n := 0; n*perShard < len(docs); n++ {
		rows := make([][]string, 0, perShard)
		for _, d := range docs[n*perShard : min(len(docs), (n+1)*perShard)] {
			rows = append(rows, []string{d.url, d.title, d.label, d.date, d.status, d.summary})
		}
		data, err := marshal(rows)
		if err != nil {
			return fmt.Errorf("search index documents: %w", err)
		}
		if err := put(output.File{Path: Dir + "docs/" + strconv.Itoa(n) + ".json", Data: data, Minimal: true}); err != nil {
			return err
		}
	}

	facets, err := marshal(facetsOf(s, docs))
	if err != nil {
		return fmt.Errorf("search index facets: %w", err)
	}
	if err := put(output.File{Path: Dir + "facets.json", Data: facets}); err != nil {
		return err
	}

	var keys []string
	err = wordShards(docs, func(sh shard) error {
		keys = append(keys, sh.key)
		return put(output.File{Path: Dir + "words/" + sh.key + ".json", Data: sh.data, Minimal: true})
	})
	if err != nil {
		return err
	}

	meta, err := marshal(struct {
		Version   string   `json:"version"`
		Documents int      `json:"documents"`
		PerShard  int      `json:"perShard"`
		Keys      []string `json:"keys"`
		StopWords []string `json:"stopWords"`
	}{hex.EncodeToString(h.Sum(nil)[:6]), len(docs), perShard, keys, stopWords})
	if err != nil {
		return fmt.Errorf("search index meta: %w", err)
	}
	return emit(output.File{Path: Dir + "meta.json", Data: meta})
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

// postings is one word's postings in one worker's part of the index, kept
// in the code its shard is written in (see appendNumber): for each
// document that has the word, in order, the gap from the previous one
// (from 0 for the first) times 4 plus the word's weight there. The last
// document waits in doc and weight until the next comes, as a later use of
// the word in the same document may weigh more. A posting takes a byte or
// two this way: as a slice of numbers that grew as it went, the postings of
// a 100,000-page site were 122 MB of the build's live heap.
type postings struct {
	code   []byte
	prev   int32 // the document of code's last number; 0 while code is empty
	doc    int32 // the document waiting to be written, or -1
	weight int32 // the word's highest weight in doc
}

func newPostings() *postings { return &postings{doc: -1} }

// add records that document doc, no lower than any before it, has the
// word with the given weight, keeping the highest weight for a document.
func (p *postings) add(doc, weight int) {
	if int(p.doc) == doc {
		p.weight = max(p.weight, int32(weight))
		return
	}
	p.flush()
	p.doc, p.weight = int32(doc), int32(weight)
}

// flush writes the waiting document into code.
func (p *postings) flush() {
	if p.doc < 0 {
		return
	}
	p.code = appendNumber(p.code, int(p.doc-p.prev)<<weightBits|int(p.weight))
	p.prev, p.doc = p.doc, -1
}

// join appends next, the word's flushed postings in the worker's part
// that follows p's, to p, also flushed: next's first number, a gap from
// 0, becomes the gap from p's last document.
func (p *postings) join(next *postings) {
	switch {
	case len(next.code) == 0:
		return
	case len(p.code) == 0:
		*p = *next
		return
	}
	n, size := readNumber(next.code)
	doc := int32(n >> weightBits)
	p.code = appendNumber(p.code, int(doc-p.prev)<<weightBits|n&(1<<weightBits-1))
	p.code = append(p.code, next.code[size:]...)
	p.prev = next.prev
}

// index is one worker's part of the inverted index: each word's postings,
// in document order. A word that is not indexed (see indexed) maps to nil,
// so that it is checked once, not every time a page uses it.
type index struct {
	postings map[string]*postings
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
			ps = newPostings()
		}
		ix.postings[string(w)] = ps // the only copy of a word the index makes
	}
	if ps != nil {
		ps.add(doc, weight)
	}
}

// wordShards builds the inverted index and gives it to emit split by the
// first letters of each word, in order of their keys. Each worker indexes
// one run of documents, one document at a time, so postings come out in
// document order and no more than one document's text per worker is in
// memory besides the index itself. A word's postings are let go once its
// shard is made.
func wordShards(docs []*document, emit func(shard) error) error {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)))
	parts := make([]map[string]*postings, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(docs)/workers, (w+1)*len(docs)/workers
		wg.Go(func() {
			ix := index{postings: map[string]*postings{}}
			for i := lo; i < hi; i++ {
				docs[i].words(&ix, i)
			}
			for _, ps := range ix.postings {
				if ps != nil {
					ps.flush()
				}
			}
			parts[w] = ix.postings
		})
	}
	wg.Wait()
	all := parts[0]
	for k, v := range all {
		if v == nil {
			delete(all, k)
		}
	}
	for _, part := range parts[1:] {
		for word, ps := range part {
			if ps == nil {
				continue
			}
			if have, ok := all[word]; ok {
				have.join(ps)
			} else {
				all[word] = ps
			}
		}
	}
	// The runs are joined in order, so each word's postings are sorted.
	words := make([]string, 0, len(all))
	for w := range all {
		words = append(words, w)
	}
	sort.Strings(words)
	return split(words, all, 2, maxShard, emit)
}

// split gives emit the words sharing their first n letters as one shard,
// and splits a shard over limit bytes by one more letter. A word no longer
// than n letters stays in the shard keyed by itself: when "ca" is split,
// ca.json holds only "ca", and car.json, cat.json the longer words.
// search.js finds a word in the shard with the longest key that starts it.
// The words of each shard made are taken out of postings.
func split(words []string, postings map[string]*postings, n, limit int, emit func(shard) error) error {
	for i := 0; i < len(words); {
		k := prefix(words[i], n)
		j := i
		for j < len(words) && prefix(words[j], n) == k {
			j++
		}
		var err error
		if encodedLen(words[i:j], postings) > limit && n < 4 {
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
				err = emit(shard{k, encode(short, postings)})
			}
			if err == nil {
				err = split(long, postings, n+1, limit, emit)
			}
		} else {
			err = emit(shard{k, encode(words[i:j], postings)})
		}
		if err != nil {
			return err
		}
		i = j
	}
	return nil
}

func prefix(w string, n int) string {
	if len(w) > n {
		return w[:n]
	}
	return w
}

// encodedLen is the length of encode(words, postings).
func encodedLen(words []string, postings map[string]*postings) int {
	n := 2 + max(len(words)-1, 0) // braces and commas
	for _, w := range words {
		n += len(w) + len(postings[w].code) + len(`"":""`)
	}
	return n
}

// encode writes words and their postings as a JSON object, in order, and
// takes them out of postings.
func encode(words []string, postings map[string]*postings) []byte {
	b := make([]byte, 0, encodedLen(words, postings))
	b = append(b, '{')
	for i, w := range words {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, w...) // only a-z and 0-9: nothing to escape
		b = append(b, `":"`...)
		b = append(b, postings[w].code...)
		b = append(b, '"')
		delete(postings, w)
	}
	return append(b, '}')
}

// digits are the 64 characters of the postings' number code, none of which
// JSON escapes.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// appendNumber appends n in 5-bit groups, most significant first, each as
// a character of digits; every group but the last has 32 added.
func appendNumber(b []byte, n int) []byte {
	var buf [13]byte
	i := len(buf) - 1
	buf[i] = digits[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		buf[i] = digits[32+n&31]
	}
	return append(b, buf[i:]...)
}

// readNumber reads the first number appendNumber wrote in code, and how
// many bytes it takes.
func readNumber(code []byte) (n, size int) {
	for i, c := range code {
		v := strings.IndexByte(digits, c)
		n = n<<5 | v&31
		if v < 32 {
			return n, i + 1
		}
	}
	return n, len(code)
}
