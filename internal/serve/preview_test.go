package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/serve"
)

// writeFiles writes files (slash paths to contents) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	previewNow = "2026-11-23"
	// siteYAML has a comment that no page shows, to tell whether the
	// file itself was ever served.
	siteYAML = "# site-yaml-marker\ntitle: Test site\norganisation:\n  name: Test Board\ntaxonomies: []\n"
	aboutMD  = "---\ntitle: About us\nsummary: Who we are.\n---\nWe are a test board.\n"
	// secret is beside the site folder: nothing may ever serve it.
	secret = "secret-beside-the-site"
)

// previewFiles is a small site with zero warnings: a page, a news story
// and an event, so that it has feeds and calendars.
func previewFiles() map[string]string {
	return map[string]string{
		"site.yaml":             siteYAML,
		"content/_index.md":     "---\ntitle: Home\nsummary: The home page.\n---\nWelcome to the test site.\n",
		"content/about.md":      aboutMD,
		"content/news/hello.md": "---\ntitle: Hello\nsummary: A news story.\ndate: 2026-11-01\n---\nWe opened a new clinic.\n",
		"content/events/cafe.md": "---\ntitle: Carers cafe\nsummary: A cafe for carers.\ndate: 2026-11-01\n" +
			"start: 2026-12-01T10:00\nend: 2026-12-01T12:00\nattendance: in-person\n" +
			"venue:\n  name: The hall\n  address: 1 Street, Town\n  postcode: ZZ1 1ZZ\n---\nCome and talk to us.\n",
		// A page with a script of the site's own.
		"content/tools.md": "---\ntitle: Tools\nsummary: Useful tools.\ntype: tools\n---\nSome tools.\n",
		"layouts/tools/single.html": "{{define \"head\"}}{{with asset \"js/tools.js\"}}<script src=\"{{relURL .URL}}\" defer></script>{{end}}{{end}}\n" +
			"{{define \"main\"}}<h1>{{.Page.Title}}</h1>{{.Content}}{{end}}\n",
		"assets/js/tools.js": "function tools() { return 1; }\n",
	}
}

// preview is a Preview of a site in a temporary folder, served by an
// httptest server on the loopback interface.
type preview struct {
	dir    string // the site folder
	p      *serve.Preview
	srv    *httptest.Server
	client *http.Client // does not follow redirects
}

// newPreview writes the site, builds the preview once and serves it. The
// build must have no problems at all, so that an overlay seen later comes
// from what the test changed.
func newPreview(t *testing.T, files map[string]string) *preview {
	t.Helper()
	tmp := t.TempDir()
	writeFiles(t, tmp, map[string]string{"secret.txt": secret})
	dir := filepath.Join(tmp, "site")
	writeFiles(t, dir, files)
	pv := &preview{dir: dir}
	pv.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { pv.p.ServeHTTP(w, r) }))
	t.Cleanup(pv.srv.Close)
	pv.p = serve.NewPreview(build.Options{Source: dir, Now: previewNow, Theme: engage.Theme, BaseURL: pv.srv.URL + "/"})
	pv.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if problems := pv.rebuild(t); len(problems) > 0 {
		t.Fatalf("the first build has problems:\n%s", problems.Error())
	}
	return pv
}

func (pv *preview) rebuild(t *testing.T) diag.List {
	t.Helper()
	problems, err := pv.p.Rebuild(context.Background())
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	return problems
}

