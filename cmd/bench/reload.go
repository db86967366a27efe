package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/corpus"
)

// reload measures engage serve's edit-to-reload time: how long from
// saving a page to the browser having the new page. It starts engage
// serve on a generated site, listens to its reload events as a browser
// does, then edits one page's body several times; each sample is the time
// from the write to the reload event plus fetching the changed page.
func reload(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engage := fs.String("engage", "bin/engage", "the engage `binary` to measure")
	pages := fs.Int("pages", 10000, "site size in pages")
	edits := fs.Int("edits", 10, "edits to time; the median is reported")
	seed := fs.Int64("seed", 1, "seed for the generated site")
	if err := parse(fs, args); err != nil {
		return err
	}
	root, err := scratchDir()
	if err != nil {
		return err
	}
	defer os.RemoveAll(root)
	site := filepath.Join(root, "site")
	stats, err := corpus.Generate(site, corpus.Options{Pages: *pages, Seed: *seed})
	if err != nil {
		return err
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, *engage, "serve", "--source", site, "--port", strconv.Itoa(port), "--now", corpus.Now)
	cmd.Stderr = io.Discard
	cmd.Stdout = io.Discard
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s serve: %w", *engage, err)
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	if err := waitReady(ctx, base, 5*time.Minute); err != nil {
		return err
	}
	ready := time.Since(started)

	// The page to edit: the first regular page of the news section.
	page, url, err := firstPage(site, "news")
	if err != nil {
		return err
	}
	events, err := listen(ctx, base+"_engage/events")
	if err != nil {
		return err
	}
	<-events // the version at connection time
	original, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	defer os.WriteFile(page, original, 0o644)
	var samples []time.Duration
	for i := 0; i < *edits; i++ {
		marker := fmt.Sprintf("Edit number %d for the reload benchmark.", i+1)
		edited := append(append([]byte(nil), original...), []byte("\n"+marker+"\n")...)
		t := time.Now()
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			return err
		}
		select {
		case <-events:
		case <-time.After(time.Minute):
			return fmt.Errorf("no reload event within a minute of editing %s", page)
		case <-ctx.Done():
			return ctx.Err()
		}
		body, err := get(ctx, base+strings.TrimPrefix(url, "/"))
		if err != nil {
			return err
		}
		if !strings.Contains(body, marker) {
			return fmt.Errorf("the reloaded page %s does not show the edit", url)
		}
		samples = append(samples, time.Since(t))
		time.Sleep(200 * time.Millisecond) // let the watcher settle between edits
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	fmt.Fprintf(stdout, "engage serve on %d pages (%d with easy read): ready in %s; edit to reload: median %s, min %s, max %s over %d edits\n",
		stats.Pages, stats.Pages+stats.EasyRead, ready.Round(time.Millisecond), median(samples).Round(time.Millisecond),
		samples[0].Round(time.Millisecond), samples[len(samples)-1].Round(time.Millisecond), len(samples))
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitReady(ctx context.Context, url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if _, err := get(ctx, url); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("engage serve did not answer at %s within %s", url, limit)
}

func get(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return string(b), err
}

// listen reads a Server-Sent Events stream and sends each reload's data.
func listen(ctx context.Context, url string) (<-chan string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		r := bufio.NewReader(resp.Body)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if data, ok := strings.CutPrefix(strings.TrimSpace(line), "data:"); ok {
				out <- strings.TrimSpace(data)
			}
		}
	}()
	return out, nil
}

// firstPage finds a page of a section and its address.
func firstPage(site, section string) (file, url string, err error) {
	entries, err := os.ReadDir(filepath.Join(site, "content", section))
	if err != nil {
		return "", "", err
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".md") && !strings.HasPrefix(n, "_") && !strings.HasSuffix(n, ".easy.md") {
			text, err := os.ReadFile(filepath.Join(site, "content", section, n))
			if err != nil {
				return "", "", err
			}
			slug := strings.TrimSuffix(n, ".md")
			for _, line := range strings.Split(string(text), "\n") {
				if s, ok := strings.CutPrefix(line, "slug: "); ok {
					slug = strings.Trim(strings.TrimSpace(s), `"'`)
				}
			}
			return filepath.Join(site, "content", section, n), "/" + section + "/" + slug + "/", nil
		}
	}
	return "", "", fmt.Errorf("no page in content/%s", section)
}
