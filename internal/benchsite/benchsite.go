// Package benchsite gives the benchmarks and size tests of the packages
// that read a resolved site one made from the bench corpus
// (internal/corpus), loaded as engage build would load it.
package benchsite

import (
	"context"
	"path/filepath"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/corpus"
	"github.com/engage-ssg/engage/internal/site"
)

// Load generates a site of the given number of pages (seed 1) in a
// folder of tb's and resolves it as a build on 2026-07-01 would.
func Load(tb testing.TB, pages int) *site.Site {
	tb.Helper()
	src := filepath.Join(tb.TempDir(), "site")
	if _, err := corpus.Generate(src, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	plan, err := build.Load(context.Background(), build.Options{Source: src, Now: "2026-07-01", Theme: engage.Theme})
	if err != nil {
		tb.Fatal(err)
	}
	if plan.Site == nil {
		tb.Fatalf("the corpus did not load:\n%s", plan.Problems.Error())
	}
	return plan.Site
}
