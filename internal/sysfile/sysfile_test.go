package sysfile_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/engage-ssg/engage/internal/sysfile"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	big := bytes.Repeat([]byte("<p>Hello</p>\n"), 100_000) // 1.3 MB: more than one write may take
	for _, data := range [][]byte{big, []byte("short"), nil} {
		if err := sysfile.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("wrote %d bytes, read back %d: a shorter write must truncate", len(data), len(got))
		}
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode&0o600 != 0o600 || mode&0o111 != 0 {
		t.Errorf("mode %v, want rw for the owner and no execute", mode)
	}
	// A new file gets perm (no umask takes bits of 0600 away).
	private := filepath.Join(dir, "private.txt")
	if err := sysfile.WriteFile(private, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(private); err != nil {
		t.Error(err)
	} else if info.Mode().Perm() != 0o600 {
		t.Errorf("a file written with 0600 has mode %v", info.Mode())
	}
	// A folder that is not there: the error names the file, as
	// os.WriteFile's does.
	missing := filepath.Join(dir, "no", "page.html")
	err = sysfile.WriteFile(missing, []byte("x"), 0o644)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != missing || pe.Op != "open" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("WriteFile into a missing folder: %v, want an open error naming %s that is fs.ErrNotExist", err, missing)
	}
}

func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":              "title: Test\n",
		"content/events/cafe.md": "---\ntitle: Café\n---\n",
		"content/empty.md":       "",
		"content/big.md":         string(bytes.Repeat([]byte("word "), 50_000)),
	}
	tree := fstest.MapFS{}
	for name, data := range files {
		tree[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	if err := os.CopyFS(dir, tree); err != nil {
		t.Fatal(err)
	}
	fsys := sysfile.DirFS(dir)
	for name, data := range files {
		got, err := fs.ReadFile(fsys, name)
		if err != nil || string(got) != data {
			t.Errorf("ReadFile(%s) = %d bytes, %v; want %d bytes", name, len(got), err, len(data))
		}
	}
	// Through fs.Sub too, as the build reads layouts/ and assets/.
	sub, err := fs.Sub(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := fs.ReadFile(sub, "events/cafe.md"); err != nil || string(got) != files["content/events/cafe.md"] {
		t.Errorf("ReadFile through fs.Sub = %q, %v", got, err)
	}
	// Errors name the file as os.DirFS names it.
	for _, name := range []string{"content/missing.md", "../outside", "content/events"} {
		_, want := fs.ReadFile(os.DirFS(dir), name)
		_, got := fs.ReadFile(fsys, name)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("ReadFile(%s): error %v, want %v", name, got, want)
		}
	}
	// Everything else is os.DirFS's.
	if err := fstest.TestFS(fsys, "site.yaml", "content/events/cafe.md", "content/empty.md", "content/big.md"); err != nil {
		t.Error(err)
	}
}

// TestReadFileInto checks that a file is read whole into the buffer it is
// given when that has room, into a new one when not, and that a file
// system other than DirFS is read as fs.ReadFile reads it.
func TestReadFileInto(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("short"), 0o644); err != nil {
		t.Fatal(err)
	}
	long := bytes.Repeat([]byte("x"), 5000)
	if err := os.WriteFile(filepath.Join(dir, "b.md"), long, 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := sysfile.DirFS(dir)
	buf := make([]byte, 3, 4096)
	got, err := sysfile.ReadFileInto(fsys, "a.md", buf)
	if err != nil || string(got) != "short" {
		t.Fatalf("ReadFileInto(a.md) = %q, %v; want \"short\"", got, err)
	}
	if runtime.GOOS == "linux" && &got[0] != &buf[:1][0] {
		t.Error("a.md was not read into the buffer given, which had room")
	}
	got, err = sysfile.ReadFileInto(fsys, "b.md", buf)
	if err != nil || !bytes.Equal(got, long) {
		t.Fatalf("ReadFileInto(b.md) read %d bytes, %v; want %d", len(got), err, len(long))
	}
	if _, err := sysfile.ReadFileInto(fsys, "missing.md", buf); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	mem := fstest.MapFS{"c.md": {Data: []byte("in memory")}}
	if got, err := sysfile.ReadFileInto(mem, "c.md", buf); err != nil || string(got) != "in memory" {
		t.Errorf("MapFS: %q, %v", got, err)
	}
}
