package corpus

import (
	"bytes"
	"cmp"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/content"
	"gopkg.in/yaml.v3"
)

// testPages keeps the tests fast while giving every section pages.
const testPages = 200

// generate writes a corpus into a new temporary folder.
func generate(t *testing.T, opts Options) (string, Stats) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	stats, err := Generate(dir, opts)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opts, err)
	}
	return dir, stats
}

// readTree returns every file under dir by slash path, and the paths sorted.
func readTree(t *testing.T, dir string) (map[string][]byte, []string) {
	t.Helper()
	files := map[string][]byte{}
	var paths []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS(dir), p)
		files[p] = data
		paths = append(paths, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, paths
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, aPaths := readTree(t, must(generate(t, Options{Pages: testPages, Seed: 1})))
	b, bPaths := readTree(t, must(generate(t, Options{Pages: testPages, Seed: 1})))
	c, _ := readTree(t, must(generate(t, Options{Pages: testPages, Seed: 2})))

	if !slices.Equal(aPaths, bPaths) {
		t.Fatalf("same seed: got %d files, then %d files with other names; want the same files", len(aPaths), len(bPaths))
	}
	for _, p := range aPaths {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("same seed: %s differs between runs", p)
		}
	}
	differ := 0
	for p, data := range c {
		if !bytes.Equal(a[p], data) {
			differ++
		}
	}
	if differ == 0 {
		t.Errorf("seeds 1 and 2: got identical trees, want different ones")
	}
}

func must(dir string, _ Stats) string { return dir }

func TestGenerateCounts(t *testing.T) {
	tests := []struct {
		name         string
		opts         Options
		wantEasyRead int
	}{
		{"default easy-read share", Options{Pages: testPages, Seed: 3}, testPages / DefaultEasyReadEvery},
		{"one in seven", Options{Pages: testPages, Seed: 3, EasyReadEvery: 7}, testPages / 7},
		{"no easy read", Options{Pages: testPages, Seed: 3, EasyReadEvery: -1}, 0},
		{"fewer pages than sections", Options{Pages: 5, Seed: 3}, 0},
		{"no pages", Options{Pages: 0, Seed: 3}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, stats := generate(t, tt.opts)
			files, _ := readTree(t, dir)
			var got Stats
			for p, data := range files {
				got.Bytes += int64(len(data))
				switch {
				case strings.HasPrefix(p, "assets/images/"):
					got.Images++
				case path.Base(p) == "_index.md":
					got.Indexes++
				case strings.HasSuffix(p, ".easy.md"):
					got.EasyRead++
				case strings.HasPrefix(p, "content/"):
					got.Pages++
				}
			}
			want := Stats{
				Pages:    tt.opts.Pages,
				EasyRead: tt.wantEasyRead,
				Indexes:  1 + len(sections),
				Images:   len(photos) + easyImages,
				Bytes:    got.Bytes,
			}
			if got != want {
				t.Errorf("files on disk: got %+v, want %+v", got, want)
			}
			if stats != got {
				t.Errorf("Stats: got %+v, want %+v as on disk", stats, got)
			}
		})
	}
}

func TestGenerateSpreadsPagesOverSections(t *testing.T) {
	dir, _ := generate(t, Options{Pages: testPages, Seed: 4})
	counts := map[string]int{}
	for _, f := range markdownFiles(t, dir) {
		if f.kind == pageFile {
			counts[f.section]++
		}
	}
	for _, s := range sections {
		if counts[s.name] == 0 {
			t.Errorf("section %s: got no pages, want some", s.name)
		}
	}
	for _, s := range []string{"principles", "constitution", "pages"} {
		if counts[s] >= counts["news"] {
			t.Errorf("section %s: got %d pages, want fewer than news (%d)", s, counts[s], counts["news"])
		}
	}
}

func TestGenerateRefusesFolderInUse(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		opts Options
	}{
		{"folder not empty", dir, Options{Pages: 1}},
		{"negative pages", filepath.Join(dir, "new"), Options{Pages: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Generate(tt.dir, tt.opts); err == nil {
				t.Errorf("Generate(%s, %+v): got no error, want one", tt.dir, tt.opts)
			}
		})
	}
	if data, err := os.ReadFile(filepath.Join(dir, "keep.txt")); err != nil || string(data) != "mine" {
		t.Errorf("keep.txt: got %q, %v; want it untouched", data, err)
	}
}

// common holds the front matter every page may have: engage's own fields
// and the site's taxonomies.
type common struct {
	content.Meta `yaml:",inline"`
	Topics       []string `yaml:"topics"`
	Areas        []string `yaml:"areas"`
	Audiences    []string `yaml:"audiences"`
}

