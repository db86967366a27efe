package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/corpus"
)

// buildNow is the --now every build gets, so that derived states such as
// "consultation open" and review warnings are the same on every run.
const buildNow = corpus.Now

// stderrLines is how much of a failed build's stderr bench prints.
const stderrLines = 40

// shm is the memory-backed folder for sites and output; a variable so that
// tests can point it elsewhere.
var shm = "/dev/shm"

// bench generates a site for each size and times engage building it.
func bench(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engage := fs.String("engage", "bin/engage", "the engage `binary` to measure")
	sizeList := fs.String("sizes", "1000,10000", "site sizes in pages, separated by commas")
	runs := fs.Int("runs", 5, "builds per size; the median is reported")
	seed := fs.Int64("seed", 1, "seed for the generated sites")
	dir := fs.String("dir", "", "`folder` for the generated sites (default: a new folder under /dev/shm, or the temp folder)")
	keep := fs.Bool("keep", false, "keep the generated sites and the output of the last build")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bench [flags]\n       bench generate [-pages N] [-seed S] [-easy N] DIR\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; did you mean 'bench generate'?", fs.Arg(0))
	}
	sizes, err := parseSizes(*sizeList)
	if err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("-runs: %d; want at least 1", *runs)
	}
	bin, err := exec.LookPath(*engage)
	if err != nil {
		return fmt.Errorf("engage binary %s: not found or not executable; run 'make build' first, or pass -engage PATH", *engage)
	}

	work, err := scratchDir()
	if err != nil {
		return fmt.Errorf("make a folder for the build output: %w", err)
	}
	sites := work
	if *dir != "" {
		sites = *dir
		if err := os.MkdirAll(sites, 0o755); err != nil {
			return fmt.Errorf("-dir: %w", err)
		}
	}
	made := []string{work} // removed at the end unless -keep
	defer func() {
		if *keep {
			fmt.Fprintf(stderr, "kept %s\n", strings.Join(made, " "))
			return
		}
		for _, d := range made {
			if rmErr := os.RemoveAll(d); rmErr != nil && err == nil {
				err = fmt.Errorf("remove %s: %w", d, rmErr)
			}
		}
	}()

	fmt.Fprintf(stdout, "%s: %d runs per size, seed %d, %d CPUs, %s/%s\n", bin, *runs, *seed, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "%8s %8s %9s %9s %10s %9s %9s\n", "size", "pages", "median", "pages/s", "peak RSS", "min", "max")
	for _, size := range sizes {
		site := filepath.Join(sites, fmt.Sprintf("site-%d-seed-%d", size, *seed))
		if _, err := os.Stat(site); err == nil {
			return fmt.Errorf("%s already exists, perhaps from a run with -keep; remove it or choose another -dir", site)
		}
		made = append(made, site)
		start := time.Now()
		stats, err := corpus.Generate(site, corpus.Options{Pages: size, Seed: *seed})
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "generated %d pages and %d easy-read versions (%.1f MB) in %.2fs\n",
			stats.Pages, stats.EasyRead, float64(stats.Bytes)/1e6, time.Since(start).Seconds())

		out := filepath.Join(work, fmt.Sprintf("public-%d", size))
		var results []result
		for i := range *runs {
			if err := os.RemoveAll(out); err != nil {
				return fmt.Errorf("clear %s: %w", out, err)
			}
			r, err := build(ctx, bin, site, out)
			if err != nil {
				return fmt.Errorf("%d-page site, run %d of %d: %w", size, i+1, *runs, err)
			}
			if i == 0 && len(r.stderr) > 0 {
				fmt.Fprintf(stderr, "note: engage wrote %d lines to stderr despite --quiet; the first ones:\n%s",
					countLines(r.stderr), firstLines(r.stderr, 5))
			}
			results = append(results, r)
		}
		line, peak := summarise(size, stats.Pages+stats.EasyRead, results)
		fmt.Fprintln(stdout, line)
		if own, ok := selfPeakRSS(); ok && peak >= 0 && peak <= own {
			fmt.Fprintf(stderr, "note: the %d-page builds peaked below this runner's own %.1f MiB; Linux can count part of a parent's memory in a child it starts, so read that figure as an upper bound\n",
				size, float64(own)/(1<<20))
		}
	}
	return nil
}

// scratchDir makes a new folder in memory when the system has /dev/shm,
// and in the temp folder otherwise.
func scratchDir() (string, error) {
	if fi, err := os.Stat(shm); err == nil && fi.IsDir() {
		if d, err := os.MkdirTemp(shm, "engage-bench-"); err == nil {
			return d, nil
		}
	}
	return os.MkdirTemp("", "engage-bench-")
}

// result is what one build cost.
type result struct {
	wall   time.Duration
	rss    int64 // peak resident memory in bytes, or -1 when unknown
	stderr []byte
}

// build runs engage once and measures it.
func build(ctx context.Context, bin, site, out string) (result, error) {
	cmd := exec.CommandContext(ctx, bin, "build", "--source", site, "--dest", out, "--quiet", "--now", buildNow)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ctx.Err() != nil {
		return result{}, ctx.Err()
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return result{}, fmt.Errorf("%s failed (%v); the first %d lines it wrote to stderr:\n%s",
			strings.Join(cmd.Args, " "), exit, stderrLines, firstLines(stderr.Bytes(), stderrLines))
	case err != nil:
		return result{}, fmt.Errorf("run %s: %w", bin, err)
	}
	r := result{wall: wall, rss: -1, stderr: stderr.Bytes()}
	if rss, ok := peakRSS(cmd.ProcessState); ok {
		r.rss = rss
	}
	return r, nil
}

// firstLines returns up to n lines of b, each indented and ending in a newline.
func firstLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(b) == 0 {
		return "  (nothing)\n"
	}
	var s strings.Builder
	for i, line := range lines {
		if i == n {
			fmt.Fprintf(&s, "  ... %d more lines\n", len(lines)-n)
			break
		}
		s.WriteString("  " + line + "\n")
	}
	return s.String()
}

func countLines(b []byte) int {
	return strings.Count(strings.TrimRight(string(b), "\n"), "\n") + 1
}

// summarise returns the table line for one size and the peak RSS in bytes
// (-1 when unknown).
func summarise(size, pages int, results []result) (string, int64) {
	walls := make([]time.Duration, len(results))
	peak := int64(-1)
	for i, r := range results {
		walls[i] = r.wall
		peak = max(peak, r.rss)
	}
	slices.Sort(walls)
	med := median(walls)
	rss := "n/a"
	if peak >= 0 {
		rss = fmt.Sprintf("%.1f MiB", float64(peak)/(1<<20))
	}
	return fmt.Sprintf("%8d %8d %8.3fs %9.0f %10s %8.3fs %8.3fs",
		size, pages, med.Seconds(), float64(pages)/med.Seconds(), rss, walls[0].Seconds(), walls[len(walls)-1].Seconds()), peak
}

// median returns the middle of sorted durations, or the mean of the two
// middle ones when there is an even number.
func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
