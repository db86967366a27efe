package schema

import (
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Unmarshal parses YAML text into doc, as yaml.Unmarshal(text, doc) does.
//
// Front matter is mostly "key: value" lines, lists and small sets of
// fields indented under a key. Unmarshal reads text made only of those
// itself, to the same nodes as yaml.v3 gives, and hands anything else to
// yaml.v3: comments, quotes with escapes, block scalars, anchors, tags,
// flow mappings, values that run on over several lines, tabs, and any
// character yaml.v3 might treat specially. Reading a page's front matter
// was 9% of a build's CPU time and 16% of its allocations in yaml.v3.
func Unmarshal(text []byte, doc *yaml.Node) error {
	return UnmarshalString(string(text), doc)
}

// UnmarshalString is Unmarshal for text held as a string. The values of
// the nodes it reads itself are slices of text, not copies.
func UnmarshalString(text string, doc *yaml.Node) error {
	if quick(text, doc) {
		return nil
	}
	*doc = yaml.Node{}
	return yaml.Unmarshal([]byte(text), doc)
}

// Reader reads YAML text as UnmarshalString does, and keeps the memory of
// the nodes it reads itself for the next text: the nodes it gives are
// valid only until its next Read, as bufio.Scanner's Bytes are. The
// strings in them are slices of the text, and stay valid. A parser that
// reads one page after another keeps a Reader (in a sync.Pool, say) and
// lets go of each page's nodes once they are decoded: they were a tenth
// of what the parse stage allocated.
//
// A Reader is not safe for use by several goroutines at once.
type Reader struct {
	p   quickParser
	doc yaml.Node
}

// Read reads text and returns its document node, as UnmarshalString
// would fill it in, reusing the memory of the nodes of r's last Read.
func (r *Reader) Read(text string) (*yaml.Node, error) {
	if r.reader().read(text, &r.doc) {
		return &r.doc, nil
	}
	r.doc = yaml.Node{}
	return &r.doc, yaml.Unmarshal([]byte(text), &r.doc)
}

// reader is the quickParser of r, which keeps its memory for next time.
func (r *Reader) reader() *quickParser {
	r.p.keep = true
	return &r.p
}

// quick reads text into doc if it is made only of what quickParser
// knows, and reports whether it did.
func quick(text string, doc *yaml.Node) bool {
	var p quickParser
	return p.read(text, doc)
}

// maxKept is the most nodes a quickParser keeps for its next read: a
// front matter with thousands of fields should not hold on to their
// memory for ever.
const maxKept = 1 << 12

// read reads text into doc if it is made only of what quickParser knows,
// and reports whether it did. The nodes of p's last read are reused.
func (p *quickParser) read(text string, doc *yaml.Node) bool {
	if !plainBytes(text) {
		return false
	}
	p.reset(text)
	if len(p.lines) == 0 || p.lines[0].indent != 0 {
		return false
	}
	root := p.mapping(0)
	if root == nil || p.i != len(p.lines) {
		return false
	}
	p.stack = append(p.stack[:0], root)
	*doc = yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: p.children(0)}
	return true
}

// plainBytes reports whether text has none of the bytes that quick
// leaves to yaml.v3 wherever they are: tabs, carriage returns other than
// those of Windows line ends, other control characters, '#' (which may
// start a comment), '\\', and characters outside ASCII that yaml.v3
// might not print as they are (C1 controls, line and paragraph
// separators, the byte order mark, U+FFFE and U+FFFF).
func plainBytes(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			// A Windows line end, read as the end of the line.
		case c < 0x20 || c == 0x7f || c == '#' || c == '\\':
			return false
		case c < 0x80:
		case c == 0xc2:
			if i+1 >= len(text) || text[i+1] < 0xa0 {
				return false // C1 controls, including NEL
			}
			i++
		case c > 0xc2 && c < 0xe0:
			i++
		case c == 0xe2:
			if i+2 >= len(text) || text[i+1] == 0x80 && (text[i+2] == 0xa8 || text[i+2] == 0xa9) {
				return false // line and paragraph separators
			}
			i += 2
		case c >= 0xe0 && c <= 0xee:
			i += 2
		case c == 0xef:
			if i+2 >= len(text) || text[i+1] == 0xbb && text[i+2] == 0xbf || text[i+1] == 0xbf && text[i+2] >= 0xbe {
				return false // byte order mark, U+FFFE and U+FFFF
			}
			i += 2
		case c >= 0xf0:
			i += 3
		default:
			return false // invalid UTF-8
		}
	}
	return utf8.ValidString(text)
}

