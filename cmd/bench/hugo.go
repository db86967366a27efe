package main

// The Hugo comparison. For each size bench also builds the same generated
// content folder with Hugo and a minimal theme equivalent to engage's
// default one, and prints engage's time and peak memory as fractions of
// Hugo's, against the targets of a quarter of Hugo's time and a fifth of
// its memory.
//
// The theme is in the hugo folder next to this file (embedded, so that the
// bench binary needs nothing else): every page has a header with the site
// title and the main menu of site.yaml, a breadcrumb, the main content and
// a footer with the organisation; a page shows its title, date, summary,
// content and linked taxonomy terms; sections and terms list their pages
// 20 at a time (engage's per_page); the home page, the taxonomy pages and a
// 404 page are there too, with Hugo's built-in RSS (the home page and the
// sections, like engage's feeds) and sitemap; a render hook turns links to
// .md files into addresses, as engage does. hugo.yaml is written at bench
// time from the corpus's site.yaml. The content folder is the corpus's
// own, mounted, so the two build exactly the same Markdown. What engage
// does and this theme does not (content checks, search index, A to Z,
// reports, calendars, open data, Atom and JSON feeds) makes the comparison
// lean in Hugo's favour.

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed all:hugo/layouts
var hugoTheme embed.FS

// Targets of the performance issue.
const (
	wallTarget  = 0.25 // engage's median wall time over Hugo's, at most
	rssTarget   = 0.20 // engage's peak RSS over Hugo's, at most
	largeSize   = 100_000
	scaleTarget = 12.0 // the 100,000-page time over the 10,000-page time, under
	largeRSSMax = 2e9  // the 100,000-page peak RSS in bytes, under (2 GB)
)

// hugoInstall is what to run to get Hugo, for the messages.
const hugoInstall = "apt-get install hugo"

// hugoDefault is where Debian's hugo package puts the binary.
var hugoDefault = "/usr/bin/hugo"

// findHugo returns the Hugo binary to run: bin when given, otherwise
// Debian's /usr/bin/hugo, otherwise hugo on PATH.
func findHugo(bin string) (string, error) {
	if bin != "" {
		return exec.LookPath(bin)
	}
	if p, err := exec.LookPath(hugoDefault); err == nil {
		return p, nil
	}
	return exec.LookPath("hugo")
}

// hugoSite is the part of engage's site.yaml that Hugo's config repeats.
type hugoSite struct {
	Title        string                    `yaml:"title"`
	Description  string                    `yaml:"description"`
	BaseURL      string                    `yaml:"base_url"`
	Language     string                    `yaml:"language"`
	TimeZone     string                    `yaml:"time_zone"`
	Organisation map[string]string         `yaml:"organisation"`
	Menus        map[string][]hugoMenuItem `yaml:"menus"`
	Taxonomies   []string                  `yaml:"taxonomies"`
	PerPage      int                       `yaml:"per_page"`
	Markdown     struct {
		RawHTML bool `yaml:"raw_html"`
	} `yaml:"markdown"`
}

type hugoMenuItem struct {
	Name   string `yaml:"name"`
	URL    string `yaml:"url"`
	Weight int    `yaml:"weight"`
}

