// Package output is the write stage of the pipeline. A build writes every
// file into a new folder beside the destination and, only when everything
// succeeded, swaps it in for the old one. A failed or interrupted build
// leaves the previous site exactly as it was, and a build never touches
// anything outside its destination and its own staging folders.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/engage-ssg/engage/internal/sysfile"
)

// marker is written into staging folders so that a later build knows a
// leftover folder is its own to remove (after a kill -9, say).
const marker = ".engage-staging"

// Tx is a build's output in progress. Write and Copy may be called from
// many goroutines.
type Tx struct {
	dest    string
	staging string
	mu      sync.Mutex
	dirs    map[string]bool
	files   int
	done    bool
}

// Check refuses a destination that is the source folder, contains it, or
// is inside the site's own content, layouts or assets.
func Check(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	src, dst = resolveLinks(src), resolveLinks(dst)
	if dst == src {
		return fmt.Errorf("the destination %s is the site folder itself; choose another, such as %s", dest, filepath.Join(source, "public"))
	}
	if within(src, dst) {
		return fmt.Errorf("the destination %s contains the site folder %s, so replacing it would delete the site; choose a folder inside the site, such as %s", dest, source, filepath.Join(source, "public"))
	}
	for _, d := range []string{"content", "layouts", "assets"} {
		if within(dst, filepath.Join(src, d)) {
			return fmt.Errorf("the destination %s is inside the site's %s folder; choose another, such as %s", dest, d, filepath.Join(source, "public"))
		}
	}
	return nil
}

// within reports whether path is inside dir (or is dir).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolveLinks resolves symbolic links in p, including in the parts of it
// that exist when the rest does not yet.
func resolveLinks(p string) string {
	rest := ""
	for cur := p; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// Begin starts writing a new output for dest.
func Begin(dest string) (*Tx, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	removeStale(parent, filepath.Base(dest))
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".engage-")
	if err != nil {
		return nil, fmt.Errorf("create a staging folder beside %s: %w", dest, err)
	}
	if err := os.WriteFile(filepath.Join(staging, marker), nil, 0o644); err != nil {
		os.RemoveAll(staging)
		return nil, err
	}
	return &Tx{dest: dest, staging: staging, dirs: map[string]bool{staging: true}}, nil
}

// removeStale deletes staging folders that an interrupted build left
// behind. Only folders with engage's marker are touched.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := "." + base + ".engage-"
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if _, err := os.Stat(filepath.Join(p, marker)); err == nil {
			os.RemoveAll(p)
		}
	}
}

// Staging returns the folder being written.
func (t *Tx) Staging() string { return t.staging }

// path checks a slash-separated output path and returns where it goes.
func (t *Tx) path(name string) (string, error) {
	if !fs.ValidPath(name) || name == "." {
		return "", fmt.Errorf("output path %q is not inside the destination", name)
	}
	return filepath.Join(t.staging, filepath.FromSlash(name)), nil
}

func (t *Tx) mkdir(dir string) error {
	t.mu.Lock()
	made, parent := t.dirs[dir], t.dirs[filepath.Dir(dir)]
	t.mu.Unlock()
	if made {
		return nil
	}
	// A page's folder is new and its parent is usually made already:
	// then one Mkdir does what MkdirAll does with two more system calls.
	// MkdirAll makes the parents, and is content with a folder that is
	// there already, made by another page's goroutine.
	if !parent || os.Mkdir(dir, 0o755) != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	t.mu.Lock()
	for d := dir; !t.dirs[d] && d != filepath.Dir(d); d = filepath.Dir(d) {
		t.dirs[d] = true // and the parents MkdirAll made
	}
	t.mu.Unlock()
	return nil
}

// Write writes one file of the output.
func (t *Tx) Write(name string, data []byte) error {
	p, err := t.path(name)
	if err != nil {
		return err
	}
	if err := t.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := sysfile.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	t.mu.Lock()
	t.files++
	t.mu.Unlock()
	return nil
}

// Copy copies a file from fsys into the output.
func (t *Tx) Copy(name string, fsys fs.FS, src string) error {
	p, err := t.path(name)
	if err != nil {
		return err
	}
	if err := t.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	in, err := fsys.Open(src)
	if err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.Create(p)
	if err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	t.mu.Lock()
	t.files++
	t.mu.Unlock()
	return nil
}

// Files counts the files written so far.
func (t *Tx) Files() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.files
}

// Commit swaps the new output in for the old one.
func (t *Tx) Commit() error {
	if t.done {
		return errors.New("output already finished")
	}
	t.done = true
	if err := os.Remove(filepath.Join(t.staging, marker)); err != nil {
		return err
	}
	old, err := swap(t.staging, t.dest)
	if err != nil {
		os.WriteFile(filepath.Join(t.staging, marker), nil, 0o644)
		os.RemoveAll(t.staging)
		return fmt.Errorf("replace %s: %w", t.dest, err)
	}
	if old != "" {
		// Mark it first, so that if this build is killed now the next one
		// still knows the folder is its own to remove.
		_ = os.WriteFile(filepath.Join(old, marker), nil, 0o644)
		if err := removeTree(old); err != nil {
			return fmt.Errorf("remove the previous output: %w", err)
		}
	}
	return nil
}

// removeTree removes dir and everything in it, as os.RemoveAll does, with
// its top-level entries shared out between one goroutine per CPU: the
// previous output of a large site is tens of thousands of files, and
// removing them on one core took 8% of a 10,000-page build.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	next := make(chan string)
	errs := make(chan error, len(entries))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(entries)) {
		wg.Go(func() {
			for p := range next {
				if err := os.RemoveAll(p); err != nil {
					errs <- err
				}
			}
		})
	}
	for _, e := range entries {
		if e.Name() != marker { // last, so that a folder left half removed is still known as engage's
			next <- filepath.Join(dir, e.Name())
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// Abort throws the new output away, leaving the old one in place.
func (t *Tx) Abort() {
	if t.done {
		return
	}
	t.done = true
	os.RemoveAll(t.staging)
}
