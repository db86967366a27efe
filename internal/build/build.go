// Package build runs the whole pipeline, load → parse → resolve → render →
// write, for engage build, and its first stages for engage check and
// engage serve. Each
// stage is a function from one plain value to the next; this package only
// wires them together, fans the parallel stages out and decides whether
// the output is committed.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/engage-ssg/engage/internal/a11y"
	"github.com/engage-ssg/engage/internal/calendar"
	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/feed"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/opendata"
	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/render"
	"github.com/engage-ssg/engage/internal/search"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/engage-ssg/engage/internal/sitemap"
	"github.com/engage-ssg/engage/internal/sysfile"
	"golang.org/x/sync/errgroup"
)

// Options are the inputs of a build, as the command line gives them.
type Options struct {
	Source  string // site folder
	Dest    string // output folder
	BaseURL string // overrides site.yaml's base_url when set
	Drafts  bool   // publish drafts, future pages and hidden sections
	Now     string // "today" for everything derived from dates; "" is the current time
	Strict  bool   // warnings fail the build
	Theme   fs.FS  // the embedded theme, holding layouts/ and assets/
	Workers int    // parallel workers; 0 means one per CPU
	// ExternalLinks makes Check ask other websites whether links to them
	// still work.
	ExternalLinks bool

	// Progress, when set, is called as pages are rendered.
	Progress func(done, total int)
	// Sized, when set, is called with the number of content files once
	// they are listed, before any is read: engage build gives a large
	// site's garbage collector room from the start (cmd/engage/memory.go).
	Sized func(pages int)
}

// Result says what a build did.
type Result struct {
	Pages    int // HTML pages written
	Files    int // every file written
	Problems diag.List
	Elapsed  time.Duration
}

// UsageError is a mistake in how the command was called (exit status 2).
type UsageError struct{ Msg string }

// Error returns the message, as the command prints it.
func (e *UsageError) Error() string { return e.Msg }

// ErrProblems means the content or layouts have errors (or warnings under
// --strict); they are in Result.Problems.
var ErrProblems = errors.New("the site has problems")

// Plan is a loaded and resolved site: everything a build knows before it
// renders. engage check stops here.
type Plan struct {
	Config   *config.Config
	Site     *site.Site
	Markdown *markdown.Markdown
	Layouts  render.Layers
	Assets   render.Layers
	SourceFS fs.FS
	Problems diag.List
}

// Load runs the load, parse and resolve stages.
func Load(ctx context.Context, opts Options) (*Plan, error) {
	return (&Loader{Options: opts, once: true}).Load(ctx)
}

// Loader runs the load, parse and resolve stages and, between runs, keeps
// what it parsed and checked: a file that has not changed since the last
// run is not read, parsed or checked again. engage serve keeps one Loader
// for as long as it runs. A Loader is not safe for concurrent use.
type Loader struct {
	Options
	config []byte // the site.yaml text the cache belongs to
	md     *markdown.Markdown
	pages  map[string]parsed
	last   *Plan           // the last plan without errors, for Update
	parse  content.Options // how the last run parsed pages
	spill  *markdown.Spill // where baked bodies go; nil keeps them in memory
	solve  site.Options    // how the last run resolved the site
	// once is set for a Loader that loads once (Load, engage build): it
	// neither looks at the files' times and sizes nor keeps what it
	// parsed, which at 100,000 pages was a system call a file on one
	// goroutine before parsing began, and a map of every file's.
	once bool
}

// parsed is a cached parse of one content file.
type parsed struct {
	mod      time.Time
	size     int64
	page     *content.Page
	problems diag.List
}

