// Package schema decodes YAML (site.yaml and page front matter) into Go
// structs strictly, turning every unknown key, wrong type and missing
// required field into a diag.Problem with its line and column in the file.
//
// It sits under the load and parse stages: yaml.v3 parses the text into a
// node tree, and Decode walks that tree against the struct's yaml tags, so
// that a mistake is reported where the author made it, with a "did you
// mean" suggestion for misspelt keys.
//
// Struct tags: `yaml:"name"` names the key; `schema:"required"` makes it
// required. A field of type Pos records where its sibling key was written.
package schema

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/engage-ssg/engage/internal/diag"
	"gopkg.in/yaml.v3"
)

// Pos is a 1-based position in the source file.
type Pos struct {
	Line, Col int
}

// Positions maps a dotted key path ("venue.name", "history.0.date") to
// where its value was written, for problems found after decoding.
type Positions map[string]Pos

// Of returns the position of key, or of its nearest written parent, or the
// fallback when neither was written.
func (p Positions) Of(key string, fallback Pos) Pos {
	for key != "" {
		if pos, ok := p[key]; ok {
			return pos
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return fallback
}

// Decoder holds what a decode needs to report problems: the file and the
// line the YAML text starts on within it.
type Decoder struct {
	Path       string // file path used in problems
	LineOffset int    // added to every node line (front matter starts on line 2)
	Problems   diag.List
	Positions  Positions
	// ExtraKeys are top-level keys handled outside the struct (such as the
	// taxonomy fields), offered as suggestions for misspelt keys.
	ExtraKeys []string
}

// Decode parses YAML text and decodes it into v, a pointer to a struct.
func (d *Decoder) Decode(text []byte, v any) {
	if d.Positions == nil {
		d.Positions = Positions{}
	}
	var doc yaml.Node
	if err := Unmarshal(text, &doc); err != nil {
		line, msg := yamlError(err)
		// A problem found at the end of the text belongs on its last line.
		if last := bytes.Count(text, []byte("\n")) + 1; len(text) > 0 && text[len(text)-1] == '\n' && line >= last {
			line = last - 1
		}
		d.Problems.Errorf(d.Path, line+d.LineOffset, 0, "", "check the indentation and that every 'key: value' has a space after the colon", "this is not valid YAML: %s", msg)
		return
	}
	d.value(Root(&doc), reflect.ValueOf(v).Elem(), "")
}

// Root returns the top node of a parsed document. yaml.v3 leaves the node
// empty for empty or comment-only text; that is an empty set of fields.
func Root(doc *yaml.Node) *yaml.Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0]
	}
	if doc.Kind == 0 || doc.Kind == yaml.DocumentNode {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	}
	return doc
}

// DecodeNode decodes an already parsed node into v.
func (d *Decoder) DecodeNode(n *yaml.Node, v any, key string) {
	if d.Positions == nil {
		d.Positions = Positions{}
	}
	d.value(n, reflect.ValueOf(v).Elem(), key)
}

func (d *Decoder) pos(n *yaml.Node) Pos { return Pos{n.Line + d.LineOffset, n.Column} }

func (d *Decoder) errorf(n *yaml.Node, field, fix, format string, args ...any) {
	p := d.pos(n)
	d.Problems.Errorf(d.Path, p.Line, p.Col, field, fix, format, args...)
}

var posType = reflect.TypeOf(Pos{})

// value decodes node n into v, reporting problems under the dotted key.
func (d *Decoder) value(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if key != "" {
		d.Positions[key] = d.pos(n)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		if v.Kind() == reflect.Struct {
			// "organisation:" with nothing under it still needs its
			// required fields.
			d.structValue(&yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}, v, key)
		}
		return // an empty value leaves the zero value
	}
	if u, ok := v.Addr().Interface().(Unmarshaler); ok {
		u.UnmarshalSchema(d, n, key)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structValue(n, v, key)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			// A single value where a list is expected becomes a list of one,
			// as authors often write "topics: carers".
			if n.Kind == yaml.ScalarNode {
				elem := reflect.New(v.Type().Elem()).Elem()
				d.value(n, elem, key+".0")
				v.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), elem))
				return
			}
			d.errorf(n, key, "write one item per line, each starting with '- '", "should be a list")
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i), key+"."+strconv.Itoa(i))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, key, "write one 'name: value' pair per line", "should be a set of 'name: value' pairs")
			return
		}
		m := reflect.MakeMap(v.Type())
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if seen[k.Value] {
				d.errorf(k, join(key, k.Value), "keep one of them", "is written twice")
				continue
			}
			seen[k.Value] = true
			elem := reflect.New(v.Type().Elem()).Elem()
			d.value(val, elem, join(key, k.Value))
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), elem)
		}
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), key)
		v.Set(p)
	default:
		d.scalar(n, v, key)
	}
}

// Unmarshaler lets a type decode itself from a node, reporting through d.
// It keeps what it needs of n, not n or the nodes under it, which a
// Reader reuses for the next text once decoding is done.
type Unmarshaler interface {
	UnmarshalSchema(d *Decoder, n *yaml.Node, key string)
}

