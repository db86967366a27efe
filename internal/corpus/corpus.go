// Package corpus writes synthetic engage sites for benchmarks and
// profiling: a site.yaml, Markdown pages spread over the sections of an
// engagement site, easy-read siblings and the images they show.
//
// It is not a stage of the build pipeline; it makes the input that the load
// stage reads, so that `make bench` measures every stage on a site shaped
// like a real one (front matter with taxonomies and review dates, the
// fields of each content type, headings, lists, tables, footnotes and links
// between pages). Campaigns, events and updates name each other, and pages
// name principles, by slugs that exist. Built as on the day Now, the site
// reports no errors and no warnings.
//
// The output depends only on Options: the same seed writes a byte-identical
// tree, whatever the machine or the number of CPUs.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// DefaultEasyReadEvery is the Options.EasyReadEvery used when it is zero.
const DefaultEasyReadEvery = 10

// Options says how big a site to write and from which random sequence.
type Options struct {
	// Pages is the number of ordinary pages, not counting the _index.md
	// files and easy-read siblings.
	Pages int
	// Seed picks the random sequence: the same seed writes the same site.
	Seed int64
	// EasyReadEvery gives one page in every EasyReadEvery an easy-read
	// sibling. Zero means DefaultEasyReadEvery; a negative value writes none.
	EasyReadEvery int
}

// Stats counts what Generate wrote.
type Stats struct {
	Pages    int   // ordinary pages
	EasyRead int   // easy-read siblings (<file>.easy.md)
	Indexes  int   // _index.md files: the home page and one per section
	Images   int   // SVG files under assets/images
	Bytes    int64 // total size of every file written
}

// section is one content section and its share of the pages in percent.
type section struct {
	name, title string
	share       int
}

// sections in menu order; news, updates, events and campaigns hold most pages.
var sections = []section{
	{"news", "News", 28},
	{"updates", "Updates", 22},
	{"events", "Events", 20},
	{"campaigns", "Campaigns", 15},
	{"pages", "About us", 7},
	{"principles", "Our principles", 4},
	{"constitution", "Constitution", 4},
}

// page is one planned page. Links are drawn from the plan, so every link
// points at a page that is written.
type page struct {
	section string
	ordinal int    // 1-based position within its section
	file    string // file name without ".md"
	slug    string // the slug: field, or "" when the file name is the slug
	title   string
	easy    bool // has an easy-read sibling

	// The facts of the engagement types, set by plan.engagement.
	kind          string    // principles: principle or standard; campaigns: one of campaignKinds
	number        int       // principles: unique within the kind
	opens, closes time.Time // campaigns
	status        string    // campaigns: "", withdrawn or paused
	start         time.Time // events: the day it starts
	link          int       // events: the campaign; updates: the campaign or event reported on; -1 for none
	events        []int     // campaigns: the events that name it
}

// name is the last part of the page's URL, by which other pages name it.
// File names end in the page's position in the plan, so names are unique
// across the site, as engage needs them to be across campaigns and events.
func (p *page) name() string {
	if p.slug != "" {
		return p.slug
	}
	return p.file
}

// url is the page's site path.
func (p *page) url() string { return "/" + p.section + "/" + p.name() + "/" }

// plan is every page of the site, decided before any is written.
type plan struct {
	seed      int64
	pages     []page
	bySection map[string][]int // page indexes; looked up, never ranged over
	r         *prose           // the plan's own source, also used for the index pages
}

func newPlan(opts Options) *plan {
	pl := &plan{
		seed:      opts.Seed,
		pages:     make([]page, 0, opts.Pages),
		bySection: map[string][]int{},
		r:         &prose{r: rand.New(rand.NewPCG(uint64(opts.Seed), 0))},
	}
	var order []int
	for s, n := range sectionCounts(opts.Pages) {
		for range n {
			order = append(order, s)
		}
	}
	pl.r.r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	ordinals := make([]int, len(sections))
	for i, s := range order {
		ordinals[s]++
		name := sections[s].name
		n := strconv.Itoa(i + 1)
		p := page{section: name, ordinal: ordinals[s]}
		p.title = pl.title(name, p.ordinal)
		p.file = slugify(p.title, 6) + "-" + n
		if pl.r.chance(8) {
			p.slug = slugify(pl.r.fill("{area} {topic}"), 5) + "-" + n
		}
		p.easy = opts.EasyReadEvery > 0 && (i+1)%opts.EasyReadEvery == 0
		pl.bySection[name] = append(pl.bySection[name], i)
		pl.pages = append(pl.pages, p)
	}
	pl.engagement()
	return pl
}

