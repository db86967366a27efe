package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestBuildSpillsBodies checks that the temporary file the bodies wait in
// is gone after a build, and that a build whose temporary folder cannot
// be written to keeps the bodies in memory and writes the same site.
func TestBuildSpillsBodies(t *testing.T) {
	src := writeSite(t, smallSite())
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	spilled := filepath.Join(t.TempDir(), "public")
	mustBuild(t, opts(src, spilled))
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the build left %d files in the temporary folder, want none", len(left))
	}

	t.Setenv("TMPDIR", filepath.Join(tmp, "missing"))
	kept := filepath.Join(t.TempDir(), "public")
	mustBuild(t, opts(src, kept))
	a, b := readTree(t, spilled), readTree(t, kept)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("built %d files with a temporary file and %d without", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between a build with a temporary file and one without", name)
		}
	}
	if page := a["about/index.html"]; !bytes.Contains(page, []byte("About us.")) {
		t.Errorf("about/index.html lost its body:\n%s", page)
	}
}
