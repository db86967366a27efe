// Package linkcheck checks that links to other websites still work, for
// engage check --external-links. It is off by default so that CI needs no
// network; when on, it makes a bounded number of requests at a time, each
// with a timeout, and asks each address once however often it is used.
package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/engage-ssg/engage/internal/diag"
)

// Link is a use of an external address in a file.
type Link struct {
	URL       string
	Path      string
	Line, Col int
	Field     string // "link", or the front matter field that holds it
}

// Options bound the checking.
type Options struct {
	Concurrency int           // requests at a time; default 8
	Timeout     time.Duration // per request; default 10s
	Client      *http.Client  // default http.DefaultClient's transport
}

// Check asks every distinct address once and reports each use of an
// address that failed as a warning: other sites come and go, so a broken
// link never fails a build on its own.
func Check(ctx context.Context, links []Link, opts Options) diag.List {
	if opts.Concurrency <= 0 {
		opts.Concurrency = 8
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	client := opts.Client
	if client == nil {
		client = &http.Client{}
	}
	uses := map[string][]Link{}
	for _, l := range links {
		uses[l.URL] = append(uses[l.URL], l)
	}
	urls := make([]string, 0, len(uses))
	for u := range uses {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	results := make([]string, len(urls))
	sem := make(chan struct{}, opts.Concurrency)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = probe(ctx, client, u, opts.Timeout)
		}()
	}
	wg.Wait()
	var list diag.List
	for i, u := range urls {
		if results[i] == "" {
			continue
		}
		for _, l := range uses[u] {
			field := l.Field
			if field == "" {
				field = "link"
			}
			list.Add(diag.Problem{Path: l.Path, Line: l.Line, Col: l.Col, Severity: diag.Warning, Rule: "external-link", Field: field,
				Message: fmt.Sprintf("%s %s", u, results[i]), Fix: "check the address in a browser, and update or remove the link"})
		}
	}
	return list
}

// probe returns "" when the address works, or what went wrong.
func probe(ctx context.Context, client *http.Client, u string, timeout time.Duration) string {
	try := func(method string) (int, error) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, method, u, nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("User-Agent", "engage-link-check/1 (+https://github.com/engage-ssg/engage)")
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	code, err := try(http.MethodHead)
	if err == nil && (code == http.StatusMethodNotAllowed || code == http.StatusForbidden || code == http.StatusNotImplemented) {
		code, err = try(http.MethodGet) // some servers refuse HEAD
	}
	switch {
	case err != nil && ctx.Err() != nil:
		return "was not checked: the check was stopped"
	case err != nil:
		return "could not be reached"
	case code >= 400:
		return fmt.Sprintf("answered %d %s", code, http.StatusText(code))
	}
	return ""
}