// hugoConfig returns hugo.yaml for building site's content with the theme
// in the project folder.
func hugoConfig(site string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(site, "site.yaml"))
	if err != nil {
		return nil, err
	}
	var s hugoSite
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(site, "site.yaml"), err)
	}
	if s.PerPage == 0 {
		s.PerPage = 10 // engage's default
	}
	taxonomies := map[string]string{}
	for _, plural := range s.Taxonomies {
		singular := strings.TrimSuffix(plural, "s")
		if singular == "" {
			singular = plural
		}
		taxonomies[singular] = plural
	}
	// Hugo reads a weight of 0 as none and puts such entries last, so
	// the entries are numbered from 1 in engage's order instead.
	menus := map[string]any{}
	for name, items := range s.Menus {
		slices.SortStableFunc(items, func(a, b hugoMenuItem) int { return cmp.Compare(a.Weight, b.Weight) })
		var list []map[string]any
		for i, it := range items {
			list = append(list, map[string]any{"name": it.Name, "url": it.URL, "weight": i + 1})
		}
		menus[name] = list
	}
	abs, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	cfg := map[string]any{
		"baseURL":      s.BaseURL,
		"title":        s.Title,
		"languageCode": s.Language,
		"timeZone":     s.TimeZone,
		"paginate":     s.PerPage,
		"taxonomies":   taxonomies,
		"menus":        menus,
		"params":       map[string]any{"description": s.Description, "organisation": s.Organisation},
		// engage builds with --now 2026-07-01 and Hugo has no such flag:
		// publish every page whatever its date, as engage does.
		"buildFuture":  true,
		"buildExpired": true,
		// engage writes feeds for the site and its sections, of 50
		// entries; Hugo's default is a feed for every list page, of every
		// page.
		"rssLimit": 50,
		"outputs": map[string][]string{
			"home": {"HTML", "RSS"}, "section": {"HTML", "RSS"},
			"taxonomy": {"HTML"}, "term": {"HTML"},
		},
		"enableRobotsTXT": true,
		"markup":          map[string]any{"goldmark": map[string]any{"renderer": map[string]any{"unsafe": s.Markdown.RawHTML}}},
		// The corpus's own content and images, read where they are; the
		// theme from the project folder.
		"module": map[string]any{"mounts": []map[string]string{
			{"source": filepath.Join(abs, "content"), "target": "content"},
			{"source": filepath.Join(abs, "assets"), "target": "static/assets"},
			{"source": "layouts", "target": "layouts"},
		}},
	}
	out, err := yaml.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	head := "# Written by engage's cmd/bench from " + filepath.Join(abs, "site.yaml") + ".\n"
	return append([]byte(head), out...), nil
}

// writeHugoProject makes a Hugo project folder at dir that builds site's
// content: hugo.yaml and the theme's layouts. The site is not touched.
func writeHugoProject(dir, site string) error {
	cfg, err := hugoConfig(site)
	if err != nil {
		return err
	}
	theme, err := fs.Sub(hugoTheme, "hugo")
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, theme); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "hugo.yaml"), cfg, 0o644)
}

// hugoCommand is one Hugo build of the project proj into out. --minify
// because engage minifies its output by default (site.yaml's minify), as
// it does on the corpus, so both do that work;
// the cache goes under the project so nothing is left behind.
func hugoCommand(ctx context.Context, bin, proj, out string) *exec.Cmd {
	return exec.CommandContext(ctx, bin, "--source", proj, "--destination", out, "--minify",
		"--cacheDir", filepath.Join(proj, "cache"))
}

// hugoVersion returns the first line of hugo version.
func hugoVersion(ctx context.Context, bin string) string {
	out, err := exec.CommandContext(ctx, bin, "version").Output()
	if err != nil {
		return "version unknown"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}

// hugoCounts reads the pages and paginator pages of Hugo's build summary:
//
//	Pages            | 12068
//	Paginator pages  |   562
func hugoCounts(stdout []byte) (pages, pagers int, ok bool) {
	var seen int
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	for sc.Scan() {
		name, value, found := strings.Cut(sc.Text(), "|")
		if !found {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil {
			continue
		}
		switch strings.TrimSpace(name) {
		case "Pages":
			pages, seen = n, seen|1
		case "Paginator pages":
			pagers, seen = n, seen|2
		}
	}
	return pages, pagers, seen == 3
}

// countHTML counts the .html files under dir, apart from redirects (a
// meta refresh near the start, as Hugo writes for its aliases).
func countHTML(dir string) (pages, redirects int, err error) {
	buf := make([]byte, 1024)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".html") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		n, err := io.ReadFull(f, buf)
		f.Close()
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return err
		}
		if bytes.Contains(bytes.ToLower(buf[:n]), []byte("http-equiv=refresh")) || bytes.Contains(bytes.ToLower(buf[:n]), []byte(`http-equiv="refresh"`)) {
			redirects++
		} else {
			pages++
		}
		return nil
	})
	return pages, redirects, err
}

// hugoMode is the -hugo flag.
type hugoMode string

const (
	hugoAuto hugoMode = "auto"
	hugoOn   hugoMode = "on"
	hugoOff  hugoMode = "off"
)

