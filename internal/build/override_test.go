package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
)

// TestOverriddenFooterPerPage: baseof.html calls the footer (and the
// header) through partialCached, but a site's own copy of a partial may
// show something of the page, so it is rendered for every page.
func TestOverriddenFooterPerPage(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/a.md":                 "---\ntitle: A\n---\nText.\n",
		"content/b.md":                 "---\ntitle: B\n---\nText.\n",
		"layouts/partials/footer.html": "<footer><p>Report a problem with {{.Page.URL}}</p></footer>\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), opts(src, dest)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a", "b"} {
		b, err := os.ReadFile(filepath.Join(dest, p, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if want := "Report a problem with /" + p + "/"; !strings.Contains(string(b), want) {
			i := strings.Index(string(b), "Report a problem")
			t.Errorf("/%s/ footer: %q, want %q", p, string(b)[i:min(len(b), i+40)], want)
		}
	}
}
