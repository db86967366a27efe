package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/google/go-cmp/cmp"
)

// demoSite is the demo site at the root of the repository.
const demoSite = "../.."

// TestDeterministic builds the demo site twice with the same --now, with
// the same and with different numbers of workers, and checks that every
// file is the same byte for byte.
func TestDeterministic(t *testing.T) {
	tests := []struct {
		name     string
		workersA int
		workersB int
	}{
		{"same options twice", 0, 0},
		{"one worker and eight", 1, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			a, b := opts(demoSite, filepath.Join(dir, "a")), opts(demoSite, filepath.Join(dir, "b"))
			a.Workers, b.Workers = tt.workersA, tt.workersB
			resA, resB := mustBuild(t, a), mustBuild(t, b)
			if resA.Pages != resB.Pages || resA.Files != resB.Files {
				t.Errorf("counts: got %d pages, %d files then %d pages, %d files", resA.Pages, resA.Files, resB.Pages, resB.Files)
			}
			siteA, siteB := readTree(t, a.Dest), readTree(t, b.Dest)
			if len(siteA) < 50 {
				t.Fatalf("the demo site built into %d files, want at least 50", len(siteA))
			}
			if diff := cmp.Diff(names(siteA), names(siteB)); diff != "" {
				t.Errorf("files written (-first +second):\n%s", diff)
			}
			for _, name := range names(siteA) {
				if b, ok := siteB[name]; ok && !bytes.Equal(siteA[name], b) {
					t.Errorf("%s differs between builds (-first +second):\n%s", name, cmp.Diff(string(siteA[name]), string(b)))
				}
			}
		})
	}
}

// TestDemoSiteLinks checks that every link, image and redirect of the
// built demo site leads to a file that was written, and that every
// integrity attribute matches its file.
func TestDemoSiteLinks(t *testing.T) {
	o := opts(demoSite, filepath.Join(t.TempDir(), "public"))
	res := mustBuild(t, o)
	built := readTree(t, o.Dest)
	cfg, problems := config.Load(os.DirFS(demoSite))
	if cfg == nil || len(problems) > 0 {
		t.Fatalf("demo site.yaml: %v", problems.Error())
	}
	for _, p := range checkLinks(built, cfg.BaseURL) {
		t.Errorf("link: %s", p)
	}
	bad, checked := checkIntegrity(built, site.RelURL(cfg.BaseURL, "/"))
	for _, p := range bad {
		t.Errorf("integrity: %s", p)
	}
	if checked < res.Pages {
		t.Errorf("integrity attributes: got %d, want at least one per page (%d)", checked, res.Pages)
	}
}
