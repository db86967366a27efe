package serve_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// update applies one changed file the way the watcher reports it.
func (pv *preview) update(t *testing.T, name string) bool {
	t.Helper()
	_, quick, err := pv.p.Update(context.Background(), []string{filepath.Join(pv.dir, filepath.FromSlash(name))})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	return quick
}

func TestPreviewUpdate(t *testing.T) {
	pv := newPreview(t, previewFiles())
	// Fill the caches first, so that a stale copy would show.
	for _, p := range []string{"/news/hello/", "/news/", "/feed.xml", "/about/"} {
		if got := pv.get(t, p).status; got != 200 {
			t.Fatalf("GET %s: got %d, want 200", p, got)
		}
	}
	about := pv.get(t, "/about/").body

	tests := []struct {
		name      string
		file      string
		data      string
		wantQuick bool
		page      string // a page that must show want
		want      string
	}{
		{
			name: "an edit of the body is applied in place", file: "content/news/hello.md",
			data:      "---\ntitle: Hello\nsummary: A news story.\ndate: 2026-11-01\n---\nWe opened two new clinics.\n",
			wantQuick: true, page: "/news/hello/", want: "We opened two new clinics.",
		},
		{
			name: "feeds show the new body", file: "content/news/hello.md",
			data:      "---\ntitle: Hello\nsummary: A news story.\ndate: 2026-11-01\n---\nWe opened three new clinics.\n",
			wantQuick: true, page: "/feed.xml", want: "We opened three new clinics.",
		},
		{
			name: "a new title works out the site again", file: "content/news/hello.md",
			data:      "---\ntitle: Hello again\nsummary: A news story.\ndate: 2026-11-01\n---\nWe opened three new clinics.\n",
			wantQuick: false, page: "/news/", want: "Hello again",
		},
		{
			name: "a new heading works out the site again", file: "content/news/hello.md",
			data:      "---\ntitle: Hello again\nsummary: A news story.\ndate: 2026-11-01\n---\n## Opening times\n\nWe opened three new clinics.\n",
			wantQuick: false, page: "/news/hello/", want: `id="opening-times"`,
		},
		{
			name: "a broken link works out the site again, to report it", file: "content/news/hello.md",
			data:      "---\ntitle: Hello again\nsummary: A news story.\ndate: 2026-11-01\n---\n## Opening times\n\nSee [the clinic](/no-such-page/).\n",
			wantQuick: false, page: "/news/hello/", want: "engage-problems",
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv.write(t, tt.file, tt.data)
			if got := pv.update(t, tt.file); got != tt.wantQuick {
				t.Errorf("Update took the quick way: got %t, want %t", got, tt.wantQuick)
			}
			if body := pv.get(t, tt.page).body; !strings.Contains(body, tt.want) {
				t.Errorf("GET %s: got no %q after the edit", tt.page, tt.want)
			}
			if i == 0 {
				if got := pv.get(t, "/about/").body; got != about {
					t.Errorf("a page that does not show the edited one changed")
				}
			}
		})
	}
}
