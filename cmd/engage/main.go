// Command engage builds accessible static websites for public engagement:
// engagement principles, constitutions, consultations, events and "you
// said, we did" updates, written in Markdown with YAML front matter.
//
// Usage:
//
//	engage build [--source DIR] [--dest DIR] [--base-url URL] [--drafts] [--now TIME] [--strict] [--quiet]
//	engage serve [--source DIR] [--host ADDR] [--port N] [--drafts] [--now TIME]
//	engage check [--source DIR] [--format text|json|github] [--strict] [--external-links]
//	engage new <type> "<title>" | engage new easy-read <page>
//	engage version
//	engage help [command]
//
// Exit status: 0 built; 1 the content or layouts have errors; 2 wrong usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"golang.org/x/term"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `engage builds an accessible website for public engagement from Markdown.

Usage:
  engage build    build the site into a folder (default: public)
  engage serve    build the site and serve it at http://127.0.0.1:1313/ for preview
  engage check    run every check without writing the site (for CI and editors)
  engage new      start a new page from a template: engage new event "Carers café"
  engage version  print the version
  engage help     show this help, or 'engage help build' for a command

Run 'engage <command> -h' to see every option of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "check":
		return runCheck(ctx, args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "engage %s\n", version)
		return 0
	case "help", "-h", "--help", "-help":
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "engage: %q is not a command\n\n%s", args[0], usage)
		return 2
	}
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opts build.Options
	var quiet bool
	fl.StringVar(&opts.Source, "source", ".", "the site `folder`, holding site.yaml and content/")
	fl.StringVar(&opts.Dest, "dest", "public", "the `folder` to write the site into; it is replaced only when the build succeeds")
	fl.StringVar(&opts.BaseURL, "base-url", "", "the `address` the site is published at, overriding site.yaml's base_url")
	fl.BoolVar(&opts.Drafts, "drafts", false, "include drafts, pages dated in the future and hidden sections")
	fl.StringVar(&opts.Now, "now", "", "treat this `time` as now (2026-03-14 or RFC 3339) for drafts, future pages and open or closed states")
	fl.BoolVar(&opts.Strict, "strict", false, "fail the build on warnings as well as errors")
	fl.BoolVar(&quiet, "quiet", false, "print only problems, not the summary line")
	var prof profiles
	fl.StringVar(&prof.cpu, "cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof")
	fl.StringVar(&prof.mem, "memprofile", "", "write a memory profile to `file`, for go tool pprof: what was in use when the heap was largest, and what the build had allocated by then")
	fl.Usage = func() {
		fmt.Fprint(stderr, "Usage: engage build [options]\n\nBuilds the site in --source into --dest.\nExit status: 0 built; 1 the content or layouts have errors; 2 wrong usage.\n\nOptions:\n")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, stderr); !ok {
		return code
	}
	opts.Theme = engage.Theme

	interactive := isTerminal(stderr) && os.Getenv("CI") != "true"
	var prog *progress
	if interactive && !quiet {
		prog = &progress{w: stderr, start: time.Now()}
		opts.Progress = prog.update
	}
	sized, stopTuning := tuneMemory()
	defer stopTuning()
	opts.Sized = sized
	stop, perr := prof.start()
	if perr != nil {
		fmt.Fprintf(stderr, "engage build: %v\n", perr)
		return 2
	}
	res, err := build.Build(ctx, opts)
	if perr := stop(); perr != nil {
		fmt.Fprintf(stderr, "engage build: %v\n", perr)
	}
	prog.clear()
	for _, p := range res.Problems {
		fmt.Fprintln(stderr, p.String())
	}
	var usageErr *build.UsageError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "engage build: %s\n", usageErr.Msg)
		return 2
	case errors.Is(err, build.ErrProblems):
		fmt.Fprintf(stderr, "engage build: %s, %s; nothing was written, %s is unchanged\n",
			count(res.Problems.Errors(), "error"), count(res.Problems.Warnings(), "warning"), opts.Dest)
		if opts.Strict && res.Problems.Errors() == 0 {
			fmt.Fprintln(stderr, "engage build: warnings fail the build because of --strict")
		}
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "engage build: stopped; %s is unchanged\n", opts.Dest)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "engage build: %v; %s is unchanged\n", err, opts.Dest)
		return 1
	}
	if !quiet {
		fmt.Fprintf(stdout, "engage: built %s (%s) into %s with %s in %s\n",
			count(res.Pages, "page"), count(res.Files, "file"), opts.Dest,
			count(res.Problems.Warnings(), "warning"), res.Elapsed.Round(time.Millisecond))
	}
	return 0
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress shows how far rendering has got, once a build has taken more
// than a second, on one line that it rewrites.
type progress struct {
	w     io.Writer
	start time.Time
	shown bool
	last  time.Time
}

func (p *progress) update(done, total int) {
	now := time.Now()
	if now.Sub(p.start) < time.Second || (now.Sub(p.last) < 100*time.Millisecond && done < total) {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\rRendering pages: %d of %d", done, total)
}

func (p *progress) clear() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r"+strings.Repeat(" ", 40)+"\r")
}

// parseFlags parses a command's options, which take no other arguments.
// When it returns false the command ends with the code: 0 after -h, 2 for
// wrong usage.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "engage %s: unexpected argument %q; use --source to name the site folder\n", fl.Name(), fl.Arg(0))
		return 2, false
	}
	return 0, true
}