// response is what a request got.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends a request with the path exactly as written, unencoded and
// uncleaned.
func (pv *preview) do(t *testing.T, method, path string) response {
	t.Helper()
	req, err := http.NewRequest(method, pv.srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = path
	resp, err := pv.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

func (pv *preview) get(t *testing.T, path string) response {
	t.Helper()
	return pv.do(t, http.MethodGet, path)
}

func (pv *preview) write(t *testing.T, name, data string) {
	t.Helper()
	writeFiles(t, pv.dir, map[string]string{name: data})
}

func (pv *preview) remove(t *testing.T, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(pv.dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

const reloadTag = `<script src="/_engage/reload.js"></script>`

var overlayRE = regexp.MustCompile(`(?s)<div id="engage-problems".*?</div>`)

// overlayText is the text a reader gets from the problems overlay of a
// page, tags removed and spaces collapsed, and whether there is one.
func overlayText(page string) (string, bool) {
	m := overlayRE.FindString(page)
	if m == "" {
		return "", false
	}
	return plain(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m, " ")), true
}

func plain(s string) string { return strings.Join(strings.Fields(html.UnescapeString(s)), " ") }

// assetURL finds the address of an asset a page links to.
func assetURL(t *testing.T, page, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindString(page)
	if m == "" {
		t.Fatalf("no address matching %s in the page", pattern)
	}
	return m
}

func TestPreviewServes(t *testing.T) {
	pv := newPreview(t, previewFiles())
	home := pv.get(t, "/").body
	css := assetURL(t, home, `/assets/css/main\.[0-9a-f]+\.css`)
	js := assetURL(t, pv.get(t, "/tools/").body, `/assets/js/tools\.[0-9a-f]+\.js`)

	tests := []struct {
		method     string
		path       string
		wantStatus int
		wantType   string // "" to not check
		wantScript bool   // the reload script is on the page
		wantBody   string // the body contains this
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", true, "Welcome to the test site."},
		{"GET", "/about/", 200, "text/html; charset=utf-8", true, "We are a test board."},
		{"GET", "/news/hello/", 200, "text/html; charset=utf-8", true, "We opened a new clinic."},
		{"GET", "/events/cafe/", 200, "text/html; charset=utf-8", true, "Come and talk to us."},
		{"GET", "/news/", 200, "text/html; charset=utf-8", true, "Hello"},
		{"GET", "/about", 301, "", false, ""},
		{"GET", "/events.ics", 200, "text/calendar; charset=utf-8", false, "BEGIN:VCALENDAR"},
		{"GET", "/events/cafe/event.ics", 200, "text/calendar; charset=utf-8", false, "SUMMARY:Carers cafe"},
		{"GET", "/feed.json", 200, "application/feed+json", false, `"version"`},
		{"GET", "/news/feed.json", 200, "application/feed+json", false, "Hello"},
		{"GET", "/data/events.json", 200, "application/json", false, "Carers cafe"},
		{"GET", "/rss.xml", 200, "application/xml; charset=utf-8", false, "<rss"},
		{"GET", "/feed.xml", 200, "application/xml; charset=utf-8", false, "<feed"},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", false, "<urlset"},
		{"GET", css, 200, "text/css; charset=utf-8", false, "{"},
		{"GET", js, 200, "text/javascript; charset=utf-8", false, "function"},
		{"GET", "/assets/images/easy-read/talk.svg", 200, "image/svg+xml", false, "<svg"},
		{"GET", "/_engage/reload.js", 200, "text/javascript; charset=utf-8", false, `EventSource("/_engage/events")`},
		// No listings: folders without an index.html are not found.
		{"GET", "/assets/", 404, "text/html; charset=utf-8", true, ""},
		{"GET", "/assets/css/", 404, "text/html; charset=utf-8", true, ""},
		{"GET", "/events/cafe/nothing/", 404, "text/html; charset=utf-8", true, ""},
		{"GET", "/nowhere/", 404, "text/html; charset=utf-8", true, ""},
		{"GET", "/nowhere.html", 404, "text/html; charset=utf-8", true, ""},
		{"HEAD", "/", 200, "text/html; charset=utf-8", false, ""},
		{"HEAD", "/events.ics", 200, "text/calendar; charset=utf-8", false, ""},
		{"HEAD", "/nowhere/", 404, "text/html; charset=utf-8", false, ""},
		{"POST", "/", 405, "", false, ""},
		{"POST", "/about/", 405, "", false, ""},
		{"DELETE", "/about/", 405, "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			got := pv.do(t, tt.method, tt.path)
			if got.status != tt.wantStatus {
				t.Fatalf("got status %d, want %d", got.status, tt.wantStatus)
			}
			if typ := got.header.Get("Content-Type"); tt.wantType != "" && typ != tt.wantType {
				t.Errorf("got Content-Type %q, want %q", typ, tt.wantType)
			}
			if has := strings.Contains(got.body, reloadTag); has != tt.wantScript {
				t.Errorf("got reload script %v, want %v", has, tt.wantScript)
			}
			if !strings.Contains(got.body, tt.wantBody) {
				t.Errorf("got body %.300q, want it to contain %q", got.body, tt.wantBody)
			}
			if _, has := overlayText(got.body); has {
				t.Errorf("got a problems overlay on a site without problems")
			}
			switch {
			case tt.method == "HEAD" && got.body != "":
				t.Errorf("HEAD: got body %.100q, want none", got.body)
			case tt.wantStatus == 301 && got.header.Get("Location") != tt.path+"/":
				t.Errorf("got Location %q, want %q", got.header.Get("Location"), tt.path+"/")
			case tt.wantStatus == 405 && got.header.Get("Allow") != "GET, HEAD":
				t.Errorf("got Allow %q, want %q", got.header.Get("Allow"), "GET, HEAD")
			}
		})
	}
}

func TestPreviewNotFoundPage(t *testing.T) {
	pv := newPreview(t, previewFiles())
	got := pv.get(t, "/no/such/page/")
	if got.status != http.StatusNotFound {
		t.Fatalf("got status %d, want 404", got.status)
	}
	// The site's own 404 page, not Go's plain text one.
	if !strings.Contains(got.body, "<!DOCTYPE html>") || !strings.Contains(got.body, "Test site") {
		t.Errorf("got body %.300q, want the site's 404 page", got.body)
	}
	if !strings.Contains(got.body, reloadTag) {
		t.Errorf("got no reload script on the 404 page")
	}
	pv.write(t, "content/about.md", "---\ntitle: About us\ndate: 14th March\n---\nWe are a test board.\n")
	if problems := pv.rebuild(t); problems.Errors() == 0 {
		t.Fatalf("got no errors for a bad date")
	}
	got = pv.get(t, "/no/such/page/")
	if got.status != http.StatusNotFound {
		t.Errorf("with problems: got status %d, want 404", got.status)
	}
	if text, ok := overlayText(got.body); !ok || !strings.Contains(text, "content/about.md") {
		t.Errorf("with problems: got overlay %v %q, want one naming content/about.md", ok, text)
	}
}

func TestPreviewPathTraversal(t *testing.T) {
	pv := newPreview(t, previewFiles())
	paths := []string{
		"/../secret.txt",
		"/../site/site.yaml",
		"/news/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/%2e%2E/site/site.yaml",
		"/.%2e/secret.txt",
		"/%2e./secret.txt",
		"/..%2fsecret.txt",
		"/..%2Fsecret.txt",
		"/news/..%2f..%2fsecret.txt",
		"/news/%2e%2e%2f%2e%2e%2fsecret.txt",
		"/..%5csecret.txt",
		"/..\\secret.txt",
		"/news\\..\\..\\secret.txt",
		"/%5c..%5c..%5csecret.txt",
		"/..%252fsecret.txt",
		"/site.yaml",
		"/content/about.md",
		"/layouts/404.html",
		"//etc/passwd",
		"/%00/../secret.txt",
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			for _, method := range []string{"GET", "HEAD"} {
				got := pv.do(t, method, p)
				if got.status != http.StatusNotFound {
					t.Errorf("%s %s: got status %d, want 404", method, p, got.status)
				}
				for _, leak := range []string{secret, "site-yaml-marker", "summary: Who we are.", "root:"} {
					if strings.Contains(got.body, leak) {
						t.Errorf("%s %s: got a body containing %q, a file outside the site's output", method, p, leak)
					}
				}
			}
		})
	}
}

