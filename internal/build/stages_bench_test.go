package build

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/corpus"
	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/render"
	"github.com/engage-ssg/engage/internal/site"
)

// The stage benchmarks time each stage of the pipeline on one generated
// site of 2,000 pages (2,200 with easy-read versions), so that a slowdown
// shows in the stage that caused it:
//
//	go test ./internal/build -run '^$' -bench Stage -benchmem
//
// Each reports ns/page as well as ns/op.

const stagePages = 2000

var stage struct {
	once  sync.Once
	src   string
	paths []string
	l     *Loader
	plan  *Plan
	r     *render.Renderer
	err   error
}

// stageSite generates the site once, loads it and prepares a renderer.
func stageSite(b testing.TB) {
	b.Helper()
	stage.once.Do(func() {
		dir, err := stageDir()
		if err != nil {
			stage.err = err
			return
		}
		stage.src = filepath.Join(dir, "site")
		if _, err := corpus.Generate(stage.src, corpus.Options{Pages: stagePages, Seed: 1}); err != nil {
			stage.err = err
			return
		}
		stage.l = &Loader{Options: Options{Source: stage.src, Now: corpus.Now, Theme: engage.Theme}}
		stage.plan, stage.err = stage.l.Load(context.Background())
		if stage.err != nil {
			return
		}
		if n := stage.plan.Problems.Errors(); n > 0 {
			stage.err = stage.plan.Problems
			return
		}
		stage.paths, _, stage.err = content.Files(stage.plan.SourceFS)
		var problems error
		stage.r, problems = newRenderer(stage.plan)
		if problems != nil {
			stage.err = problems
		}
	})
	if stage.err != nil {
		b.Fatal(stage.err)
	}
}

func newRenderer(plan *Plan) (*render.Renderer, error) {
	r, list := render.New(plan.Site, plan.Layouts, plan.Assets, plan.Markdown, plan.Config.MinifyOutput())
	if list.Errors() > 0 {
		return nil, list
	}
	return r, nil
}

// stageDir is a folder that outlives one benchmark, so that the site is
// generated once for all of them; TestMain removes it.
var stageDir = sync.OnceValues(func() (string, error) {
	return os.MkdirTemp("", "engage-stage-bench-")
})

func TestMain(m *testing.M) {
	code := m.Run()
	if stage.src != "" {
		os.RemoveAll(filepath.Dir(stage.src))
	}
	os.Exit(code)
}

func perPage(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
}

// BenchmarkStageParse reads, parses, checks and bakes every content file.
func BenchmarkStageParse(b *testing.B) {
	stageSite(b)
	for b.Loop() {
		pages, list := content.ParseAll(context.Background(), stage.plan.SourceFS, stage.paths, stage.l.parse)
		if list.Errors() > 0 || len(pages) != len(stage.paths) {
			b.Fatalf("parsed %d of %d pages: %v", len(pages), len(stage.paths), list)
		}
	}
	perPage(b, len(stage.paths))
}

// BenchmarkStageResolve works out URLs, lists, taxonomies and links.
func BenchmarkStageResolve(b *testing.B) {
	stageSite(b)
	pages, _ := content.ParseAll(context.Background(), stage.plan.SourceFS, stage.paths, stage.l.parse)
	opts := stage.l.solve
	for b.Loop() {
		s, list := site.Resolve(context.Background(), pages, opts)
		if list.Errors() > 0 || s == nil {
			b.Fatalf("resolve: %v", list)
		}
	}
	perPage(b, len(stage.plan.Site.Pages))
}

// BenchmarkStageRender renders every page to minified HTML, on one
// goroutine.
func BenchmarkStageRender(b *testing.B) {
	stageSite(b)
	for b.Loop() {
		r, err := newRenderer(stage.plan)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range stage.plan.Site.Pages {
			if _, err := r.Page(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	perPage(b, len(stage.plan.Site.Pages))
}

// BenchmarkStageGenerated makes feeds, calendars, the sitemap, open data
// and the search index.
func BenchmarkStageGenerated(b *testing.B) {
	stageSite(b)
	for b.Loop() {
		if _, err := Generated(context.Background(), stage.plan, stage.r); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, len(stage.plan.Site.Pages))
}

// BenchmarkStageWrite renders and writes the whole site into a staging
// folder, in parallel, as engage build does, and throws it away.
func BenchmarkStageWrite(b *testing.B) {
	stageSite(b)
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		tx, err := output.Begin(dest)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := write(context.Background(), tx, stage.plan, stage.r, stage.l.Options); err != nil {
			b.Fatal(err)
		}
		tx.Abort()
	}
	perPage(b, len(stage.plan.Site.Pages))
}
