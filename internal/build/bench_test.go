package build

import (
	"context"
	"path/filepath"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/corpus"
)

// BenchmarkBuild builds a generated 2,000-page site (with easy-read
// siblings) per iteration: the figure to profile with -cpuprofile and
// -memprofile. make bench measures the whole binary at 1,000 and 10,000.
func BenchmarkBuild(b *testing.B) {
	src := filepath.Join(b.TempDir(), "site")
	if _, err := corpus.Generate(src, corpus.Options{Pages: 2000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		res, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: "2026-07-01", Theme: engage.Theme})
		if err != nil {
			b.Fatalf("build: %v\n%s", err, res.Problems.Error())
		}
	}
}
