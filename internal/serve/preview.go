package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/render"
	"github.com/engage-ssg/engage/internal/site"
)

// Preview is engage serve's site: it keeps the last site that built
// without errors, renders each page when it is asked for (so that a
// change to one page re-renders only the pages that are looked at), and
// tells open pages to reload over Server-Sent Events when the content
// changes. When the content has errors it keeps serving the last good
// site with every problem shown in an overlay.
type Preview struct {
	loader *build.Loader

	mu       sync.Mutex // guards everything below
	good     *snapshot
	problems diag.List
	failed   bool // the last rebuild had errors
	version  int
	clients  map[chan int]struct{}
	// Rendering changes the parsed pages (link addresses), so only one
	// page is rendered at a time.
	renderMu sync.Mutex
}

// snapshot is one successfully resolved site and what has been rendered
// of it so far.
type snapshot struct {
	plan      *build.Plan
	renderer  *render.Renderer
	byOut     map[string]*site.Page
	aliases   map[string]site.Alias
	files     map[string]site.File
	assets    map[string]*render.Asset
	cache     map[string][]byte
	generated map[string][]byte // feeds, calendars, sitemap, data: made on first request
}

// NewPreview makes a preview of the site the options describe. Call
// Rebuild before serving.
func NewPreview(opts build.Options) *Preview {
	return &Preview{loader: &build.Loader{Options: opts}, clients: map[chan int]struct{}{}}
}

// Rebuild reads what changed and resolves the site again. On errors the
// last good site stays. Every open page is told to reload either way.
func (p *Preview) Rebuild(ctx context.Context) (diag.List, error) {
	plan, err := p.loader.Load(ctx)
	if err != nil {
		return nil, err
	}
	problems := plan.Problems
	var next *snapshot
	if plan.Site != nil && problems.Errors() == 0 {
		r, list := render.New(plan.Site, plan.Layouts, plan.Assets, plan.Markdown, false)
		problems = append(problems, list...)
		if list.Errors() == 0 {
			next = newSnapshot(plan, r)
		}
	}
	problems = problems.Sort()
	p.mu.Lock()
	p.failed = next == nil
	p.mu.Unlock()
	p.publish(problems, next)
	return problems, nil
}

