package sitemap_test

import (
	"testing"

	"github.com/engage-ssg/engage/internal/benchsite"
	"github.com/engage-ssg/engage/internal/sitemap"
)

// BenchmarkFiles writes sitemap.xml and robots.txt.
func BenchmarkFiles(b *testing.B) {
	s := benchsite.Load(b, 5000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := sitemap.Files(s); err != nil {
			b.Fatal(err)
		}
	}
}
