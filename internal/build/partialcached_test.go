package build_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
)

// TestPartialCachedExecError: a site's own partial that fails to execute,
// called through partialCached, is reported at its own file and line.
func TestPartialCachedExecError(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/a.md":                 "---\ntitle: A\n---\nText.\n",
		"layouts/partials/footer.html": "<footer>\n<p>{{index .Page.Terms 3}}</p>\n</footer>\n",
	})
	res, err := build.Build(context.Background(), opts(src, filepath.Join(t.TempDir(), "public")))
	if !errors.Is(err, build.ErrProblems) {
		t.Fatalf("Build: %v, want ErrProblems", err)
	}
	got := problemLines(res)
	for _, l := range got {
		if strings.HasPrefix(l, "layouts/partials/footer.html:2:") && !strings.Contains(l, "built-in theme") {
			return
		}
	}
	t.Errorf("problems:\n%s\nwant one at layouts/partials/footer.html:2", strings.Join(got, "\n"))
}
