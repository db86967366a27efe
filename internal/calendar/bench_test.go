package calendar_test

import (
	"context"
	"path/filepath"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/calendar"
	"github.com/engage-ssg/engage/internal/corpus"
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

// BenchmarkFiles writes every event's calendar and events.ics.
func BenchmarkFiles(b *testing.B) {
	s := benchSite(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if files := calendar.Files(s); len(files) == 0 {
			b.Fatal("no calendars")
		}
	}
}