// Load runs the load, parse and resolve stages, reusing the pages parsed
// by the last run whose files have not changed.
func (l *Loader) Load(ctx context.Context) (*Plan, error) {
	opts := l.Options
	srcFS := sysfile.DirFS(opts.Source)
	plan := &Plan{SourceFS: srcFS}
	text, _ := fs.ReadFile(srcFS, config.File)
	if !bytes.Equal(text, l.config) || l.pages == nil {
		// site.yaml decides how pages are parsed (time zone, taxonomies,
		// raw HTML): start again.
		l.config, l.md = text, nil
		l.pages = map[string]parsed{}
	}
	cfg, problems := config.Load(srcFS)
	plan.Problems = problems
	if cfg == nil || problems.Errors() > 0 {
		return plan, nil
	}
	plan.Config = cfg
	if opts.BaseURL != "" {
		if err := config.CheckBaseURL(opts.BaseURL); err != nil {
			return nil, &UsageError{Msg: "--base-url: " + err.Error()}
		}
		cfg.BaseURL = config.NormaliseBaseURL(opts.BaseURL)
	}
	now := time.Now().In(cfg.Location)
	if opts.Now != "" {
		t, err := content.ParseDate(opts.Now, cfg.Location)
		if err != nil {
			return nil, &UsageError{Msg: fmt.Sprintf("--now: %q is not a time; write 2026-03-14 or 2026-03-14T10:00:00Z", opts.Now)}
		}
		now = t
	}

	plan.Layouts = layers(srcFS, opts.Theme, render.LayoutDir)
	plan.Assets = layers(srcFS, opts.Theme, render.AssetDir)

	pagePaths, otherPaths, err := content.Files(srcFS)
	if errors.Is(err, fs.ErrNotExist) {
		plan.Problems.Errorf(content.Dir, 0, 0, "", "create a content folder with at least one Markdown page", "the site has no content folder")
		return plan, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list content: %w", err)
	}
	if opts.Sized != nil {
		opts.Sized(len(pagePaths))
	}
	if l.md == nil {
		l.md = markdown.New(markdown.Options{RawHTML: cfg.Markdown.RawHTML})
	}
	plan.Markdown = l.md
	checks := a11y.Options{ReadingAge: cfg.Writing.ReadingAge, Allow: cfg.Writing.Abbreviations}
	l.parse = content.Options{
		Location: cfg.Location, Taxonomies: cfg.Taxonomies, Markdown: l.md, Workers: opts.Workers,
		Check: func(p *content.Page) diag.List { return a11y.Check(p, checks) },
		Bake:  true, Spill: l.spill,
	}
	pages, problems, err := l.parseAll(ctx, srcFS, pagePaths, l.parse)
	if err != nil {
		return nil, err
	}
	plan.Problems = append(plan.Problems, problems...)

	assetFiles, err := plan.Assets.Files()
	if err != nil {
		return nil, fmt.Errorf("list assets: %w", err)
	}
	static := make([]string, len(assetFiles))
	for i, f := range assetFiles {
		static[i] = "/" + render.AssetDir + "/" + f
	}
	sizes := make(map[string]int64, len(otherPaths)+len(assetFiles))
	for _, f := range otherPaths {
		if info, err := fs.Stat(srcFS, f); err == nil {
			sizes[f] = info.Size()
		}
	}
	for _, f := range assetFiles {
		if info, err := fs.Stat(plan.Assets, f); err == nil {
			sizes[render.AssetDir+"/"+f] = info.Size()
		}
	}
	l.solve = site.Options{
		Config: cfg, Now: now, Drafts: opts.Drafts, Files: otherPaths, Static: static, Sizes: sizes,
	}
	s, problems := site.Resolve(ctx, pages, l.solve)
	plan.Site = s
	plan.Problems = append(plan.Problems, problems...)
	plan.Problems = append(plan.Problems, checkContent(s)...)
	l.last = nil
	if plan.Problems.Errors() == 0 {
		l.last = plan
	}
	return plan, ctx.Err()
}

// Update applies an edit of one page's body to the last plan without
// working out the whole site again: the page is parsed and checked, its
// links resolved, and the pages that show it get the new body. It returns
// those pages; ok is false when the change is more than that (another
// file, new fields or headings, an error), and the caller should Load.
func (l *Loader) Update(changed []string) (plan *Plan, pages []*site.Page, ok bool) {
	if l.last == nil || len(changed) != 1 || !strings.HasPrefix(changed[0], content.Dir+"/") || !strings.HasSuffix(changed[0], ".md") {
		return nil, nil, false
	}
	file := changed[0]
	old, cached := l.pages[file]
	if !cached || old.page == nil {
		return nil, nil, false
	}
	plan = l.last
	info, err := fs.Stat(plan.SourceFS, file)
	if err != nil {
		return nil, nil, false
	}
	data, err := fs.ReadFile(plan.SourceFS, file)
	if err != nil {
		return nil, nil, false
	}
	front, okFM := content.FrontMatter(data)
	if !okFM || string(front) != old.page.Front {
		return nil, nil, false
	}
	next, problems := content.Parse(file, data, l.parse)
	if next == nil || problems.Errors() > 0 {
		return nil, nil, false
	}
	pages, ok = plan.Site.Replace(old.page, next)
	if !ok {
		return nil, nil, false
	}
	l.pages[file] = parsed{mod: info.ModTime(), size: info.Size(), page: next, problems: problems}
	kept := plan.Problems[:0:0]
	for _, p := range plan.Problems {
		if p.Path != file {
			kept = append(kept, p)
		}
	}
	plan.Problems = append(append(kept, problems...), next.Checks...).Sort()
	return plan, pages, true
}