// quickLine is one line of the text that is not blank: where it starts
// and ends, and the spaces before its first character. A list item
// holding fields ("- title: x") is read again as a line that starts
// after its "- ".
type quickLine struct {
	start, end, indent int
	no                 int // 1-based line number
}

type quickParser struct {
	src   string
	lines []quickLine
	i     int         // the line being read
	nodes []yaml.Node // the block nodes are taken from, a block at a time
	// ptrs is the block the nodes' Content is taken from, and stack holds
	// the items of the mappings and lists being read until each is
	// complete and moved to ptrs.
	ptrs, stack []*yaml.Node
	// keep is set when p reads one text after another: a block that is
	// too small for a text is then replaced by one twice its size, which
	// the next text will likely fit in, rather than added to.
	keep bool
}

// reset readies p to read text, splitting it into lines. The nodes of
// p's last read are written over by this one's.
func (p *quickParser) reset(text string) {
	p.src, p.i = text, 0
	n := strings.Count(text, "\n") + 1
	if cap(p.lines) < n {
		p.lines = make([]quickLine, 0, n)
	}
	p.lines = p.lines[:0]
	start := 0
	for no := 1; start <= len(p.src); no++ {
		end := strings.IndexByte(p.src[start:], '\n')
		if end < 0 {
			end = len(p.src)
		} else {
			end += start
		}
		text := strings.TrimRight(p.src[start:end], " \r")
		if text != "" {
			indent := len(text) - len(strings.TrimLeft(text, " "))
			p.lines = append(p.lines, quickLine{start: start, end: start + len(text), indent: indent, no: no})
		}
		start = end + 1
	}
	// A line has a key and its value, or an item, or a key with its
	// list or fields below it; lists in brackets may need more.
	if want := 2*len(p.lines) + 1; cap(p.nodes) < want || cap(p.nodes) > maxKept {
		p.nodes = make([]yaml.Node, 0, want)
	}
	p.nodes = p.nodes[:0]
	if want := 2*len(p.lines) + 1; cap(p.ptrs) < want || cap(p.ptrs) > maxKept {
		p.ptrs = make([]*yaml.Node, 0, want)
	}
	p.ptrs = p.ptrs[:0]
	if cap(p.stack) > maxKept {
		p.stack = nil
	}
	p.stack = p.stack[:0]
}

// node adds a node; nodes already given out keep their place.
func (p *quickParser) node(n yaml.Node) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		size := 16
		if p.keep {
			size = max(size, 2*cap(p.nodes))
		}
		p.nodes = make([]yaml.Node, 0, size)
	}
	p.nodes = append(p.nodes, n)
	return &p.nodes[len(p.nodes)-1]
}

// children moves the items on the stack from its index from on into a
// node's Content, nil if there are none. The Content's capacity is its
// length, so that appending to it does not write over its neighbours.
func (p *quickParser) children(from int) []*yaml.Node {
	items := p.stack[from:]
	if len(items) == 0 {
		return nil
	}
	if len(p.ptrs)+len(items) > cap(p.ptrs) {
		size := max(16, len(items))
		if p.keep {
			size = max(size, 2*cap(p.ptrs))
		}
		p.ptrs = make([]*yaml.Node, 0, size)
	}
	at := len(p.ptrs)
	p.ptrs = append(p.ptrs, items...)
	p.stack = p.stack[:from]
	return p.ptrs[at:len(p.ptrs):len(p.ptrs)]
}

