package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/engage-ssg/engage/internal/corpus"
)

// generate writes one synthetic site, for profiling a build by hand.
func generate(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.Int("pages", 1000, "number of pages, not counting easy-read versions")
	seed := fs.Int64("seed", 1, "seed; the same seed writes the same site")
	easy := fs.Int("easy", corpus.DefaultEasyReadEvery, "give one page in this many an easy-read version; 0 for none")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bench generate [-pages N] [-seed S] [-easy N] DIR\n\nDIR must be empty or absent.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	if *easy == 0 {
		*easy = -1 // corpus reads 0 as the default
	}
	dir := fs.Arg(0)
	start := time.Now()
	stats, err := corpus.Generate(dir, corpus.Options{Pages: *pages, Seed: *seed, EasyReadEvery: *easy})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d pages, %d easy-read versions, %d section indexes and %d images (%.1f MB) to %s in %.2fs\n",
		stats.Pages, stats.EasyRead, stats.Indexes, stats.Images, float64(stats.Bytes)/1e6, dir, time.Since(start).Seconds())
	return nil
}
