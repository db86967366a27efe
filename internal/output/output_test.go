package output_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/engage-ssg/engage/internal/output"
	"github.com/google/go-cmp/cmp"
)

// tree reads every file under dir, keyed by slash path; nil when dir does
// not exist.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return nil
	}
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// entries lists the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestCheck(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(site, "public")
	tests := []struct {
		name string
		dest string
		want string // "" means allowed
	}{
		{"inside the site", public, ""},
		{"beside the site", filepath.Join(filepath.Dir(site), "out"), ""},
		{"a name that starts like content", filepath.Join(site, "content-out"), ""},
		{"the site itself", site, fmt.Sprintf("the destination %s is the site folder itself; choose another, such as %s", site, public)},
		{"the site, written with a trailing ..", filepath.Join(site, "content") + string(filepath.Separator) + "..",
			fmt.Sprintf("the destination %s is the site folder itself; choose another, such as %s", filepath.Join(site, "content")+string(filepath.Separator)+"..", public)},
		{"the site's parent", filepath.Dir(site), fmt.Sprintf("the destination %s contains the site folder %s, so replacing it would delete the site; choose a folder inside the site, such as %s", filepath.Dir(site), site, public)},
		{"content", filepath.Join(site, "content"), fmt.Sprintf("the destination %s is inside the site's content folder; choose another, such as %s", filepath.Join(site, "content"), public)},
		{"inside content, not yet made", filepath.Join(site, "content", "a", "b"), fmt.Sprintf("the destination %s is inside the site's content folder; choose another, such as %s", filepath.Join(site, "content", "a", "b"), public)},
		{"inside layouts", filepath.Join(site, "layouts", "x"), fmt.Sprintf("the destination %s is inside the site's layouts folder; choose another, such as %s", filepath.Join(site, "layouts", "x"), public)},
		{"inside assets", filepath.Join(site, "assets", "x"), fmt.Sprintf("the destination %s is inside the site's assets folder; choose another, such as %s", filepath.Join(site, "assets", "x"), public)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := output.Check(site, tt.dest)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Check(%s, %s):\ngot  %q\nwant %q", site, tt.dest, got, tt.want)
			}
		})
	}
}

// TestCheckSymlink checks that a destination reached through a symbolic
// link to the site is refused like one named directly, including one
// whose folders do not exist yet.
func TestCheckSymlink(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Fatalf("cannot make a symbolic link: %v", err)
	}
	tests := []struct {
		source, dest string
	}{
		{site, link},
		{link, site},
		{site, filepath.Join(link, "content", "x")},
		{link, filepath.Join(site, "content", "a", "b")},
		{site, filepath.Join(link, "content", "a", "b")},
		{link, filepath.Join(link, "content", "a", "b")},
	}
	for _, tt := range tests {
		if err := output.Check(tt.source, tt.dest); err == nil {
			t.Errorf("Check(%s, %s): got nil, want an error", tt.source, tt.dest)
		}
	}
}

func TestCommitReplacesOldOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, dest, map[string]string{"stale.html": "old", "a/index.html": "old a", "gone/deep/x.css": "old"})

	tx, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Dir(tx.Staging()); got != parent {
		t.Errorf("staging folder in %s, want beside the destination in %s", got, parent)
	}
	if err := tx.Write("a/index.html", []byte("new a")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Write("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	src := fstest.MapFS{"docs/plan.pdf": {Data: []byte("%PDF")}}
	if err := tx.Copy("b/plan.pdf", src, "docs/plan.pdf"); err != nil {
		t.Fatal(err)
	}
	// Until Commit, the old output is what is served.
	if diff := cmp.Diff(map[string]string{"stale.html": "old", "a/index.html": "old a", "gone/deep/x.css": "old"}, tree(t, dest)); diff != "" {
		t.Errorf("before Commit (-want +got):\n%s", diff)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a/index.html": "new a", "index.html": "home", "b/plan.pdf": "%PDF"}
	if diff := cmp.Diff(want, tree(t, dest)); diff != "" {
		t.Errorf("after Commit (-want +got):\n%s", diff)
	}
	if got := tx.Files(); got != 3 {
		t.Errorf("Files: got %d, want 3", got)
	}
	if diff := cmp.Diff([]string{"public"}, entries(t, parent)); diff != "" {
		t.Errorf("folders beside the destination (-want +got):\n%s", diff)
	}
	if err := tx.Commit(); err == nil {
		t.Errorf("second Commit: got nil, want an error")
	}
}

func TestCommitNewDestination(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "not", "yet", "public")
	tx, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Write("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"index.html": "home"}, tree(t, dest)); diff != "" {
		t.Errorf("after Commit (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"public"}, entries(t, filepath.Dir(dest))); diff != "" {
		t.Errorf("folders beside the destination (-want +got):\n%s", diff)
	}
}

func TestCommitOverFile(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, parent, map[string]string{"public": "a file, not a folder"})
	tx, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Write("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err == nil {
		t.Fatalf("Commit over a file: got nil, want an error")
	}
	if data, _ := os.ReadFile(dest); string(data) != "a file, not a folder" {
		t.Errorf("%s: got %q, want it unchanged", dest, data)
	}
	if diff := cmp.Diff([]string{"public"}, entries(t, parent)); diff != "" {
		t.Errorf("folders beside the destination (-want +got):\n%s", diff)
	}
}

func TestAbortKeepsOldOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	old := map[string]string{"index.html": "old home", "a/index.html": "old a"}
	write(t, dest, old)
	tx, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Write("index.html", []byte("new home")); err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	tx.Abort() // a second Abort does nothing
	if diff := cmp.Diff(old, tree(t, dest)); diff != "" {
		t.Errorf("after Abort (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"public"}, entries(t, parent)); diff != "" {
		t.Errorf("folders beside the destination (-want +got):\n%s", diff)
	}
	if err := tx.Commit(); err == nil {
		t.Errorf("Commit after Abort: got nil, want an error")
	}
	if diff := cmp.Diff(old, tree(t, dest)); diff != "" {
		t.Errorf("after Commit following Abort (-want +got):\n%s", diff)
	}
}

func TestWriteRefusesPathsOutside(t *testing.T) {
	parent := t.TempDir()
	tx, err := output.Begin(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	for _, name := range []string{"../escape.html", "a/../../escape.html", "/abs.html", ".", "", "a//b.html", `a\..\..\escape.html`} {
		if name == `a\..\..\escape.html` && filepath.Separator == '/' {
			continue // a file name with backslashes on Unix
		}
		if err := tx.Write(name, []byte("x")); err == nil {
			t.Errorf("Write(%q): got nil, want an error", name)
		}
		if err := tx.Copy(name, fstest.MapFS{"f": {Data: []byte("x")}}, "f"); err == nil {
			t.Errorf("Copy(%q): got nil, want an error", name)
		}
	}
	if _, err := os.Stat(filepath.Join(parent, "escape.html")); !os.IsNotExist(err) {
		t.Errorf("escape.html written beside the destination")
	}
}

func TestConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	tx, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	want := map[string]string{}
	for i := range 100 {
		name := fmt.Sprintf("section-%d/page-%d/index.html", i%7, i)
		want[name] = fmt.Sprint(i)
		wg.Go(func() {
			if err := tx.Write(name, []byte(fmt.Sprint(i))); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := tx.Files(); got != 100 {
		t.Errorf("Files: got %d, want 100", got)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, tree(t, dest)); diff != "" {
		t.Errorf("after Commit (-want +got):\n%s", diff)
	}
}

// TestBeginRemovesStaleStaging checks that folders left by a killed build,
// marked with .engage-staging, are removed when the next build begins, and
// that nothing else is.
func TestBeginRemovesStaleStaging(t *testing.T) {
	parent := t.TempDir()
	write(t, parent, map[string]string{
		".public.engage-111/.engage-staging":     "",
		".public.engage-111/index.html":          "half",
		".public.engage-222.old/.engage-staging": "",
		".public.engage-333/index.html":          "no marker",
		".public.engage-444":                     "a file, not a folder",
		".public-2.engage-555/.engage-staging":   "",
		"public/index.html":                      "live",
	})
	tx, err := output.Begin(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	staging := filepath.Base(tx.Staging())
	tx.Abort()
	got := entries(t, parent)
	want := []string{".public-2.engage-555", ".public.engage-333", ".public.engage-444", "public"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("folders after Begin and Abort (-want +got):\n%s", diff)
	}
	for _, e := range got {
		if e == staging {
			t.Errorf("staging folder %s left after Abort", staging)
		}
	}
	if diff := cmp.Diff(map[string]string{"index.html": "live"}, tree(t, filepath.Join(parent, "public"))); diff != "" {
		t.Errorf("live output (-want +got):\n%s", diff)
	}
}

// TestCommitRemovesLargeOldOutput has an old output of many folders, which
// Commit removes on several goroutines: nothing of it may be left.
func TestCommitRemovesLargeOldOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	old := map[string]string{"index.html": "old"}
	for i := range 40 {
		for j := range 5 {
			old[fmt.Sprintf("s%d/p%d/index.html", i, j)] = "old"
			old[fmt.Sprintf("s%d/p%d/deep/x.css", i, j)] = "old"
		}
	}
	write(t, dest, old)
	tx, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Write("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"index.html": "new"}, tree(t, dest)); diff != "" {
		t.Errorf("after Commit (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"public"}, entries(t, parent)); diff != "" {
		t.Errorf("folders beside the destination (-want +got):\n%s", diff)
	}
}
