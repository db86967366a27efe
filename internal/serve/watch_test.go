package serve_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/serve"
)

// watchDeadline is how long a test waits for a batch that must come. It
// is generous: it bounds a failing test, it does not measure anything.
const watchDeadline = 20 * time.Second

// sentinel is the file every watcher test writes last. The watcher sees
// events in order, so once a batch names the sentinel, every event before
// it has been batched: a file missing from the batches so far was never
// reported, with no need to wait and see.
const sentinel = "content/zz-sentinel.md"

// watched is a running Watcher on a site folder and the batches it reports.
type watched struct {
	dir     string
	batches chan []string
	seen    [][]string // every batch received so far, as slash paths under dir
}

// watch writes a small site into a new folder, starts a Watcher on it and
// returns it. The watcher stops when the test ends.
func watch(t *testing.T) *watched {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"site.yaml":                  "title: Test site\n",
		"content/_index.md":          "---\ntitle: Home\n---\n",
		"content/news/old.md":        "---\ntitle: Old\n---\n",
		"layouts/_default/list.html": "{{/* list */}}",
		"assets/css/site.css":        "body{}",
		"archetypes/event.md":        "---\ntitle: {{.QuotedTitle}}\n---\n",
		"notes/readme.md":            "not part of the site",
	})
	w, err := serve.NewWatcher(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	ws := &watched{dir: dir, batches: make(chan []string, 1000)}
	go func() {
		done <- w.Run(ctx, func(batch []string) {
			ws.batches <- slices.Clone(batch)
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != context.Canceled {
			t.Errorf("Run after cancel: got %v, want %v", err, context.Canceled)
		}
		w.Close()
	})
	return ws
}

// waitFor waits until a batch names the file (a slash path under the site
// folder) and fails the test if none does before the deadline.
func (ws *watched) waitFor(t *testing.T, name string) {
	t.Helper()
	deadline := time.After(watchDeadline)
	for {
		if ws.reported(name) {
			return
		}
		select {
		case b := <-ws.batches:
			rel := make([]string, len(b))
			for i, f := range b {
				r, err := filepath.Rel(ws.dir, f)
				if err != nil {
					r = f
				}
				rel[i] = filepath.ToSlash(r)
			}
			ws.seen = append(ws.seen, rel)
		case <-deadline:
			t.Fatalf("no batch named %s; got batches %q", name, ws.seen)
		}
	}
}

// reported reports whether a batch so far named the file.
func (ws *watched) reported(name string) bool {
	for _, b := range ws.seen {
		if slices.Contains(b, name) {
			return true
		}
	}
	return false
}

// finish writes the sentinel and waits for it: after it, ws.seen holds
// every batch that the events before it made.
func (ws *watched) finish(t *testing.T) {
	t.Helper()
	ws.write(t, sentinel, "---\ntitle: Sentinel\n---\n")
	ws.waitFor(t, sentinel)
}

func (ws *watched) path(name string) string {
	return filepath.Join(ws.dir, filepath.FromSlash(name))
}

func (ws *watched) write(t *testing.T, name, data string) {
	t.Helper()
	p := ws.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// eventually writes new files into dir (a slash path under the site
// folder) until one is reported, and fails the test if none is after 20
// tries. Each try ends with its own marker file, so no try waits on time.
func (ws *watched) eventually(t *testing.T, dir string) {
	t.Helper()
	for i := range 20 {
		file := fmt.Sprintf("%s/probe-%d.md", dir, i)
		ws.write(t, file, "---\ntitle: Probe\n---\n")
		marker := fmt.Sprintf("content/marker-%d.md", i)
		ws.write(t, marker, "---\ntitle: Marker\n---\n")
		ws.waitFor(t, marker)
		if ws.reported(file) {
			return
		}
	}
	t.Fatalf("no file written in %s was reported; got batches %q", dir, ws.seen)
}

func TestWatcherReportsChanges(t *testing.T) {
	tests := []struct {
		name string
		act  func(t *testing.T, ws *watched)
		want []string // files some batch must name
	}{
		{
			name: "create a page",
			act:  func(t *testing.T, ws *watched) { ws.write(t, "content/news/new.md", "---\ntitle: New\n---\n") },
			want: []string{"content/news/new.md"},
		},
		{
			name: "edit a page",
			act:  func(t *testing.T, ws *watched) { ws.write(t, "content/news/old.md", "---\ntitle: Old, edited\n---\n") },
			want: []string{"content/news/old.md"},
		},
		{
			name: "append to a page",
			act: func(t *testing.T, ws *watched) {
				f, err := os.OpenFile(ws.path("content/news/old.md"), os.O_WRONLY|os.O_APPEND, 0)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.WriteString("More text.\n"); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"content/news/old.md"},
		},
		{
			name: "rename a page",
			act: func(t *testing.T, ws *watched) {
				if err := os.Rename(ws.path("content/news/old.md"), ws.path("content/news/renamed.md")); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"content/news/old.md", "content/news/renamed.md"},
		},
		{
			name: "delete a page",
			act: func(t *testing.T, ws *watched) {
				if err := os.Remove(ws.path("content/news/old.md")); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"content/news/old.md"},
		},
		{
			// How many editors save: write a hidden temporary file, then
			// rename it over the page.
			name: "save by renaming a temporary file over the page",
			act: func(t *testing.T, ws *watched) {
				ws.write(t, "content/news/.old.md.tmp", "---\ntitle: Old, saved\n---\n")
				if err := os.Rename(ws.path("content/news/.old.md.tmp"), ws.path("content/news/old.md")); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"content/news/old.md"},
		},
		{
			name: "a new folder is watched",
			act: func(t *testing.T, ws *watched) {
				if err := os.Mkdir(ws.path("content/events"), 0o755); err != nil {
					t.Fatal(err)
				}
				ws.waitFor(t, "content/events")
				ws.write(t, "content/events/cafe.md", "---\ntitle: Cafe\n---\n")
			},
			want: []string{"content/events", "content/events/cafe.md"},
		},
		{
			name: "new nested folders are watched",
			act: func(t *testing.T, ws *watched) {
				if err := os.MkdirAll(ws.path("content/a/b/c"), 0o755); err != nil {
					t.Fatal(err)
				}
				ws.waitFor(t, "content/a")
				// The inner folders are made while the watcher adds the
				// outer one, so it may take an event or two before the
				// innermost is watched.
				ws.eventually(t, "content/a/b/c")
			},
			want: []string{"content/a"},
		},
		{
			name: "a new folder under layouts is watched",
			act: func(t *testing.T, ws *watched) {
				if err := os.Mkdir(ws.path("layouts/events"), 0o755); err != nil {
					t.Fatal(err)
				}
				ws.waitFor(t, "layouts/events")
				ws.write(t, "layouts/events/single.html", "{{/* single */}}")
			},
			want: []string{"layouts/events", "layouts/events/single.html"},
		},
		{
			name: "a watched folder deleted and made again",
			act: func(t *testing.T, ws *watched) {
				if err := os.RemoveAll(ws.path("assets")); err != nil {
					t.Fatal(err)
				}
				ws.waitFor(t, "assets")
				if err := os.Mkdir(ws.path("assets"), 0o755); err != nil {
					t.Fatal(err)
				}
				// Events of the deletion may still be coming in: write
				// until a file in the new folder is reported.
				ws.eventually(t, "assets")
			},
		},
		{
			name: "site.yaml",
			act:  func(t *testing.T, ws *watched) { ws.write(t, "site.yaml", "title: Another title\n") },
			want: []string{"site.yaml"},
		},
		{
			name: "a layout",
			act: func(t *testing.T, ws *watched) {
				ws.write(t, "layouts/_default/list.html", "{{/* changed */}}")
			},
			want: []string{"layouts/_default/list.html"},
		},
		{
			name: "an asset",
			act:  func(t *testing.T, ws *watched) { ws.write(t, "assets/css/site.css", "body{color:red}") },
			want: []string{"assets/css/site.css"},
		},
		{
			name: "an archetype",
			act:  func(t *testing.T, ws *watched) { ws.write(t, "archetypes/event.md", "---\ntitle: x\n---\n") },
			want: []string{"archetypes/event.md"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := watch(t)
			tt.act(t, ws)
			ws.finish(t)
			for _, name := range tt.want {
				if !ws.reported(name) {
					t.Errorf("no batch named %s; got batches %q", name, ws.seen)
				}
			}
		})
	}
}

func TestWatcherIgnores(t *testing.T) {
	// Each case touches files that must never be reported: editors' swap,
	// backup and lock files, and files outside the watched folders.
	tests := []struct {
		name  string
		files []string
	}{
		{"vim swap file", []string{"content/news/.old.md.swp", "content/news/.old.md.swx"}},
		{"vim write test file", []string{"content/news/4913"}},
		{"backup file", []string{"content/news/old.md~"}},
		{"emacs auto-save file", []string{"content/news/#old.md#"}},
		{"emacs lock file", []string{"content/news/.#old.md"}},
		{"swap file of a layout", []string{"layouts/_default/.list.html.swp"}},
		{"a file beside the site", []string{"README.md", "public.html"}},
		{"a file in a folder that is not watched", []string{"notes/readme.md", "notes/todo.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := watch(t)
			for _, name := range tt.files {
				ws.write(t, name, "scratch")
				ws.write(t, name, "scratch, changed")
				if err := os.Remove(ws.path(name)); err != nil {
					t.Fatal(err)
				}
			}
			ws.finish(t)
			for _, name := range tt.files {
				if ws.reported(name) {
					t.Errorf("a batch named %s; got batches %q, want none naming it", name, ws.seen)
				}
			}
			for _, b := range ws.seen {
				if !slices.Contains(b, sentinel) {
					t.Errorf("got batch %q, want only the sentinel's", b)
				}
			}
		})
	}
}

func TestWatcherBatchesBursts(t *testing.T) {
	ws := watch(t)
	const writes = 20
	for i := range writes {
		ws.write(t, "content/news/old.md", fmt.Sprintf("---\ntitle: Old\n---\nVersion %d.\n", i))
	}
	ws.finish(t)
	var named int
	for _, b := range ws.seen {
		if slices.Contains(b, "content/news/old.md") {
			named++
		}
		n := 0
		for _, f := range b {
			if f == "content/news/old.md" {
				n++
			}
		}
		if n > 1 {
			t.Errorf("batch %q names content/news/old.md %d times, want once", b, n)
		}
	}
	if named == 0 || named > 3 {
		t.Errorf("%d writes made %d batches naming the file (batches %q), want 1 to 3", writes, named, ws.seen)
	}
}
