package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/engage-ssg/engage/internal/corpus"
)

func TestRatioLine(t *testing.T) {
	s := func(wall time.Duration, peak int64) summary {
		return summary{size: 1000, pages: 1100, median: wall, min: wall, max: wall, peak: peak}
	}
	tests := []struct {
		name          string
		engage, hugo  summary
		want          string
		notMet, unmet int // how many "NOT met" and "not checked" the line has
	}{
		{"both met", s(1*time.Second, 100), s(4*time.Second, 500),
			"  engage/hugo: wall 0.25 (target <= 0.25: met), peak RSS 0.20 (target <= 0.20: met)", 0, 0},
		{"time not met", s(2*time.Second, 100), s(4*time.Second, 1000),
			"  engage/hugo: wall 0.50 (target <= 0.25: NOT met), peak RSS 0.10 (target <= 0.20: met)", 1, 0},
		{"memory not met", s(1*time.Second, 201), s(8*time.Second, 1000),
			"  engage/hugo: wall 0.12 (target <= 0.25: met), peak RSS 0.20 (target <= 0.20: NOT met)", 1, 0},
		{"slower than Hugo", s(14*time.Second, 800), s(7*time.Second, 400),
			"  engage/hugo: wall 2.00 (target <= 0.25: NOT met), peak RSS 2.00 (target <= 0.20: NOT met)", 2, 0},
		{"memory unknown", s(1*time.Second, -1), s(8*time.Second, 1000),
			"  engage/hugo: wall 0.12 (target <= 0.25: met), peak RSS unknown (target not checked)", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ratioLine(tt.engage, tt.hugo)
			if got != tt.want {
				t.Errorf("ratioLine:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestScaleLines(t *testing.T) {
	small := summary{size: 10_000, median: 10 * time.Second, peak: 800 << 20}
	tests := []struct {
		name  string
		large summary
		want  []string
	}{
		{"both met", summary{size: 100_000, median: 110 * time.Second, peak: 1_900_000_000}, []string{
			"engage 100000/10000 pages: wall 11.0x (target under 12x: met)",
			"engage 100000 pages: peak RSS 1.90 GB (target under 2 GB: met)",
		}},
		{"exactly at the bounds", summary{size: 100_000, median: 120 * time.Second, peak: 2_000_000_000}, []string{
			"engage 100000/10000 pages: wall 12.0x (target under 12x: NOT met)",
			"engage 100000 pages: peak RSS 2.00 GB (target under 2 GB: NOT met)",
		}},
		{"memory unknown", summary{size: 100_000, median: 150 * time.Second, peak: -1}, []string{
			"engage 100000/10000 pages: wall 15.0x (target under 12x: NOT met)",
			"engage 100000 pages: peak RSS unknown (target under 2 GB not checked)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scaleLines(small, tt.large)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("scaleLines:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMissingHugo(t *testing.T) {
	tests := []struct {
		mode hugoMode
		bin  string
		want string
	}{
		{hugoAuto, "", "hugo: not installed (apt-get install hugo); the Hugo targets are not checked"},
		{hugoAuto, "/no/hugo", "hugo: /no/hugo not found or not executable; the Hugo targets are not checked"},
		{hugoOff, "", "hugo: not run (-hugo off); the Hugo targets are not checked"},
	}
	for _, tt := range tests {
		if got := missingHugo(tt.mode, tt.bin); got != tt.want {
			t.Errorf("missingHugo(%q, %q): got %q, want %q", tt.mode, tt.bin, got, tt.want)
		}
	}
	for _, in := range []string{"", "yes", "ON"} {
		if _, err := parseHugoMode(in); err == nil {
			t.Errorf("parseHugoMode(%q): got no error, want one", in)
		}
	}
}

func TestRunsFor(t *testing.T) {
	for _, tt := range []struct{ size, want int }{{1000, 5}, {99_999, 5}, {100_000, 1}, {1_000_000, 1}} {
		if got := runsFor(tt.size, 5, 1); got != tt.want {
			t.Errorf("runsFor(%d, 5, 1): got %d, want %d", tt.size, got, tt.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-runs-large", "0"}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "-runs-large") {
		t.Errorf("-runs-large 0: got %v, want an error about -runs-large", err)
	}
	if err := run(context.Background(), []string{"-hugo", "maybe"}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "want auto, on or off") {
		t.Errorf("-hugo maybe: got %v, want an error naming auto, on and off", err)
	}
}

func TestHugoCounts(t *testing.T) {
	out := "Start building sites … \nhugo v0.111.3+extended linux/amd64\n\n" +
		"                   | EN   \n-------------------+------\n  Pages            | 468  \n" +
		"  Paginator pages  |  54  \n  Non-page files   |   0  \n  Static files     |  28  \n\nTotal in 183 ms\n"
	pages, pagers, ok := hugoCounts([]byte(out))
	if !ok || pages != 468 || pagers != 54 {
		t.Errorf("hugoCounts: got %d, %d, %v; want 468, 54, true", pages, pagers, ok)
	}
	if _, _, ok := hugoCounts([]byte("Total in 3 ms\n")); ok {
		t.Errorf("hugoCounts of no summary: got ok, want not ok")
	}
}

func TestCountHTML(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":          "<!doctype html><title>Home</title>",
		"a/index.html":        "<!doctype html><title>A</title>",
		"a/page/1/index.html": `<!doctype html><html><head><meta http-equiv=refresh content="0; url=/a/"></head></html>`,
		"b/page/1/index.html": `<!DOCTYPE html><meta http-equiv="refresh" content="0; url=/b/">`,
		"feed.xml":            "<rss/>",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, redirects, err := countHTML(dir)
	if pages != 2 || redirects != 2 || err != nil {
		t.Errorf("countHTML: got %d pages, %d redirects, %v; want 2, 2, nil", pages, redirects, err)
	}
	if got, want := htmlPages("hugo", dir), "hugo 2 (and 2 redirects)"; got != want {
		t.Errorf("htmlPages: got %q, want %q", got, want)
	}
}

func TestHugoTooBig(t *testing.T) {
	old := meminfo
	t.Cleanup(func() { meminfo = old })
	meminfo = filepath.Join(t.TempDir(), "meminfo")
	// 10 GB available.
	if err := os.WriteFile(meminfo, []byte("MemTotal:       24000000 kB\nMemAvailable:   9765625 kB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	measured := map[int]summary{
		1000:  {size: 1000, peak: 200e6},
		10000: {size: 10000, peak: 2e9},
	}
	if why := hugoTooBig(measured, 10000); why != "" {
		t.Errorf("10,000 pages from 1,000 (2 GB expected): got %q, want Hugo run", why)
	}
	if why := hugoTooBig(map[int]summary{}, 100000); why != "" {
		t.Errorf("nothing measured yet: got %q, want Hugo run", why)
	}
	want := "hugo: not run on 100000 pages: its 10000-page build peaked at 2.00 GB, so this one would need about 20.0 GB, and 10.0 GB is available; the Hugo targets are not checked at this size"
	if why := hugoTooBig(measured, 100000); why != want {
		t.Errorf("100,000 pages from 10,000 (20 GB expected):\ngot  %q\nwant %q", why, want)
	}
	meminfo = filepath.Join(t.TempDir(), "none")
	if why := hugoTooBig(measured, 100000); why != "" {
		t.Errorf("memory unknown: got %q, want Hugo run", why)
	}
}

func TestHugoConfig(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Generate(site, corpus.Options{Pages: 20, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	data, err := hugoConfig(site)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		BaseURL    string            `yaml:"baseURL"`
		Paginate   int               `yaml:"paginate"`
		Taxonomies map[string]string `yaml:"taxonomies"`
		Menus      map[string][]struct {
			Name   string
			URL    string
			Weight int
		} `yaml:"menus"`
		BuildFuture bool `yaml:"buildFuture"`
		Module      struct {
			Mounts []struct{ Source, Target string }
		} `yaml:"module"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("hugo.yaml: %v\n%s", err, data)
	}
	if cfg.BaseURL != "https://bench.example.org/" || cfg.Paginate != 20 || !cfg.BuildFuture {
		t.Errorf("hugo.yaml: got baseURL %q, paginate %d, buildFuture %v; want the corpus's base_url and per_page, and every date built\n%s",
			cfg.BaseURL, cfg.Paginate, cfg.BuildFuture, data)
	}
	wantTax := map[string]string{"topic": "topics", "area": "areas", "audience": "audiences"}
	if len(cfg.Taxonomies) != len(wantTax) {
		t.Errorf("taxonomies: got %v, want %v", cfg.Taxonomies, wantTax)
	}
	for k, v := range wantTax {
		if cfg.Taxonomies[k] != v {
			t.Errorf("taxonomies: got %v, want %v", cfg.Taxonomies, wantTax)
		}
	}
	menu := cfg.Menus["main"]
	if len(menu) != 8 || menu[0].Name != "Home" || menu[0].URL != "/" || menu[0].Weight != 1 || menu[7].Weight != 8 {
		t.Errorf("main menu: got %+v, want the corpus's 8 entries in order, weighted from 1 (Hugo puts a weight of 0 last)", menu)
	}
	abs, _ := filepath.Abs(site)
	if m := cfg.Module.Mounts; len(m) != 3 || m[0].Source != filepath.Join(abs, "content") || m[0].Target != "content" {
		t.Errorf("mounts: got %+v, want the corpus's own content folder first", m)
	}
}

// TestHugo builds a small corpus with the real Hugo when it is installed,
// and checks what bench says and does without it when it is not; so it
// never passes by doing nothing.
func TestHugo(t *testing.T) {
	if hugo, err := findHugo(""); err == nil {
		t.Logf("building with %s", hugo)
		testHugoTheme(t, hugo)
		testBenchWithHugo(t)
	} else {
		t.Logf("hugo is not installed, so checking what bench does without it")
	}
	testBenchWithoutHugo(t)
}

// testHugoTheme builds a 100-page corpus with Hugo and the theme, and
// checks the pages have what engage's have.
func testHugoTheme(t *testing.T, hugo string) {
	root := t.TempDir()
	site, proj, out := filepath.Join(root, "site"), filepath.Join(root, "hugo"), filepath.Join(root, "public")
	stats, err := corpus.Generate(site, corpus.Options{Pages: 100, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := writeHugoProject(proj, site); err != nil {
		t.Fatal(err)
	}
	r, err := timed(context.Background(), hugoCommand(context.Background(), hugo, proj, out))
	if err != nil {
		t.Fatalf("hugo: %v", err)
	}
	if len(r.stderr) > 0 {
		t.Errorf("hugo wrote to stderr:\n%s", r.stderr)
	}
	pages, pagers, ok := hugoCounts(r.stdout)
	if !ok {
		t.Errorf("no build summary in hugo's output:\n%s", r.stdout)
	}
	html, _, err := countHTML(out)
	if err != nil {
		t.Fatal(err)
	}
	content := stats.Pages + stats.EasyRead
	if html < content || html > pages+pagers {
		t.Logf("hugo's output:\n%s", r.stdout)
		t.Errorf("got %d HTML pages (Hugo: %d pages, %d paginator pages), want at least the %d content pages", html, pages, pagers, content)
	}

	// A campaign with topics: header, menu, breadcrumb, date, summary, terms.
	var page string
	entries, _ := os.ReadDir(filepath.Join(site, "content", "campaigns"))
	for _, e := range entries {
		if n := e.Name(); !strings.HasPrefix(n, "_") && !strings.HasSuffix(n, ".easy.md") {
			page = strings.TrimSuffix(n, ".md")
			break
		}
	}
	text := read(t, filepath.Join(out, "campaigns", page, "index.html"))
	for _, want := range []string{
		"<title>", "- Bench Community Voice</title>",
		`<nav aria-label="Main menu"><ul><li><a href=/>Home</a></li><li><a href=/news/>News</a></li>`,
		`<a href=/campaigns/ aria-current=page>Campaigns</a>`,
		`<nav aria-label=Breadcrumb><ol><li><a href=/>Home</a></li><li><a href=/campaigns/>Campaigns</a></li></ol></nav>`,
		"<article><h1>", "<time datetime=", "<h2>Topics</h2><ul><li><a href=/topics/",
		"<footer><p>Bench Community Voice</p>",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("campaigns/%s/index.html: want %q in\n%s", page, want, text)
		}
	}
	// Links to Markdown files are turned into addresses, as engage does.
	if err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			if m := regexp.MustCompile(`href="?[^ >"]*\.md[ >"#]`).FindString(read(t, path)); m != "" {
				t.Errorf("%s: a link to a Markdown file is left: %s", path, m)
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// Sections are paginated by 20 as engage's per_page; feeds, sitemap,
	// taxonomies and the corpus's images are there.
	news := read(t, filepath.Join(out, "news", "page", "2", "index.html"))
	if !strings.Contains(news, "Page 2 of") || strings.Count(news, "<li><h2>") > 20 {
		t.Errorf("news/page/2/index.html: want page 2 of the news with at most 20 pages:\n%s", news)
	}
	for _, f := range []string{"index.xml", "news/index.xml", "sitemap.xml", "robots.txt", "404.html", "topics/index.html", "areas/index.html", "audiences/index.html", "assets/images/easy-1.svg"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("hugo output: %v", err)
		}
	}
}

// testBenchWithHugo runs bench -hugo on with a stand-in engage and the
// real Hugo, and checks Hugo's line, the ratios and the page counts.
func testBenchWithHugo(t *testing.T) {
	bin, _ := stub(t, "exit 0")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-engage", bin, "-sizes", "30", "-runs", "1", "-hugo", "on"}, &stdout, &stderr); err != nil {
		t.Fatalf("bench -hugo on: %v\nstderr:\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 7 {
		t.Fatalf("bench -hugo on: got %d lines, want a title, the Hugo line, a header, engage's and Hugo's lines, the ratios and the page counts:\n%s", len(lines), stdout.String())
	}
	if !strings.HasPrefix(lines[1], "hugo: ") || !strings.Contains(lines[1], "hugo v") {
		t.Errorf("Hugo line: got %q, want Hugo's path and version", lines[1])
	}
	for i, tool := range []string{"engage", "hugo"} {
		if f := strings.Fields(lines[3+i]); len(f) < 3 || f[0] != tool || f[1] != "30" || f[2] != "33" {
			t.Errorf("line %q: want %s, 30 pages, 33 with easy read", lines[3+i], tool)
		}
	}
	if !regexp.MustCompile(`^  engage/hugo: wall \d+\.\d\d \(target <= 0\.25: (met|NOT met)\), peak RSS \d+\.\d\d \(target <= 0\.20: (met|NOT met)\)$`).MatchString(lines[5]) {
		t.Errorf("ratio line: got %q", lines[5])
	}
	if !regexp.MustCompile(`^  HTML pages written: engage 1, hugo \d+ \(and \d+ redirects\); Hugo's summary: \d+ pages, \d+ paginator pages$`).MatchString(lines[6]) {
		t.Errorf("page counts: got %q", lines[6])
	}
	if left, _ := os.ReadDir(shm); len(left) != 0 {
		t.Errorf("scratch folder after the run: got %v, want the Hugo project and output removed", left)
	}
}

// testBenchWithoutHugo points the Hugo lookup at nothing: bench says the
// targets are not checked, and -hugo on fails before building anything.
func testBenchWithoutHugo(t *testing.T) {
	bin, calls := stub(t, "exit 0")
	var stdout, stderr bytes.Buffer
	missing := filepath.Join(t.TempDir(), "no-such-hugo")
	if err := run(context.Background(), []string{"-engage", bin, "-sizes", "10", "-runs", "1", "-hugo-bin", missing}, &stdout, &stderr); err != nil {
		t.Fatalf("bench without Hugo: %v\nstderr:\n%s", err, stderr.String())
	}
	if want := "hugo: " + missing + " not found or not executable; the Hugo targets are not checked\n"; !strings.Contains(stdout.String(), want) {
		t.Errorf("bench without Hugo: want %q in\n%s", want, stdout.String())
	}
	if strings.Contains(stdout.String(), "met") || strings.Contains(stdout.String(), "engage/hugo") {
		t.Errorf("bench without Hugo: want no verdict on the Hugo targets, got\n%s", stdout.String())
	}

	old := hugoDefault
	t.Cleanup(func() { hugoDefault = old })
	hugoDefault = missing
	t.Setenv("PATH", t.TempDir())
	if _, err := exec.LookPath("hugo"); err == nil {
		t.Fatal("hugo is still found")
	}
	os.Remove(calls)
	stdout.Reset()
	if err := run(context.Background(), []string{"-engage", bin, "-sizes", "10", "-runs", "1", "-hugo", "on"}, &stdout, &stderr); !errors.Is(err, errNoHugo) {
		t.Errorf("bench -hugo on without Hugo: got %v, want %v", err, errNoHugo)
	} else if want := "hugo: not installed (apt-get install hugo)"; !strings.Contains(err.Error(), want) {
		t.Errorf("bench -hugo on without Hugo: got %q, want it to contain %q", err, want)
	}
	if _, err := os.Stat(calls); err == nil {
		t.Errorf("bench -hugo on without Hugo: engage was run, want bench to stop first")
	}
	if err := run(context.Background(), []string{"-engage", bin, "-sizes", "10", "-runs", "1", "-hugo", "on", "-hugo-bin", missing}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), missing+" not found") {
		t.Errorf("bench -hugo on -hugo-bin %s: got %v, want a 'not found' error", missing, err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
