package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in      string
		want    []int
		wantErr bool
	}{
		{"1000,10000", []int{1000, 10000}, false},
		{"50", []int{50}, false},
		{" 10 , 20 ", []int{10, 20}, false},
		{"", nil, true},
		{"10,", nil, true},
		{"0", nil, true},
		{"1k", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSizes(tt.in)
			if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
				t.Errorf("parseSizes(%q): got %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{[]time.Duration{5}, 5},
		{[]time.Duration{1, 2, 9}, 2},
		{[]time.Duration{1, 3, 5, 100}, 4},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFirstLines(t *testing.T) {
	var many strings.Builder
	for i := 1; i <= 50; i++ {
		fmt.Fprintf(&many, "line %d\n", i)
	}
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"empty", "", 40, "  (nothing)\n"},
		{"short", "a\nb\n", 40, "  a\n  b\n"},
		{"no final newline", "a\nb", 40, "  a\n  b\n"},
		{"cut", many.String(), 2, "  line 1\n  line 2\n  ... 48 more lines\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstLines([]byte(tt.in), tt.n); got != tt.want {
				t.Errorf("firstLines: got %q, want %q", got, tt.want)
			}
		})
	}
}

// stub writes a shell script that stands in for engage: it appends its
// arguments to calls.txt, checks that it is given a site and a fresh
// destination, and then runs body.
func stub(t *testing.T, body string) (bin, calls string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stub engage is a shell script")
	}
	dir := t.TempDir()
	calls = filepath.Join(dir, "calls.txt")
	bin = filepath.Join(dir, "engage")
	script := `#!/bin/sh
echo "$*" >> '` + calls + `'
test -f "$3/site.yaml" || { echo "no site.yaml in $3" >&2; exit 9; }
test -e "$5" && { echo "$5 was not cleared" >&2; exit 8; }
mkdir -p "$5" && echo built > "$5/index.html"
` + body + "\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	shm = t.TempDir() // keep build output out of the real /dev/shm
	return bin, calls
}

func TestBenchRunsEngage(t *testing.T) {
	bin, calls := stub(t, "exit 0")
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-engage", bin, "-sizes", "20,40", "-runs", "3", "-seed", "2", "-dir", dir, "-hugo", "off"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("bench: %v\nstderr:\n%s", err, stderr.String())
	}

	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines of output, want a title, the Hugo line, a header and one line per size:\n%s", len(lines), stdout.String())
	}
	if want := "hugo: not run (-hugo off); the Hugo targets are not checked"; lines[1] != want {
		t.Errorf("second line: got %q, want %q", lines[1], want)
	}
	for i, want := range [][3]string{{"engage", "20", "22"}, {"engage", "40", "44"}} {
		fields := strings.Fields(lines[3+i])
		if len(fields) < 3 || fields[0] != want[0] || fields[1] != want[1] || fields[2] != want[2] {
			t.Errorf("line %q: got tool, size and pages %v, want %v (pages include easy-read versions)", lines[3+i], fields, want)
		}
	}

	data, err := os.ReadFile(calls)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(got) != 6 {
		t.Fatalf("got %d builds, want 3 runs for each of 2 sizes:\n%s", len(got), data)
	}
	args := strings.Fields(got[5])
	wantArgs := []string{"build", "--source", filepath.Join(dir, "site-40-seed-2"), "--dest", args[4], "--quiet", "--now", "2026-07-01"}
	if !slices.Equal(args, wantArgs) {
		t.Errorf("last build: got args %q, want %q", args, wantArgs)
	}

	left, err := os.ReadDir(dir)
	if err != nil || len(left) != 0 {
		t.Errorf("-dir after the run: got %v, %v; want the generated sites removed", left, err)
	}
	if left, _ := os.ReadDir(shm); len(left) != 0 {
		t.Errorf("scratch folder after the run: got %v, want the build output removed", left)
	}
}

func TestBenchKeep(t *testing.T) {
	bin, _ := stub(t, "exit 0")
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-engage", bin, "-sizes", "10", "-runs", "1", "-dir", dir, "-keep", "-hugo", "off"}, &stdout, &stderr); err != nil {
		t.Fatalf("bench -keep: %v\nstderr:\n%s", err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "site-10-seed-1", "site.yaml")); err != nil {
		t.Errorf("bench -keep: got %v, want the site kept", err)
	}
	if err := run(context.Background(), []string{"-engage", bin, "-sizes", "10", "-runs", "1", "-dir", dir, "-hugo", "off"}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("bench over a kept site: got %v, want an 'already exists' error", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "site-10-seed-1", "site.yaml")); err != nil {
		t.Errorf("bench over a kept site: got %v, want the kept site left alone", err)
	}
}

func TestBenchReportsFailures(t *testing.T) {
	failing, _ := stub(t, `i=1; while [ $i -le 50 ]; do echo "problem $i" >&2; i=$((i+1)); done; exit 3`)
	tests := []struct {
		name    string
		engage  string
		want    []string
		mustNot []string
	}{
		{
			name:    "engage fails",
			engage:  failing,
			want:    []string{"exit status 3", "problem 1\n", "problem 40\n", "10 more lines", "engage, 10-page site, run 1 of 2"},
			mustNot: []string{"problem 41\n"},
		},
		{
			name:   "engage missing",
			engage: filepath.Join(t.TempDir(), "no-such-engage"),
			want:   []string{"not found", "make build"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"-engage", tt.engage, "-sizes", "10", "-runs", "2", "-dir", dir, "-hugo", "off"}, &stdout, &stderr)
			if err == nil {
				t.Fatalf("bench: got no error, want one")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error: got %q, want it to contain %q", err, w)
				}
			}
			for _, w := range tt.mustNot {
				if strings.Contains(err.Error(), w) {
					t.Errorf("error: got %q, want it not to contain %q", err, w)
				}
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("-dir after a failure: got %v, want the generated site removed", left)
			}
		})
	}
}

func TestGenerateCommand(t *testing.T) {
	tests := []struct {
		name         string
		args         []string
		wantPages    int
		wantEasyRead int
	}{
		{"defaults", nil, 1000, 100},
		{"small", []string{"-pages", "30", "-seed", "4"}, 30, 3},
		{"no easy read", []string{"-pages", "30", "-easy", "0"}, 30, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"generate"}, tt.args...), dir)
			if err := run(context.Background(), args, &stdout, &stderr); err != nil {
				t.Fatalf("bench %v: %v\nstderr:\n%s", args, err, stderr.String())
			}
			want := fmt.Sprintf("wrote %d pages, %d easy-read versions,", tt.wantPages, tt.wantEasyRead)
			if !strings.HasPrefix(stdout.String(), want) {
				t.Errorf("bench %v: got %q, want it to start %q", args, stdout.String(), want)
			}
			if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err != nil {
				t.Errorf("bench %v: %v", args, err)
			}
		})
	}
}
