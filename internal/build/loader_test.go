package build_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/google/go-cmp/cmp"
)

// loaderFiles is a small site for the Loader tests.
func loaderFiles() map[string]string {
	return map[string]string{
		"content/_index.md":  "---\ntitle: Home\nsummary: The home page.\n---\nWelcome.\n",
		"content/about.md":   "---\ntitle: About us\nsummary: Who we are.\n---\nWe are a test board.\n",
		"content/news/a.md":  "---\ntitle: Story A\nsummary: The first story.\ndate: 2026-11-01\n---\nThe first story.\n",
		"content/news/b.md":  "---\ntitle: Story B\nsummary: The second story.\ndate: 2026-11-02\n---\nThe [first story](/news/a/).\n",
		"content/contact.md": "---\ntitle: Contact us\nsummary: How to reach us.\n---\nWrite to us.\n",
	}
}

// sourcePages maps each content file of a plan to its parsed page.
func sourcePages(t *testing.T, plan *build.Plan) map[string]*content.Page {
	t.Helper()
	if plan.Site == nil {
		t.Fatalf("the site did not resolve:\n%s", plan.Problems.Error())
	}
	out := map[string]*content.Page{}
	for _, p := range plan.Site.Pages {
		if p.Source != nil {
			out[p.Source.Path] = p.Source
		}
	}
	return out
}

func load(t *testing.T, l *build.Loader) *build.Plan {
	t.Helper()
	plan, err := l.Load(context.Background())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return plan
}

// writeFile writes a file of the site. A later mtime, when given, is set
// so that a change of the same size is still a change on file systems
// whose clocks are coarse.
func writeFile(t *testing.T, dir, name, data string, mtime time.Time) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if !mtime.IsZero() {
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
}

