//go:build linux

package sysfile

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// fast is true: DirFS reads with readFile.
const fast = true

// WriteFile writes data to the named file, creating it with perm's
// permission bits (before the umask) or truncating it, as os.WriteFile
// does.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	fd, err := open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite // as os.File's Write says it
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// readFile reads the whole named file, as os.ReadFile does, into buf's
// room when it has enough.
func readFile(name string, buf []byte) ([]byte, error) {
	fd, err := open(name, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	size := 0
	var st unix.Stat_t
	if unix.Fstat(fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
		size = int(st.Size)
	}
	// One byte more than the file, so that the read that finds its end
	// needs no larger buffer.
	data := buf[:0]
	if cap(data) < size+1 {
		data = make([]byte, 0, size+1)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if size > 0 && len(data) == size {
			// A regular file has been read to the size it had, short of
			// the byte more the buffer has room for: that is its end,
			// found without one more read that returns nothing.
			return data, nil
		}
	}
}

// open opens name, trying again when a signal interrupts it.
func open(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(name, flags, perm)
		if err != unix.EINTR {
			return fd, err
		}
	}
}
