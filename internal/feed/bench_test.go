package feed_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/corpus"
	"github.com/engage-ssg/engage/internal/feed"
	"github.com/engage-ssg/engage/internal/site"
)

// benchSite loads a generated 5,000-page site, as engage build would.
func benchSite(b *testing.B) *site.Site {
	b.Helper()
	src := filepath.Join(b.TempDir(), "site")
	if _, err := corpus.Generate(src, corpus.Options{Pages: 5000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	plan, err := build.Load(context.Background(), build.Options{Source: src, Now: "2026-07-01", Theme: engage.Theme})
	if err != nil {
		b.Fatal(err)
	}
	if plan.Site == nil {
		b.Fatalf("load: %s", plan.Problems.Error())
	}
	return plan.Site
}

// BenchmarkFiles writes every feed, with the same body of about 4 kB for
// each entry, made once, so that only the feeds' own work is measured.
func BenchmarkFiles(b *testing.B) {
	s := benchSite(b)
	html := strings.Repeat(`<p>The steering group will publish the <a href="https://example.org/routes/">walking routes</a> in Castlegate & Brookside.</p>`+"\n", 32)
	body := func(*site.Page) (string, error) { return html, nil }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := feed.Files(s, s.Config.FeedLimit, body); err != nil {
			b.Fatal(err)
		}
	}
}
