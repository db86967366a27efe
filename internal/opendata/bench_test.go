package opendata_test

import (
	"testing"

	"github.com/engage-ssg/engage/internal/benchsite"
	"github.com/engage-ssg/engage/internal/opendata"
)

// BenchmarkFiles writes the JSON and CSV of every dataset.
func BenchmarkFiles(b *testing.B) {
	s := benchsite.Load(b, 5000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := opendata.Files(s); err != nil {
			b.Fatal(err)
		}
	}
}