// col is the 1-based column of byte off on line l, in characters as
// yaml.v3 counts them.
func (p *quickParser) col(l quickLine, off int) int {
	return utf8.RuneCountInString(p.src[l.start:off]) + 1
}

// mapping reads "key: value" lines at indent, or returns nil.
func (p *quickParser) mapping(indent int) *yaml.Node {
	first := p.lines[p.i]
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: first.no, Column: p.col(first, first.start+indent)})
	mark := len(p.stack)
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil
		}
		keyStart := l.start + indent
		keyEnd := keyStart + keyLen(p.src[keyStart:l.end])
		if keyEnd == keyStart {
			return nil
		}
		k := p.scalar(l, keyStart, p.src[keyStart:keyEnd])
		if k.Kind == 0 {
			return nil
		}
		key := p.node(k)
		p.i++
		var val *yaml.Node
		if keyEnd+1 < l.end {
			val = p.value(l, p.skipSpaces(keyEnd+1, l.end))
		} else if p.i < len(p.lines) {
			switch next := p.lines[p.i]; {
			case p.isItem(next) && next.indent >= indent:
				val = p.sequence(next.indent)
			case next.indent > indent:
				val = p.mapping(next.indent)
			}
		}
		if val == nil {
			return nil
		}
		p.stack = append(p.stack, key, val)
	}
	m.Content = p.children(mark)
	return m
}

// skipSpaces is the offset of the first byte from at that is not a
// space, or end.
func (p *quickParser) skipSpaces(at, end int) int {
	for at < end && p.src[at] == ' ' {
		at++
	}
	return at
}

// keyLen is the length of the key at the start of s when s starts with
// a key such as "review_due" and then ':' and a space or the end of the
// line, and 0 otherwise.
func keyLen(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || n > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.') {
			n++
			continue
		}
		break
	}
	if n == 0 || n >= len(s) || s[n] != ':' || n+1 < len(s) && s[n+1] != ' ' || n > maxKey {
		return 0
	}
	return n
}

// maxKey is the longest key quick reads: YAML allows a key of at most
// 1,024 characters before its ':', and yaml.v3 refuses a longer one.
const maxKey = 1000

// isItem reports whether line l is a list item, "- " and its value.
func (p *quickParser) isItem(l quickLine) bool {
	s := p.src[l.start+l.indent : l.end]
	return len(s) >= 2 && s[0] == '-' && s[1] == ' '
}

// sequence reads "- value" lines at indent, or returns nil.
func (p *quickParser) sequence(indent int) *yaml.Node {
	first := p.lines[p.i]
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.no, Column: p.col(first, first.start+indent)})
	mark := len(p.stack)
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent < indent || l.indent == indent && !p.isItem(l) {
			break
		}
		if l.indent > indent {
			return nil
		}
		at := p.skipSpaces(l.start+indent+1, l.end)
		var item *yaml.Node
		if keyLen(p.src[at:l.end]) > 0 {
			// "- title: x": the item is a set of fields, which starts here.
			p.lines[p.i].indent = at - l.start
			item = p.mapping(at - l.start)
		} else {
			p.i++
			item = p.value(l, at)
		}
		if item == nil {
			return nil
		}
		p.stack = append(p.stack, item)
	}
	s.Content = p.children(mark)
	return s
}

// value reads the value that starts at byte at of line l and runs to its
// end: a plain, quoted or "[a, b]" value. The line after it must not be
// indented under it, which would continue it.
func (p *quickParser) value(l quickLine, at int) *yaml.Node {
	if p.i < len(p.lines) && p.lines[p.i].indent > l.indent {
		return nil
	}
	s := p.src[at:l.end]
	switch s[0] {
	case '"', '\'':
		q := s[0]
		if len(s) < 2 || s[len(s)-1] != q || strings.IndexByte(s[1:len(s)-1], q) >= 0 {
			return nil
		}
		style := yaml.DoubleQuotedStyle
		if q == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return p.node(yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: s[1 : len(s)-1], Line: l.no, Column: p.col(l, at)})
	case '[':
		return p.flow(l, at)
	}
	if strings.Contains(s, ": ") || s[len(s)-1] == ':' {
		return nil
	}
	n := p.scalar(l, at, s)
	if n.Kind == 0 {
		return nil
	}
	return p.node(n)
}