// Forget makes the next Load read, parse and check the named files (slash
// paths relative to the site folder) again even when their size and time
// have not changed: two saves within one tick of the file system's clock
// look the same by those alone.
func (l *Loader) Forget(paths []string) {
	for _, p := range paths {
		delete(l.pages, p)
	}
}

// parse returns the pages of paths, parsing only the files that changed
// since the last run, and forgets the files that are gone.
func (l *Loader) parseAll(ctx context.Context, fsys fs.FS, paths []string, opts content.Options) ([]*content.Page, diag.List, error) {
	pages := make([]*content.Page, 0, len(paths))
	var problems diag.List
	var changed []string
	var stats map[string]fs.FileInfo
	if l.once {
		changed = paths
	} else {
		stats = make(map[string]fs.FileInfo, len(paths))
		for _, p := range paths {
			info, err := fs.Stat(fsys, p)
			if err != nil {
				changed = append(changed, p) // ParseAll reports it
				continue
			}
			stats[p] = info
			if c, ok := l.pages[p]; !ok || !c.mod.Equal(info.ModTime()) || c.size != info.Size() {
				changed = append(changed, p)
			}
		}
	}
	fresh, list := content.ParseAll(ctx, fsys, changed, opts)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	byPath := make(map[string]*content.Page, len(fresh))
	for _, p := range fresh {
		byPath[p.Path] = p
	}
	perFile := map[string]diag.List{}
	for _, pr := range list {
		perFile[pr.Path] = append(perFile[pr.Path], pr)
	}
	var keep map[string]parsed
	if !l.once {
		keep = make(map[string]parsed, len(paths))
	}
	for _, p := range paths {
		c, ok := l.pages[p]
		if info, statted := stats[p]; statted && (!ok || !c.mod.Equal(info.ModTime()) || c.size != info.Size()) {
			c = parsed{mod: info.ModTime(), size: info.Size(), page: byPath[p], problems: perFile[p]}
		} else if !statted {
			c = parsed{page: byPath[p], problems: perFile[p]}
		}
		if keep != nil {
			keep[p] = c
		}
		if c.page != nil {
			pages = append(pages, c.page)
		}
		problems = append(problems, c.problems...)
	}
	l.pages = keep
	return pages, problems, nil
}

// checkContent gathers the accessibility and plain-English problems that
// parsing found (content.Options.Check) on the pages that will be
// published.
func checkContent(s *site.Site) diag.List {
	seen := map[*content.Page]bool{}
	var all diag.List
	for _, p := range s.Pages {
		cp := p.Source
		if cp == nil || seen[cp] {
			continue
		}
		seen[cp] = true
		all = append(all, cp.Checks...)
	}
	return all
}

// layers puts the site's folder over the theme's.
func layers(src, theme fs.FS, dir string) render.Layers {
	l := render.Layers{}
	if sub, err := fs.Sub(src, dir); err == nil {
		if _, err := fs.Stat(src, dir); err == nil {
			l.Site = sub
		}
	}
	if theme != nil {
		if sub, err := fs.Sub(theme, dir); err == nil {
			l.Theme = sub
		}
	}
	if l.Theme == nil {
		l.Theme = emptyFS{}
	}
	return l
}

type emptyFS struct{}

// Open finds nothing: a site without a theme has no theme files.
func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// failed reports whether the problems stop the build.
func failed(l diag.List, strict bool) bool {
	return l.Errors() > 0 || (strict && l.Warnings() > 0)
}

// Build runs every stage and, when nothing failed, replaces the
// destination with the new site. On any failure the previous output is
// left exactly as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	if err := output.Check(opts.Source, opts.Dest); err != nil {
		return res, &UsageError{Msg: err.Error()}
	}
	// The bodies wait in a temporary file between parsing and writing;
	// without one (a read-only temporary folder) they wait in memory.
	spill, err := markdown.NewSpill("")
	if err == nil {
		defer spill.Close()
	}
	plan, err := (&Loader{Options: opts, spill: spill, once: true}).Load(ctx)
	if err != nil {
		return res, err
	}
	res.Problems = plan.Problems
	defer func() { res.Problems = res.Problems.Sort(); res.Elapsed = time.Since(start) }()
	if failed(res.Problems, opts.Strict) {
		return res, ErrProblems
	}
	cfg, s := plan.Config, plan.Site
	forgetPositions(s)
	r, problems := render.New(s, plan.Layouts, plan.Assets, plan.Markdown, cfg.MinifyOutput())
	res.Problems = append(res.Problems, problems...)
	if failed(res.Problems, opts.Strict) {
		return res, ErrProblems
	}

	tx, err := output.Begin(opts.Dest)
	if err != nil {
		return res, err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Abort()
		}
	}()
	pages, err := write(ctx, tx, plan, r, opts)
	if err != nil {
		var list diag.List
		if errors.As(err, &list) {
			res.Problems = append(res.Problems, list...)
			return res, ErrProblems
		}
		return res, err
	}
	// The last moment to give up: after this the new site is in place.
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	committed = true
	res.Pages = pages
	res.Files = tx.Files()
	return res, nil
}