// readEvent reads one Server-Sent Event, skipping comments, and returns
// its name and data.
func readEvent(r *bufio.Reader) (name, data string, err error) {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return name, data, err
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case line == "":
			if name != "" || data != "" {
				return name, data, nil
			}
		case strings.HasPrefix(line, ":"):
		case strings.HasPrefix(line, "event:"):
			name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		}
	}
}

type sseEvent struct {
	name, data string
	err        error
}

// events opens the reload stream and returns its events as they come.
func (pv *preview) events(t *testing.T) (*http.Response, <-chan sseEvent) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pv.srv.URL+"/_engage/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); resp.Body.Close() })
	ch := make(chan sseEvent, 16)
	go func() {
		r := bufio.NewReader(resp.Body)
		for {
			name, data, err := readEvent(r)
			ch <- sseEvent{name, data, err}
			if err != nil {
				close(ch)
				return
			}
		}
	}()
	return resp, ch
}

func nextEvent(t *testing.T, ch <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok || ev.err != nil {
			t.Fatalf("the event stream ended: %v", ev.err)
		}
		return ev
	case <-time.After(watchDeadline):
		t.Fatal("no event came")
	}
	return sseEvent{}
}

func TestPreviewReloadEvents(t *testing.T) {
	pv := newPreview(t, previewFiles())
	resp, ch := pv.events(t)
	if got := resp.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Errorf("got Content-Type %q, want text/event-stream", got)
	}
	// A page that connects is told the version it has, so that the next
	// one is a change.
	first := nextEvent(t, ch)
	if want := (sseEvent{name: "reload", data: fmt.Sprint(pv.p.Version())}); first != want {
		t.Fatalf("first event: got %+v, want %+v", first, want)
	}
	pv.write(t, "content/about.md", "---\ntitle: About us\nsummary: Who we are.\n---\nWe are a changed test board.\n")
	pv.rebuild(t)
	second := nextEvent(t, ch)
	if want := (sseEvent{name: "reload", data: fmt.Sprint(pv.p.Version())}); second != want {
		t.Errorf("after Rebuild: got %+v, want %+v", second, want)
	}
	if second.data == first.data {
		t.Errorf("after Rebuild: got version %s again, want a new one", second.data)
	}
	// A rebuild that fails reloads the page too, to show the problems.
	pv.write(t, "content/about.md", "---\ntitle: About us\ndate: 14th March\n---\nText.\n")
	pv.rebuild(t)
	third := nextEvent(t, ch)
	if want := (sseEvent{name: "reload", data: fmt.Sprint(pv.p.Version())}); third != want || third == second {
		t.Errorf("after a failed Rebuild: got %+v, want %+v", third, want)
	}
}