// Update applies the files a watcher saw change. An edit of one page's
// body (the common case while writing) is applied in place: that page is
// parsed, checked and linked again, and only the outputs that show it are
// made again when next asked for. Anything else rebuilds. It reports
// whether it took the quick way.
func (p *Preview) Update(ctx context.Context, changed []string) (diag.List, bool, error) {
	rel := make([]string, 0, len(changed))
	for _, c := range changed {
		r, err := filepath.Rel(p.loader.Source, c)
		if err != nil {
			r = c
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	p.mu.Lock()
	snap := p.good
	failed := p.failed
	p.mu.Unlock()
	if snap != nil && !failed {
		// Rendering reads the parsed pages that Update changes.
		p.renderMu.Lock()
		plan, pages, ok := p.loader.Update(rel)
		if ok && plan == snap.plan {
			for _, pg := range pages {
				delete(snap.cache, pg.Out)
			}
			for out := range snap.cache {
				if _, generated := snap.generated[out]; generated {
					delete(snap.cache, out)
				}
			}
			snap.generated = nil // feeds and the search index show bodies
			p.renderMu.Unlock()
			p.publish(plan.Problems, nil)
			return plan.Problems, true, nil
		}
		p.renderMu.Unlock()
	}
	// Read the named files again even if their size and time look
	// unchanged (two saves in one clock tick).
	p.loader.Forget(rel)
	problems, err := p.Rebuild(ctx)
	return problems, false, err
}

// publish records a new state and tells every open page to reload.
func (p *Preview) publish(problems diag.List, next *snapshot) {
	p.mu.Lock()
	if next != nil {
		p.good = next
	}
	p.problems = problems
	p.version++
	v := p.version
	for c := range p.clients {
		select {
		case c <- v:
		default: // a slow client gets the next one
		}
	}
	p.mu.Unlock()
}

func newSnapshot(plan *build.Plan, r *render.Renderer) *snapshot {
	s := &snapshot{plan: plan, renderer: r, byOut: map[string]*site.Page{}, aliases: map[string]site.Alias{},
		files: map[string]site.File{}, assets: map[string]*render.Asset{}, cache: map[string][]byte{}}
	for _, pg := range plan.Site.Pages {
		s.byOut[pg.Out] = pg
	}
	for _, a := range plan.Site.Aliases {
		s.aliases[a.Out] = a
	}
	for _, f := range plan.Site.Files {
		s.files[f.Out] = f
	}
	for _, a := range r.Assets() {
		s.assets[strings.TrimPrefix(a.URL, "/")] = a
	}
	return s
}

// Version counts rebuilds; the reload events carry it.
func (p *Preview) Version() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.version
}

const (
	eventsPath = "/_engage/events"
	scriptPath = "/_engage/reload.js"
)

// reloadScript reloads the page when the server says the site changed.
// Only preview pages carry it; engage build output never does.
const reloadScript = `(function(){
if(!window.EventSource)return;
var seen=null,es=new EventSource("` + eventsPath + `");
es.addEventListener("reload",function(e){if(seen!==null&&e.data!==seen){location.reload();}seen=e.data;});
})();
`

// ServeHTTP serves the preview.
func (p *Preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		p.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write([]byte(reloadScript))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := clean(r.URL)
	if !ok {
		p.notFound(w, r)
		return
	}
	p.mu.Lock()
	snap, problems := p.good, p.problems
	p.mu.Unlock()
	if snap == nil {
		p.noSite(w, problems)
		return
	}
	out := name
	if name == "." || strings.HasSuffix(r.URL.Path, "/") {
		out = path.Join(name, "index.html")
		if name == "." {
			out = "index.html"
		}
	} else if _, isPage := snap.byOut[name+"/index.html"]; isPage {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	data, typ, err := p.file(snap, out)
	if errors.Is(err, fs.ErrNotExist) {
		p.notFound(w, r)
		return
	}
	if err != nil {
		var list diag.List
		if errors.As(err, &list) {
			// A layout failed on this page: show why, on the page.
			p.page(w, r, http.StatusInternalServerError, errorPage(list), append(problems, list...))
			return
		}
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if typ == "text/html; charset=utf-8" {
		p.page(w, r, http.StatusOK, data, problems)
		return
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// file returns one output file of the snapshot, rendering it the first
// time it is asked for.
func (p *Preview) file(s *snapshot, out string) ([]byte, string, error) {
	typ := contentType(out)
	p.renderMu.Lock()
	defer p.renderMu.Unlock()
	if data, ok := s.cache[out]; ok {
		return data, typ, nil
	}
	var data []byte
	var err error
	if pg, ok := s.byOut[out]; ok {
		data, err = s.renderer.Page(pg)
	} else if a, ok := s.aliases[out]; ok {
		data, err = s.renderer.Alias(a)
	} else if f, ok := s.files[out]; ok {
		data, err = fs.ReadFile(s.plan.SourceFS, f.Src)
	} else if a, ok := s.assets[out]; ok {
		data = a.Data
		if data == nil {
			data, err = fs.ReadFile(s.plan.Assets, a.Src)
		}
	} else {
		if s.generated == nil {
			files, gerr := build.Generated(context.Background(), s.plan, s.renderer)
			if gerr != nil {
				return nil, "", gerr
			}
			s.generated = make(map[string][]byte, len(files))
			for _, f := range files {
				s.generated[f.Path] = f.Data
			}
		}
		var ok bool
		if data, ok = s.generated[out]; !ok {
			return nil, "", fs.ErrNotExist
		}
	}
	if err != nil {
		return nil, "", err
	}
	s.cache[out] = data
	return data, typ, nil
}

// page writes an HTML page with the reload script and, when the site has
// problems, the overlay that lists them.
func (p *Preview) page(w http.ResponseWriter, r *http.Request, status int, data []byte, problems diag.List) {
	var extra bytes.Buffer
	if len(problems) > 0 {
		_ = overlay.Execute(&extra, overlayData{Problems: problems, Errors: problems.Errors(), Warnings: problems.Warnings()})
	}
	extra.WriteString(`<script src="` + scriptPath + `"></script>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(inject(data, extra.Bytes()))
}

// inject puts the overlay and script at the start of the body, after the
// skip link's place, so that the problems are the first thing read.
func inject(page, extra []byte) []byte {
	i := bytes.Index(page, []byte("<body"))
	if i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			at := i + j + 1
			out := make([]byte, 0, len(page)+len(extra))
			out = append(out, page[:at]...)
			out = append(out, extra...)
			return append(out, page[at:]...)
		}
	}
	return append(append([]byte(nil), page...), extra...)
}

func (p *Preview) notFound(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	snap, problems := p.good, p.problems
	p.mu.Unlock()
	if snap != nil {
		if data, _, err := p.file(snap, "404.html"); err == nil {
			p.page(w, r, http.StatusNotFound, data, problems)
			return
		}
	}
	http.NotFound(w, r)
}

// noSite answers while the site has never built: the overlay alone.
func (p *Preview) noSite(w http.ResponseWriter, problems diag.List) {
	page := []byte(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The site has problems</title></head><body><main><h1>The site has not built yet</h1><p>Fix the problems listed above and save: this page reloads by itself.</p></main></body></html>`)
	var extra bytes.Buffer
	_ = overlay.Execute(&extra, overlayData{Problems: problems, Errors: problems.Errors(), Warnings: problems.Warnings()})
	extra.WriteString(`<script src="` + scriptPath + `"></script>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write(inject(page, extra.Bytes()))
}

func errorPage(list diag.List) []byte {
	return []byte(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>This page could not be shown</title></head><body><main><h1>This page could not be shown</h1><p>A layout failed while making it. The problem is listed above.</p></main></body></html>`)
}

// events streams "reload" events to a page.
func (p *Preview) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := make(chan int, 1)
	p.mu.Lock()
	p.clients[c] = struct{}{}
	v := p.version
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.clients, c)
		p.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Connection", "keep-alive")
	fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
	flusher.Flush()
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-c:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			flusher.Flush()
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".ics":
		return "text/calendar; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".json":
		if path.Base(name) == "feed.json" {
			return "application/feed+json"
		}
		return "application/json"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".pdf":
		return "application/pdf"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	}
	return "application/octet-stream"
}

type overlayData struct {
	Problems         diag.List
	Errors, Warnings int
}

// overlay lists every problem at the top of the page, readable and
// reachable by keyboard: a details element that starts open.
var overlay = template.Must(template.New("overlay").Parse(`<div id="engage-problems" role="region" aria-labelledby="engage-problems-title" style="all:initial;display:block;font:16px/1.5 Arial,sans-serif;background:#fff;color:#212b32;border:4px solid #d5281b;margin:0;padding:16px;position:relative;z-index:2147483647">
<details open style="display:block">
<summary id="engage-problems-title" style="cursor:pointer;font-weight:700;font-size:19px">
{{- if .Errors}}The site has {{.Errors}} error{{if ne .Errors 1}}s{{end}}{{if .Warnings}} and {{.Warnings}} warning{{if ne .Warnings 1}}s{{end}}{{end}}: this preview shows the last version that worked{{else}}The site has {{.Warnings}} warning{{if ne .Warnings 1}}s{{end}}{{end}}</summary>
<ol style="margin:8px 0 0;padding-left:24px">
{{- range .Problems}}
<li style="margin:8px 0"><strong>{{.Path}}{{if .Line}}, line {{.Line}}{{if .Col}}, column {{.Col}}{{end}}{{end}}</strong>{{if eq .Severity 1}} (warning){{end}}: {{if .Field}}{{.Field}}: {{end}}{{.Message}}{{if .Fix}}<br>To fix it: {{.Fix}}{{end}}</li>
{{- end}}
</ol>
<p style="margin:8px 0 0">Save the file to see the change: this page reloads by itself.</p>
</details>
</div>`))