func removeFile(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

func TestLoaderReparsesOnlyWhatChanged(t *testing.T) {
	later := time.Now().Add(time.Hour)
	tests := []struct {
		name        string
		change      func(t *testing.T, dir string)
		wantParsed  []string // files parsed again (or for the first time)
		wantDropped []string // files no longer in the site
		wantTitles  map[string]string
	}{
		{
			name:   "no change",
			change: func(t *testing.T, dir string) {},
		},
		{
			name: "edit one page",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "content/news/a.md", "---\ntitle: Story A, edited\nsummary: The first story.\ndate: 2026-11-01\n---\nThe first story, longer.\n", time.Time{})
			},
			wantParsed: []string{"content/news/a.md"},
			wantTitles: map[string]string{"content/news/a.md": "Story A, edited"},
		},
		{
			name: "edit one page keeping its size",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "content/about.md", "---\ntitle: About us\nsummary: Who we are.\n---\nWe are a best board.\n", later)
			},
			wantParsed: []string{"content/about.md"},
		},
		{
			name:        "delete a page",
			change:      func(t *testing.T, dir string) { removeFile(t, dir, "content/contact.md") },
			wantDropped: []string{"content/contact.md"},
		},
		{
			name: "add a page",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "content/news/c.md", "---\ntitle: Story C\nsummary: The third story.\ndate: 2026-11-03\n---\nThe third story.\n", time.Time{})
			},
			wantParsed: []string{"content/news/c.md"},
		},
		{
			name: "rename a page",
			change: func(t *testing.T, dir string) {
				if err := os.Rename(filepath.Join(dir, "content/contact.md"), filepath.Join(dir, "content/contact-us.md")); err != nil {
					t.Fatal(err)
				}
			},
			wantParsed:  []string{"content/contact-us.md"},
			wantDropped: []string{"content/contact.md"},
		},
		{
			name: "edit site.yaml",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "site.yaml", minimalYAML+"description: A site for the tests.\n", time.Time{})
			},
			wantParsed: []string{"content/_index.md", "content/about.md", "content/contact.md", "content/news/a.md", "content/news/b.md"},
		},
		{
			name: "edit site.yaml keeping its size",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "site.yaml", "title: Best site\norganisation:\n  name: Test Board\ntaxonomies: []\n", later)
			},
			wantParsed: []string{"content/_index.md", "content/about.md", "content/contact.md", "content/news/a.md", "content/news/b.md"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, loaderFiles())
			l := &build.Loader{Options: opts(dir, "")}
			before := sourcePages(t, load(t, l))
			if len(before) != len(loaderFiles()) {
				t.Fatalf("got %d pages, want %d", len(before), len(loaderFiles()))
			}
			tt.change(t, dir)
			plan := load(t, l)
			if len(plan.Problems) > 0 {
				t.Fatalf("problems:\n%s", plan.Problems.Error())
			}
			after := sourcePages(t, plan)
			var parsed, dropped []string
			for path, p := range after {
				if before[path] != p {
					parsed = append(parsed, path)
				}
			}
			for path := range before {
				if _, ok := after[path]; !ok {
					dropped = append(dropped, path)
				}
			}
			sort.Strings(parsed)
			sort.Strings(dropped)
			if diff := cmp.Diff(tt.wantParsed, parsed); diff != "" {
				t.Errorf("files parsed again (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDropped, dropped); diff != "" {
				t.Errorf("files dropped (-want +got):\n%s", diff)
			}
			for path, want := range tt.wantTitles {
				if got := after[path].Meta.Title; got != want {
					t.Errorf("%s: got title %q, want %q", path, got, want)
				}
			}
			// Whatever was kept, the plan is the one a fresh load makes.
			fresh, err := build.Load(context.Background(), opts(dir, ""))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(sortedKeys(sourcePages(t, fresh)), sortedKeys(after)); diff != "" {
				t.Errorf("pages differ from a fresh load (-fresh +incremental):\n%s", diff)
			}
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// problemsOf returns the problems of a plan in one file.
func problemsOf(l diag.List, path string) diag.List {
	var out diag.List
	for _, p := range l {
		if p.Path == path {
			out = append(out, p)
		}
	}
	return out
}

func TestLoaderKeepsProblems(t *testing.T) {
	files := loaderFiles()
	// An error the parser finds, a warning the content checks find, and
	// an error resolving finds (a link to a page that is not there).
	files["content/news/bad-date.md"] = "---\ntitle: Bad date\nsummary: A story.\ndate: 14th March\n---\nA story.\n"
	files["content/news/autolink.md"] = "---\ntitle: Autolink\nsummary: A story.\ndate: 2026-11-04\n---\nSee <https://www.example.org/> for more.\n"
	files["content/news/dead-link.md"] = "---\ntitle: Dead link\nsummary: A story.\ndate: 2026-11-05\n---\nSee [the missing page](/nowhere/).\n"
	dir := writeSite(t, files)
	l := &build.Loader{Options: opts(dir, "")}
	first := load(t, l).Problems.Sort()
	for _, f := range []string{"content/news/bad-date.md", "content/news/autolink.md", "content/news/dead-link.md"} {
		if len(problemsOf(first, f)) == 0 {
			t.Fatalf("the first load found no problem in %s; got\n%s", f, first.Error())
		}
	}

	steps := []struct {
		name   string
		change func(t *testing.T)
		want   func(first diag.List) diag.List // the problems the step must leave
	}{
		{
			name:   "no change",
			change: func(t *testing.T) {},
			want:   func(first diag.List) diag.List { return first },
		},
		{
			name: "another file changes",
			change: func(t *testing.T) {
				writeFile(t, dir, "content/about.md", "---\ntitle: About us\nsummary: Who we are.\n---\nWe are still a test board.\n", time.Time{})
			},
			want: func(first diag.List) diag.List { return first },
		},
		{
			name: "the missing page is added",
			change: func(t *testing.T) {
				writeFile(t, dir, "content/nowhere.md", "---\ntitle: Somewhere\nsummary: A page.\n---\nHere.\n", time.Time{})
			},
			want: func(first diag.List) diag.List {
				var out diag.List
				for _, p := range first {
					if p.Path != "content/news/dead-link.md" {
						out = append(out, p)
					}
				}
				return out
			},
		},
		{
			name:   "the page is deleted again",
			change: func(t *testing.T) { removeFile(t, dir, "content/nowhere.md") },
			want:   func(first diag.List) diag.List { return first },
		},
		{
			name: "the bad date is fixed",
			change: func(t *testing.T) {
				writeFile(t, dir, "content/news/bad-date.md", "---\ntitle: Bad date\nsummary: A story.\ndate: 2026-03-14\n---\nA story.\n", time.Time{})
			},
			want: func(first diag.List) diag.List {
				var out diag.List
				for _, p := range first {
					if p.Path != "content/news/bad-date.md" {
						out = append(out, p)
					}
				}
				return out
			},
		},
	}
	// The steps run in order on the same Loader, as engage serve does.
	for _, st := range steps {
		st.change(t)
		got := load(t, l).Problems.Sort()
		if diff := cmp.Diff(st.want(first).Sort(), got); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", st.name, diff)
		}
		fresh, err := build.Load(context.Background(), opts(dir, ""))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fresh.Problems.Sort(), got); diff != "" {
			t.Errorf("%s: problems differ from a fresh load (-fresh +incremental):\n%s", st.name, diff)
		}
	}
}

// TestLoaderSiteYAMLProblem checks that a broken site.yaml is reported,
// and that fixing it brings every page back.
func TestLoaderSiteYAMLProblem(t *testing.T) {
	dir := writeSite(t, loaderFiles())
	l := &build.Loader{Options: opts(dir, "")}
	before := sourcePages(t, load(t, l))
	writeFile(t, dir, "site.yaml", "title: [broken\n", time.Time{})
	plan := load(t, l)
	if plan.Problems.Errors() == 0 || len(problemsOf(plan.Problems, "site.yaml")) == 0 {
		t.Fatalf("got problems\n%s\nwant an error in site.yaml", plan.Problems.Error())
	}
	writeFile(t, dir, "site.yaml", minimalYAML, time.Time{})
	plan = load(t, l)
	if len(plan.Problems) > 0 {
		t.Fatalf("after the fix: %s", plan.Problems.Error())
	}
	after := sourcePages(t, plan)
	if diff := cmp.Diff(sortedKeys(before), sortedKeys(after)); diff != "" {
		t.Errorf("pages (-before +after):\n%s", diff)
	}
}