func TestPreviewReloadReachesEveryClient(t *testing.T) {
	pv := newPreview(t, previewFiles())
	var streams []<-chan sseEvent
	for range 3 {
		_, ch := pv.events(t)
		nextEvent(t, ch)
		streams = append(streams, ch)
	}
	pv.rebuild(t)
	want := sseEvent{name: "reload", data: fmt.Sprint(pv.p.Version())}
	for i, ch := range streams {
		if got := nextEvent(t, ch); got != want {
			t.Errorf("client %d: got %+v, want %+v", i, got, want)
		}
	}
}

func TestPreviewShowsEdits(t *testing.T) {
	pv := newPreview(t, previewFiles())
	if got := pv.get(t, "/about/").body; !strings.Contains(got, "We are a test board.") {
		t.Fatalf("before the edit: got %.300q, want the first text", got)
	}
	tests := []struct{ body, title string }{
		{"We moved to a bigger building in the town centre.", "About us"},
		{"Short.", "About the board"},
	}
	for _, tt := range tests {
		pv.write(t, "content/about.md", "---\ntitle: "+tt.title+"\nsummary: Who we are.\n---\n"+tt.body+"\n")
		if problems := pv.rebuild(t); len(problems) > 0 {
			t.Fatalf("problems:\n%s", problems.Error())
		}
		got := pv.get(t, "/about/").body
		hasTitle := strings.Contains(got, "<h1>"+tt.title) || strings.Contains(got, tt.title+"</h1>")
		if !strings.Contains(got, tt.body) || !hasTitle {
			t.Errorf("after the edit: got %.500q, want the body %q and the title %q", got, tt.body, tt.title)
		}
		if strings.Contains(got, "We are a test board.") {
			t.Errorf("after the edit: the page still has the old text")
		}
	}
	// A page added after the first build is served too.
	pv.write(t, "content/news/second.md", "---\ntitle: Second story\nsummary: Another story.\ndate: 2026-11-02\n---\nThe second story.\n")
	pv.rebuild(t)
	if got := pv.get(t, "/news/second/"); got.status != 200 || !strings.Contains(got.body, "The second story.") {
		t.Errorf("a new page: got %d %.300q, want 200 and its text", got.status, got.body)
	}
	if got := pv.get(t, "/news/").body; !strings.Contains(got, "Second story") {
		t.Errorf("the news list does not link the new page")
	}
	// A deleted page is gone.
	pv.remove(t, "content/news/second.md")
	pv.rebuild(t)
	if got := pv.get(t, "/news/second/"); got.status != 404 {
		t.Errorf("a deleted page: got status %d, want 404", got.status)
	}
}

