package archetype_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/archetype"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/schema"
	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

const (
	today    = "2026-11-23"
	siteYAML = "title: Test site\norganisation:\n  name: Test Board\n"
)

// now is today, in the morning, in the UK.
func now(t *testing.T) time.Time {
	t.Helper()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2026, 11, 23, 9, 30, 0, 0, london)
}

// newSite writes a minimal site (site.yaml and the given files) into a
// new folder and returns it.
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	all := map[string]string{"site.yaml": siteYAML}
	for k, v := range files {
		all[k] = v
	}
	for name, data := range all {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// mustBuild builds the site strictly and fails the test on any problem,
// warnings included. It returns the output folder.
func mustBuild(t *testing.T, dir string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{Source: dir, Dest: dest, Now: today, Theme: engage.Theme, Strict: true})
	if err != nil || len(res.Problems) > 0 {
		t.Fatalf("Build: %v; got problems, want none:\n%s", err, res.Problems.Error())
	}
	return dest
}

// pageOf loads the site and returns the parsed page of a content file.
func pageOf(t *testing.T, dir, file string) *content.Page {
	t.Helper()
	plan, err := build.Load(context.Background(), build.Options{Source: dir, Now: today, Theme: engage.Theme, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Site == nil {
		t.Fatalf("the site did not resolve:\n%s", plan.Problems.Error())
	}
	for _, p := range plan.Site.Pages {
		if p.Source != nil && p.Source.Path == file {
			return p.Source
		}
	}
	t.Fatalf("%s is not a page of the site; problems:\n%s", file, plan.Problems.Error())
	return nil
}

// frontMatter decodes the front matter of a written file.
func frontMatter(t *testing.T, text string) map[string]any {
	t.Helper()
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		t.Fatalf("no front matter in %q", text)
	}
	fm, _, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("front matter not closed in %q", text)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
		t.Fatalf("front matter: %v", err)
	}
	return m
}

// typeKeys are the fields of each content type, which a new page of that
// type must have every one of.
var typeKeys = map[string][]string{
	"events":       schema.Keys(content.Event{}),
	"campaigns":    schema.Keys(content.Campaign{}),
	"updates":      schema.Keys(content.Update{}),
	"news":         schema.Keys(content.News{}),
	"principles":   schema.Keys(content.Principle{}),
	"constitution": schema.Keys(content.Constitution{}),
	"page":         nil,
}

func kinds() []string {
	var out []string
	for k := range archetype.Kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestNewEveryKindBuilds(t *testing.T) {
	for _, kind := range kinds() {
		t.Run(kind, func(t *testing.T) {
			k := archetype.Kinds[kind]
			dir := newSite(t, nil)
			title := "Planning our " + kind
			got, err := archetype.New(dir, kind, title, now(t))
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			want := "content/" + k.Section + "/planning-our-" + kind + ".md"
			if k.Section == "" {
				want = "content/planning-our-" + kind + ".md"
			}
			if got != want {
				t.Errorf("got path %q, want %q", got, want)
			}
			text := read(t, dir, want)
			fm := frontMatter(t, text)
			if d, _ := fm["date"].(time.Time); d.Format("2006-01-02") != today {
				t.Errorf("got date %v, want %s", fm["date"], today)
			}
			keys, ok := typeKeys[k.Template]
			if !ok {
				t.Fatalf("no fields known for template %q", k.Template)
			}
			for _, key := range append([]string{"title", "summary", "date"}, keys...) {
				if _, ok := fm[key]; !ok {
					t.Errorf("the page has no %s field", key)
				}
			}
			if k.Kind != "" && fm["kind"] != k.Kind {
				t.Errorf("got kind %v, want %s", fm["kind"], k.Kind)
			}
			dest := mustBuild(t, dir)
			out := strings.TrimSuffix(strings.TrimPrefix(want, "content/"), ".md") + "/index.html"
			page, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(out)))
			if err != nil {
				t.Fatalf("the page was not built: %v", err)
			}
			if !bytes.Contains(page, []byte(title)) {
				t.Errorf("%s does not show the title %q", out, title)
			}
		})
	}
}

func TestNewTitles(t *testing.T) {
	tests := []struct {
		title    string
		wantFile string
	}{
		{"Carers café", "content/news/carers-cafe.md"},
		{`The "big" question`, "content/news/the-big-question.md"},
		{"Carers' café: drop in", "content/news/carers-cafe-drop-in.md"},
		{"Update: what's next?", "content/news/update-whats-next.md"},
		{"Événement à Crème Brûlée", "content/news/evenement-a-creme-brulee.md"},
		{`Back\slash and # hash`, "content/news/back-slash-and-hash.md"},
		{"- starts with a dash", "content/news/starts-with-a-dash.md"},
		{"[Brackets] and {braces}", "content/news/brackets-and-braces.md"},
		{"yes", "content/news/yes.md"},
		{"2026", "content/news/2026.md"},
		{"100% & more", "content/news/100-and-more.md"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			dir := newSite(t, nil)
			got, err := archetype.New(dir, "news", tt.title, now(t))
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if got != tt.wantFile {
				t.Errorf("got file %q, want %q", got, tt.wantFile)
			}
			if p := pageOf(t, dir, got); p.Meta.Title != tt.title {
				t.Errorf("got title %q, want %q", p.Meta.Title, tt.title)
			}
		})
	}
}

