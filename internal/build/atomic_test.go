package build_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
	"github.com/google/go-cmp/cmp"
)

// smallSite is a valid site of a few pages.
func smallSite() map[string]string {
	return map[string]string{
		"content/_index.md":      "---\ntitle: Home\n---\nWelcome.\n",
		"content/about.md":       "---\ntitle: About\n---\nAbout us.\n",
		"content/events/cafe.md": cafePage,
	}
}

// TestBuildReplacesOutput checks that a successful build leaves exactly the
// new site in the destination: files of the previous output that the new
// site does not have are gone.
func TestBuildReplacesOutput(t *testing.T) {
	src := writeSite(t, smallSite())
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string][]byte{
		"stale.html":            []byte("old"),
		"old-section/page.html": []byte("old"),
		"about/index.html":      []byte("old about"),
	})
	mustBuild(t, opts(src, dest))

	fresh := filepath.Join(parent, "fresh")
	mustBuild(t, opts(src, fresh))
	got, want := readTree(t, dest), readTree(t, fresh)
	if diff := cmp.Diff(names(want), names(got)); diff != "" {
		t.Errorf("files after the build (-fresh build +replaced):\n%s", diff)
	}
	if string(got["about/index.html"]) != string(want["about/index.html"]) {
		t.Errorf("about/index.html: got %q, want the new page", got["about/index.html"])
	}
	if left := stagingLeft(t, dest); len(left) > 0 {
		t.Errorf("staging folders left behind: %q", left)
	}
}

// TestFailedBuildKeepsOutput checks that a build that fails, before or
// while writing, leaves the previous output byte for byte as it was and
// removes its staging folder.
func TestFailedBuildKeepsOutput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"content error", map[string]string{"content/bad.md": "---\ntitle: Bad\ndate: someday\n---\n"}},
		{"broken link", map[string]string{"content/bad.md": "---\ntitle: Bad\n---\n[x](/nowhere/)\n"}},
		// A layout that fails to execute fails the build after the
		// staging folder has been created and partly written.
		{"layout error while writing", map[string]string{
			"layouts/_default/single.html": "{{define \"main\"}}{{index .Page.Terms 9}}{{end}}\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := smallSite()
			src := writeSite(t, files)
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, opts(src, dest))
			// A file no build writes tells the old output from a new one.
			writeTree(t, dest, map[string][]byte{"old-output.txt": []byte("old")})
			before := readTree(t, dest)

			for name, data := range tt.files {
				writeTree(t, src, map[string][]byte{name: []byte(data)})
			}
			_, err := build.Build(context.Background(), opts(src, dest))
			if !errors.Is(err, build.ErrProblems) {
				t.Fatalf("Build: got error %v, want ErrProblems", err)
			}
			if diff := cmp.Diff(before, readTree(t, dest)); diff != "" {
				t.Errorf("output changed by a failed build (-before +after):\n%s", diff)
			}
			if left := stagingLeft(t, dest); len(left) > 0 {
				t.Errorf("staging folders left behind: %q", left)
			}
		})
	}
}

// TestCancelledBuild cancels a build of about 200 pages after a few pages
// are rendered and checks that the previous output is untouched and no
// staging folder is left.
func TestCancelledBuild(t *testing.T) {
	files := map[string]string{"content/news/_index.md": "---\ntitle: News\n---\n"}
	for i := range 200 {
		files[fmt.Sprintf("content/news/story-%03d.md", i)] = fmt.Sprintf("---\ntitle: Story %d\ndate: 2026-01-01\n---\nStory %d, [back to the list](/news/).\n", i, i)
	}
	src := writeSite(t, files)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, opts(src, dest))
	// A file no build writes tells the old output from a new one.
	writeTree(t, dest, map[string][]byte{"old-output.txt": []byte("old")})
	before := readTree(t, dest)
	if len(before) < 200 {
		t.Fatalf("first build wrote %d files, want at least 200", len(before))
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var calls []int
	stagingSeen := false
	o := opts(src, dest)
	o.Workers = 2
	o.Progress = func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, done)
		if done == 5 {
			// The build is half-way: its staging folder is being written.
			entries, _ := os.ReadDir(filepath.Dir(dest))
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public.engage-") {
					stagingSeen = true
				}
			}
			cancel()
		}
		if total < 200 {
			t.Errorf("Progress total: got %d, want at least 200", total)
		}
	}
	_, err := build.Build(ctx, o)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Build: got error %v, want context.Canceled", err)
	}
	mu.Lock()
	if len(calls) < 5 {
		t.Errorf("Progress called %d times, want at least 5", len(calls))
	}
	if !stagingSeen {
		t.Errorf("no staging folder beside %s when cancelled, want the build half-way through writing", dest)
	}
	mu.Unlock()
	if diff := cmp.Diff(names(before), names(readTree(t, dest))); diff != "" {
		t.Fatalf("files changed by a cancelled build (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(before, readTree(t, dest)); diff != "" {
		t.Errorf("output changed by a cancelled build (-before +after):\n%s", diff)
	}
	if left := stagingLeft(t, dest); len(left) > 0 {
		t.Errorf("staging folders left behind: %q", left)
	}
}

