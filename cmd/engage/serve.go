package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/serve"
)

// runServe builds the site into a temporary folder and serves it for
// preview. Watching and live reload are not built yet: restart it to see
// changes.
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
		fmt.Fprint(stderr, "Usage: engage serve [options]\n\nBuilds the site into a temporary folder and serves it at http://127.0.0.1:1313/ for preview.\nPress Ctrl-C to stop.\n\nOptions:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "engage serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "engage serve: warning: listening on %s makes the preview visible to other computers on the network\n", host)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(stderr, "engage serve: cannot listen on %s port %d: %v; try another --port\n", host, port, err)
		return 2
	}
	tmp, err := os.MkdirTemp("", "engage-serve-")
	if err != nil {
		fmt.Fprintf(stderr, "engage serve: %v\n", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	addr := "http://" + ln.Addr().String() + "/"
	opts.Dest = filepath.Join(tmp, "site")
	opts.BaseURL = addr
	opts.Theme = engage.Theme
	res, err := build.Build(ctx, opts)
	for _, p := range res.Problems {
		fmt.Fprintln(stderr, p.String())
	}
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "engage serve: the site did not build: fix the problems above and start again\n")
		return 1
	}
	srv := &http.Server{Handler: serve.Handler(opts.Dest), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "engage: serving %s at %s (press Ctrl-C to stop)\n", count(res.Pages, "page"), addr)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
		fmt.Fprintln(stdout, "engage: stopped")
		return 0
	case err := <-done:
		fmt.Fprintf(stderr, "engage serve: %v\n", err)
		return 1
	}
}
