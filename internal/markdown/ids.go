package markdown

import (
	"strconv"

	"github.com/engage-ssg/engage/internal/slugify"
	"github.com/yuin/goldmark/ast"
)

// ids gives headings ids made from their text with package slugify, the
// same way page URLs are made, and keeps them unique within a page by adding -2,
// -3 to repeats. The same text always gives the same id, so links to a
// heading survive a rebuild.
type ids struct {
	used   map[string]bool
	custom func(string) string
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// Generate returns a unique id for a heading's text.
func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := ""
	if s.custom != nil {
		base = s.custom(string(value))
	}
	if base == "" {
		base = slugify.Make(string(value))
	}
	if base == "" {
		base = "section"
	}
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an id given explicitly so that generated ids avoid it.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
