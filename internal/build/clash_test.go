package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
)

// TestGeneratedFileClash: a content file published at the path of a
// generated file (here content/robots.txt; also sitemap.xml, feed.xml, a
// bundle's event.ics) gives way to the generated file in every build, with
// any number of workers: generated files are made while pages render and
// written once every copy is done.
func TestGeneratedFileClash(t *testing.T) {
	files := map[string]string{"content/robots.txt": "User-agent: *\nDisallow: /private/\n"}
	for i := range 50 {
		files[fmt.Sprintf("content/p%d.md", i)] = fmt.Sprintf("---\ntitle: Page %d\n---\nText of page %d.\n", i, i)
	}
	src := writeSite(t, files)
	seen := map[string][]string{}
	for round := range 4 {
		for _, workers := range []int{1, 8} {
			dest := filepath.Join(t.TempDir(), "public")
			o := opts(src, dest)
			o.Workers = workers
			if _, err := build.Build(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(dest, "robots.txt"))
			if err != nil {
				t.Fatal(err)
			}
			seen[string(b)] = append(seen[string(b)], fmt.Sprintf("round %d, %d workers", round, workers))
		}
	}
	if len(seen) > 1 {
		for content, builds := range seen {
			t.Logf("robots.txt = %q in %v", content, builds)
		}
		t.Errorf("builds of the same site wrote %d different robots.txt files", len(seen))
	}
}

// TestGeneratedFileBeatsAlias: a redirect (an alias) at the address of a
// generated file gives way to the generated file in every build, as a
// content file does.
func TestGeneratedFileBeatsAlias(t *testing.T) {
	files := smallSite()
	files["content/about.md"] = "---\ntitle: About\naliases: [\"/robots.txt\", \"/sitemap.xml\", \"/events.ics\"]\n---\nAbout us.\n"
	for i := range 30 {
		files[fmt.Sprintf("content/p%d.md", i)] = fmt.Sprintf("---\ntitle: Page %d\n---\nText of page %d.\n", i, i)
	}
	src := writeSite(t, files)
	for round := range 6 {
		dest := filepath.Join(t.TempDir(), "public")
		o := opts(src, dest)
		o.Workers = 1 + round%3*4
		mustBuild(t, o)
		tree := readTree(t, dest)
		for _, name := range []string{"robots.txt", "sitemap.xml", "events.ics"} {
			if data := tree[name]; len(data) == 0 || bytes.Contains(data, []byte("http-equiv")) || bytes.Contains(data, []byte("<html")) {
				t.Errorf("round %d, %d workers: %s is the redirect, or empty; want the generated file:\n%.200s", round, o.Workers, name, data)
			}
		}
	}
}