// forgetPositions lets go of what only the checks, resolving and engage
// serve need once the site has been checked: the terms as written (the
// page's Terms hold them resolved; a large site holds a map of them per
// page), a body's links once they are resolved (markdown.Doc.ForgetLinks)
// and its headings (for links to them, and a constitution's clauses),
// and the page's hold on its front matter as written, from which a
// problem finds where a field was written. The text itself stays while
// field values read from it do. A site of 100,000 pages holds about 70 MB
// of headings alone.
//
// The pages are shared out between GOMAXPROCS goroutines: one goroutine
// took half a second for 100,000 pages, most of it waiting for memory.
// The later pages of a list share the first one's source, which the
// goroutine with the first one deals with.
func forgetPositions(s *site.Site) {
	forget := func(p *site.Page) {
		cp := p.Source
		if cp == nil || p.Paginator != nil && p.Paginator.Number > 1 {
			return
		}
		cp.Front, cp.Meta.Terms = "", nil
		if cp.Body != nil {
			cp.Body.ForgetLinks(p.LinkDests, p.LinkLabels)
			cp.Body.Headings = nil
		}
	}
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	per := (len(s.Pages) + workers - 1) / workers
	for lo := 0; lo < len(s.Pages); lo += per {
		wg.Go(func() {
			for _, p := range s.Pages[lo:min(lo+per, len(s.Pages))] {
				forget(p)
			}
		})
	}
	wg.Wait()
}

// write renders every page and writes every file into the staging folder,
// in parallel, stopping at the first failure or cancellation. The files
// that are not pages (feeds, calendars, the search index) are made on a
// goroutine of their own while the pages render (they read the parsed
// pages, which rendering does not change), and written as they are made.
func write(parent context.Context, tx *output.Tx, plan *Plan, r *render.Renderer, opts Options) (int, error) {
	s := plan.Site
	g, ctx := errgroup.WithContext(parent)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g.SetLimit(workers + 1)
	copied := make(chan struct{}) // closed when the site's own files and assets are in place
	// Not the errgroup's context, which Wait cancels even when every page
	// succeeded: this one is cancelled only when the build stops or a page
	// fails.
	genCtx, stopGen := context.WithCancel(parent)
	defer stopGen()
	finishGenerated := writeGenerated(genCtx, plan, r, tx, copied)

	var copying sync.WaitGroup
	place := func(job func() error) {
		copying.Add(1)
		g.Go(func() error { defer copying.Done(); return job() })
	}
	for _, f := range s.Files {
		place(func() error { return tx.Copy(f.Out, plan.SourceFS, f.Src) })
	}
	for _, a := range r.Assets() {
		place(func() error {
			out := a.URL[1:]
			if a.Data != nil {
				return tx.Write(out, a.Data)
			}
			return tx.Copy(out, plan.Assets, a.Src)
		})
	}
	go func() { copying.Wait(); close(copied) }()

	total := len(s.Pages)
	progress := make(chan struct{}, 64)
	progressDone := make(chan struct{})
	go func() {
		done := 0
		for range progress {
			done++
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
		}
		close(progressDone)
	}()
	inTurn(ctx, g, len(s.Pages), workers, func(i int) error {
		p := s.Pages[i]
		if err := r.WritePage(p, func(html []byte) error { return tx.Write(p.Out, html) }); err != nil {
			return err
		}
		progress <- struct{}{}
		return nil
	})
	for _, a := range s.Aliases {
		g.Go(func() error {
			html, err := r.Alias(a)
			if err != nil {
				return fmt.Errorf("redirect %s: %w", a.From, err)
			}
			return tx.Write(a.Out, html)
		})
	}
	err := g.Wait()
	close(progress)
	<-progressDone
	if err != nil {
		stopGen()
	}
	genErr := finishGenerated()
	if err != nil {
		return 0, err
	}
	if genErr != nil {
		return 0, genErr
	}
	return total, nil
}

