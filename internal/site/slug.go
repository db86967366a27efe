package site

import (
	"sync"

	"github.com/engage-ssg/engage/internal/slugify"
)

// slugs remembers every slug made: text that is not plain ASCII goes
// through gosimple/slug's regular expressions, and a site asks for the
// same few thousand slugs (sections, terms, file names) on every rebuild
// of engage serve.
var slugs sync.Map

// Slugify makes a URL slug (see package slugify), remembering the result.
func Slugify(s string) string {
	if v, ok := slugs.Load(s); ok {
		return v.(string)
	}
	v := slugify.Make(s)
	slugs.Store(s, v)
	return v
}
