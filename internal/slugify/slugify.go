// Package slugify turns titles and headings into the lower-case,
// hyphenated words of an address ("Carers' café & more" becomes
// "carers-cafe-and-more"), exactly as gosimple/slug does with engage's
// settings, but without its regular expressions for plain ASCII text,
// which is most of what a site's titles and headings are.
package slugify

import (
	"strings"

	"github.com/gosimple/slug"
)

// Make returns the slug of s, the same as slug.Make(s).
func Make(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return slug.Make(s) // letters to transliterate, Unicode dashes and quotes
		}
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == '"' || c == '\'':
			// dropped, as slug's substitutions for English do
		case c == '&':
			b = append(b, "and"...)
		case c == '@':
			b = append(b, "at"...)
		default: // '-', spaces and every other symbol: one hyphen
			if len(b) == 0 || b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		}
	}
	return strings.Trim(string(b), "-_")
}