func TestNewTitleWithoutLetters(t *testing.T) {
	dir := newSite(t, nil)
	for _, title := range []string{"", "   ", "!!!", "🎉"} {
		if got, err := archetype.New(dir, "news", title, now(t)); err == nil {
			t.Errorf("New(%q): got %q, want an error", title, got)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "news")); len(entries) > 0 {
		t.Errorf("got %d files written, want none", len(entries))
	}
}

func TestNewUnknownKind(t *testing.T) {
	dir := newSite(t, nil)
	_, err := archetype.New(dir, "meeting", "A meeting", now(t))
	if err == nil {
		t.Fatal("got no error, want one")
	}
	if !strings.Contains(err.Error(), "event") || !strings.Contains(err.Error(), `"meeting"`) {
		t.Errorf("got error %q, want it to name the kind and list the kinds", err)
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	for _, kind := range []string{"event", "page", "principle"} {
		t.Run(kind, func(t *testing.T) {
			dir := newSite(t, nil)
			file, err := archetype.New(dir, kind, "Carers café", now(t))
			if err != nil {
				t.Fatal(err)
			}
			const edited = "---\ntitle: Edited by hand\n---\nMy words.\n"
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(file)), []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			again, err := archetype.New(dir, kind, "Carers café", now(t))
			if err == nil {
				t.Fatalf("second New: got %q, want an error", again)
			}
			if !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "already exists") {
				t.Errorf("got error %q, want it to say %s already exists", err, file)
			}
			if got := read(t, dir, file); got != edited {
				t.Errorf("the file changed: got %q, want %q", got, edited)
			}
		})
	}
}

func TestNewUsesSiteArchetype(t *testing.T) {
	tests := []struct {
		kind, archetype, wantFile string
	}{
		{"event", "archetypes/event.md", "content/events/carers-cafe.md"},
		{"news", "archetypes/news.md", "content/news/carers-cafe.md"},
		{"consultation", "archetypes/consultation.md", "content/campaigns/carers-cafe.md"},
		{"page", "archetypes/page.md", "content/carers-cafe.md"},
	}
	for _, tt := range tests {
		t.Run(tt.archetype, func(t *testing.T) {
			tmpl := "---\ntitle: {{.QuotedTitle}}\n# our own template\ndate: {{.Today}}\n---\nOur own outline for {{.Title}}.\n"
			dir := newSite(t, map[string]string{tt.archetype: tmpl})
			file, err := archetype.New(dir, tt.kind, "Carers café", now(t))
			if err != nil {
				t.Fatal(err)
			}
			if file != tt.wantFile {
				t.Errorf("got file %q, want %q", file, tt.wantFile)
			}
			want := "---\ntitle: \"Carers café\"\n# our own template\ndate: " + today + "\n---\nOur own outline for Carers café.\n"
			if diff := cmp.Diff(want, read(t, dir, file)); diff != "" {
				t.Errorf("%s was not used (-want +got):\n%s", tt.archetype, diff)
			}
		})
	}
}

func TestNewBrokenSiteArchetype(t *testing.T) {
	dir := newSite(t, map[string]string{"archetypes/news.md": "---\ntitle: {{.NoSuchField}}\n---\n"})
	_, err := archetype.New(dir, "news", "Carers café", now(t))
	if err == nil || !strings.Contains(err.Error(), "archetypes/news.md") {
		t.Errorf("got error %v, want one naming archetypes/news.md", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "news", "carers-cafe.md")); err == nil {
		t.Errorf("a page was written from a broken template")
	}
}

func TestNewNumbersPrinciples(t *testing.T) {
	principle := func(n, kind string) string {
		k := ""
		if kind != "" {
			k = "kind: " + kind + "\n"
		}
		return "---\ntitle: \"Principle " + n + "\"\nsummary: A promise.\ndate: 2026-01-01\nnumber: " + n + "\n" + k + "---\nText.\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		kind  string
		want  int
	}{
		{"the first principle", nil, "principle", 1},
		{"the first standard", nil, "standard", 1},
		{
			name: "after the highest principle, whatever the order of the files",
			files: map[string]string{
				"content/principles/a.md": principle("7", ""),
				"content/principles/b.md": principle("3", "principle"),
				"content/principles/c.md": principle("12", "standard"),
			},
			kind: "principle", want: 8,
		},
		{
			name: "standards are numbered on their own",
			files: map[string]string{
				"content/principles/a.md": principle("7", ""),
				"content/principles/c.md": principle("2", "standard"),
				"content/principles/d.md": principle("4", "standard"),
			},
			kind: "standard", want: 5,
		},
		{
			name: "easy-read versions do not count",
			files: map[string]string{
				"content/principles/a.md":      principle("2", ""),
				"content/principles/a.easy.md": principle("9", ""),
			},
			kind: "principle", want: 3,
		},
		{
			name: "numbers written with a comment after them",
			files: map[string]string{
				"content/principles/a.md": "---\ntitle: A\nsummary: A promise.\ndate: 2026-01-01\nnumber: 1 # the first\nkind: principle # not a standard\n---\nText.\n",
			},
			kind: "principle", want: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t, tt.files)
			file, err := archetype.New(dir, tt.kind, "Number test", now(t))
			if err != nil {
				t.Fatal(err)
			}
			p := pageOf(t, dir, file)
			if p.Fields.Principle == nil {
				t.Fatalf("%s has no principle fields", file)
			}
			if got := p.Fields.Principle.Number; got != tt.want {
				t.Errorf("got number %d, want %d", got, tt.want)
			}
			wantKind := tt.kind
			if got := p.Fields.Principle.Kind; got != wantKind {
				t.Errorf("got kind %q, want %q", got, wantKind)
			}
		})
	}
}