// title picks a title for the nth page of a section. Reference sections
// take their titles in order; the others draw them at random.
func (pl *plan) title(name string, n int) string {
	t := titleTemplates[name]
	switch name {
	case "principles", "pages", "constitution":
		s := strings.ReplaceAll(t[(n-1)%len(t)], "{ordinal}", strconv.Itoa(n))
		if n > len(t) && name != "constitution" {
			s += " (part " + strconv.Itoa((n-1)/len(t)+1) + ")"
		}
		return s
	}
	return upperFirst(pl.r.fill(pl.r.pick(t)))
}

// sectionCounts shares n pages between the sections by their shares, giving
// every section at least one page when there are enough to go round.
func sectionCounts(n int) []int {
	counts := make([]int, len(sections))
	total := 0
	for i, s := range sections {
		counts[i] = n * s.share / 100
		total += counts[i]
	}
	for i := 0; total < n; i = (i + 1) % len(counts) {
		counts[i]++
		total++
	}
	if n >= len(sections) {
		for i := range counts {
			if counts[i] == 0 {
				counts[i]++
				counts[0]--
			}
		}
	}
	return counts
}

// other returns the index of a page other than self, from the same section
// half of the time. The plan must hold at least two pages.
func (pl *plan) other(r *rand.Rand, self int) int {
	if same := pl.bySection[pl.pages[self].section]; len(same) > 1 && r.IntN(2) == 0 {
		for {
			if j := same[r.IntN(len(same))]; j != self {
				return j
			}
		}
	}
	for {
		if j := r.IntN(len(pl.pages)); j != self {
			return j
		}
	}
}

// Generate writes a synthetic site into dir, which must be empty or absent.
func Generate(dir string, opts Options) (Stats, error) {
	if opts.Pages < 0 {
		return Stats{}, fmt.Errorf("generate corpus: %d pages is fewer than none", opts.Pages)
	}
	if opts.EasyReadEvery == 0 {
		opts.EasyReadEvery = DefaultEasyReadEvery
	}
	if err := emptyDir(dir); err != nil {
		return Stats{}, err
	}
	pl := newPlan(opts)
	w := &writer{dir: dir}
	for _, s := range sections {
		if err := os.MkdirAll(filepath.Join(dir, "content", s.name), 0o755); err != nil {
			return Stats{}, fmt.Errorf("generate corpus: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "assets", "images"), 0o755); err != nil {
		return Stats{}, fmt.Errorf("generate corpus: %w", err)
	}

	files := append([]file{
		{"site.yaml", siteYAML()},
		{"content/_index.md", pl.home()},
	}, images()...)
	for _, s := range sections {
		files = append(files, file{"content/" + s.name + "/_index.md", pl.sectionIndex(s)})
	}
	for _, f := range files {
		if err := w.write(f.path, f.data); err != nil {
			return Stats{}, err
		}
	}
	stats := Stats{
		Pages:   len(pl.pages),
		Indexes: 1 + len(sections),
		Images:  len(photos) + easyImages,
	}

	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range pl.pages {
		p := &pl.pages[i]
		if p.easy {
			stats.EasyRead++
		}
		g.Go(func() error {
			main, easy := pl.render(i)
			base := "content/" + p.section + "/" + p.file
			if err := w.write(base+".md", main); err != nil || easy == nil {
				return err
			}
			return w.write(base+".easy.md", easy)
		})
	}
	err := g.Wait()
	stats.Bytes = w.bytes.Load()
	return stats, err
}

// emptyDir creates dir, or checks that it is an empty folder.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("generate corpus: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("generate corpus: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("generate corpus: %s is not empty; choose an empty or new folder", dir)
	}
	return nil
}

// file is one file to write, its path relative to the site folder.
type file struct {
	path string
	data []byte
}

// writer writes files under dir and counts their bytes.
type writer struct {
	dir   string
	bytes atomic.Int64
}

func (w *writer) write(rel string, data []byte) error {
	if err := os.WriteFile(filepath.Join(w.dir, filepath.FromSlash(rel)), data, 0o644); err != nil {
		return fmt.Errorf("generate corpus: %w", err)
	}
	w.bytes.Add(int64(len(data)))
	return nil
}

// The prose is random, so now and then a page reads harder than engage's
// default target, a reading age of 12, and the build warns. render writes
// up to maxDrafts bodies and keeps the first that reads at readingAge or
// younger, which leaves room for the ways engage reads Markdown that the
// body's own count does not follow.
const (
	readingAge = 11.5
	maxDrafts  = 20
)

