package linkcheck_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/linkcheck"
	"github.com/google/go-cmp/cmp"
)

// deadline bounds how long a test waits for something that must happen.
const deadline = 20 * time.Second

// site is a web server for the links to point at. It counts the requests
// for each method and path.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int // "HEAD /ok" → count
	agents   map[string]bool
	release  chan struct{} // closed when the test ends, to free /slow
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{requests: map[string]int{}, agents: map[string]bool{}, release: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/forbid-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusForbidden)
		}
	})
	mux.HandleFunc("/no-head-gone", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/moved-gone", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/gone", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.Method+" "+r.URL.Path]++
		s.agents[r.UserAgent()] = true
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { close(s.release); s.Close() })
	return s
}

func (s *site) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[key]
}

func warning(l linkcheck.Link, message string) diag.Problem {
	field := l.Field
	if field == "" {
		field = "link"
	}
	return diag.Problem{Path: l.Path, Line: l.Line, Col: l.Col, Severity: diag.Warning, Rule: "external-link", Field: field,
		Message: message, Fix: "check the address in a browser, and update or remove the link"}
}

func TestCheck(t *testing.T) {
	s := newSite(t)
	tests := []struct {
		name string
		path string
		want string // the message after the address, "" for no problem
		// requests that must have been made, and how many times
		wantRequests map[string]int
	}{
		{"works", "/ok", "", map[string]int{"HEAD /ok": 1, "GET /ok": 0}},
		{"not found", "/gone", "answered 404 Not Found", map[string]int{"HEAD /gone": 1}},
		{"server error", "/broken", "answered 500 Internal Server Error", map[string]int{"HEAD /broken": 1}},
		{"refuses HEAD, answers GET", "/no-head", "", map[string]int{"HEAD /no-head": 1, "GET /no-head": 1}},
		{"forbids HEAD, answers GET", "/forbid-head", "", map[string]int{"HEAD /forbid-head": 1, "GET /forbid-head": 1}},
		{"refuses HEAD, GET not found", "/no-head-gone", "answered 404 Not Found", map[string]int{"GET /no-head-gone": 1}},
		{"redirect to a page that works", "/moved", "", map[string]int{"HEAD /ok": 1}},
		{"redirect to a page that is gone", "/moved-gone", "answered 404 Not Found", nil},
		{"times out", "/slow", "could not be reached", map[string]int{"HEAD /slow": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.mu.Lock()
			clear(s.requests)
			s.mu.Unlock()
			link := linkcheck.Link{URL: s.URL + tt.path, Path: "content/news/a.md", Line: 7, Col: 3}
			got := linkcheck.Check(context.Background(), []linkcheck.Link{link}, linkcheck.Options{Timeout: 200 * time.Millisecond})
			var want diag.List
			if tt.want != "" {
				want = diag.List{warning(link, link.URL+" "+tt.want)}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			for key, n := range tt.wantRequests {
				if got := s.count(key); got != n {
					t.Errorf("got %d requests %s, want %d", got, key, n)
				}
			}
		})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for ua := range s.agents {
		if !strings.HasPrefix(ua, "engage-link-check/") {
			t.Errorf("got User-Agent %q, want one naming engage", ua)
		}
	}
}

func TestCheckUnreachable(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	addr := closed.URL + "/page"
	closed.Close()
	links := []linkcheck.Link{
		{URL: addr, Path: "content/a.md", Line: 1, Col: 1},
		{URL: "http://[::1", Path: "content/b.md", Line: 2, Col: 2, Field: "booking.url"},
	}
	got := linkcheck.Check(context.Background(), links, linkcheck.Options{Timeout: 5 * time.Second})
	want := diag.List{
		warning(links[1], "http://[::1 could not be reached"),
		warning(links[0], addr+" could not be reached"),
	}
	if diff := cmp.Diff(want.Sort(), got.Sort()); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestCheckAsksEachAddressOnce(t *testing.T) {
	s := newSite(t)
	var links []linkcheck.Link
	for i := range 5 {
		links = append(links,
			linkcheck.Link{URL: s.URL + "/ok", Path: fmt.Sprintf("content/p%d.md", i), Line: 1, Col: 1},
			linkcheck.Link{URL: s.URL + "/gone", Path: fmt.Sprintf("content/p%d.md", i), Line: 2, Col: 1},
			linkcheck.Link{URL: s.URL + "/no-head", Path: fmt.Sprintf("content/p%d.md", i), Line: 3, Col: 1, Field: "how_to_respond.online"},
		)
	}
	got := linkcheck.Check(context.Background(), links, linkcheck.Options{Concurrency: 4})
	for key, want := range map[string]int{"HEAD /ok": 1, "HEAD /gone": 1, "HEAD /no-head": 1, "GET /no-head": 1, "GET /ok": 0, "GET /gone": 0} {
		if n := s.count(key); n != want {
			t.Errorf("got %d requests %s, want %d", n, key, want)
		}
	}
	// Every use of the broken address is reported, where it is used.
	var want diag.List
	for i := range 5 {
		want = append(want, warning(links[3*i+1], s.URL+"/gone answered 404 Not Found"))
	}
	if diff := cmp.Diff(want.Sort(), got.Sort()); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestCheckBoundsConcurrency(t *testing.T) {
	const limit, total = 2, 10
	var inflight, highest atomic.Int32
	arrived := make(chan struct{}, total)
	release := make(chan struct{}, total)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		for {
			h := highest.Load()
			if n <= h || highest.CompareAndSwap(h, n) {
				break
			}
		}
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		inflight.Add(-1)
	}))
	defer srv.Close()
	var links []linkcheck.Link
	for i := range total {
		links = append(links, linkcheck.Link{URL: fmt.Sprintf("%s/page-%d", srv.URL, i), Path: "content/a.md", Line: i + 1, Col: 1})
	}
	done := make(chan diag.List, 1)
	go func() {
		done <- linkcheck.Check(context.Background(), links, linkcheck.Options{Concurrency: limit, Timeout: time.Minute})
	}()
	wait := func(what string) {
		select {
		case <-arrived:
		case <-time.After(deadline):
			t.Fatalf("%s: no request came", what)
		}
	}
	// Let the checker fill every slot, then free one slot at a time: a
	// request beyond the limit would arrive while the others are held.
	for i := range limit {
		wait(fmt.Sprintf("request %d", i+1))
	}
	for i := limit; i < total; i++ {
		release <- struct{}{}
		wait(fmt.Sprintf("request %d", i+1))
	}
	for range limit {
		release <- struct{}{}
	}
	select {
	case got := <-done:
		if len(got) > 0 {
			t.Errorf("got problems\n%s\nwant none", got.Error())
		}
	case <-time.After(deadline):
		t.Fatal("Check did not return")
	}
	if got := highest.Load(); got != limit {
		t.Errorf("got at most %d requests at a time, want %d", got, limit)
	}
}

func TestCheckStopped(t *testing.T) {
	s := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	link := linkcheck.Link{URL: s.URL + "/ok", Path: "content/a.md", Line: 1, Col: 1}
	got := linkcheck.Check(ctx, []linkcheck.Link{link}, linkcheck.Options{})
	want := diag.List{warning(link, link.URL+" was not checked: the check was stopped")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestCheckNoLinks(t *testing.T) {
	if got := linkcheck.Check(context.Background(), nil, linkcheck.Options{}); len(got) != 0 {
		t.Errorf("got %v, want no problems", got)
	}
}