// inTurn calls f for every index below n on workers goroutines of g,
// each taking the next index in turn: a goroutine for each page would
// grow a new stack for every page. It stops at the first error, or when
// ctx is done.
func inTurn(ctx context.Context, g *errgroup.Group, n, workers int, f func(i int) error) {
	var next atomic.Int64
	for range min(workers, n) {
		g.Go(func() error {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := f(i); err != nil {
					return err
				}
			}
		})
	}
}

// writeGenerated makes the files that are not pages, minified, on a
// goroutine of its own, and writes each as soon as it is made and copied
// is closed (the site's own files and assets are in place), so that it
// replaces one of them at the same address (a robots.txt in content/)
// and does not wait in memory for the pages. One at the address of a page
// or redirect is kept back, to replace it once the pages are written:
// finish, called then, writes those and returns the first error.
func writeGenerated(ctx context.Context, plan *Plan, r *render.Renderer, tx *output.Tx, copied <-chan struct{}) (finish func() error) {
	s := plan.Site
	taken := make(map[string]bool, len(s.Pages)+len(s.Aliases))
	for _, p := range s.Pages {
		taken[p.Out] = true
	}
	for _, a := range s.Aliases {
		taken[a.Out] = true
	}
	var later []output.File
	done := make(chan error, 1)
	go func() {
		done <- generate(ctx, plan, r, func(f output.File) error {
			if mt := mediaType(f.Path); mt != "" && !f.Minimal {
				min, err := r.Minify(mt, f.Data)
				if err != nil {
					return fmt.Errorf("minify %s: %w", f.Path, err)
				}
				f.Data = min
			}
			if taken[f.Path] {
				later = append(later, f)
				return nil
			}
			select {
			case <-copied:
			case <-ctx.Done():
				return ctx.Err()
			}
			return tx.Write(f.Path, f.Data)
		})
	}()
	return func() error {
		if err := <-done; err != nil {
			return err
		}
		for _, f := range later {
			if err := tx.Write(f.Path, f.Data); err != nil {
				return err
			}
		}
		return nil
	}
}

// Generated makes the files that are not pages: feeds, calendars, the
// sitemap, open data and the search index. It stops between them when ctx
// is done, returning the files made so far and the context's error.
func Generated(ctx context.Context, plan *Plan, r *render.Renderer) ([]output.File, error) {
	var files []output.File
	err := generate(ctx, plan, r, func(f output.File) error {
		files = append(files, f)
		return nil
	})
	return files, err
}

// generate makes the files that are not pages, giving each set to emit
// as it is made, and stops between sets when ctx is done (the build
// stopped, or a page failed and the files are not needed).
func generate(ctx context.Context, plan *Plan, r *render.Renderer, emit func(output.File) error) error {
	s := plan.Site
	sets := []struct {
		what string
		make func(emit func(output.File) error) error
	}{
		{"feeds", each(func() ([]output.File, error) { return feed.Files(s, s.Config.FeedLimit, r.AbsoluteBody) })},
		{"calendars", each(func() ([]output.File, error) { return calendar.Files(s), nil })},
		{"sitemap", each(func() ([]output.File, error) { return sitemap.Files(s) })},
		{"open data", each(func() ([]output.File, error) { return opendata.Files(s) })},
		// Search: the index that assets/js/search.js reads on /search/,
		// given file by file, as the whole of it is large.
		{"search index", func(emit func(output.File) error) error { return search.Write(s, emit) }},
	}
	for _, set := range sets {
		if err := ctx.Err(); err != nil {
			return err
		}
		emitFailed := false
		err := set.make(func(f output.File) error {
			err := emit(f)
			emitFailed = err != nil
			return err
		})
		switch {
		case err == nil:
		case emitFailed:
			return err // the write's own error, as it was
		default:
			return fmt.Errorf("%s: %w", set.what, err)
		}
	}
	return nil
}

// each gives emit the files that makeFiles makes, in turn, stopping at the
// first error.
func each(makeFiles func() ([]output.File, error)) func(emit func(output.File) error) error {
	return func(emit func(output.File) error) error {
		files, err := makeFiles()
		if err != nil {
			return err
		}
		for _, f := range files {
			if err := emit(f); err != nil {
				return err
			}
		}
		return nil
	}
}

// mediaType is the type a generated file is minified as, or "" to write
// it as it is.
func mediaType(name string) string {
	switch path.Ext(name) {
	case ".xml":
		if b := path.Base(name); b == "feed.xml" || b == "rss.xml" {
			// Feeds carry HTML as text, whose spaces matter in code
			// blocks; XML minifying would collapse them.
			return ""
		}
		return "application/xml"
	case ".json":
		return "application/json"
	}
	return ""
}
