// Package sysfile reads and writes whole files with the fewest system
// calls. On Linux, os.OpenFile offers every regular file to the network
// poller, which refuses it: four fcntl calls and a failed epoll_ctl for
// each file opened. A build opens each of its 10,000 pages' source and
// output once, so WriteFile opens, writes and closes, and DirFS's ReadFile
// opens, asks the size (fstat), reads and closes, and nothing else.
// Elsewhere they are the os package's.
package sysfile

import (
	"io/fs"
	"os"
)

// DirFS is os.DirFS(dir), whose ReadFile reads with the fewest system
// calls.
func DirFS(dir string) fs.FS { return dirFS{os: os.DirFS(dir), dir: dir} }

// dirFS forwards everything but ReadFile to os.DirFS, so that fs.Stat,
// fs.ReadDir, fs.ReadLink, fs.Lstat and fs.Sub find the methods they find
// there.
type dirFS struct {
	os  fs.FS
	dir string
}

func (d dirFS) Open(name string) (fs.File, error)          { return d.os.Open(name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.os, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.os, name) }
func (d dirFS) ReadLink(name string) (string, error)       { return fs.ReadLink(d.os, name) }
func (d dirFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(d.os, name) }

// ReadFile reads the named file, as os.DirFS's ReadFile does.
func (d dirFS) ReadFile(name string) ([]byte, error) { return d.readInto(name, nil) }

// readInto reads the named file as ReadFile does, into buf's room when
// it has enough.
func (d dirFS) readInto(name string, buf []byte) ([]byte, error) {
	if !fast || d.dir == "" || !fs.ValidPath(name) {
		return fs.ReadFile(d.os, name) // and its errors
	}
	b, err := readFile(d.dir+"/"+name, buf)
	if e, ok := err.(*fs.PathError); ok {
		e.Path = name // as os.DirFS reports it
	}
	return b, err
}

// ReadFileInto reads the named file of fsys, as fs.ReadFile does, into
// buf's room when it has enough and fsys is a DirFS: a build reading
// 100,000 pages one after another on each goroutine can read each into
// the last one's buffer, once nothing is left holding that page's text.
func ReadFileInto(fsys fs.FS, name string, buf []byte) ([]byte, error) {
	if d, ok := fsys.(dirFS); ok {
		return d.readInto(name, buf)
	}
	return fs.ReadFile(fsys, name)
}