// TestStaleStagingRemoved checks that staging folders a killed build left
// (they hold engage's marker file) are removed by the next build, and that
// look-alike folders without the marker are left alone.
func TestStaleStagingRemoved(t *testing.T) {
	src := writeSite(t, smallSite())
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, parent, map[string][]byte{
		".public.engage-1234/.engage-staging":     nil,
		".public.engage-1234/about/index.html":    []byte("half written"),
		".public.engage-5678.old/.engage-staging": nil,
		".public.engage-5678.old/index.html":      []byte("previous output being removed"),
		".public.engage-mine/notes.txt":           []byte("someone's own folder, no marker"),
		".other.engage-1234/.engage-staging":      nil, // another destination's
	})
	mustBuild(t, opts(src, dest))
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{".other.engage-1234", ".public.engage-mine", "public"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("folders beside the destination (-want +got):\n%s", diff)
	}
	if data, err := os.ReadFile(filepath.Join(parent, ".public.engage-mine/notes.txt")); string(data) != "someone's own folder, no marker" {
		t.Errorf("unmarked folder's file: got %q (%v), want it unchanged", data, err)
	}
}

// TestDestinationChecked checks that Build refuses a destination that would
// replace or sit inside the site, before writing anything.
func TestDestinationChecked(t *testing.T) {
	src := writeSite(t, smallSite())
	tests := []struct {
		name string
		dest string
		want string
	}{
		{"the site folder", src,
			fmt.Sprintf("the destination %s is the site folder itself; choose another, such as %s", src, filepath.Join(src, "public"))},
		{"a folder holding the site", filepath.Dir(src),
			fmt.Sprintf("the destination %s contains the site folder %s, so replacing it would delete the site; choose a folder inside the site, such as %s", filepath.Dir(src), src, filepath.Join(src, "public"))},
		{"inside content", filepath.Join(src, "content", "public"),
			fmt.Sprintf("the destination %s is inside the site's content folder; choose another, such as %s", filepath.Join(src, "content", "public"), filepath.Join(src, "public"))},
		{"content itself", filepath.Join(src, "content"),
			fmt.Sprintf("the destination %s is inside the site's content folder; choose another, such as %s", filepath.Join(src, "content"), filepath.Join(src, "public"))},
		{"inside layouts", filepath.Join(src, "layouts", "out"),
			fmt.Sprintf("the destination %s is inside the site's layouts folder; choose another, such as %s", filepath.Join(src, "layouts", "out"), filepath.Join(src, "public"))},
		{"inside assets", filepath.Join(src, "assets", "out"),
			fmt.Sprintf("the destination %s is inside the site's assets folder; choose another, such as %s", filepath.Join(src, "assets", "out"), filepath.Join(src, "public"))},
	}
	before := readTree(t, filepath.Dir(src))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build.Build(context.Background(), opts(src, tt.dest))
			var ue *build.UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("Build: got error %v, want a *UsageError", err)
			}
			if ue.Msg != tt.want {
				t.Errorf("UsageError:\ngot  %s\nwant %s", ue.Msg, tt.want)
			}
			if diff := cmp.Diff(names(before), names(readTree(t, filepath.Dir(src)))); diff != "" {
				t.Errorf("files changed (-before +after):\n%s", diff)
			}
		})
	}

	// A folder inside the site but outside content/, layouts/ and assets/
	// is allowed, and is not read as content on the next build.
	dest := filepath.Join(src, "public")
	mustBuild(t, opts(src, dest))
	res := mustBuild(t, opts(src, dest))
	if res.Pages == 0 {
		t.Errorf("second build into %s: got 0 pages", dest)
	}
}
