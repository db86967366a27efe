package markdown

import (
	"html"
	"strings"
)

// referenceHTMLText is htmlText as it was before it worked on bytes: the
// fuzz test holds the new one to its output.
func referenceHTMLText(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	pending := false // a space is owed before the next text
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
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			text(s[i:])
			break
		}
		text(s[i : i+j])
		i += j
		if strings.HasPrefix(s[i:], "<!--") {
			k := strings.Index(s[i+4:], "-->")
			if k < 0 {
				break
			}
			i += 4 + k + 3
			continue
		}
		k := referenceTagEnd(s, i+1)
		tag := s[i+1 : k]
		i = min(k+1, len(s))
		closing := strings.HasPrefix(tag, "/")
		name := strings.TrimPrefix(tag, "/")
		if n := strings.IndexAny(name, " \t\n\r/"); n >= 0 {
			name = name[:n]
		}
		name = strings.ToLower(name)
		switch {
		case !closing && (name == "script" || name == "style"):
			if e := referenceIndexFold(s[i:], "</"+name); e >= 0 {
				i += e
			} else {
				i = len(s)
			}
			pending = true
		case referenceBlockTags[name]:
			pending = true
		case name == "img":
			if alt, ok := referenceAttr(tag, "alt"); ok {
				text(alt)
			}
		}
	}
	return html.UnescapeString(out.String())
}

var referenceBlockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "pre": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"div": true, "sup": true, "dl": true, "dt": true, "dd": true, "section": true, "figure": true, "figcaption": true,
}

func referenceTagEnd(s string, i int) int {
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return len(s)
}

func referenceIndexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func referenceAttr(tag, name string) (string, bool) {
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
