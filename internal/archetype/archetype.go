// Package archetype starts new content files from templates, for engage
// new: each template has every field of its content type with a comment
// saying what to put there, today's date, and a body outline that follows
// the writing guidance. A site's own archetypes/<type>.md replaces the
// built-in template of that type. It writes files; it is not part of the
// build pipeline.
package archetype

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/slugify"
	"gopkg.in/yaml.v3"
)

//go:embed builtin/*.md
var builtin embed.FS

// Kinds maps the words authors may type to a template and the section it
// writes into. "consultation" is a campaign of that kind.
var Kinds = map[string]struct{ Template, Section, Kind string }{
	"event":           {"events", "events", ""},
	"events":          {"events", "events", ""},
	"campaign":        {"campaigns", "campaigns", "campaign"},
	"campaigns":       {"campaigns", "campaigns", "campaign"},
	"consultation":    {"campaigns", "campaigns", "consultation"},
	"survey":          {"campaigns", "campaigns", "survey"},
	"engagement":      {"campaigns", "campaigns", "engagement"},
	"update":          {"updates", "updates", ""},
	"updates":         {"updates", "updates", ""},
	"you-said-we-did": {"updates", "updates", ""},
	"news":            {"news", "news", ""},
	"principle":       {"principles", "principles", "principle"},
	"principles":      {"principles", "principles", "principle"},
	"standard":        {"principles", "principles", "standard"},
	"constitution":    {"constitution", "constitution", ""},
	"page":            {"page", "", ""},
}

// UnknownKind is the error for a kind of page engage does not know.
type UnknownKind struct{ Kind string }

func (e *UnknownKind) Error() string {
	return fmt.Sprintf("%q is not a kind of page; use one of: %s", e.Kind, strings.Join(Names(), ", "))
}

// Names lists the kinds, sorted, for help text.
func Names() []string {
	out := make([]string, 0, len(Kinds)+1)
	for k := range Kinds {
		out = append(out, k)
	}
	out = append(out, "easy-read")
	sort.Strings(out)
	return out
}

// Data is what a template can use.
type Data struct {
	Title       string
	QuotedTitle string // the title as a YAML string
	Today       string // 2026-03-14
	Start, End  string // an event two weeks from today, 10am to midday
	Closes      string // twelve weeks and a day from today
	Review      string // a year from today
	Number      int    // the next free principle number
	Kind        string
	Taxonomies  []string // the site's taxonomies, each a front matter field
}

// New writes a new page of a kind with a title into the site at root and
// returns its path. It never overwrites a file.
func New(root, kind, title string, now time.Time) (string, error) {
	k, ok := Kinds[kind]
	if !ok {
		return "", &UnknownKind{Kind: kind}
	}
	name := slugify.Make(title)
	if name == "" {
		return "", fmt.Errorf("cannot make a file name from %q; use a title with letters or numbers", title)
	}
	dir := filepath.Join(root, "content", k.Section)
	d := data(title, now, taxonomies(root))
	d.Kind = k.Kind
	if k.Section == "principles" {
		d.Number = nextNumber(dir, k.Kind)
	}
	return write(root, []string{kind, k.Template}, filepath.Join(dir, name+".md"), d)
}

// NewEasyRead writes the easy-read version of a page, beside it. page may
// be the file ("content/events/carers-cafe.md"), its path under content/
// or the page's address ("/events/carers-cafe/").
func NewEasyRead(root, page string, now time.Time) (string, error) {
	file, err := findPage(root, page)
	if err != nil {
		return "", err
	}
	title := readTitle(file)
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(file), ".md")
	}
	return write(root, []string{"easy-read"}, strings.TrimSuffix(file, ".md")+".easy.md", data(title+" (easy read)", now, nil))
}

// taxonomies are the site's taxonomies, each a front matter field of the
// new page: site.yaml's, or the defaults when it cannot be read.
func taxonomies(root string) []string {
	if cfg, _ := config.Load(os.DirFS(root)); cfg != nil {
		return cfg.Taxonomies
	}
	return config.DefaultTaxonomies
}

func data(title string, now time.Time, taxonomies []string) Data {
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	start := now.AddDate(0, 0, 14)
	return Data{
		Title: title, QuotedTitle: strconv.Quote(title), Today: day(now),
		Start:      day(start) + "T10:00",
		End:        day(start) + "T12:00",
		Closes:     day(now.AddDate(0, 0, 7*12)),
		Review:     day(now.AddDate(1, 0, 0)),
		Number:     1,
		Taxonomies: taxonomies,
	}
}

// write fills the first template that exists of the site's
// archetypes/<name>.md for each name (the type as typed, then its
// template's name), or else the built-in one, and creates the file,
// refusing to replace one.
func write(root string, names []string, file string, d Data) (string, error) {
	var text []byte
	err := fs.ErrNotExist
	name := names[len(names)-1]
	for _, n := range names {
		text, err = os.ReadFile(filepath.Join(root, "archetypes", n+".md"))
		if err == nil {
			name = n
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		text, err = builtin.ReadFile("builtin/" + name + ".md")
	}
	if err != nil {
		return "", err
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return "", fmt.Errorf("archetypes/%s.md: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return "", fmt.Errorf("archetypes/%s.md: %w", name, err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; engage new never replaces a file: choose another title, or edit that file", rel(root, file))
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return rel(root, file), f.Close()
}

func rel(root, file string) string {
	if r, err := filepath.Rel(root, file); err == nil {
		return filepath.ToSlash(r)
	}
	return file
}

var numberLine = regexp.MustCompile(`(?m)^number:\s*(\d+)\s*(?:#.*)?$`)
var kindLine = regexp.MustCompile(`(?m)^kind:\s*(\w+)\s*(?:#.*)?$`)

// nextNumber is one more than the highest number of the principles (or
// standards) already written.
func nextNumber(dir, kind string) int {
	entries, _ := os.ReadDir(dir)
	highest := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.HasSuffix(e.Name(), ".easy.md") {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		k := "principle"
		if m := kindLine.FindSubmatch(text); m != nil {
			k = string(m[1])
		}
		if k != kind {
			continue
		}
		if m := numberLine.FindSubmatch(text); m != nil {
			if n, err := strconv.Atoi(string(m[1])); err == nil && n > highest {
				highest = n
			}
		}
	}
	return highest + 1
}

// findPage turns the ways of naming a page into its file.
func findPage(root, page string) (string, error) {
	p := strings.TrimPrefix(filepath.ToSlash(page), "./")
	p = strings.TrimPrefix(p, "content/")
	p = strings.Trim(p, "/")
	candidates := []string{p}
	if !strings.HasSuffix(p, ".md") {
		candidates = []string{p + ".md", p + "/index.md"}
	}
	for _, c := range candidates {
		f := filepath.Join(root, "content", filepath.FromSlash(c))
		if info, err := os.Stat(f); err == nil && !info.IsDir() {
			return f, nil
		}
	}
	return "", fmt.Errorf("there is no page %q; name it by its file, such as content/events/carers-cafe.md", page)
}

// readTitle reads a page's title from its front matter, for the
// easy-read version's title.
func readTitle(file string) string {
	text, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	fm, _, ok := strings.Cut(strings.TrimPrefix(strings.ReplaceAll(string(text), "\r\n", "\n"), "---\n"), "\n---")
	if !ok {
		return ""
	}
	var meta struct {
		Title string `yaml:"title"`
	}
	if err := yaml.Unmarshal([]byte(fm), &meta); err != nil {
		return ""
	}
	return meta.Title
}