// render returns the Markdown of page i, and of its easy-read sibling or nil.
// Each page has its own random source so that pages can be written in
// parallel and still come out the same.
func (pl *plan) render(i int) (main, easy []byte) {
	p := &pl.pages[i]
	r := &prose{r: rand.New(rand.NewPCG(uint64(pl.seed), uint64(i)+1))}

	var b bytes.Buffer
	b.WriteString("---\n")
	field(&b, "title", p.title)
	if p.slug != "" {
		field(&b, "slug", p.slug)
	}
	field(&b, "summary", strings.ReplaceAll(r.sentence(), "*", ""))
	date := pl.published(r, p)
	field(&b, "date", day(date))
	if r.chance(40) && date.Before(lastDate) {
		field(&b, "updated", day(r.day(date.AddDate(0, 0, 1), lastDate)))
	}
	if r.chance(50) {
		field(&b, "review_due", day(r.day(now.AddDate(0, 0, 1), reviewUntil)))
	}
	switch p.section {
	case "principles", "constitution", "pages":
		b.WriteString("weight: " + strconv.Itoa(p.ordinal*10) + "\n")
	default:
		if r.chance(10) {
			b.WriteString("weight: " + strconv.Itoa(r.between(1, 100)) + "\n")
		}
	}
	pl.typeFields(&b, r, i, date)
	pl.references(&b, r, i)
	terms(&b, r, "topics", topics, r.between(1, 3))
	if r.chance(70) {
		terms(&b, r, "areas", areas, r.between(1, 2))
	}
	if r.chance(60) {
		terms(&b, r, "audiences", audiences, r.between(1, 2))
	}
	b.WriteString("---\n\n")
	clauses := p.section == "constitution" && r.chance(60)
	var w *body
	for range maxDrafts {
		w = newBody(r, pl, i)
		w.clauses, w.scored = clauses, true
		w.page(r.between(300, 800), r.chance(33), r.chance(15))
		if w.age() <= readingAge {
			break
		}
	}
	b.Write(w.b.Bytes())
	main = b.Bytes()

	if !p.easy {
		return main, nil
	}
	var e bytes.Buffer
	e.WriteString("---\n")
	field(&e, "title", "Easy read: "+p.title)
	field(&e, "summary", "This is an easy read version of "+p.title+".")
	field(&e, "date", day(date))
	e.WriteString("---\n\n")
	w = newBody(r, pl, i)
	w.easyRead()
	e.Write(w.b.Bytes())
	return main, e.Bytes()
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// field writes one "key: value" line of front matter. A key indented with
// spaces writes a field of the map above it.
func field(b *bytes.Buffer, key, value string) {
	b.WriteString(key)
	b.WriteString(": ")
	b.WriteString(yamlString(value))
	b.WriteByte('\n')
}

// terms writes n distinct terms from pool.
func terms(b *bytes.Buffer, r *prose, key string, pool []string, n int) {
	picked := make([]string, n)
	for i, j := range r.r.Perm(len(pool))[:n] {
		picked[i] = pool[j]
	}
	list(b, r, key, picked)
}

// yamlString writes s plain when YAML reads it back as the same string,
// and double-quoted otherwise.
func yamlString(s string) string {
	plain := s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] >= '0' && s[0] <= '9') &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		!strings.ContainsAny(s, "\"\\\n[]{}")
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		plain = false
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		plain = false
	}
	if plain {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// home returns content/_index.md.
func (pl *plan) home() []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	field(&b, "title", siteTitle)
	field(&b, "summary", "News, events and consultations from "+siteTitle+".")
	b.WriteString("---\n\n")
	b.WriteString(pl.r.paragraph(3) + "\n\n")
	b.WriteString("Find out what is happening:\n\n")
	for _, s := range sections {
		b.WriteString("- [" + s.title + "](/" + s.name + "/)\n")
	}
	b.WriteString("\n" + pl.r.paragraph(2) + "\n")
	return b.Bytes()
}

// sectionIndex returns content/<section>/_index.md.
func (pl *plan) sectionIndex(s section) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	field(&b, "title", s.title)
	field(&b, "summary", strings.ReplaceAll(pl.r.sentence(), "*", ""))
	b.WriteString("---\n\n")
	b.WriteString(pl.r.paragraph(pl.r.between(2, 4)) + "\n")
	if pl.r.chance(50) {
		b.WriteString("\n" + pl.r.paragraph(2) + "\n")
	}
	return b.Bytes()
}
