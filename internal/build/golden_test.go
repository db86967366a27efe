package build_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/site"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden output in testdata/<site>/golden")

// fileCheck is something a built site must (or must not) hold, asserted
// on top of the golden comparison so that regenerating the golden files
// cannot quietly accept a regression of a feature.
type fileCheck struct {
	file    string
	want    []string // substrings the file must contain
	notWant []string // substrings it must not contain
	missing bool     // the file must not exist
}

// TestGolden builds each site in testdata/<name>/site with the embedded
// theme and a fixed --now, and compares every output file with
// testdata/<name>/golden. Run with -update to rewrite the golden files
// after an intended change, and read the diff before committing it.
func TestGolden(t *testing.T) {
	tests := []struct {
		name      string
		baseURL   string // as site.yaml says
		wantPages int
		checks    []fileCheck
	}{
		{
			name:      "basic",
			baseURL:   "https://example.org/engage/",
			wantPages: 39,
			checks: []fileCheck{
				// Home, with its body's links under the base path.
				{file: "index.html", want: []string{
					`<a href="/engage/news/">latest news</a>`,
					`<a href="/engage/about/">about us</a>`,
					`<link rel="canonical" href="https://example.org/engage/">`,
				}},
				// A section list of 9 pages, 2 per page: 5 pages.
				{file: "news/index.html", want: []string{
					`<a class="pagination__next" href="/engage/news/page/2/" rel="next">`,
					`href="/engage/news/story-9/"`, `href="/engage/news/story-8/"`,
				}, notWant: []string{`href="/engage/news/story-7/"`}},
				{file: "news/page/2/index.html", want: []string{
					"<title>News (page 2 of 5) - Test Engage</title>",
					`<a class="pagination__prev" href="/engage/news/" rel="prev">`,
					`<a class="pagination__next" href="/engage/news/page/3/" rel="next">`,
					`href="/engage/news/story-7/"`, `href="/engage/news/story-6/"`,
				}},
				{file: "news/page/5/index.html", want: []string{`href="/engage/news/story-1/"`}, notWant: []string{"pagination__next"}},
				{file: "news/page/6/index.html", missing: true},
				// Taxonomy and term pages.
				{file: "topics/index.html", want: []string{
					`<a href="/engage/topics/carers/">Carers</a> (6 pages)`,
					`<a href="/engage/topics/mental-health/">Mental health</a> (6 pages)`,
				}},
				{file: "topics/carers/page/3/index.html", want: []string{`href="/engage/news/story-1/"`}},
				{file: "events/cafe/index.html", want: []string{`<a class="tag" href="/engage/topics/carers/">Carers</a>`}},
				// Easy read, linked both ways.
				{file: "events/cafe/index.html", want: []string{
					`<link rel="alternate" href="/engage/events/cafe/easy-read/" title="Easy read version">`,
					`<a href="/engage/events/cafe/easy-read/">Easy read version`,
					`read the <a href="/engage/events/cafe/easy-read/">easy read version</a>`,
				}},
				{file: "events/cafe/easy-read/index.html", want: []string{
					`<link rel="alternate" href="/engage/events/cafe/" title="Standard version">`,
					`<a href="/engage/events/cafe/">Standard version`,
					`Read the <a href="/engage/events/cafe/">standard version</a>`,
					`<img src="/engage/assets/images/easy-read/cup.svg" alt="A cup of tea">`,
				}},
				// A bundle's PDF beside its page, labelled with its type and size.
				{file: "publications/annual-report/index.html", want: []string{`<a href="/engage/publications/annual-report/annual-report.pdf">annual report (PDF, 43 bytes)</a>`}},
				{file: "publications/annual-report/annual-report.pdf", want: []string{"%PDF-1.4"}},
				// Aliases: a redirect with a canonical link, in both YAML list styles.
				{file: "old-cafe/index.html", want: []string{
					`<link rel="canonical" href="https://example.org/engage/events/cafe/">`,
					`<meta http-equiv="refresh" content="0; url=/engage/events/cafe/">`,
					`<a href="/engage/events/cafe/">Carers café</a>`,
				}},
				{file: "about-us/index.html", want: []string{`<link rel="canonical" href="https://example.org/engage/about/">`}},
				// Links written as site paths and as relative .md files.
				{file: "news/story-9/index.html", want: []string{
					`<a href="/engage/events/cafe/">carers café</a>`,
					`<a href="/engage/publications/annual-report/">annual report</a>`,
					`<a href="/engage/about/#contact">contact us</a>`,
				}},
				{file: "about/index.html", want: []string{`<a href="/engage/events/cafe/#when">carers café</a>`}},
				// Raw HTML in content is shown, not run.
				{file: "about/index.html",
					want:    []string{"&lt;script&gt;alert(&quot;not run&quot;)&lt;/script&gt;", "Inline &lt;b&gt;tags&lt;/b&gt; are shown"},
					notWant: []string{"<script", "<b>"}},
			},
		},
		{
			name:      "override",
			wantPages: 13,
			checks: []fileCheck{
				{file: "about/index.html", want: []string{`<article class="site-single">`, "Rendered by the site's _default/single.html"}},
				{file: "events/meeting/index.html", want: []string{`<article class="site-event">`, "Rendered by the site's events/single.html on 2 November 2026"}},
				// List pages still come from the theme.
				{file: "events/index.html", want: []string{`<ul class="card-list">`}, notWant: []string{"Rendered by"}},
			},
		},
		{
			name:      "assets",
			baseURL:   "https://assets.example.org/",
			wantPages: 7,
			checks: []fileCheck{
				{file: "index.html", want: []string{`<script src="/assets/js/app.`, `<link rel="stylesheet" media="print" href="/assets/css/print.`}},
				// The site's main.css replaces the theme's, minified.
				{file: "about/index.html", want: []string{`<link rel="stylesheet" href="/assets/css/main.`}, notWant: []string{"app."}},
				{file: "assets/css/main.css", missing: true},
				{file: "assets/js/app.js", missing: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join("testdata", tt.name)
			dest := filepath.Join(t.TempDir(), "public")
			res := mustBuild(t, opts(filepath.Join(dir, "site"), dest))
			got := readTree(t, dest)
			if res.Pages != tt.wantPages {
				t.Errorf("Result.Pages: got %d, want %d", res.Pages, tt.wantPages)
			}
			if res.Files != len(got) {
				t.Errorf("Result.Files: got %d, want %d (the files in %s)", res.Files, len(got), dest)
			}

			golden := filepath.Join(dir, "golden")
			if *update {
				if err := os.RemoveAll(golden); err != nil {
					t.Fatal(err)
				}
				writeTree(t, golden, got)
			}
			want := readTree(t, golden)
			if diff := cmp.Diff(names(want), names(got)); diff != "" {
				t.Errorf("files written (-golden +got):\n%s", diff)
			}
			for _, name := range names(want) {
				if g, ok := got[name]; ok && !bytes.Equal(g, want[name]) {
					t.Errorf("%s differs from the golden file (-golden +got):\n%s", name, cmp.Diff(string(want[name]), string(g)))
				}
			}

			for _, c := range tt.checks {
				data, ok := got[c.file]
				if c.missing {
					if ok {
						t.Errorf("%s: written, want no such file", c.file)
					}
					continue
				}
				if !ok {
					t.Errorf("%s: not written", c.file)
					continue
				}
				for _, s := range c.want {
					if !strings.Contains(string(data), s) {
						t.Errorf("%s: does not contain %q", c.file, s)
					}
				}
				for _, s := range c.notWant {
					if strings.Contains(string(data), s) {
						t.Errorf("%s: contains %q, want it left out", c.file, s)
					}
				}
			}

			// Every link of every page leads to a file that was written,
			// under the base path.
			for _, p := range checkLinks(got, tt.baseURL) {
				t.Errorf("link: %s", p)
			}
			problems, checked := checkIntegrity(got, site.RelURL(tt.baseURL, "/"))
			for _, p := range problems {
				t.Errorf("integrity: %s", p)
			}
			if checked < res.Pages {
				t.Errorf("integrity attributes: got %d, want at least one per page (%d)", checked, res.Pages)
			}
		})
	}
}