// flow reads "[a, b]" at byte at of line l, with plain items only.
func (p *quickParser) flow(l quickLine, at int) *yaml.Node {
	s := p.src[at:l.end]
	if s[len(s)-1] != ']' {
		return nil
	}
	seq := p.node(yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: l.no, Column: p.col(l, at)})
	inner := s[1 : len(s)-1]
	if strings.Trim(inner, " ") == "" {
		return seq
	}
	off := at + 1
	mark := len(p.stack)
	for {
		item, rest, more := strings.Cut(inner, ",")
		lead := len(item) - len(strings.TrimLeft(item, " "))
		text := strings.Trim(item, " ")
		// yaml.v3 ends a plain value in brackets at '?' too.
		if text == "" || strings.ContainsAny(text, "[]{}:\"'?") {
			return nil
		}
		n := p.scalar(l, off+lead, text)
		if n.Kind == 0 {
			return nil
		}
		p.stack = append(p.stack, p.node(n))
		if !more {
			seq.Content = p.children(mark)
			return seq
		}
		off += len(item) + 1
		inner = rest
	}
}

// scalar is the plain value s at byte at of line l, with the tag yaml.v3
// would resolve it to; its Kind is 0 if s starts with a character that
// makes it something other than a plain value.
func (p *quickParser) scalar(l quickLine, at int, s string) yaml.Node {
	if strings.IndexByte("-?:,[]{}&*!|>'\"%@`<=", s[0]) >= 0 {
		return yaml.Node{}
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: l.no, Column: p.col(l, at)}
	if strings.IndexByte("+.0123456789yYnNtTfFoO~", s[0]) >= 0 {
		// yaml.v3 resolves values starting with these as numbers,
		// dates, true, false or null; others are always strings.
		n.Tag = plainTag(s)
		if n.Tag == "" {
			n.Tag = n.ShortTag()
		}
	}
	return n
}

// plainTag is the tag yaml.v3 resolves the plain value s to, when s is
// one of the values front matter is full of: a word, true or false, a
// date, a date and time, a whole number, or text that starts with a
// digit such as a phone number or an address. It is "" for the rest,
// which yaml.v3's resolver is asked about. That resolver tries a value
// that starts with a digit as several dates and numbers in turn, and
// every failed try allocated an error.
func plainTag(s string) string {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	}
	if strings.IndexByte("yYnNtTfFoO~", s[0]) >= 0 {
		return "!!str" // yaml.v3 looks these up in its table of words
	}
	if s[0] != '+' && (s[0] < '0' || s[0] > '9') {
		return ""
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == 4 && digits < len(s) && s[4] == '-' {
		// yaml.v3 reads only these as dates; none is a number.
		switch {
		case isDigits(s, "dddd-dd-dd"):
			if _, err := time.Parse("2006-01-02", s); err != nil {
				return "!!str" // 2026-02-30
			}
			return "!!timestamp"
		case isDigits(s, "dddd-dd-ddTdd:dd"), isDigits(s, "dddd-dd-dd dd:dd"):
			return "!!str" // a time needs its seconds to be a date to YAML
		}
		return ""
	}
	if digits == len(s) && (s[0] != '0' || len(s) == 1) && len(s) <= 18 {
		return "!!int"
	}
	// Numbers are written with digits, letters (0x1F, 1e3, .inf), '.',
	// '_', '+' and '-' only; anything else, a space say, makes text.
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '+' || c == '-') {
			return "!!str"
		}
	}
	return ""
}

// isDigits reports whether s has the shape of pattern, where 'd' stands
// for an ASCII digit and any other byte for itself.
func isDigits(s, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if pattern[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != pattern[i] {
			return false
		}
	}
	return true
}
