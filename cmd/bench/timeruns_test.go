package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimeRunsTakesTurns checks that the tools build in turn, that each
// output is gone once measured, and that the last build's pages are
// counted first.
func TestTimeRunsTakesTurns(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	fake := func(name string) tool {
		out := filepath.Join(dir, "out-"+name)
		return tool{name: name, out: out, cmd: func() *exec.Cmd {
			return exec.Command("sh", "-c", "echo "+name+" >> "+log+" && mkdir -p "+out+" && echo '<html>' > "+out+"/index.html")
		}}
	}
	tools := []tool{fake("engage"), fake("hugo")}
	runs, err := timeRuns(context.Background(), 10, 3, tools, false, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Fields(string(b)), []string{"engage", "hugo", "engage", "hugo", "engage", "hugo"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("builds ran in the order %v, want %v", got, want)
	}
	for i, r := range runs {
		if len(r.results) != 3 {
			t.Errorf("%s: %d results, want 3", tools[i].name, len(r.results))
		}
		if !strings.Contains(r.pages, "1") {
			t.Errorf("%s: pages %q, want the one page of the last build", tools[i].name, r.pages)
		}
		if _, err := os.Stat(tools[i].out); !os.IsNotExist(err) {
			t.Errorf("%s: output %s is still there (%v)", tools[i].name, tools[i].out, err)
		}
	}
}

// TestTimeRunsKeepsWhatItMeasured checks that a failing build returns the
// runs before it, so that engage's figures can still be printed.
func TestTimeRunsKeepsWhatItMeasured(t *testing.T) {
	dir := t.TempDir()
	ok := tool{name: "engage", out: filepath.Join(dir, "a"), cmd: func() *exec.Cmd { return exec.Command("true") }}
	bad := tool{name: "hugo", out: filepath.Join(dir, "b"), cmd: func() *exec.Cmd { return exec.Command("false") }}
	runs, err := timeRuns(context.Background(), 10, 2, []tool{ok, bad}, false, io.Discard)
	if err == nil {
		t.Fatal("timeRuns with a failing build: no error")
	}
	if len(runs) != 2 || len(runs[0].results) != 1 || len(runs[1].results) != 0 {
		t.Errorf("runs after the failure: %+v, want engage's one result", runs)
	}
}