func TestPreviewProblems(t *testing.T) {
	tests := []struct {
		name    string
		breakIt func(t *testing.T, pv *preview) // makes an error
		fix     func(t *testing.T, pv *preview)
		want    diag.Problem // a problem that must be listed: Path, Line and Field are compared
	}{
		{
			name: "content",
			breakIt: func(t *testing.T, pv *preview) {
				pv.write(t, "content/about.md", "---\ntitle: About us\nsummary: Who we are.\ndate: 14th March\n---\nWe are a broken board.\n")
			},
			fix:  func(t *testing.T, pv *preview) { pv.write(t, "content/about.md", aboutMD) },
			want: diag.Problem{Path: "content/about.md", Line: 4, Field: "date"},
		},
		{
			name: "layout that does not parse",
			breakIt: func(t *testing.T, pv *preview) {
				pv.write(t, "layouts/_default/single.html", "{{ define \"main\" }}\n<p>{{ if }}</p>\n{{ end }}\n")
			},
			fix:  func(t *testing.T, pv *preview) { pv.remove(t, "layouts/_default/single.html") },
			want: diag.Problem{Path: "layouts/_default/single.html"},
		},
		{
			name: "site.yaml that does not parse",
			breakIt: func(t *testing.T, pv *preview) {
				pv.write(t, "site.yaml", "title: [Test site\norganisation:\n  name: Test Board\n")
			},
			fix:  func(t *testing.T, pv *preview) { pv.write(t, "site.yaml", siteYAML) },
			want: diag.Problem{Path: "site.yaml"},
		},
		{
			name: "site.yaml without a required field",
			breakIt: func(t *testing.T, pv *preview) {
				pv.write(t, "site.yaml", "title: Test site\ntaxonomies: []\n")
			},
			fix:  func(t *testing.T, pv *preview) { pv.write(t, "site.yaml", siteYAML) },
			want: diag.Problem{Path: "site.yaml", Line: 1, Field: "organisation"},
		},
	}
	pages := []string{"/", "/about/", "/news/hello/", "/events/cafe/", "/news/", "/no/such/page/"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv := newPreview(t, previewFiles())
			good := map[string]response{}
			for _, p := range pages {
				good[p] = pv.get(t, p)
			}

			tt.breakIt(t, pv)
			problems := pv.rebuild(t)
			if problems.Errors() == 0 {
				t.Fatalf("got no errors, want some")
			}
			found := false
			for _, p := range problems {
				if p.Path == tt.want.Path && (tt.want.Line == 0 || p.Line == tt.want.Line) && p.Field == tt.want.Field {
					found = true
				}
			}
			if !found {
				t.Errorf("got problems\n%s\nwant one at %s line %d, field %q", problems.Error(), tt.want.Path, tt.want.Line, tt.want.Field)
			}
			for _, p := range pages {
				got := pv.get(t, p)
				if got.status != good[p].status {
					t.Errorf("%s: got status %d, want %d as before", p, got.status, good[p].status)
				}
				text, ok := overlayText(got.body)
				if !ok {
					t.Errorf("%s: got no overlay, want one", p)
					continue
				}
				for _, pr := range problems {
					want := []string{pr.Path, pr.Message}
					if pr.Line > 0 {
						want = append(want, fmt.Sprintf("line %d", pr.Line))
					}
					if pr.Fix != "" {
						want = append(want, "To fix it: "+pr.Fix)
					}
					for _, w := range want {
						if !strings.Contains(text, plain(w)) {
							t.Errorf("%s: the overlay %q does not say %q", p, text, w)
						}
					}
				}
				// The rest of the page is the last good one.
				if rest := overlayRE.ReplaceAllString(got.body, ""); rest != good[p].body {
					t.Errorf("%s: apart from the overlay, got a page that differs from the last good one", p)
				}
				if !strings.Contains(got.body, `role="region"`) || !strings.Contains(got.body, `aria-labelledby="engage-problems-title"`) {
					t.Errorf("%s: the overlay is not a labelled region", p)
				}
			}

			tt.fix(t, pv)
			if problems := pv.rebuild(t); len(problems) > 0 {
				t.Fatalf("after the fix: got problems\n%s", problems.Error())
			}
			for _, p := range pages {
				got := pv.get(t, p)
				if text, ok := overlayText(got.body); ok {
					t.Errorf("%s: after the fix got the overlay %q, want none", p, text)
				}
				if got.body != good[p].body {
					t.Errorf("%s: after the fix got a page that differs from the first", p)
				}
			}
		})
	}
}

