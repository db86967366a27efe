package markdown

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// Spill is a temporary file that baked HTML is moved into, so that a
// build of 100,000 pages does not hold every body in memory between
// parsing and writing. Each body is written once, at its own offset, and
// read back when its page is rendered; the operating system's file cache,
// not the build's memory, holds it in between. A Spill is safe for
// concurrent use.
type Spill struct {
	f    *os.File
	name string // the file to remove on Close; "" once removed
	end  atomic.Int64
}

// NewSpill makes the temporary file in dir ("" is the system's temporary
// folder). Where the system allows it the file is removed at once, so
// that nothing is left behind even if the build is killed.
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, "engage-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("make a temporary file for page bodies: %w", err)
	}
	s := &Spill{f: f, name: f.Name()}
	if os.Remove(s.name) == nil {
		s.name = ""
	}
	return s, nil
}

// Close closes and removes the file. Docs baked into it can no longer be
// written out.
func (s *Spill) Close() error {
	if s == nil {
		return nil
	}
	err := s.f.Close()
	if s.name != "" {
		if rerr := os.Remove(s.name); err == nil {
			err = rerr
		}
	}
	return err
}

// Size is how many bytes have been moved into the file.
func (s *Spill) Size() int64 {
	if s == nil {
		return 0
	}
	return s.end.Load()
}

// put writes b at the end of the file and returns where it starts; ok is
// false when there is no spill or the write failed (a full disk), and the
// caller keeps b in memory.
func (s *Spill) put(b []byte) (off int64, ok bool) {
	if s == nil || len(b) == 0 {
		return 0, false
	}
	off = s.end.Add(int64(len(b))) - int64(len(b))
	if _, err := s.f.WriteAt(b, off); err != nil {
		return 0, false
	}
	return off, true
}

// spillBuffers hold bodies read back from a spill while a page is
// rendered.
var spillBuffers = sync.Pool{New: func() any { return new([]byte) }}

// read returns the baked HTML, and a function to call when done with it.
func (b *baked) read() ([]byte, func(), error) {
	if b.spill == nil {
		return b.html, func() {}, nil
	}
	buf := spillBuffers.Get().(*[]byte)
	if cap(*buf) < b.size {
		*buf = make([]byte, b.size)
	}
	p := (*buf)[:b.size]
	if _, err := b.spill.f.ReadAt(p, b.off); err != nil {
		spillBuffers.Put(buf)
		return nil, nil, fmt.Errorf("read a page's body back from the build's temporary file: %w", err)
	}
	return p, func() { spillBuffers.Put(buf) }, nil
}
