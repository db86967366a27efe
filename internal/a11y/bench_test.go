package a11y_test

import (
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/a11y"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// pages are realistic pages: a standard page of the generated benchmark
// site with a few problems added, and an easy-read page of the demo site.
var pages = []struct{ name, path, file string }{
	{"standard", "content/bench.md", "testdata/bench.md"},
	{"easy-read", "content/bench.easy.md", "testdata/bench.easy.md"},
}

// TestCheckGoldenScore checks the reading age of the standard benchmark
// page against a target it misses: the warning has the page's scores.
func TestCheckGoldenScore(t *testing.T) {
	p := parsePage(t, "content/bench.md", "testdata/bench.md")
	var got []string
	for _, pr := range a11y.Check(p, a11y.Options{ReadingAge: 4}) {
		if pr.Field == "readability" {
			got = append(got, pr.String())
		}
	}
	want := []string{"content/bench.md:4:1: warning: readability: the page needs a reading age of about 9 (Flesch reading ease 82); " +
		"the site's target is a reading age of 4: use shorter sentences and everyday words"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check(testdata/bench.md) readability mismatch (-want +got):\n%s", diff)
	}
}

func parsePage(tb testing.TB, path, file string) *content.Page {
	tb.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	p, problems := content.Parse(path, src, content.Options{Location: time.UTC, Markdown: markdown.New(markdown.Options{})})
	if len(problems) > 0 || p == nil {
		tb.Fatalf("content.Parse(%s): %v", file, problems)
	}
	return p
}

// TestCheckGolden compares the problems of the benchmark pages with the
// golden files next to them; go test -update rewrites those.
func TestCheckGolden(t *testing.T) {
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			p := parsePage(t, pg.path, pg.file)
			var b strings.Builder
			for _, pr := range a11y.Check(p, defaults).Sort() {
				b.WriteString(pr.String() + "\n")
			}
			golden := pg.file + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("Check(%s) mismatch (-want +got):\n%s", pg.file, diff)
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, pg := range pages {
		b.Run(pg.name, func(b *testing.B) {
			p := parsePage(b, pg.path, pg.file)
			b.ReportAllocs()
			for b.Loop() {
				a11y.Check(p, defaults)
			}
		})
	}
}
