package build_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
)

// testNow is the --now of every test build, so that dates decide the same
// way on every run.
const testNow = "2026-11-23"

// minimalYAML is a site.yaml with only what is required and no
// taxonomies, so that small test sites write few files.
const minimalYAML = "title: Test site\norganisation:\n  name: Test Board\ntaxonomies: []\n"

// writeSite writes files (slash paths to contents) into a new folder and
// returns it. A file named site.yaml is added when files has none.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, ok := files["site.yaml"]; !ok {
		files["site.yaml"] = minimalYAML
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// opts returns the options of a test build of src into dest.
func opts(src, dest string) build.Options {
	return build.Options{Source: src, Dest: dest, Now: testNow, Theme: engage.Theme}
}

// mustBuild builds and fails the test on any error.
func mustBuild(t *testing.T, o build.Options) *build.Result {
	t.Helper()
	res, err := build.Build(context.Background(), o)
	if err != nil {
		t.Fatalf("Build(%s): %v\n%s", o.Source, err, res.Problems.Error())
	}
	return res
}

// readTree reads every file under dir, keyed by slash path. A missing
// folder gives nil.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return nil
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// writeTree writes files under dir.
func writeTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// names returns the sorted keys of a tree.
func names(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for n := range files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// stagingLeft lists the staging folders a build of dest left beside it.
func stagingLeft(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(dest)+".engage-") {
			left = append(left, e.Name())
		}
	}
	return left
}

// problemLines formats a build's problems one per line, as the command
// prints them.
func problemLines(res *build.Result) []string {
	if res == nil {
		return nil
	}
	out := make([]string, len(res.Problems))
	for i, p := range res.Problems {
		out[i] = p.String()
	}
	return out
}
