// Command bench measures how fast engage builds sites of several sizes and
// how much memory it needs, beside Hugo when it is installed; `make bench`
// runs it.
//
// Usage:
//
//	go run ./cmd/bench [-engage bin/engage] [-sizes 1000,10000] [-runs 5] [-runs-large 1] [-hugo auto|on|off] [-hugo-bin PATH] [-seed 1] [-dir DIR] [-keep]
//	go run ./cmd/bench generate [-pages 1000] [-seed 1] [-easy 10] DIR
//	go run ./cmd/bench reload [-engage bin/engage] [-pages 10000] [-edits 10]
//
// For each size, bench writes a synthetic site with internal/corpus and runs
//
//	engage build --source SITE --dest OUT --quiet --now 2026-07-01
//
// -runs times as a child process, on a fresh OUT each time (-runs-large
// times for sizes of 100,000 pages or more, which are slow). It prints one
// line per size: the pages built (easy-read versions included), the median
// wall time, pages per second, the peak resident memory of any run, and the
// fastest and slowest run. Sites and output go under /dev/shm when it exists,
// so that the disk does not skew the numbers, and are removed at the end
// unless -keep is given.
//
// With -hugo auto (the default) and Hugo installed (Debian's hugo package,
// /usr/bin/hugo, or hugo on PATH), or with -hugo on, bench then builds the
// same content folder as many times with Hugo and the minimal theme of the
// hugo folder here (see hugo.go), as
//
//	hugo --source PROJECT --destination OUT --minify --cacheDir PROJECT/cache
//
// and prints Hugo's line, engage's wall time and peak memory as fractions
// of Hugo's with whether each meets its target (at most 0.25 and 0.20), and
// how many HTML pages each wrote. Without Hugo it says that the Hugo
// targets are not checked; -hugo on fails instead. When both 10,000 and
// 100,000 pages are measured it also checks that the 100,000-page build
// takes under 12 times as long and peaks under 2 GB.
//
// Peak RSS is the child's own figure from wait4. Linux can count part of the
// runner's memory (some MiB) in a child it starts, so a tiny build reads
// high; bench says so when a peak is below its own.
//
// The generate subcommand only writes a site, for profiling a build by hand.
// The reload subcommand measures engage serve's edit-to-reload time: from
// saving one page to the changed page being served after the reload event.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// errUsage reports bad arguments, already explained by the flag package.
var errUsage = errors.New("usage")

// run dispatches to the bench or generate subcommand.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "generate" {
		return generate(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "reload" {
		return reload(ctx, args[1:], stdout, stderr)
	}
	return bench(ctx, args, stdout, stderr)
}

// parse parses flags, turning a bad flag into errUsage since the flag
// package has already printed what was wrong.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return errUsage
	}
	return err
}

// parseSizes reads a comma-separated list of page counts such as "1000,10000".
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a number of pages; write whole numbers separated by commas, such as 1000,10000", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}
