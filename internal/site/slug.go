package site

import (
	"sync"

	"github.com/engage-ssg/engage/internal/slugify"
)

// slugs remembers the slugs made from text that is not plain ASCII,
// which goes through gosimple/slug's regular expressions: a site asks for
// the same few (sections, terms, file names) on every rebuild of engage
// serve. Plain ASCII is quick to slugify and is not kept: a site of
// 100,000 pages would hold a slug for every file name.
var slugs sync.Map

// Slugify makes a URL slug (see package slugify), remembering the result
// for text that is not plain ASCII.
func Slugify(s string) string {
	if isSlug(s) {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if v, ok := slugs.Load(s); ok {
				return v.(string)
			}
			v := slugify.Make(s)
			slugs.Store(s, v)
			return v
		}
	}
	return slugify.Make(s)
}

// isSlug reports whether s is already a slug, as most file names are:
// lower-case letters, digits and single hyphens or underscores between
// them.
func isSlug(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' || c == '_':
			if i == 0 || i == len(s)-1 || s[i-1] == '-' || s[i-1] == '_' {
				return false
			}
		default:
			return false
		}
	}
	return true
}
