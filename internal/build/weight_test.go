package build_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
)

// maxPageWeight is the most a page of the demo site may weigh: its HTML
// plus the CSS and JavaScript it loads, uncompressed (the performance
// issue's budget).
const maxPageWeight = 50 << 10

var (
	stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)
	script     = regexp.MustCompile(`<script[^>]* src="([^"]+)"`)
	mainText   = regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
	tags       = regexp.MustCompile(`<[^>]*>`)
)

// TestDemoPageWeight builds the demo site and checks every page against
// the budget, and that every page shows its content without JavaScript:
// its <main> has text in the HTML itself.
func TestDemoPageWeight(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{Source: "../..", Dest: dest, Now: testNow, Theme: engage.Theme})
	if err != nil {
		t.Fatalf("build the demo site: %v\n%s", err, res.Problems.Error())
	}
	out := os.DirFS(dest)
	size := func(url string) int64 {
		info, err := fs.Stat(out, strings.TrimPrefix(path.Clean(url), "/"))
		if err != nil {
			t.Errorf("a page loads %s, which was not written", url)
			return 0
		}
		return info.Size()
	}
	pages, heaviest, heaviestPage := 0, int64(0), ""
	err = fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		html, err := fs.ReadFile(out, p)
		if err != nil {
			return err
		}
		if strings.Contains(string(html), `http-equiv="refresh"`) {
			return nil // a redirect from an old address
		}
		pages++
		weight := int64(len(html))
		for _, re := range []*regexp.Regexp{stylesheet, script} {
			for _, m := range re.FindAllStringSubmatch(string(html), -1) {
				weight += size(m[1])
			}
		}
		if weight > maxPageWeight {
			t.Errorf("%s weighs %d bytes with its CSS and JavaScript; the budget is %d", p, weight, maxPageWeight)
		}
		if weight > heaviest {
			heaviest, heaviestPage = weight, p
		}
		m := mainText.FindStringSubmatch(string(html))
		if m == nil || strings.TrimSpace(tags.ReplaceAllString(m[1], "")) == "" {
			t.Errorf("%s has no text in <main> without JavaScript", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 30 {
		t.Fatalf("checked %d pages of the demo site; want all of them (30 or more)", pages)
	}
	t.Logf("%d pages; the heaviest is %s at %d bytes with its CSS and JavaScript", pages, heaviestPage, heaviest)
}
