package markdown

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestSpillLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	spill, err := NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{})
	d := m.Parse([]byte("# Budget\n\nRead [the plan](/plan/).\n"))
	m.Bake(d, spill)
	if spill.Size() == 0 {
		t.Fatal("Bake with a spill wrote nothing to it")
	}
	if err := spill.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the spill left %d files behind in its folder, want none", len(left))
	}
	// A body whose file has gone says so, in words, rather than writing
	// nothing.
	var b bytes.Buffer
	err = m.HTML(&b, d, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "temporary file") {
		t.Errorf("HTML after the spill closed: err = %v, want one about the temporary file", err)
	}
}

func TestSpillConcurrent(t *testing.T) {
	spill, err := NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	m := New(Options{})
	docs := make([]*Doc, 200)
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := m.Parse([]byte(strings.Repeat("Word ", i+1) + "[link](/a/)\n"))
			m.Bake(d, spill)
			docs[i] = d
		}()
	}
	wg.Wait()
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := m.HTML(&b, d, []string{"/b/"}, nil); err != nil {
				t.Error(err)
				return
			}
			want := "<p>" + strings.Repeat("Word ", i+1) + `<a href="/b/">link</a></p>` + "\n"
			if b.String() != want {
				t.Errorf("body %d = %q, want %q", i, b.String(), want)
			}
		}()
	}
	wg.Wait()
}
