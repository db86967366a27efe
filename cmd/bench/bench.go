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

// bench generates a site for each size and times engage building it, and
// Hugo building the same content when it is installed.
func bench(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engage := fs.String("engage", "bin/engage", "the engage `binary` to measure")
	sizeList := fs.String("sizes", "1000,10000", "site sizes in pages, separated by commas")
	runs := fs.Int("runs", 5, "builds per size; the median is reported")
	runsLarge := fs.Int("runs-large", 1, fmt.Sprintf("builds per size for sizes of %d pages or more, which are slow", largeSize))
	seed := fs.Int64("seed", 1, "seed for the generated sites")
	dir := fs.String("dir", "", "`folder` for the generated sites (default: a new folder under /dev/shm, or the temp folder)")
	keep := fs.Bool("keep", false, "keep the generated sites and the output of the last build")
	hugoFlag := fs.String("hugo", "auto", "build the same sites with Hugo and compare: auto (when Hugo is installed), on (fail when it is not) or off")
	hugoBin := fs.String("hugo-bin", "", "the Hugo `binary` (default: "+hugoDefault+", or hugo on PATH)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bench [flags]\n       bench generate [-pages N] [-seed S] [-easy N] DIR\n       bench reload [-engage BIN] [-pages N] [-edits N]\n\nflags:")
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
	if *runsLarge < 1 {
		return fmt.Errorf("-runs-large: %d; want at least 1", *runsLarge)
	}
	mode, err := parseHugoMode(*hugoFlag)
	if err != nil {
		return err
	}
	bin, err := exec.LookPath(*engage)
	if err != nil {
		return fmt.Errorf("engage binary %s: not found or not executable; run 'make build' first, or pass -engage PATH", *engage)
	}
	hugo := ""
	if mode != hugoOff {
		hugo, err = findHugo(*hugoBin)
		switch {
		case err != nil && mode == hugoOn && *hugoBin != "":
			return fmt.Errorf("hugo: %s not found or not executable; -hugo on needs it to check the Hugo targets", *hugoBin)
		case err != nil && mode == hugoOn:
			return errNoHugo
		case err != nil:
			hugo = ""
		}
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

	plural := func(n int) string {
		if n == 1 {
			return "1 run"
		}
		return fmt.Sprintf("%d runs", n)
	}
	large := ""
	if slices.ContainsFunc(sizes, func(n int) bool { return n >= largeSize }) {
		large = fmt.Sprintf(" (%s at %d pages or more)", plural(*runsLarge), largeSize)
	}
	fmt.Fprintf(stdout, "%s: %s per size%s, seed %d, %d CPUs, %s/%s\n", bin, plural(*runs), large, *seed, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	if hugo != "" {
		fmt.Fprintf(stdout, "hugo: %s (%s), the same content folder with the theme of cmd/bench/hugo, --minify\n", hugo, hugoVersion(ctx, hugo))
	} else {
		fmt.Fprintln(stdout, missingHugo(mode, *hugoBin))
	}
	fmt.Fprintf(stdout, "%-7s %8s %8s %9s %9s %10s %9s %9s\n", "", "size", "pages", "median", "pages/s", "peak RSS", "min", "max")
	measured, hugoMeasured := map[int]summary{}, map[int]summary{}
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
		pages := stats.Pages + stats.EasyRead
		n := runsFor(size, *runs, *runsLarge)

		out := filepath.Join(work, fmt.Sprintf("public-%d", size))
		tools := []tool{{name: "engage", out: out, cmd: func() *exec.Cmd {
			return exec.CommandContext(ctx, bin, "build", "--source", site, "--dest", out, "--quiet", "--now", buildNow)
		}}}
		why := ""
		if hugo != "" {
			why = hugoTooBig(hugoMeasured, size)
		}
		if hugo != "" && why == "" {
			proj := filepath.Join(work, fmt.Sprintf("hugo-%d", size))
			if err := writeHugoProject(proj, site); err != nil {
				return fmt.Errorf("write the Hugo project for the %d-page site: %w", size, err)
			}
			hout := filepath.Join(work, fmt.Sprintf("hugo-public-%d", size))
			tools = append(tools, tool{name: "hugo", out: hout, cmd: func() *exec.Cmd {
				return hugoCommand(ctx, hugo, proj, hout)
			}})
		}
		runs, err := timeRuns(ctx, size, n, tools, *keep, stderr)
		if len(runs[0].results) == 0 {
			return err
		}
		engageSum := summarise(size, pages, runs[0].results)
		measured[size] = engageSum
		fmt.Fprintln(stdout, engageSum.line("engage"))
		noteLowPeak(stderr, "engage", engageSum)
		if err != nil {
			return err // a Hugo build failed: engage's figures are out first
		}
		if why != "" {
			fmt.Fprintln(stdout, "  "+why)
		}
		if len(tools) > 1 {
			hresults := runs[1].results
			hugoSum := summarise(size, pages, hresults)
			hugoMeasured[size] = hugoSum
			fmt.Fprintln(stdout, hugoSum.line("hugo"))
			noteLowPeak(stderr, "hugo", hugoSum)
			fmt.Fprintln(stdout, ratioLine(engageSum, hugoSum))
			fmt.Fprintln(stdout, "  "+pageCounts(runs[0].pages, runs[1].pages, hresults[len(hresults)-1].stdout))
		}
	}
	if small, ok := measured[10_000]; ok {
		if big, ok := measured[largeSize]; ok {
			for _, line := range scaleLines(small, big) {
				fmt.Fprintln(stdout, line)
			}
		}
	}
	return nil
}

// runsFor returns how many builds a size gets: runsLarge for the slow
// sizes of largeSize pages or more, runs for the others.
func runsFor(size, runs, runsLarge int) int {
	if size >= largeSize {
		return runsLarge
	}
	return runs
}

// tool is one site generator being timed: its name, the folder it builds
// into and the command that builds the site.
type tool struct {
	name string
	out  string
	cmd  func() *exec.Cmd
}

// measuredTool is what timeRuns measured of one tool: each build's cost, and the
// HTML pages its last build wrote.
type measuredTool struct {
	results []result
	pages   string
}

// timeRuns builds the site n times with each tool, each build into a fresh
// folder, taking the tools in turn (engage, Hugo, engage, Hugo, ...) so
// that a machine that is slower for a while slows both alike. Each output
// is removed as soon as it has been measured, to free the tmpfs for the
// next build, unless keep. size names the builds in errors and notes. On
// an error it returns what it measured before it.
func timeRuns(ctx context.Context, size, n int, tools []tool, keep bool, stderr io.Writer) ([]measuredTool, error) {
	runs := make([]measuredTool, len(tools))
	for i := range n {
		for j, t := range tools {
			if err := os.RemoveAll(t.out); err != nil {
				return runs, fmt.Errorf("clear %s: %w", t.out, err)
			}
			r, err := timed(ctx, t.cmd())
			if err != nil {
				return runs, fmt.Errorf("%s, %d-page site, run %d of %d: %w", t.name, size, i+1, n, err)
			}
			if i == 0 && len(r.stderr) > 0 {
				fmt.Fprintf(stderr, "note: %s wrote %d lines to stderr building the %d-page site; the first ones:\n%s",
					t.name, countLines(r.stderr), size, firstLines(r.stderr, 5))
			}
			runs[j].results = append(runs[j].results, r)
			if i == n-1 {
				runs[j].pages = htmlPages(t.name, t.out)
			}
			if i < n-1 || !keep {
				if err := os.RemoveAll(t.out); err != nil {
					return runs, fmt.Errorf("remove %s: %w", t.out, err)
				}
			}
		}
	}
	return runs, nil
}

// noteLowPeak says when a peak RSS is no more than the runner's own, which
// Linux may have counted in the child.
func noteLowPeak(stderr io.Writer, tool string, s summary) {
	if own, ok := selfPeakRSS(); ok && s.peak >= 0 && s.peak <= own {
		fmt.Fprintf(stderr, "note: the %d-page %s builds peaked below this runner's own %.1f MiB; Linux can count part of a parent's memory in a child it starts, so read that figure as an upper bound\n",
			s.size, tool, float64(own)/(1<<20))
	}
}

// htmlPages says how many HTML pages tool wrote to dir.
func htmlPages(tool, dir string) string {
	pages, redirects, err := countHTML(dir)
	switch {
	case err != nil:
		return fmt.Sprintf("%s unknown (%v)", tool, err)
	case redirects > 0:
		return fmt.Sprintf("%s %d (and %d redirects)", tool, pages, redirects)
	}
	return fmt.Sprintf("%s %d", tool, pages)
}

// pageCounts compares how many HTML pages engage and Hugo wrote, with the
// counts of Hugo's own build summary.
func pageCounts(engage, hugo string, hugoStdout []byte) string {
	s := "HTML pages written: " + engage + ", " + hugo
	if pages, pagers, ok := hugoCounts(hugoStdout); ok {
		s += fmt.Sprintf("; Hugo's summary: %d pages, %d paginator pages", pages, pagers)
	}
	return s
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
	stdout []byte
	stderr []byte
}

// timed runs a build command once and measures it.
func timed(ctx context.Context, cmd *exec.Cmd) (result, error) {
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
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
		return result{}, fmt.Errorf("run %s: %w", cmd.Path, err)
	}
	r := result{wall: wall, rss: -1, stdout: stdout.Bytes(), stderr: stderr.Bytes()}
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

// summary is what the runs of one tool on one size cost.
type summary struct {
	size, pages      int
	median, min, max time.Duration
	peak             int64 // the largest peak RSS of any run in bytes, or -1 when unknown
}

// summarise sums up the runs of one size.
func summarise(size, pages int, results []result) summary {
	walls := make([]time.Duration, len(results))
	peak := int64(-1)
	for i, r := range results {
		walls[i] = r.wall
		peak = max(peak, r.rss)
	}
	slices.Sort(walls)
	return summary{size: size, pages: pages, median: median(walls), min: walls[0], max: walls[len(walls)-1], peak: peak}
}

// line is the table line for tool.
func (s summary) line(tool string) string {
	rss := "n/a"
	if s.peak >= 0 {
		rss = fmt.Sprintf("%.1f MiB", float64(s.peak)/(1<<20))
	}
	return fmt.Sprintf("%-7s %8d %8d %8.3fs %9.0f %10s %8.3fs %8.3fs",
		tool, s.size, s.pages, s.median.Seconds(), float64(s.pages)/s.median.Seconds(), rss, s.min.Seconds(), s.max.Seconds())
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
