package search_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/search"
	"github.com/engage-ssg/engage/internal/site"
)

// fixture is a small site with a page of each kind the index describes
// differently, published under a base path. Built on 2026-11-23.
var fixture = map[string]string{
	"site.yaml": `title: Test engage
base_url: https://example.org/engage/
organisation: {name: NHS Test}
taxonomies: [topics, areas]
`,
	"content/events/carers-cafe.md": `---
title: "Carers' café in Lowmere"
summary: "A monthly drop-in for unpaid carers."
date: 2026-10-20
start: 2026-12-03T10:00
end: 2026-12-03T12:00
venue: {name: Lowmere Library, address: Church Street, postcode: ZZ3 7LM}
topics: [Carers]
areas: [Lowmere]
---

## Getting there

Buses stop outside. Ask at the desk for the **quiet room**.
`,
	"content/events/carers-cafe.easy.md": `---
title: "Carers' café (easy read)"
summary: "Come to our café for carers."
date: 2026-10-20
---

You can have a cup of tea.
`,
	"content/events/old-meeting.md": `---
title: "Public meeting about the hospital"
date: 2026-01-10
start: 2026-01-20T18:00
end: 2026-01-20T20:00
status: cancelled
venue: {name: Town Hall}
---

We talked about parking.
`,
	"content/campaigns/diagnostic-centre.md": `---
title: "A new community diagnostic centre"
summary: "Tell us where scans and tests should happen."
date: 2026-09-07
kind: consultation
opens: 2026-09-07
closes: 2026-12-04
why: "We want to build a centre for scans closer to home."
topics: [Diagnostics]
areas: [Wrenford]
---

The centre would offer MRI and CT scans. Carers can come too.
`,
	"content/updates/quiet-room.md": `---
title: "A quieter café"
summary: "You said the café was noisy."
date: 2026-02-20
you_said: "The room was too noisy."
we_did: "We booked a quiet room."
status: in-progress
topics: [Carers]
---

Thank you for telling us.
`,
	"content/about.md": `---
title: "About us"
date: 2025-04-01
---

We are a fictional board. We work with carers across the valley.
`,
	"content/draft.md": `---
title: "Secret plans"
draft: true
---

Nobody should find this.
`,
}

func writeFixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, dir string) *site.Site {
	t.Helper()
	plan, err := build.Load(context.Background(), build.Options{Source: dir, Now: "2026-11-23", Theme: engage.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Problems.Errors() > 0 {
		t.Fatalf("the fixture has errors:\n%s", plan.Problems.Error())
	}
	return plan.Site
}

// index is a built index, read back the way search.js reads it.
type index struct {
	t     *testing.T
	files map[string][]byte
	meta  struct {
		Version   string   `json:"version"`
		Documents int      `json:"documents"`
		PerShard  int      `json:"perShard"`
		Keys      []string `json:"keys"`
		StopWords []string `json:"stopWords"`
	}
}

func newIndex(t *testing.T, files []output.File) *index {
	t.Helper()
	ix := &index{t: t, files: map[string][]byte{}}
	for _, f := range files {
		if !strings.HasPrefix(f.Path, search.Dir) {
			t.Errorf("%s is not under %s", f.Path, search.Dir)
		}
		ix.files[strings.TrimPrefix(f.Path, search.Dir)] = f.Data
	}
	ix.decode("meta.json", &ix.meta)
	return ix
}

func (ix *index) decode(name string, v any) {
	ix.t.Helper()
	data, ok := ix.files[name]
	if !ok {
		ix.t.Fatalf("the index has no %s", name)
	}
	if err := json.Unmarshal(data, v); err != nil {
		ix.t.Fatalf("%s: %v", name, err)
	}
}

// docs returns every document row, in document order.
func (ix *index) docs() [][]string {
	var all [][]string
	for n := 0; n*ix.meta.PerShard < ix.meta.Documents; n++ {
		var rows [][]string
		ix.decode("docs/"+itoa(n)+".json", &rows)
		all = append(all, rows...)
	}
	return all
}

// lookup returns, for each document that has the word, its weight there:
// from the shard with the longest key that starts the word.
func (ix *index) lookup(word string) map[int]int {
	ix.t.Helper()
	best := ""
	for _, k := range ix.meta.Keys {
		if strings.HasPrefix(word, k) && len(k) > len(best) {
			best = k
		}
	}
	found := map[int]int{}
	if best == "" {
		return found
	}
	var shard map[string]string
	ix.decode("words/"+best+".json", &shard)
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
	doc, n := 0, 0
	for _, c := range []byte(shard[word]) {
		v := strings.IndexByte(digits, c)
		n = n*32 + v&31
		if v < 32 {
			doc += n >> 2
			found[doc] = n & 3
			n = 0
		}
	}
	return found
}

// urls names the documents of a lookup by their addresses.
func (ix *index) urls(found map[int]int) map[string]int {
	docs := ix.docs()
	out := map[string]int{}
	for d, w := range found {
		out[docs[d][0]] = w
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func fixtureIndex(t *testing.T) *index {
	t.Helper()
	files, err := search.Index(load(t, writeFixture(t, fixture)))
	if err != nil {
		t.Fatal(err)
	}
	return newIndex(t, files)
}

// TestDocuments checks the result list's data: every content and
// easy-read page and nothing else, newest first, with the base path, the
// type, the date (an event's start), the status and the summary (the
// start of the body when there is none).
func TestDocuments(t *testing.T) {
	ix := fixtureIndex(t)
	want := [][]string{
		{"/engage/events/carers-cafe/", "Carers' café in Lowmere", "Event", "3 December 2026", "", "A monthly drop-in for unpaid carers."},
		{"/engage/events/carers-cafe/easy-read/", "Carers' café (easy read)", "Easy read", "3 December 2026", "", "Come to our café for carers."},
		{"/engage/campaigns/diagnostic-centre/", "A new community diagnostic centre", "Consultation", "7 September 2026", "Open", "Tell us where scans and tests should happen."},
		{"/engage/updates/quiet-room/", "A quieter café", "You said, we did", "20 February 2026", "In progress", "You said the café was noisy."},
		{"/engage/events/old-meeting/", "Public meeting about the hospital", "Event", "20 January 2026", "Cancelled", "We talked about parking."},
		{"/engage/about/", "About us", "Page", "1 April 2025", "", "We are a fictional board. We work with carers across the valley."},
	}
	if diff := cmp.Diff(want, ix.docs()); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

// TestWeights checks the ranking data: 2 for a word of the title, 1 for
// the summary, a taxonomy term or the type, 0 for the body and the fields
// of a content type only.
func TestWeights(t *testing.T) {
	ix := fixtureIndex(t)
	tests := []struct {
		word string
		want map[string]int
	}{
		{"carers", map[string]int{
			"/engage/events/carers-cafe/":           2, // title
			"/engage/events/carers-cafe/easy-read/": 2,
			"/engage/updates/quiet-room/":           1, // topic
			"/engage/campaigns/diagnostic-centre/":  0, // body
			"/engage/about/":                        0,
		}},
		{"lowmere", map[string]int{
			"/engage/events/carers-cafe/":           2,
			"/engage/events/carers-cafe/easy-read/": 1, // the standard page's area
		}},
		{"consultation", map[string]int{"/engage/campaigns/diagnostic-centre/": 1}}, // type
		{"scans", map[string]int{"/engage/campaigns/diagnostic-centre/": 1}},        // summary beats why:
		{"closer", map[string]int{"/engage/campaigns/diagnostic-centre/": 0}},       // why:
		{"noisy", map[string]int{"/engage/updates/quiet-room/": 1}},
		{"booked", map[string]int{"/engage/updates/quiet-room/": 0}}, // we_did:
		{"7lm", map[string]int{"/engage/events/carers-cafe/": 0}},    // the venue's postcode
		{"quiet", map[string]int{"/engage/events/carers-cafe/": 0, "/engage/updates/quiet-room/": 0}},
		{"secret", map[string]int{}}, // a draft
		{"the", map[string]int{}},    // a stop word
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ix.urls(ix.lookup(tt.word))); diff != "" {
				t.Errorf("postings of %q (-want +got):\n%s", tt.word, diff)
			}
		})
	}
}

// TestPagesFindable checks that every word of a page's title, summary and
// terms finds it.
func TestPagesFindable(t *testing.T) {
	s := load(t, writeFixture(t, fixture))
	files, err := search.Index(s)
	if err != nil {
		t.Fatal(err)
	}
	ix := newIndex(t, files)
	findable(t, ix, s)
}

func findable(t *testing.T, ix *index, s *site.Site) {
	t.Helper()
	byURL := map[string]int{}
	for i, d := range ix.docs() {
		byURL[d[0]] = i
	}
	pages := 0
	for _, p := range s.Pages {
		if p.Kind != site.KindPage || p.Source == nil {
			continue
		}
		pages++
		doc, ok := byURL[site.RelURL(s.Config.BaseURL, p.URL)]
		if !ok {
			t.Errorf("%s is not in the index", p.URL)
			continue
		}
		text := []string{p.Title, p.Summary}
		for _, term := range p.Terms {
			text = append(text, term.Name)
		}
		for _, w := range search.Words(strings.Join(text, " ")) {
			if _, ok := ix.lookup(w)[doc]; !ok {
				t.Errorf("%q does not find %s", w, p.URL)
			}
		}
	}
	if pages != ix.meta.Documents {
		t.Errorf("got %d documents, want %d (the content and easy-read pages)", ix.meta.Documents, pages)
	}
}

// TestFacets checks the filter data of the café page and its easy-read
// version, which has the standard page's terms.
func TestFacets(t *testing.T) {
	ix := fixtureIndex(t)
	var f struct {
		Types      [][2]string `json:"types"`
		Taxonomies []struct {
			Name  string      `json:"name"`
			Terms [][2]string `json:"terms"`
		} `json:"taxonomies"`
		Docs [][]json.RawMessage `json:"docs"`
	}
	ix.decode("facets.json", &f)
	wantTypes := [][2]string{{"campaigns", "Campaigns"}, {"easy-read", "Easy read"}, {"events", "Events"}, {"page", "Page"}, {"updates", "Updates"}}
	if diff := cmp.Diff(wantTypes, f.Types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	if len(f.Docs) != ix.meta.Documents {
		t.Fatalf("got %d rows, want one per document (%d)", len(f.Docs), ix.meta.Documents)
	}
	named := func(row []json.RawMessage) []string {
		var typ int
		json.Unmarshal(row[0], &typ)
		out := []string{f.Types[typ][0]}
		for i, tax := range f.Taxonomies {
			var ids []int
			json.Unmarshal(row[1+i], &ids)
			for _, id := range ids {
				out = append(out, tax.Name+"/"+tax.Terms[id][0])
			}
		}
		return out
	}
	for i, want := range [][]string{
		{"events", "topics/carers", "areas/lowmere"},
		{"easy-read", "topics/carers", "areas/lowmere"},
		{"campaigns", "topics/diagnostics", "areas/wrenford"},
		{"updates", "topics/carers"},
		{"events"},
		{"page"},
	} {
		if diff := cmp.Diff(want, named(f.Docs[i])); diff != "" {
			t.Errorf("document %d (-want +got):\n%s", i, diff)
		}
	}
}

// TestDeterministic builds the index of two loads of the same site and
// wants the same bytes, whatever the map order and the scheduling.
func TestDeterministic(t *testing.T) {
	dir := writeFixture(t, fixture)
	a, err := search.Index(load(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := search.Index(load(t, dir))
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("got %d files, then %d", len(a), len(b))
		}
		for i := range a {
			if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Fatalf("%s differs between two builds of the same site", a[i].Path)
			}
		}
	}
	// A change of content changes the version, so that no browser mixes
	// an old cached shard with a new one.
	changed := map[string]string{}
	for k, v := range fixture {
		changed[k] = v
	}
	changed["content/about.md"] = strings.Replace(fixture["content/about.md"], "fictional", "made-up", 1)
	c, err := search.Index(load(t, writeFixture(t, changed)))
	if err != nil {
		t.Fatal(err)
	}
	if newIndex(t, a).meta.Version == newIndex(t, c).meta.Version {
		t.Errorf("the version did not change with the content")
	}
}
