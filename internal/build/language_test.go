package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
)

// TestPageLanguage: a page in another language says so on <html>, and a
// language code that is not one is an error at its value.
func TestPageLanguage(t *testing.T) {
	src := writeSite(t, map[string]string{
		"site.yaml":         "title: T\norganisation: {name: O}\n",
		"content/croeso.md": "---\ntitle: Croeso\nlanguage: cy\n---\nCroeso i'r wefan.\n",
		"content/about.md":  "---\ntitle: About\n---\nAbout us.\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), opts(src, dest)); err != nil {
		t.Fatalf("Build: %v", err)
	}
	for page, want := range map[string]string{"croeso/index.html": `<html lang="cy">`, "about/index.html": `<html lang="en-GB">`} {
		data, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s: got no %s", page, want)
		}
	}

	bad := writeSite(t, map[string]string{
		"site.yaml":         "title: T\norganisation: {name: O}\n",
		"content/croeso.md": "---\ntitle: Croeso\nlanguage: Welsh language\n---\nCroeso.\n",
	})
	res, err := build.Build(context.Background(), opts(bad, filepath.Join(t.TempDir(), "public")))
	if !errors.Is(err, build.ErrProblems) {
		t.Fatalf("Build: got %v, want ErrProblems", err)
	}
	want := `content/croeso.md:3:11: language: "Welsh language" is not a language code; write a language code such as cy for Welsh or pl for Polish`
	if got := res.Problems.Error(); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