// frontMatter returns where to decode the front matter of a file: a struct
// with the common fields and, for ordinary pages of a content type, that
// type's fields, so that decoding with KnownFields rejects any other.
// typed is the type's fields, or nil.
func frontMatter(section string, kind fileKind) (all any, c *common, typed any) {
	if kind != pageFile {
		v := &common{}
		return v, v, nil
	}
	switch section {
	case "principles":
		v := &struct {
			common            `yaml:",inline"`
			content.Principle `yaml:",inline"`
		}{}
		return v, &v.common, &v.Principle
	case "constitution":
		v := &struct {
			common               `yaml:",inline"`
			content.Constitution `yaml:",inline"`
		}{}
		return v, &v.common, &v.Constitution
	case "campaigns":
		v := &struct {
			common           `yaml:",inline"`
			content.Campaign `yaml:",inline"`
		}{}
		return v, &v.common, &v.Campaign
	case "events":
		v := &struct {
			common        `yaml:",inline"`
			content.Event `yaml:",inline"`
		}{}
		return v, &v.common, &v.Event
	case "updates":
		v := &struct {
			common         `yaml:",inline"`
			content.Update `yaml:",inline"`
		}{}
		return v, &v.common, &v.Update
	case "news":
		v := &struct {
			common       `yaml:",inline"`
			content.News `yaml:",inline"`
		}{}
		return v, &v.common, &v.News
	}
	v := &common{}
	return v, v, nil
}

// siteConfig lists every key site.yaml may use.
type siteConfig struct {
	Title        string `yaml:"title"`
	Description  string `yaml:"description"`
	BaseURL      string `yaml:"base_url"`
	Language     string `yaml:"language"`
	TimeZone     string `yaml:"time_zone"`
	Organisation struct {
		Name    string `yaml:"name"`
		Address string `yaml:"address"`
		Phone   string `yaml:"phone"`
		Email   string `yaml:"email"`
	} `yaml:"organisation"`
	Menus map[string][]struct {
		Name   string `yaml:"name"`
		URL    string `yaml:"url"`
		Weight int    `yaml:"weight"`
	} `yaml:"menus"`
	Taxonomies []string `yaml:"taxonomies"`
	PerPage    int      `yaml:"per_page"`
	Markdown   struct {
		RawHTML bool `yaml:"raw_html"`
	} `yaml:"markdown"`
}

func decodeStrict(data []byte, v any) error {
	d := yaml.NewDecoder(bytes.NewReader(data))
	d.KnownFields(true)
	return d.Decode(v)
}

type fileKind int

const (
	pageFile fileKind = iota
	easyFile
	indexFile
)

// mdFile is one Markdown file of a generated site, split at its front matter.
type mdFile struct {
	path    string // slash path from the site folder
	section string // "" for content/_index.md
	name    string // file name without .md or .easy.md
	kind    fileKind
	front   *common
	typed   any // *content.Event and so on, or nil
	body    string
}

