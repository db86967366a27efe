package markdown

import (
	"bytes"
	"html"
	"strings"
	"sync"
	"unicode/utf8"
)

// blockTag reports whether the start or end of an element separates words.
// These are the elements goldmark writes that do (and sup, so that a
// footnote's number is not joined to the word before it); every other tag
// (a, em, strong, code, span, del) is inside a run of text and is left out
// without a space.
func blockTag(name []byte) bool {
	switch string(name) {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6",
		"ul", "ol", "li", "blockquote", "pre", "hr", "br",
		"table", "thead", "tbody", "tr", "th", "td",
		"div", "sup", "dl", "dt", "dd", "section", "figure", "figcaption":
		return true
	}
	return false
}

// space is the white space that separates words in HTML text.
var space = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// textBuffers hold the text of a body while Text makes its string.
var textBuffers = sync.Pool{New: func() any { return new([]byte) }}

// htmlText is the text of baked HTML: tags dropped (a space for a block
// tag, the alt text for a picture), slots, comments and the insides of
// script and style elements skipped, entities decoded.
func htmlText(b *baked) string {
	buf := textBuffers.Get().(*[]byte)
	defer textBuffers.Put(buf)
	*buf = b.appendText((*buf)[:0])
	return string(unescape(*buf))
}

// AppendText appends the text of the body, as Text gives it, to b. The
// search index reads every page's text into one buffer this way, rather
// than making a string of each.
func (d *Doc) AppendText(b []byte) []byte {
	if d.baked == nil {
		return append(b, d.Text()...)
	}
	start := len(b)
	b = d.baked.appendText(b)
	return append(b[:start], unescape(b[start:])...)
}

// references are the character references that goldmark writes, and the
// characters they stand for.
var references = []struct{ ref, char string }{
	{"&quot;", `"`}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#39;", "'"},
	{"&#160;", "\u00a0"}, {"&#x21a9;", "\u21a9"}, {"&#xfe0e;", "\ufe0e"}, // a footnote's way back
}

// unescape decodes the character references in b, where it stands, as
// html.UnescapeString would. Those in references are decoded here; from
// the first other '&' on, the rest goes through html.UnescapeString,
// which reads each reference on its own, so that the two join up.
func unescape(b []byte) []byte {
	i := bytes.IndexByte(b, '&')
	if i < 0 {
		return b
	}
	n := i // b[:n] is decoded, b[i:] is not yet
	for i < len(b) {
		if b[i] != '&' {
			j := bytes.IndexByte(b[i:], '&')
			if j < 0 {
				j = len(b) - i
			}
			n += copy(b[n:], b[i:i+j])
			i += j
			continue
		}
		known := false
		for _, r := range references {
			if string(b[i:min(len(b), i+len(r.ref))]) == r.ref {
				n += copy(b[n:], r.char)
				i += len(r.ref)
				known = true
				break
			}
		}
		if !known {
			return append(b[:n], html.UnescapeString(string(b[i:]))...)
		}
	}
	return b[:n]
}

// appendText appends the text of the baked HTML to out, as htmlText
// describes it, but with entities as written.
func (b *baked) appendText(out []byte) []byte {
	src, done, err := b.read()
	if err != nil {
		// The temporary file could not be read back: the search index
		// goes without this page's words. Rendering the page reads the
		// same file, and a build that cannot read it fails there.
		return out
	}
	defer done()
	w := textWriter{out: out, start: len(out)}
	var nameBuf [16]byte
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			w.write(src[i:])
			break
		}
		w.write(src[i : i+j])
		i += j
		if bytes.HasPrefix(src[i:], []byte("<!--")) {
			k := bytes.Index(src[i+4:], []byte("-->"))
			if k < 0 {
				break
			}
			i += 4 + k + 3
			continue
		}
		k := tagEnd(src, i+1)
		tag := src[i+1 : k]
		i = min(k+1, len(src))
		closing := len(tag) > 0 && tag[0] == '/'
		name := tag
		if closing {
			name = name[1:]
		}
		for n, c := range name {
			if space[c] || c == '/' {
				name = name[:n]
				break
			}
		}
		name = appendLower(nameBuf[:0], name)
		switch {
		case !closing && (string(name) == "script" || string(name) == "style"):
			// Code, not words: go on from the closing tag.
			if e := indexFold(src[i:], "</"+string(name)); e >= 0 {
				i += e
			} else {
				i = len(src)
			}
			w.pending = true
		case blockTag(name):
			w.pending = true
		case string(name) == "img":
			if alt, ok := attr(tag, "alt"); ok {
				w.write(alt)
			}
		}
	}
	return w.out
}

// textWriter appends text with each run of white space made one space,
// and none before the first word.
type textWriter struct {
	out     []byte
	start   int  // where the text starts in out
	pending bool // a space is owed before the next word
}

func (w *textWriter) write(t []byte) {
	out, pending := w.out, w.pending
	for i := 0; i < len(t); {
		if space[t[i]] {
			pending = true
			i++
			continue
		}
		// Copy up to the next white space that must change: words with
		// one ' ' between them are copied as they are.
		j := i + 1
		for j < len(t) {
			if !space[t[j]] {
				j++
			} else if t[j] == ' ' && j+1 < len(t) && !space[t[j+1]] {
				j += 2
			} else {
				break
			}
		}
		if pending && len(out) > w.start {
			out = append(out, ' ')
		}
		pending = false
		out = append(out, t[i:j]...)
		i = j
	}
	w.out, w.pending = out, pending
}

// appendLower appends name in lower case to b, as strings.ToLower would
// write it.
func appendLower(b, name []byte) []byte {
	for _, c := range name {
		if c >= utf8.RuneSelf {
			return append(b, strings.ToLower(string(name))...)
		}
	}
	for _, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// tagEnd returns the index of the '>' that ends the tag whose name starts
// at i, skipping quoted attribute values, or len(s).
func tagEnd(s []byte, i int) int {
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

// indexFold is bytes.Index ignoring case.
func indexFold(s []byte, sub string) int {
	b := []byte(sub)
	for i := 0; i+len(b) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(b)], b) {
			return i
		}
	}
	return -1
}

// attr returns the value of a double-quoted attribute of a tag.
func attr(tag []byte, name string) ([]byte, bool) {
	i := bytes.Index(tag, []byte(" "+name+`="`))
	if i < 0 {
		return nil, false
	}
	v := tag[i+len(name)+3:]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return nil, false
	}
	return v[:j], true
}
