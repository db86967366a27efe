package site

import (
	"sync"

	"github.com/gosimple/slug"
)

// slugs remembers every slug made: gosimple/slug works through several
// regular expressions, and a site asks for the same few thousand slugs
// (sections, terms, file names) on every rebuild of engage serve.
var slugs sync.Map

// Slugify makes a URL slug with gosimple/slug, remembering the result.
func Slugify(s string) string {
	if v, ok := slugs.Load(s); ok {
		return v.(string)
	}
	v := slug.Make(s)
	slugs.Store(s, v)
	return v
}