// markdownFiles reads and decodes every Markdown file, failing the test on
// front matter that does not parse or uses a field pages may not have.
func markdownFiles(t *testing.T, dir string) []mdFile {
	t.Helper()
	files, paths := readTree(t, dir)
	var out []mdFile
	for _, p := range paths {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		f := mdFile{path: p, section: path.Base(path.Dir(p))}
		switch name := path.Base(p); {
		case name == "_index.md":
			f.kind = indexFile
		case strings.HasSuffix(name, ".easy.md"):
			f.kind, f.name = easyFile, strings.TrimSuffix(name, ".easy.md")
		default:
			f.kind, f.name = pageFile, strings.TrimSuffix(name, ".md")
		}
		if f.section == "content" {
			f.section = ""
		}
		text := string(files[p])
		rest, ok := strings.CutPrefix(text, "---\n")
		yml, body, ok2 := strings.Cut(rest, "\n---\n")
		if !ok || !ok2 {
			t.Errorf("%s: got no front matter between --- lines", p)
			continue
		}
		var all any
		all, f.front, f.typed = frontMatter(f.section, f.kind)
		if err := decodeStrict([]byte(yml), all); err != nil {
			t.Errorf("%s: front matter: %v", p, err)
		}
		f.body = body
		out = append(out, f)
	}
	if len(out) == 0 {
		t.Fatalf("%s: got no Markdown files", dir)
	}
	return out
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestGenerateFrontMatter(t *testing.T) {
	dir, _ := generate(t, Options{Pages: testPages, Seed: 5})

	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var site siteConfig
	if err := decodeStrict(data, &site); err != nil {
		t.Errorf("site.yaml: %v", err)
	}
	if site.BaseURL != "https://bench.example.org/" || site.PerPage != 20 || len(site.Menus["main"]) == 0 ||
		!slices.Equal(site.Taxonomies, []string{"topics", "areas", "audiences"}) || site.Organisation.Name == "" {
		t.Errorf("site.yaml: got %+v, want the bench base URL, 20 per page, a main menu, three taxonomies and an organisation", site)
	}

	urls := map[string]string{}
	for _, f := range markdownFiles(t, dir) {
		if f.front.Title == "" {
			t.Errorf("%s: got no title, want one", f.path)
		}
		if f.kind == indexFile {
			continue
		}
		// Pages are all published by Now, and none is due a review by then.
		for _, d := range []struct{ key, value, from, to string }{
			{"date", f.front.Date, "2020-01-01", "2026-06-30"},
			{"updated", f.front.Updated, "2020-01-01", "2026-06-30"},
			{"review_due", f.front.ReviewDue, "2026-07-02", "2028-07-01"},
		} {
			if d.value == "" && d.key != "date" {
				continue
			}
			if _, err := time.Parse(time.DateOnly, d.value); err != nil || d.value < d.from || d.value > d.to {
				t.Errorf("%s: %s: got %q, want a YYYY-MM-DD date from %s to %s", f.path, d.key, d.value, d.from, d.to)
			}
		}
		if f.front.Updated != "" && f.front.Updated < f.front.Date {
			t.Errorf("%s: got updated %s before date %s", f.path, f.front.Updated, f.front.Date)
		}
		if f.kind == easyFile {
			continue
		}
		for _, tax := range []struct {
			terms, pool []string
		}{{f.front.Topics, topics}, {f.front.Areas, areas}, {f.front.Audiences, audiences}} {
			for _, term := range tax.terms {
				if !slices.Contains(tax.pool, term) {
					t.Errorf("%s: got term %q, want one from the pools", f.path, term)
				}
			}
		}
		if len(f.front.Topics) == 0 {
			t.Errorf("%s: got no topics, want at least one", f.path)
		}
		slug := f.name
		if f.front.Slug != "" {
			slug = f.front.Slug
		}
		for _, s := range []string{f.name, slug} {
			if !slugRE.MatchString(s) {
				t.Errorf("%s: got slug %q, want lower-case letters, digits and hyphens", f.path, s)
			}
		}
		url := "/" + f.section + "/" + slug + "/"
		if other, ok := urls[url]; ok {
			t.Errorf("%s and %s: both have the URL %s", other, f.path, url)
		}
		urls[url] = f.path
	}
}

// linkRE finds the targets of Markdown links and images.
var linkRE = regexp.MustCompile(`\]\(([^)\s]+)\)`)

func TestGenerateLinksResolve(t *testing.T) {
	dir, _ := generate(t, Options{Pages: testPages, Seed: 6})
	files := markdownFiles(t, dir)
	urls := map[string]bool{"/": true}
	for _, s := range sections {
		urls["/"+s.name+"/"] = true
	}
	for _, f := range files {
		if f.kind == pageFile {
			slug := f.name
			if f.front.Slug != "" {
				slug = f.front.Slug
			}
			urls["/"+f.section+"/"+slug+"/"] = true
		}
	}

	var pageLinks, fileLinks, images int
	for _, f := range files {
		self := "/" + f.section + "/" + cmp.Or(f.front.Slug, f.name) + "/"
		for _, m := range linkRE.FindAllStringSubmatch(f.body, -1) {
			target := m[1]
			switch {
			case strings.HasPrefix(target, "/assets/images/"):
				images++
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
					t.Errorf("%s: image %s: %v", f.path, target, err)
				}
			case strings.HasPrefix(target, "/"):
				pageLinks++
				if !urls[target] {
					t.Errorf("%s: got a link to %s, want a page the site has", f.path, target)
				}
				if f.kind == pageFile && target == self {
					t.Errorf("%s: links to itself", f.path)
				}
			case strings.HasSuffix(target, ".md"):
				fileLinks++
				p := path.Join(path.Dir(f.path), target)
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil || strings.HasSuffix(p, ".easy.md") {
					t.Errorf("%s: got a link to %s, want a page file the site has", f.path, target)
				}
				if p == f.path {
					t.Errorf("%s: links to itself", f.path)
				}
			default:
				t.Errorf("%s: got a link to %s, want a site path or a relative .md file", f.path, target)
			}
		}
		for _, ref := range regexp.MustCompile(`\[\^(\d+)\]`).FindAllStringSubmatch(f.body, -1) {
			if !strings.Contains(f.body, "\n[^"+ref[1]+"]: ") {
				t.Errorf("%s: footnote [^%s] has no definition", f.path, ref[1])
			}
		}
	}
	if pageLinks == 0 || fileLinks == 0 || images == 0 {
		t.Errorf("got %d site path links, %d file links and %d images; want some of each", pageLinks, fileLinks, images)
	}
}

