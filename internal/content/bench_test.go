package content_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/content"
)

// benchPages are pages of the generated benchmark site, one of each
// content type with fields of its own.
var benchPages = []string{"campaign", "constitution", "event", "news", "update"}

func readBenchPages(b *testing.B) map[string][]byte {
	b.Helper()
	files := map[string][]byte{}
	for _, name := range benchPages {
		data, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			b.Fatal(err)
		}
		files[name] = data
	}
	return files
}

// BenchmarkParse parses a page of each type, with and without its body.
func BenchmarkParse(b *testing.B) {
	files := readBenchPages(b)
	sections := map[string]string{"campaign": "campaigns", "event": "events", "update": "updates", "constitution": "constitution", "news": "news"}
	for _, body := range []bool{false, true} {
		opts := options(b)
		name := "front"
		if body {
			name = "page"
		} else {
			opts.Markdown = nil
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, pg := range benchPages {
					p := "content/" + sections[pg] + "/" + pg + ".md"
					if page, list := content.Parse(p, files[pg], opts); page == nil || len(list) > 0 {
						b.Fatalf("Parse(%s): %v", p, list)
					}
				}
			}
		})
	}
}

// BenchmarkParseDate reads dates as authors write them, most of them in
// the common short form.
func BenchmarkParseDate(b *testing.B) {
	loc := time.UTC
	in := []string{"2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14T10:00", "2026-07-14T10:00:00+01:00", "2026-03-14 10:00:30"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			if _, err := content.ParseDate(s, loc); err != nil {
				b.Fatal(err)
			}
		}
	}
}
