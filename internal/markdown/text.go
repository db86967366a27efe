package markdown

import (
	"html"
	"strings"
)

// blockTags are the elements goldmark writes whose start or end separates
// words (and sup, so that a footnote's number is not joined to the word
// before it); every other tag (a, em, strong, code, span, del) is inside a
// run of text and is left out without a space.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "pre": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"div": true, "sup": true, "dl": true, "dt": true, "dd": true, "section": true, "figure": true, "figcaption": true,
}

// htmlText is the text of baked HTML: tags dropped (a space for a block
// tag, the alt text for a picture), slots skipped, entities decoded.
// It reads the HTML goldmark writes, in which '<' and '>' in text and in
// attribute values are always escaped.
func htmlText(b *baked) string {
	var out strings.Builder
	size := 0
	for _, p := range b.parts {
		size += len(p)
	}
	out.Grow(size)
	inTag := false
	pending := false        // a space is owed before the next text
	var tag strings.Builder // the tag being read, without '<' and '>'
	text := func(t string) {
		for len(t) > 0 {
			i := strings.IndexAny(t, " \t\n\r")
			if i < 0 {
				i = len(t)
			}
			if i > 0 {
				if pending && out.Len() > 0 {
					out.WriteByte(' ')
				}
				pending = false
				out.WriteString(t[:i])
			}
			if i < len(t) {
				pending = true
				i++
			}
			t = t[i:]
		}
	}
	for _, p := range b.parts {
		for i := 0; i < len(p); {
			if !inTag {
				j := strings.IndexByte(p[i:], '<')
				if j < 0 {
					text(p[i:])
					break
				}
				text(p[i : i+j])
				i += j + 1
				inTag = true
				tag.Reset()
				continue
			}
			j := strings.IndexByte(p[i:], '>')
			if j < 0 {
				tag.WriteString(p[i:])
				break
			}
			tag.WriteString(p[i : i+j])
			i += j + 1
			inTag = false
			t := tag.String()
			name := strings.TrimPrefix(t, "/")
			if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
				name = name[:k]
			}
			switch {
			case blockTags[name]:
				pending = true
			case name == "img":
				if alt, ok := attr(t, "alt"); ok {
					text(alt)
				}
			}
		}
	}
	return html.UnescapeString(out.String())
}

// attr returns the value of a double-quoted attribute of a tag.
func attr(tag, name string) (string, bool) {
	i := strings.Index(tag, " "+name+`="`)
	if i < 0 {
		return "", false
	}
	v := tag[i+len(name)+3:]
	j := strings.IndexByte(v, '"')
	if j < 0 {
		return "", false
	}
	return v[:j], true
}
