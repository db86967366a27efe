package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/serve"
)

// runServe serves a live preview of the site: it rebuilds what changed
// when a file is saved and reloads every open page.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opts build.Options
	var host string
	var port int
	fl.StringVar(&opts.Source, "source", ".", "the site `folder`, holding site.yaml and content/")
	fl.StringVar(&host, "host", "127.0.0.1", "the `address` to listen on; anything but loopback makes the preview visible to the network")
	fl.IntVar(&port, "port", 1313, "the `port` to listen on")
	fl.BoolVar(&opts.Drafts, "drafts", false, "include drafts, pages dated in the future and hidden sections")
	fl.StringVar(&opts.Now, "now", "", "treat this `time` as now (2026-03-14 or RFC 3339)")
	fl.Usage = func() {
		fmt.Fprint(stderr, "Usage: engage serve [options]\n\nServes a live preview of the site at http://127.0.0.1:1313/. When you save a file the\npreview rebuilds what changed and every open page reloads; problems are shown on the page.\nPress Ctrl-C to stop.\n\nOptions:\n")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, stderr); !ok {
		return code
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "engage serve: warning: listening on %s makes the preview visible to other computers on the network\n", host)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(stderr, "engage serve: cannot listen on %s port %d: %v; try another --port\n", host, port, err)
		return 2
	}
	addr := "http://" + ln.Addr().String() + "/"
	opts.BaseURL = addr
	opts.Theme = engage.Theme

	preview := serve.NewPreview(opts)
	start := time.Now()
	problems, err := preview.Rebuild(ctx)
	var usageErr *build.UsageError
	if errors.As(err, &usageErr) {
		ln.Close()
		fmt.Fprintf(stderr, "engage serve: %s\n", usageErr.Msg)
		return 2
	}
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "engage serve: %v\n", err)
		return 1
	}
	report(stderr, problems)
	watcher, err := serve.NewWatcher(opts.Source)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "engage serve: cannot watch %s for changes: %v\n", opts.Source, err)
		return 1
	}
	defer watcher.Close()
	fmt.Fprintf(stdout, "engage: serving a preview at %s (ready in %s; press Ctrl-C to stop)\n", addr, time.Since(start).Round(time.Millisecond))

	go func() {
		_ = watcher.Run(ctx, func(changed []string) {
			t := time.Now()
			problems, _, err := preview.Update(ctx, changed)
			if err != nil {
				if ctx.Err() == nil {
					fmt.Fprintf(stderr, "engage serve: %v\n", err)
				}
				return
			}
			report(stderr, problems)
			fmt.Fprintf(stdout, "engage: %s changed; rebuilt in %s\n", count(len(changed), "file"), time.Since(t).Round(time.Millisecond))
		})
	}()

	srv := &http.Server{Handler: preview, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
		fmt.Fprintln(stdout, "engage: stopped")
		return 0
	case err := <-done:
		fmt.Fprintf(stderr, "engage serve: %v\n", err)
		return 1
	}
}

// report prints the problems of a rebuild, as engage build would.
func report(w io.Writer, problems diag.List) {
	if len(problems) == 0 {
		return
	}
	for _, p := range problems {
		fmt.Fprintln(w, p.String())
	}
	fmt.Fprintf(w, "engage serve: %s, %s; the preview shows them on every page\n", count(problems.Errors(), "error"), count(problems.Warnings(), "warning"))
}
