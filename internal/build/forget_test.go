package build

import (
	"context"
	"os"
	"testing"
	"testing/fstest"
)

// TestForgetPositions checks that a build lets go of what only the checks,
// resolving and engage serve need, and keeps what rendering needs.
func TestForgetPositions(t *testing.T) {
	src := t.TempDir()
	site := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: Test\nbase_url: https://engage.example.org/\norganisation:\n  name: Test Board\ntaxonomies: [topics]\n")},
		"content/news/post.md": {Data: []byte("---\ntitle: A post\ndate: 2026-01-02\ntopics: [Carers]\n---\nRead [the plan](/news/).\n\n## What next\n\nMore.\n")},
	}
	if err := os.CopyFS(src, site); err != nil {
		t.Fatal(err)
	}
	plan, err := (&Loader{Options: Options{Source: src, Now: "2026-11-23"}}).Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if plan.Problems.Errors() > 0 {
		t.Fatal(plan.Problems)
	}
	headings := 0
	for _, p := range plan.Site.Pages {
		if p.Source != nil && p.Source.Body != nil {
			headings += len(p.Source.Body.Headings)
		}
	}
	if headings == 0 {
		t.Fatal("no page has headings before forgetPositions")
	}
	forgetPositions(plan.Site)
	for _, p := range plan.Site.Pages {
		cp := p.Source
		if cp == nil || p.URL != "/news/post/" {
			continue
		}
		if cp.Positions() != nil || cp.Front != "" || cp.Meta.Terms != nil {
			t.Errorf("kept positions %v, front matter %q, terms %v", cp.Positions(), cp.Front, cp.Meta.Terms)
		}
		if len(p.Terms) != 1 || p.Terms[0].Name != "Carers" {
			t.Errorf("the page's resolved terms are %v, want Carers", p.Terms)
		}
		if cp.Body.Headings != nil {
			t.Errorf("kept the headings %v", cp.Body.Headings)
		}
		if len(cp.Body.Links) != 0 || len(p.LinkDests) != 1 {
			t.Errorf("kept %d links as written and %d resolved, want 0 and 1", len(cp.Body.Links), len(p.LinkDests))
		}
		return
	}
	t.Fatal("no page /news/post/")
}

// TestLoadOnceKeepsNothing checks that a Loader that loads once (engage
// build) keeps no cache of what it parsed, and gives the same pages and
// problems, in the same order, as one that keeps its cache for the next
// run (engage serve).
func TestLoadOnceKeepsNothing(t *testing.T) {
	src := t.TempDir()
	site := fstest.MapFS{
		"site.yaml":              {Data: []byte("title: Test\nbase_url: https://engage.example.org/\norganisation:\n  name: Test Board\n")},
		"content/news/b-post.md": {Data: []byte("---\ntitle: B post\ndate: 2026-01-02\n---\nSee [here](/nowhere/).\n")},
		"content/news/a-post.md": {Data: []byte("---\ntitle: A post\ndate: 2026-01-03\nsumary: misspelt\n---\nText.\n")},
		"content/about.md":       {Data: []byte("---\ntitle: About\n---\nThe ICB.\n")},
	}
	if err := os.CopyFS(src, site); err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: src, Now: "2026-11-23"}
	once := &Loader{Options: opts, once: true}
	a, err := once.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cached := &Loader{Options: opts}
	b, err := cached.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if once.pages != nil {
		t.Errorf("a Loader that loads once kept %d parsed files", len(once.pages))
	}
	if len(cached.pages) != 3 {
		t.Errorf("a Loader kept %d parsed files for its next run, want 3", len(cached.pages))
	}
	if got, want := a.Problems.Error(), b.Problems.Error(); got != want || a.Problems.Errors()+a.Problems.Warnings() < 2 {
		t.Errorf("problems loading once:\n%s\nwant at least two, as with a cache:\n%s", got, want)
	}
	if len(a.Site.Pages) != len(b.Site.Pages) {
		t.Fatalf("%d pages loading once, %d with a cache", len(a.Site.Pages), len(b.Site.Pages))
	}
	for i := range a.Site.Pages {
		if a.Site.Pages[i].URL != b.Site.Pages[i].URL {
			t.Errorf("page %d: %s loading once, %s with a cache", i, a.Site.Pages[i].URL, b.Site.Pages[i].URL)
		}
	}
}

// TestSizedCalledWithContentFiles checks that a build tells Options.Sized
// how many content files the site has, once, before it parses them.
func TestSizedCalledWithContentFiles(t *testing.T) {
	src := t.TempDir()
	site := fstest.MapFS{
		"site.yaml":               {Data: []byte("title: Test\nbase_url: https://engage.example.org/\norganisation:\n  name: Test Board\n")},
		"content/news/a.md":       {Data: []byte("---\ntitle: A\ndate: 2026-01-02\n---\nText.\n")},
		"content/news/a.easy.md":  {Data: []byte("---\ntitle: A in easy read\n---\nText.\n")},
		"content/about.md":        {Data: []byte("---\ntitle: About\n---\nText.\n")},
		"content/news/photo.jpeg": {Data: []byte("not a page")},
	}
	if err := os.CopyFS(src, site); err != nil {
		t.Fatal(err)
	}
	var calls []int
	_, err := Load(context.Background(), Options{Source: src, Now: "2026-11-23", Sized: func(n int) { calls = append(calls, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 1 || calls[0] != 3 {
		t.Errorf("Sized called with %v, want once with 3 (the Markdown files)", calls)
	}
}