func TestPreviewNeverBuilt(t *testing.T) {
	// A site that has never built shows the problems alone, and builds
	// once they are fixed.
	files := previewFiles()
	files["site.yaml"] = "title: [broken\n"
	tmp := t.TempDir()
	writeFiles(t, tmp, files)
	p := serve.NewPreview(build.Options{Source: tmp, Now: previewNow, Theme: engage.Theme})
	problems, err := p.Rebuild(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if problems.Errors() == 0 {
		t.Fatalf("got no errors for a broken site.yaml")
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/about/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if _, ok := overlayText(string(body)); !ok || !strings.Contains(string(body), reloadTag) {
		t.Errorf("got %d %.300q, want the overlay and the reload script", resp.StatusCode, body)
	}
	writeFiles(t, tmp, map[string]string{"site.yaml": siteYAML})
	if problems, _ := p.Rebuild(context.Background()); len(problems) > 0 {
		t.Fatalf("after the fix: %s", problems.Error())
	}
	resp, err = http.Get(srv.URL + "/about/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "We are a test board.") {
		t.Errorf("after the fix: got %d %.300q, want the page", resp.StatusCode, body)
	}
}

func TestBuildOutputHasNoReloadScript(t *testing.T) {
	for _, tt := range []struct {
		name string
		src  string
	}{
		{"small site", ""},
		{"demo site", "../.."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if src == "" {
				src = filepath.Join(t.TempDir(), "site")
				writeFiles(t, src, previewFiles())
			}
			dest := filepath.Join(t.TempDir(), "public")
			res, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Now: previewNow, Theme: engage.Theme})
			if err != nil {
				t.Fatalf("Build: %v\n%s", err, res.Problems.Error())
			}
			files := 0
			err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				files++
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if strings.Contains(string(data), "_engage") || strings.Contains(string(data), "engage-problems") {
					t.Errorf("%s contains the preview's script or overlay", p)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if files == 0 {
				t.Fatal("the build wrote no files")
			}
		})
	}
}

// TestPreviewServesEveryBuiltFile checks that the preview has every file
// that engage build writes, at the same address. Asset names carry a hash
// of their content and the preview does not minify, so assets are checked
// through the pages that link them instead.
func TestPreviewServesEveryBuiltFile(t *testing.T) {
	pv := newPreview(t, previewFiles())
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{Source: pv.dir, Dest: dest, Now: previewNow, Theme: engage.Theme, BaseURL: pv.srv.URL + "/"})
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, res.Problems.Error())
	}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "assets/") {
			return nil
		}
		if got := pv.get(t, "/"+rel); got.status != http.StatusOK {
			t.Errorf("%s: engage build writes it, the preview answers %d", rel, got.status)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPreviewLayoutFailsOnPage checks a layout that parses but fails on a
// page: that page explains why, in the overlay, and fixing the layout
// brings it back.
func TestPreviewLayoutFailsOnPage(t *testing.T) {
	pv := newPreview(t, previewFiles())
	good := pv.get(t, "/about/")
	pv.write(t, "layouts/_default/single.html", "{{ define \"main\" }}\n<p>{{ .NoSuchField }}</p>\n{{ end }}\n")
	pv.rebuild(t)
	got := pv.get(t, "/about/")
	if got.status != http.StatusInternalServerError {
		t.Errorf("got status %d, want 500", got.status)
	}
	text, ok := overlayText(got.body)
	if !ok || !strings.Contains(text, "layouts/_default/single.html") {
		t.Errorf("got overlay %v %q, want one naming layouts/_default/single.html", ok, text)
	}
	if !strings.Contains(got.body, reloadTag) {
		t.Errorf("got no reload script on the error page")
	}
	pv.remove(t, "layouts/_default/single.html")
	if problems := pv.rebuild(t); len(problems) > 0 {
		t.Fatalf("after the fix: %s", problems.Error())
	}
	if got := pv.get(t, "/about/"); got.status != 200 || got.body != good.body {
		t.Errorf("after the fix: got %d and a page that differs from the first, want 200 and the same page", got.status)
	}
}
