package calendar_test

import (
	"testing"

	"github.com/engage-ssg/engage/internal/benchsite"
	"github.com/engage-ssg/engage/internal/calendar"
)

// BenchmarkFiles writes every event's calendar and events.ics.
func BenchmarkFiles(b *testing.B) {
	s := benchsite.Load(b, 5000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if files := calendar.Files(s); len(files) == 0 {
			b.Fatal("no calendars")
		}
	}
}
