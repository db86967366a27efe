package build

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/output"
)

// TestWriteWaitsForGenerated: the feeds and search index are made on their
// own goroutine while pages render. Pages that finish first must not
// cancel them (an errgroup's context is cancelled when Wait returns, even
// on success): a site with many generated files and few pages still builds.
func TestWriteWaitsForGenerated(t *testing.T) {
	stageSite(t)
	for range 3 {
		dest := filepath.Join(t.TempDir(), "public")
		tx, err := output.Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		plan := *stage.plan
		s := *plan.Site
		s.Pages = s.Pages[:1] // one page: done long before the search index
		plan.Site = &s
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_, err = write(ctx, tx, &plan, stage.r, Options{Theme: engage.Theme})
		cancel()
		tx.Abort()
		if err != nil {
			t.Fatalf("write with one page and the whole site's generated files: %v", err)
		}
	}
}
