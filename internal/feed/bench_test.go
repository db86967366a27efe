package feed_test

import (
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/benchsite"
	"github.com/engage-ssg/engage/internal/feed"
	"github.com/engage-ssg/engage/internal/site"
)

// BenchmarkFiles writes every feed, with the same body of about 4 kB for
// each entry, made once, so that only the feeds' own work is measured.
func BenchmarkFiles(b *testing.B) {
	s := benchsite.Load(b, 5000)
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
