// Package content is the load and parse stages of the pipeline: it reads
// every Markdown file under content/ from an fs.FS, splits the YAML front
// matter from the body, decodes the front matter strictly and parses the
// body with goldmark. It knows nothing of URLs or of other pages; that is
// the resolve stage's job (package site).
package content

import (
	"slices"
	"time"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/schema"
)

// Dir is the folder, under the site folder, that holds the content.
const Dir = "content"

// Kind says what a content file stands for.
type Kind int

const (
	// Regular is an ordinary page.
	Regular Kind = iota
	// Section is a section's own _index.md (its title and text).
	Section
	// Home is content/_index.md, the home page's title and text.
	Home
)

// Page is one parsed content file.
type Page struct {
	Path     string // slash path relative to the site folder: "content/events/carers-cafe.md"
	Rel      string // slash path relative to content/: "events/carers-cafe.md"
	Kind     Kind
	Section  string // first folder under content/, "" for top-level pages
	Type     string // content type: the section unless front matter says type:
	EasyRead bool   // an easy-read variant (name.easy.md or index.easy.md)
	Bundle   bool   // index.md of a page bundle: the folder's other files are its resources

	Meta      Meta
	Fields    Fields    // the fields of the page's content type
	Date      time.Time // zero when not given
	Updated   time.Time
	ReviewDue time.Time

	Body     *markdown.Doc
	BodyLine int // line in the file where the Markdown body starts
	// Front is the front matter as written: to tell a body edit from a
	// field edit, and to find where a field was written (Positions). The
	// values of fields read by the quick reader are slices of it, so its
	// text stays in memory as long as they do.
	Front string
	// taxonomies are site.yaml's, which Positions needs to read Front as
	// Parse did.
	taxonomies []string
	// Checks are the accessibility and plain-English problems found by
	// Options.Check when the page was parsed.
	Checks diag.List
}

// Meta is the front matter every page may have. Dates are kept as written
// and parsed with the site's time zone into Page.Date and friends.
type Meta struct {
	Title     string   `yaml:"title" schema:"required"`
	Summary   string   `yaml:"summary"`
	Date      string   `yaml:"date"`
	Updated   string   `yaml:"updated"`
	ReviewDue string   `yaml:"review_due"`
	Draft     bool     `yaml:"draft"`
	Slug      string   `yaml:"slug"`
	Aliases   []string `yaml:"aliases"`
	Weight    int      `yaml:"weight"`
	Type      string   `yaml:"type"`
	// Language is the page's language when it is not the site's, as a
	// BCP 47 tag such as cy (Welsh) or pl (Polish).
	Language string `yaml:"language"`
	// Principles names the principles (by slug) that this page is
	// evidence of applying.
	Principles []string   `yaml:"principles"`
	Documents  []Document `yaml:"documents"`

	// Terms holds the taxonomy fields (topics, areas, audiences, or those
	// site.yaml names), keyed by taxonomy.
	Terms map[string][]string `yaml:"-"`
}

// FilePos turns a position within the body into a position in the file.
func (p *Page) FilePos(line, col int) (int, int) {
	return p.BodyLine + line - 1, col
}

// FieldPos returns where a front matter field was written or, when it was
// not, the first line of the front matter (where it could be added).
func (p *Page) FieldPos(field string) schema.Pos {
	return p.Positions().Of(field, schema.Pos{Line: 2, Col: 1})
}

// Positions returns where each field of the front matter was written,
// found again from Front each time: a map of them for every page was the
// largest part of what a large site holds while it is parsed, and only
// the pages with problems need one. It is nil when Front has been let go
// of or is not valid YAML.
func (p *Page) Positions() schema.Positions {
	if p.Front == "" {
		return nil
	}
	r := readers.Get().(*schema.Reader)
	defer readers.Put(r)
	node, err := r.Read(lineBreaks(p.Front))
	if err != nil {
		return nil
	}
	scratch := &Page{Path: p.Path, Rel: p.Rel}
	scratch.classify()
	d := schema.Decoder{Path: p.Path, LineOffset: 1, ExtraKeys: slices.Clip(p.taxonomies)}
	scratch.decode(&d, schema.Root(node), p.taxonomies)
	return d.Positions
}