func TestGenerateBodies(t *testing.T) {
	dir, _ := generate(t, Options{Pages: testPages, Seed: 7})
	var pages, tables, footnotes int
	for _, f := range markdownFiles(t, dir) {
		level := 1 // the page title is the level-1 heading
		seen := map[string]bool{}
		lines := strings.Split(f.body, "\n")
		for i, line := range lines {
			if !strings.HasPrefix(line, "#") {
				continue
			}
			hashes, text, _ := strings.Cut(line, " ")
			n := len(hashes)
			if n < 2 || n > level+1 || text == "" {
				t.Errorf("%s:%d: got %q after a level %d heading, want ## or ### without skipping a level", f.path, i+1, line, level)
			}
			if seen[line] {
				t.Errorf("%s:%d: heading %q is repeated", f.path, i+1, line)
			}
			seen[line] = true
			level = n
		}
		switch f.kind {
		case pageFile:
			pages++
			// The target is 300 to 800 words; the last section may run over.
			if words := countWords(f.body); words < 300 || words > 1100 {
				t.Errorf("%s: got %d words, want 300 to 1100", f.path, words)
			}
			if strings.Contains(f.body, "\n| --- |") {
				tables++
			}
			if strings.Contains(f.body, "[^1]") {
				footnotes++
			}
		case easyFile:
			rows := 0
			for _, para := range strings.Split(strings.TrimSpace(f.body), "\n\n") {
				if strings.HasPrefix(para, "## ") {
					continue
				}
				rows++
				if !regexp.MustCompile(`^!\[\]\(/assets/images/easy-\d+\.svg\) \w`).MatchString(para) {
					t.Errorf("%s: got paragraph %q, want an easy-read picture then words", f.path, para)
				}
			}
			if rows == 0 {
				t.Errorf("%s: got no easy-read paragraphs", f.path)
			}
		}
	}
	if tables < pages/5 || tables > pages/2 {
		t.Errorf("got tables in %d of %d pages, want about a third", tables, pages)
	}
	if footnotes == 0 {
		t.Errorf("got no footnotes in %d pages, want some", pages)
	}
}

func TestSentenceLength(t *testing.T) {
	p := &prose{r: rand.New(rand.NewPCG(8, 0))}
	for range 2000 {
		s := p.sentence()
		if n := countWords(s); n < 8 || n > 20 {
			t.Fatalf("sentence %q: got %d words, want 8 to 20", s, n)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct {
		title string
		max   int
		want  string
	}{
		{"Have your say on bus routes", 6, "have-your-say-on-bus-routes"},
		{"Progress report: carers in Northfield", 6, "progress-report-carers-in-northfield"},
		{"New youth services hub opens in Eastfield", 6, "new-youth-services-hub-opens"},
		{"Carers cafe in Ashford Green", 3, "carers-cafe"},
		{"You said, we did: people's parks", 6, "you-said-we-did-peoples-parks"},
		{"Part 3: How the board makes decisions", 6, "part-3-how-the-board-makes"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := slugify(tt.title, tt.max); got != tt.want {
				t.Errorf("slugify(%q, %d): got %q, want %q", tt.title, tt.max, got, tt.want)
			}
		})
	}
}

func TestYAMLStringRoundTrips(t *testing.T) {
	tests := []struct {
		in        string
		wantPlain bool
	}{
		{"Carers cafe in Ashford Green", true},
		{"Progress report: carers", false},
		{"Easy read: About us", false},
		{`A "quoted" word`, false},
		{"yes", false},
		{"2024", false},
		{"Fees #2", false},
		{"People's views", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			out := yamlString(tt.in)
			if plain := out == tt.in; plain != tt.wantPlain {
				t.Errorf("yamlString(%q): got %s, want plain %v", tt.in, out, tt.wantPlain)
			}
			var got struct {
				V string `yaml:"v"`
			}
			if err := yaml.Unmarshal([]byte("v: "+out), &got); err != nil || got.V != tt.in {
				t.Errorf("yamlString(%q) = %s: reads back as %q, %v; want the same string", tt.in, out, got.V, err)
			}
		})
	}
}