func TestNewEasyRead(t *testing.T) {
	files := map[string]string{
		"content/news/hello.md":        "---\ntitle: \"Hello: a \\\"story\\\"\"\nsummary: A story.\ndate: 2026-11-01\n---\nWe opened a new clinic.\n",
		"content/news/single.md":       "---\ntitle: 'Carers'' café'\nsummary: A story.\ndate: 2026-11-01\n---\nText.\n",
		"content/news/plain.md":        "---\ntitle: Plain title # with a comment\nsummary: A story.\ndate: 2026-11-01\n---\nText.\n",
		"content/events/cafe/index.md": "---\ntitle: Cafe\nsummary: A cafe.\ndate: 2026-11-01\nstart: 2026-12-01T10:00\nend: 2026-12-01T12:00\nvenue:\n  name: The hall\n  address: 1 Street, Town\n  postcode: ZZ1 1ZZ\n---\nCome and talk to us.\n",
	}
	tests := []struct {
		page     string
		wantFile string
		original string
	}{
		{"content/news/hello.md", "content/news/hello.easy.md", "content/news/hello.md"},
		{"news/hello.md", "content/news/hello.easy.md", "content/news/hello.md"},
		{"./content/news/hello.md", "content/news/hello.easy.md", "content/news/hello.md"},
		{"/news/hello/", "content/news/hello.easy.md", "content/news/hello.md"},
		{"news/hello", "content/news/hello.easy.md", "content/news/hello.md"},
		{"/events/cafe/", "content/events/cafe/index.easy.md", "content/events/cafe/index.md"},
		{"content/events/cafe/index.md", "content/events/cafe/index.easy.md", "content/events/cafe/index.md"},
		{"content/news/single.md", "content/news/single.easy.md", "content/news/single.md"},
		{"content/news/plain.md", "content/news/plain.easy.md", "content/news/plain.md"},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			dir := newSite(t, files)
			got, err := archetype.NewEasyRead(dir, tt.page, now(t))
			if err != nil {
				t.Fatalf("NewEasyRead: %v", err)
			}
			if got != tt.wantFile {
				t.Errorf("got file %q, want %q", got, tt.wantFile)
			}
			original := pageOf(t, dir, tt.original)
			easy := pageOf(t, dir, tt.wantFile)
			if !easy.EasyRead {
				t.Errorf("%s is not an easy-read page", tt.wantFile)
			}
			if want := original.Meta.Title + " (easy read)"; easy.Meta.Title != want {
				t.Errorf("got title %q, want %q", easy.Meta.Title, want)
			}
			mustBuild(t, dir)
			if _, err := archetype.NewEasyRead(dir, tt.page, now(t)); err == nil {
				t.Errorf("a second NewEasyRead: got no error, want one")
			}
		})
	}
}

func TestNewEasyReadUnknownPage(t *testing.T) {
	dir := newSite(t, nil)
	for _, page := range []string{"content/news/nothing.md", "/nowhere/", "../site.yaml"} {
		if got, err := archetype.NewEasyRead(dir, page, now(t)); err == nil {
			t.Errorf("NewEasyRead(%q): got %q, want an error", page, got)
		}
	}
}

// TestNewFollowsSiteTaxonomies checks that a new page builds on a site
// that has chosen its own taxonomies, or none: the page must not carry
// fields the site does not accept.
func TestNewFollowsSiteTaxonomies(t *testing.T) {
	for _, taxonomies := range []string{"[]", "[topics]", "[services, areas]"} {
		for _, kind := range []string{"event", "consultation", "update", "news", "page"} {
			t.Run(taxonomies+"/"+kind, func(t *testing.T) {
				dir := newSite(t, map[string]string{"site.yaml": siteYAML + "taxonomies: " + taxonomies + "\n"})
				if _, err := archetype.New(dir, kind, "Carers café", now(t)); err != nil {
					t.Fatal(err)
				}
				mustBuild(t, dir)
			})
		}
	}
}