func (d *Decoder) scalar(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, key, "write a single value on the same line as the key", "should be %s, not a %s", describe(v.Type()), kindName(n))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Bool:
		b, ok := boolValue(n)
		if !ok {
			d.errorf(n, key, "write true or false", "%q is not true or false", n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil {
			d.errorf(n, key, "write a whole number such as 3", "%q is not a whole number", n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			d.errorf(n, key, "write a number such as 4.5", "%q is not a number", n.Value)
			return
		}
		v.SetFloat(f)
	default:
		d.errorf(n, key, "", "cannot be read into %s", v.Type())
	}
}

// boolValue reads a value that yaml.v3 resolved as true or false, as
// n.Decode would, without the decoder n.Decode makes for each value.
func boolValue(n *yaml.Node) (value, ok bool) {
	if n.Tag != "!!bool" {
		return false, false
	}
	switch n.Value {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

func (d *Decoder) structValue(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, key, "write the fields below it, indented, one 'name: value' per line", "should be a set of fields, not a %s", kindName(n))
		return
	}
	fields := fieldsOf(v.Type())
	var few [2]uint64 // the fields written, by number, for most structs
	seen := bitset(few[:])
	if fields.count > 64*len(few) {
		seen = make(bitset, (fields.count+63)/64)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		f, ok := fields.byName[k.Value]
		if !ok {
			fix := "remove it, or check the spelling against the README"
			names := fields.names
			if key == "" {
				names = append(append([]string(nil), names...), d.ExtraKeys...)
			}
			if s := diag.Nearest(k.Value, names); s != "" {
				fix = fmt.Sprintf("did you mean %q?", s)
			}
			where := "here"
			if key != "" {
				where = "in " + readable(key)
			}
			d.errorf(k, join(key, k.Value), fix, "unknown field %s", where)
			continue
		}
		if seen.has(f.n) {
			d.errorf(k, join(key, k.Value), "keep one of them", "is written twice")
			continue
		}
		seen.add(f.n)
		d.value(val, v.FieldByIndex(f.index), join(key, k.Value))
		if val.Kind != yaml.ScalarNode {
			// Problems with a list or a set of fields point at its key;
			// problems with a single value point at the value.
			d.Positions[join(key, k.Value)] = d.pos(k)
		}
	}
	for _, name := range fields.required {
		if !seen.has(fields.byName[name].n) {
			fix := fmt.Sprintf("add a line '%s: ...'", name)
			if v.FieldByIndex(fields.byName[name].index).Kind() == reflect.Struct {
				fix = fmt.Sprintf("add a line '%s:' with its fields indented under it", name)
			}
			d.errorf(n, join(key, name), fix, "is required")
		}
	}
}

type field struct {
	index []int
	n     int // from 0 to the struct's count, to tell which were written
}

type structFields struct {
	byName   map[string]field
	names    []string
	required []string
	count    int // the fields are numbered from 0 to count-1
}

// bitset is a set of field numbers, for the fields structValue has met,
// rather than a map of their names: one word on the stack for up to 128
// fields (see structValue), allocated only past that.
type bitset []uint64

func (b bitset) has(n int) bool { return b[n/64]&(1<<(n%64)) != 0 }
func (b bitset) add(n int)      { b[n/64] |= 1 << (n % 64) }

// fieldCache holds fieldsOf's answer for each type: every page decodes
// the same few types.
var fieldCache sync.Map // reflect.Type → structFields

// fieldsOf lists the YAML fields of a struct type. The result is shared
// and must not be changed.
func fieldsOf(t reflect.Type) structFields {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(structFields)
	}
	fs := fieldsOfType(t)
	fs.names = slices.Clip(fs.names)
	fs.required = slices.Clip(fs.required)
	fieldCache.Store(t, fs)
	return fs
}

func fieldsOfType(t reflect.Type) structFields {
	fs := structFields{byName: map[string]field{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !sf.IsExported() {
			continue
		}
		if opts == "inline" {
			inner := fieldsOf(sf.Type)
			for n, f := range inner.byName {
				fs.byName[n] = field{index: append([]int{i}, f.index...), n: fs.count}
				fs.count++
			}
			fs.names = append(fs.names, inner.names...)
			fs.required = append(fs.required, inner.required...)
			continue
		}
		if name == "" {
			continue
		}
		fs.byName[name] = field{index: []int{i}, n: fs.count}
		fs.count++
		fs.names = append(fs.names, name)
		if sf.Tag.Get("schema") == "required" {
			fs.required = append(fs.required, name)
		}
	}
	sort.Strings(fs.names)
	return fs
}

// Keys lists the YAML keys a struct accepts, sorted. v is the struct or
// a pointer to it. The list is shared and must not be changed.
func Keys(v any) []string {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return fieldsOf(t).names
}

// readable writes a key path for people: "items.0" is "items (item 1)".
func readable(key string) string {
	var parts []string
	item := ""
	for _, seg := range strings.Split(key, ".") {
		if n, err := strconv.Atoi(seg); err == nil {
			item = fmt.Sprintf(" (item %d)", n+1)
			continue
		}
		parts = append(parts, seg)
	}
	return strings.Join(parts, ".") + item
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "set of fields"
	default:
		return "single value"
	}
}

func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64:
		return "a number"
	}
	return "a single value"
}

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner (yaml.v3 parserc.go).
var parserProblems = []string{
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
	"found duplicate anchor",
}

// yamlError pulls the line number out of a yaml.v3 syntax error and drops
// the library's prefix.
func yamlError(err error) (int, string) {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ":"); ok {
			if l, err := strconv.Atoi(num); err == nil {
				line = l
				msg = strings.TrimSpace(tail)
			}
		}
	}
	// yaml.v3 counts lines from 0 in parser errors (and then gives no line
	// at all for the first), but from 1 in scanner errors.
	for _, p := range parserProblems {
		if strings.HasPrefix(msg, p) {
			line++
			break
		}
	}
	if line == 0 {
		line = 1
	}
	return line, msg
}