func parseHugoMode(s string) (hugoMode, error) {
	switch m := hugoMode(s); m {
	case hugoAuto, hugoOn, hugoOff:
		return m, nil
	}
	return "", fmt.Errorf("-hugo: %q; want auto, on or off", s)
}

// errNoHugo is returned by -hugo on when Hugo is not installed.
var errNoHugo = errors.New("hugo: not installed (" + hugoInstall + "); -hugo on needs it to check the Hugo targets")

// missingHugo is the line bench prints when it does not compare with Hugo.
func missingHugo(mode hugoMode, bin string) string {
	if mode == hugoOff {
		return "hugo: not run (-hugo off); the Hugo targets are not checked"
	}
	where := "not installed (" + hugoInstall + ")"
	if bin != "" {
		where = bin + " not found or not executable"
	}
	return "hugo: " + where + "; the Hugo targets are not checked"
}

// verdict words whether a target is met.
func verdict(met bool) string {
	if met {
		return "met"
	}
	return "NOT met"
}

// ratioLine compares engage's median wall time and peak RSS with Hugo's.
func ratioLine(engage, hugo summary) string {
	wall := float64(engage.median) / float64(hugo.median)
	s := fmt.Sprintf("  engage/hugo: wall %.2f (target <= %.2f: %s)", wall, wallTarget, verdict(wall <= wallTarget))
	if engage.peak > 0 && hugo.peak > 0 {
		mem := float64(engage.peak) / float64(hugo.peak)
		s += fmt.Sprintf(", peak RSS %.2f (target <= %.2f: %s)", mem, rssTarget, verdict(mem <= rssTarget))
	} else {
		s += ", peak RSS unknown (target not checked)"
	}
	return s
}

// scaleLines checks the 100,000-page build against the 10,000-page one:
// its median time under 12 times as long and its peak RSS under 2 GB.
func scaleLines(small, large summary) []string {
	ratio := float64(large.median) / float64(small.median)
	lines := []string{fmt.Sprintf("engage %d/%d pages: wall %.1fx (target under %.0fx: %s)",
		large.size, small.size, ratio, scaleTarget, verdict(ratio < scaleTarget))}
	if large.peak >= 0 {
		lines = append(lines, fmt.Sprintf("engage %d pages: peak RSS %.2f GB (target under 2 GB: %s)",
			large.size, float64(large.peak)/1e9, verdict(float64(large.peak) < largeRSSMax)))
	} else {
		lines = append(lines, fmt.Sprintf("engage %d pages: peak RSS unknown (target under 2 GB not checked)", large.size))
	}
	return lines
}

// meminfo is where Linux tells how much memory is available; a variable
// so that tests can point it elsewhere.
var meminfo = "/proc/meminfo"

// memAvailable returns MemAvailable of /proc/meminfo in bytes.
func memAvailable() (int64, bool) {
	data, err := os.ReadFile(meminfo)
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemAvailable:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, false
			}
			return kb * 1024, true
		}
	}
	return 0, false
}

// memHeadroom is the share of the available memory a Hugo build may be
// expected to need before bench leaves it out.
const memHeadroom = 0.8

// hugoTooBig returns why Hugo is not run on a site of size pages, or ""
// to run it. Hugo's peak memory grows with the number of pages, and a
// build that runs out of memory can bring the machine down, so bench
// scales the peak of the largest smaller site Hugo built and leaves Hugo
// out when that is more than 80% of the memory available now.
func hugoTooBig(measured map[int]summary, size int) string {
	var from summary
	for n, s := range measured {
		if n < size && n > from.size && s.peak > 0 {
			from = s
		}
	}
	if from.size == 0 {
		return ""
	}
	avail, ok := memAvailable()
	if !ok {
		return ""
	}
	need := float64(from.peak) * float64(size) / float64(from.size)
	if need <= memHeadroom*float64(avail) {
		return ""
	}
	return fmt.Sprintf("hugo: not run on %d pages: its %d-page build peaked at %.2f GB, so this one would need about %.1f GB, and %.1f GB is available; the Hugo targets are not checked at this size",
		size, from.size, float64(from.peak)/1e9, need/1e9, float64(avail)/1e9)
}
