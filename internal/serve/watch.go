package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watched are the parts of a site folder that change the site.
var Watched = []string{"content", "layouts", "assets", "archetypes"}

// Watcher reports changes to a site's content, layouts, assets and
// site.yaml, in batches: an editor's save is often several events (write
// a temporary file, rename it, change its mode), and a checkout changes
// many files at once.
type Watcher struct {
	root  string
	w     *fsnotify.Watcher
	Quiet time.Duration // wait this long after the last event (default 50ms)
	Limit time.Duration // but never longer than this after the first (default 500ms)
}

// NewWatcher watches the site folder root: site.yaml and every folder
// under content/, layouts/, assets/ and archetypes/, including ones made
// later.
func NewWatcher(root string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, w: fw, Quiet: 50 * time.Millisecond, Limit: 500 * time.Millisecond}
	// The root itself, for site.yaml and for content/ etc. being created.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range Watched {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches a folder and every folder under it.
func (w *Watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			_ = w.w.Add(p)
		}
		return nil
	})
}

// Close stops watching.
func (w *Watcher) Close() error { return w.w.Close() }

// Run calls changed with the files that changed, one batch at a time,
// until ctx is done.
func (w *Watcher) Run(ctx context.Context, changed func([]string)) error {
	var batch []string
	seen := map[string]bool{}
	var quiet, limit <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err, ok := <-w.w.Errors:
			if !ok {
				return nil
			}
			_ = err // an overflow: the next event triggers a full check anyway
		case ev, ok := <-w.w.Events:
			if !ok {
				return nil
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name) // a new folder: watch it, and what is already in it
				}
			}
			if !seen[ev.Name] {
				seen[ev.Name] = true
				batch = append(batch, ev.Name)
			}
			quiet = time.After(w.Quiet)
			if limit == nil {
				limit = time.After(w.Limit)
			}
		case <-quiet:
			changed(batch)
			batch, seen, quiet, limit = nil, map[string]bool{}, nil, nil
		case <-limit:
			changed(batch)
			batch, seen, quiet, limit = nil, map[string]bool{}, nil, nil
		}
	}
}

// relevant reports whether an event can change the site: not an editor's
// swap, backup or temporary file, not a change of mode only, and under a
// watched folder or site.yaml.
func (w *Watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Base(ev.Name)
	if Ignored(name) {
		return false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "site.yaml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, d := range Watched {
		if top == d {
			return true
		}
	}
	return false
}

// Ignored reports the files editors write beside the real ones: Vim's
// .swp and 4913, Emacs's #name# and .#name, backups ending in ~, and
// other hidden or temporary files.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".swo") ||
		strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".crdownload") || name == "4913"
}
