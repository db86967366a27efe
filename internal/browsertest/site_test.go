package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/serve"
)

const (
	chromiumPath = "/usr/bin/chromium"
	// now fixes the date, so that the same consultations are open and the
	// same events upcoming on every run.
	now = "2026-11-23"
	// install says how to get what the suite needs. The tests fail with it,
	// never skip: a suite that skips on a machine without a browser would
	// pass CI having checked nothing.
	install = "run `make test` (its browser-deps target installs Debian's chromium with apt-get and the npm packages with npm ci)"
)

// site is the demo site, built once for the whole test binary and served
// on loopback.
type site struct {
	dir string // the built site
	url string // the server's address, without a trailing slash
}

var (
	siteOnce sync.Once
	theSite  *site
	siteErr  error

	browserOnce sync.Once
	theBrowser  context.Context
	browserErr  error

	// cleanups run after every test, in reverse order.
	cleanupMu sync.Mutex
	cleanups  []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	os.Exit(code)
}

func atExit(f func()) {
	cleanupMu.Lock()
	defer cleanupMu.Unlock()
	cleanups = append(cleanups, f)
}

// demoSite builds and serves the demo site on its first call.
func demoSite(t *testing.T) *site {
	t.Helper()
	siteOnce.Do(func() { theSite, siteErr = buildSite() })
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return theSite
}

func buildSite() (*site, error) {
	tmp, err := os.MkdirTemp("", "engage-browsertest-")
	if err != nil {
		return nil, err
	}
	atExit(func() { os.RemoveAll(tmp) })
	dest := filepath.Join(tmp, "public")
	res, err := build.Build(context.Background(), build.Options{
		Source: "../..",
		Dest:   dest,
		Now:    now,
		Theme:  engage.Theme,
	})
	if err != nil {
		var problems strings.Builder
		if res != nil {
			for _, p := range res.Problems {
				fmt.Fprintln(&problems, p)
			}
		}
		return nil, fmt.Errorf("build the demo site: %w\n%s", err, problems.String())
	}
	srv := httptest.NewServer(serve.Handler(dest)) // listens on 127.0.0.1
	atExit(srv.Close)
	return &site{dir: dest, url: srv.URL}, nil
}

// browser starts Chromium on its first call and returns a chromedp context
// for it. Each page gets its own tab: newTab.
func browser(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() { theBrowser, browserErr = startBrowser() })
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	return theBrowser
}

func startBrowser() (context.Context, error) {
	if _, err := os.Stat(chromiumPath); err != nil {
		return nil, fmt.Errorf("Chromium is not installed at %s: %s", chromiumPath, install)
	}
	profile, err := os.MkdirTemp("", "engage-chromium-")
	if err != nil {
		return nil, err
	}
	atExit(func() { os.RemoveAll(profile) })
	var output syncBuffer
	// Exactly these flags: no chromedp defaults. The background-networking,
	// component-update and sync flags stop Chromium from calling out, which
	// a machine without a network would refuse.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.CombinedOutput(&output),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	atExit(func() { cancel(); cancelAlloc() })
	// The first Do starts the browser; it must not have a timeout, which
	// would stop the browser with it.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			return nil, fmt.Errorf("start %s: %w\n%s", chromiumPath, err, output.String())
		}
	case <-time.After(60 * time.Second):
		return nil, fmt.Errorf("start %s: no answer after 60s\n%s", chromiumPath, output.String())
	}
	return ctx, nil
}

// newTab opens a tab of the shared browser, closed at the end of the test,
// with a time limit for everything done in it.
func newTab(t *testing.T) context.Context {
	t.Helper()
	tab, closeTab := chromedp.NewContext(browser(t))
	t.Cleanup(closeTab)
	if err := chromedp.Do(tab); err != nil { // open the tab without a deadline
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// npmTool returns the path of a file installed by npm in node_modules, and
// fails when node or the file is missing.
func npmTool(t *testing.T, rel string) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is not installed: install Debian's nodejs and npm, then %s", install)
	}
	p := filepath.Join("node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("internal/browsertest/%s is missing: %s", filepath.ToSlash(p), install)
	}
	return p
}

// syncBuffer collects Chromium's output, written from chromedp's
// goroutines, to show when the browser does not start.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
