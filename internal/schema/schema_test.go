package schema_test

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/schema"
	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

type venue struct {
	Name     string `yaml:"name" schema:"required"`
	Capacity int    `yaml:"capacity"`
}

type item struct {
	Name string `yaml:"name" schema:"required"`
	URL  string `yaml:"url"`
}

type Common struct {
	Summary string `yaml:"summary"`
}

type event struct {
	Title  string `yaml:"title" schema:"required"`
	Common `yaml:",inline"`
	Tags   []string          `yaml:"tags"`
	Count  int               `yaml:"count"`
	Ratio  float64           `yaml:"ratio"`
	Draft  bool              `yaml:"draft"`
	Venue  venue             `yaml:"venue"`
	Items  []item            `yaml:"items"`
	Menus  map[string][]item `yaml:"menus"`
	Minify *bool             `yaml:"minify"`
	Skip   string            `yaml:"-"`
}

// decode runs a Decoder over text and returns the problems as printed.
func decode(text string, offset int) (event, *schema.Decoder, []string) {
	var v event
	d := &schema.Decoder{Path: "site.yaml", LineOffset: offset}
	d.Decode([]byte(text), &v)
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.String())
	}
	return v, d, got
}

var problemTests = []struct {
	name   string
	text   string
	offset int
	want   []string
}{
	{
		name: "valid",
		text: "title: Carers' café\ntags: [a, b]\ncount: 3\ndraft: true\n",
	},
	{
		name: "unknown key with suggestion",
		text: "title: x\nsumary: y\n",
		want: []string{`site.yaml:2:1: sumary: unknown field here; did you mean "summary"?`},
	},
	{
		name: "unknown key makes the required one missing",
		text: "titel: x\n",
		want: []string{
			`site.yaml:1:1: titel: unknown field here; did you mean "title"?`,
			`site.yaml:1:1: title: is required; add a line 'title: ...'`,
		},
	},
	{
		name: "unknown key without suggestion",
		text: "title: x\ncolour: red\n",
		want: []string{`site.yaml:2:1: colour: unknown field here; remove it, or check the spelling against the README`},
	},
	{
		name: "a key of yaml:\"-\" is unknown",
		text: "title: x\nSkip: y\n",
		want: []string{`site.yaml:2:1: Skip: unknown field here; remove it, or check the spelling against the README`},
	},
	{
		name: "unknown nested key",
		text: "title: x\nvenue:\n  name: Library\n  capasity: 30\n",
		want: []string{`site.yaml:4:3: venue.capasity: unknown field in venue; did you mean "capacity"?`},
	},
	{
		name: "unknown key in a list item",
		text: "title: x\nitems:\n  - name: a\n    ulr: /a/\n",
		want: []string{`site.yaml:4:5: items.0.ulr: unknown field in items (item 1); did you mean "url"?`},
	},
	{
		name: "key written twice",
		text: "title: x\ncount: 1\ntitle: y\n",
		want: []string{`site.yaml:3:1: title: is written twice; keep one of them`},
	},
	{
		name: "nested key written twice",
		text: "title: x\nvenue:\n  name: a\n  name: b\n",
		want: []string{`site.yaml:4:3: venue.name: is written twice; keep one of them`},
	},
	{
		name: "block list where text",
		text: "title:\n  - a\n  - b\n",
		want: []string{`site.yaml:2:3: title: should be text, not a list; write a single value on the same line as the key`},
	},
	{
		name: "flow list where text",
		text: "title: [a]\n",
		want: []string{`site.yaml:1:8: title: should be text, not a list; write a single value on the same line as the key`},
	},
	{
		name: "fields where text",
		text: "title: {a: b}\n",
		want: []string{`site.yaml:1:8: title: should be text, not a set of fields; write a single value on the same line as the key`},
	},
	{
		name: "list where number",
		text: "title: x\ncount: [1]\n",
		want: []string{`site.yaml:2:8: count: should be a number, not a list; write a single value on the same line as the key`},
	},
	{
		name: "fields where list",
		text: "title: x\ntags:\n  a: b\n",
		want: []string{`site.yaml:3:3: tags: should be a list; write one item per line, each starting with '- '`},
	},
	{
		name: "text where fields",
		text: "title: x\nvenue: Library\n",
		want: []string{`site.yaml:2:8: venue: should be a set of fields, not a single value; write the fields below it, indented, one 'name: value' per line`},
	},
	{
		name: "list where fields",
		text: "title: x\nvenue: [a]\n",
		want: []string{`site.yaml:2:8: venue: should be a set of fields, not a list; write the fields below it, indented, one 'name: value' per line`},
	},
	{
		name: "text where name: value pairs",
		text: "title: x\nmenus: main\n",
		want: []string{`site.yaml:2:8: menus: should be a set of 'name: value' pairs; write one 'name: value' pair per line`},
	},
	{
		name: "word for whole number",
		text: "title: x\ncount: abc\n",
		want: []string{`site.yaml:2:8: count: "abc" is not a whole number; write a whole number such as 3`},
	},
	{
		name: "fraction for whole number",
		text: "title: x\ncount: 2.5\n",
		want: []string{`site.yaml:2:8: count: "2.5" is not a whole number; write a whole number such as 3`},
	},
	{
		name: "word for number",
		text: "title: x\nratio: half\n",
		want: []string{`site.yaml:2:8: ratio: "half" is not a number; write a number such as 4.5`},
	},
	{
		name: "yes for true or false",
		text: "title: x\ndraft: yes\n",
		want: []string{`site.yaml:2:8: draft: "yes" is not true or false; write true or false`},
	},
	{
		name: "quoted true for true or false",
		text: "title: x\ndraft: \"true\"\n",
		want: []string{`site.yaml:2:8: draft: "true" is not true or false; write true or false`},
	},
	{
		name: "required missing",
		text: "count: 1\n",
		want: []string{`site.yaml:1:1: title: is required; add a line 'title: ...'`},
	},
	{
		name: "nested required missing",
		text: "title: x\nvenue:\n  capacity: 30\n",
		want: []string{`site.yaml:3:3: venue.name: is required; add a line 'name: ...'`},
	},
	{
		name: "nested required missing in flow fields",
		text: "title: x\nvenue: {capacity: 30}\n",
		want: []string{`site.yaml:2:8: venue.name: is required; add a line 'name: ...'`},
	},
	{
		name: "required missing in second list item",
		text: "title: x\nitems:\n  - name: a\n  - url: /b/\n",
		want: []string{`site.yaml:4:5: items.1.name: is required; add a line 'name: ...'`},
	},
	{
		name: "every problem, not only the first",
		text: "title: x\ncount: abc\ndraft: yes\ncolor: red\n",
		want: []string{
			`site.yaml:2:8: count: "abc" is not a whole number; write a whole number such as 3`,
			`site.yaml:3:8: draft: "yes" is not true or false; write true or false`,
			`site.yaml:4:1: color: unknown field here; remove it, or check the spelling against the README`,
		},
	},
	{
		name: "a list at the top",
		text: "- a\n- b\n",
		want: []string{`site.yaml:1:1: should be a set of fields, not a list; write the fields below it, indented, one 'name: value' per line`},
	},
	{
		name:   "line offset",
		text:   "title: x\ncount: abc\n",
		offset: 1,
		want:   []string{`site.yaml:3:8: count: "abc" is not a whole number; write a whole number such as 3`},
	},
	{
		name: "invalid YAML: unclosed list",
		text: "title: [unclosed\n",
		want: []string{`site.yaml:1: this is not valid YAML: did not find expected ',' or ']'; check the indentation and that every 'key: value' has a space after the colon`},
	},
	{
		name: "invalid YAML: indentation",
		text: "title: x\ncount: 1\n  draft: true\n",
		want: []string{`site.yaml:3: this is not valid YAML: mapping values are not allowed in this context; check the indentation and that every 'key: value' has a space after the colon`},
	},
	{
		name: "invalid YAML: tab",
		text: "title: x\n\tcount: 3\n",
		want: []string{`site.yaml:2: this is not valid YAML: found a tab character that violates indentation; check the indentation and that every 'key: value' has a space after the colon`},
	},
	{
		name:   "invalid YAML with line offset",
		text:   "title: x\ncount: 1\n  draft: true\n",
		offset: 1,
		want:   []string{`site.yaml:4: this is not valid YAML: mapping values are not allowed in this context; check the indentation and that every 'key: value' has a space after the colon`},
	},
}

func TestDecodeProblems(t *testing.T) {
	for _, tt := range problemTests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, got := decode(tt.text, tt.offset)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode(%q) problems mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	yes := true
	tests := []struct {
		name string
		text string
		want event
	}{
		{
			name: "every kind",
			text: "title: Carers' café\nsummary: s\ntags: [a, b]\ncount: -3\nratio: 4.5\ndraft: true\nvenue: {name: Library, capacity: 30}\nitems:\n  - name: a\n    url: /a/\nmenus:\n  main:\n    - {name: Home, url: /}\nminify: true\n",
			want: event{
				Title: "Carers' café", Common: Common{Summary: "s"}, Tags: []string{"a", "b"}, Count: -3, Ratio: 4.5, Draft: true,
				Venue: venue{Name: "Library", Capacity: 30}, Items: []item{{Name: "a", URL: "/a/"}},
				Menus: map[string][]item{"main": {{Name: "Home", URL: "/"}}}, Minify: &yes,
			},
		},
		{
			name: "a single value where a list is expected becomes a list of one",
			text: "title: x\ntags: carers\n",
			want: event{Title: "x", Tags: []string{"carers"}},
		},
		{
			name: "a single set of fields where a list is expected is not a list",
			text: "title: x\nitems: {name: a}\n",
			want: event{Title: "x"},
		},
		{
			name: "numbers and dates are kept as written in text",
			text: "title: 2026-03-14\nsummary: 007\n",
			want: event{Title: "2026-03-14", Common: Common{Summary: "007"}},
		},
		{
			name: "an empty value leaves the zero value",
			text: "title: x\nminify:\ntags:\ncount: ~\n",
			want: event{Title: "x"},
		},
		{
			name: "True is true in YAML 1.2",
			text: "title: x\ndraft: True\n",
			want: event{Title: "x", Draft: true},
		},
		{
			name: "quoted digits are a whole number",
			text: "title: x\ncount: \"12\"\n",
			want: event{Title: "x", Count: 12},
		},
		{
			name: "aliases are followed",
			text: "title: &t x\nsummary: *t\n",
			want: event{Title: "x", Common: Common{Summary: "x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _ := decode(tt.text, 0)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestYesIsText pins down why "draft: yes" is an error: yaml.v3 follows
// YAML 1.2, where yes, no, on and off are text, not true or false.
func TestYesIsText(t *testing.T) {
	for _, tt := range []struct{ value, tag string }{
		{"yes", "!!str"}, {"no", "!!str"}, {"on", "!!str"}, {"off", "!!str"},
		{"true", "!!bool"}, {"False", "!!bool"}, {"2026-03-14", "!!timestamp"}, {"3", "!!int"},
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+tt.value), &n); err != nil {
			t.Fatalf("Unmarshal(%q): %v", tt.value, err)
		}
		if got := n.Content[0].Content[1].ShortTag(); got != tt.tag {
			t.Errorf("tag of %q = %s, want %s", tt.value, got, tt.tag)
		}
	}
}

// TestDecodeBool checks true and false, and values that are not, as
// written and as yaml.v3's own decoder reads them.
func TestDecodeBool(t *testing.T) {
	for _, value := range []string{
		"true", "True", "TRUE", "false", "False", "FALSE", "tRUE", "yes", "no", "on", "off", "1", "0",
		`"true"`, "'false'", "!!bool true", "!!bool False", "!!bool yes", "!!str true", "!!int 1",
	} {
		t.Run(value, func(t *testing.T) {
			text := "title: x\ndraft: " + value + "\n"
			got, _, problems := decode(text, 0)
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatal(err)
			}
			n := doc.Content[0].Content[3]
			var want bool
			err := n.Decode(&want)
			wantOK := err == nil && n.Tag == "!!bool"
			if gotOK := len(problems) == 0; gotOK != wantOK || got.Draft != want && wantOK {
				t.Errorf("draft: %s decoded to %v with problems %q, want %v and a problem %v", value, got.Draft, problems, want, !wantOK)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	text := `title: x
tags:
  - a
  -   b
venue:
  name: Library
  capacity: 30
items:
  - name: a
    url: /a/
  - {name: b}
menus:
  main:
    - name: Home
`
	for _, offset := range []int{0, 1, 10} {
		_, d, problems := decode(text, offset)
		if len(problems) != 0 {
			t.Fatalf("offset %d: unexpected problems %q", offset, problems)
		}
		at := func(line, col int) schema.Pos { return schema.Pos{Line: line + offset, Col: col} }
		want := schema.Positions{
			"title":             at(1, 8),
			"tags":              at(2, 1),
			"tags.0":            at(3, 5),
			"tags.1":            at(4, 7),
			"venue":             at(5, 1),
			"venue.name":        at(6, 9),
			"venue.capacity":    at(7, 13),
			"items":             at(8, 1),
			"items.0":           at(9, 5),
			"items.0.name":      at(9, 11),
			"items.0.url":       at(10, 10),
			"items.1":           at(11, 5),
			"items.1.name":      at(11, 12),
			"menus":             at(12, 1),
			"menus.main":        at(14, 5),
			"menus.main.0":      at(14, 7),
			"menus.main.0.name": at(14, 13),
		}
		if diff := cmp.Diff(want, d.Positions); diff != "" {
			t.Errorf("offset %d: Positions mismatch (-want +got):\n%s", offset, diff)
		}
	}
}

func TestPositionsOf(t *testing.T) {
	p := schema.Positions{
		"venue":        {Line: 5, Col: 1},
		"venue.name":   {Line: 6, Col: 3},
		"items.0":      {Line: 9, Col: 5},
		"items.0.name": {Line: 9, Col: 5},
	}
	fallback := schema.Pos{Line: 1, Col: 1}
	tests := []struct {
		key  string
		want schema.Pos
	}{
		{"venue.name", schema.Pos{Line: 6, Col: 3}},
		{"venue", schema.Pos{Line: 5, Col: 1}},
		{"venue.capacity", schema.Pos{Line: 5, Col: 1}},
		{"venue.address.street", schema.Pos{Line: 5, Col: 1}},
		{"items.0.url", schema.Pos{Line: 9, Col: 5}},
		{"items.1.name", fallback},
		{"title", fallback},
		{"", fallback},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := p.Of(tt.key, fallback); got != tt.want {
				t.Errorf("Of(%q) = %v, want %v", tt.key, got, tt.want)
			}
		})
	}
	if got := schema.Positions(nil).Of("title", fallback); got != fallback {
		t.Errorf("nil Positions: Of(title) = %v, want %v", got, fallback)
	}
}

func TestDecodeNode(t *testing.T) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("events:\n  venue:\n    capacity: lots\n"), &n); err != nil {
		t.Fatal(err)
	}
	var v venue
	d := schema.Decoder{Path: "content/a.md", LineOffset: 1}
	d.DecodeNode(n.Content[0].Content[1].Content[1], &v, "events.venue")
	want := []string{
		`content/a.md:4:15: events.venue.capacity: "lots" is not a whole number; write a whole number such as 3`,
		`content/a.md:4:5: events.venue.name: is required; add a line 'name: ...'`,
	}
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if got, want := d.Positions["events.venue.capacity"], (schema.Pos{Line: 4, Col: 15}); got != want {
		t.Errorf("Positions[events.venue.capacity] = %v, want %v", got, want)
	}
}

func TestKeys(t *testing.T) {
	want := []string{"count", "draft", "items", "menus", "minify", "ratio", "summary", "tags", "title", "venue"}
	if diff := cmp.Diff(want, schema.Keys(event{})); diff != "" {
		t.Errorf("Keys mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeEmptyDocument: a file with no keys at all is an empty set of
// fields, so the only problem is the missing required key, at 1:1 (plus the
// offset).
func TestDecodeEmptyDocument(t *testing.T) {
	for _, text := range []string{"", "\n", "# only a comment\n"} {
		for _, offset := range []int{0, 1} {
			_, _, got := decode(text, offset)
			want := []string{"site.yaml:" + strconv.Itoa(1+offset) + ":1: title: is required; add a line 'title: ...'"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Decode(%q) with offset %d mismatch (-want +got):\n%s", text, offset, diff)
			}
		}
	}
}

// TestDecodeMapKeyTwice: a key written twice inside a map (such as a menu
// name under menus:) is reported like a struct key written twice, instead
// of the first one being silently dropped.
func TestDecodeMapKeyTwice(t *testing.T) {
	_, _, got := decode("title: x\nmenus:\n  main:\n    - name: a\n  main:\n    - name: b\n", 0)
	want := []string{`site.yaml:5:3: menus.main: is written twice; keep one of them`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeManyFields checks a struct with more fields than structValue
// keeps track of without allocating: keys written twice and required
// fields missing are found among all of them.
func TestDecodeManyFields(t *testing.T) {
	var fields []reflect.StructField
	for i := range 200 {
		tag := fmt.Sprintf(`yaml:"f%d"`, i)
		if i == 150 || i == 199 {
			tag += ` schema:"required"`
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: reflect.TypeOf(""), Tag: reflect.StructTag(tag)})
	}
	v := reflect.New(reflect.StructOf(fields))
	d := &schema.Decoder{Path: "site.yaml"}
	d.Decode([]byte("f0: a\nf130: b\nf199: c\nf130: d\nf64: e\n"), v.Interface())
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"site.yaml:4:1: f130: is written twice; keep one of them",
		"site.yaml:1:1: f150: is required; add a line 'f150: ...'",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if f130, f64 := v.Elem().Field(130).String(), v.Elem().Field(64).String(); f130 != "b" || f64 != "e" {
		t.Errorf("f130, f64 = %q, %q; want \"b\", \"e\"", f130, f64)
	}
}

// TestDecodeInvalidYAMLLine: a YAML syntax error is reported on the line
// where the author made it, whatever kind of error yaml.v3 found.
func TestDecodeInvalidYAMLLine(t *testing.T) {
	const fix = "; check the indentation and that every 'key: value' has a space after the colon"
	tests := []struct{ text, want string }{
		{"a: 1\nb: {x: 1\n", "site.yaml:2: this is not valid YAML: did not find expected ',' or '}'" + fix},
		{"title: T\nsummary: [a\n", "site.yaml:2: this is not valid YAML: did not find expected ',' or ']'" + fix},
		{"a: 1\nb: 2\nc: [x, y\nd: 4\n", "site.yaml:3: this is not valid YAML: did not find expected ',' or ']'" + fix},
		{"a: b\n- c\n", "site.yaml:2: this is not valid YAML: did not find expected key" + fix},
		{"- a\nb: c\n", "site.yaml:2: this is not valid YAML: did not find expected '-' indicator" + fix},
	}
	for _, tt := range tests {
		_, _, got := decode(tt.text, 0)
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("Decode(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, tt := range problemTests {
		f.Add(tt.text, tt.offset)
	}
	f.Fuzz(func(t *testing.T, text string, offset int) {
		if offset < 0 || offset > 1000 {
			return
		}
		var v event
		d := schema.Decoder{Path: "site.yaml", LineOffset: offset}
		d.Decode([]byte(text), &v)
		lines := yamlLines(text) + 1 // yaml.v3 may point one line past the end
		for key, p := range d.Positions {
			if p.Line < 1+offset || p.Col < 1 {
				t.Errorf("Positions[%q] = %v, want line >= %d and column >= 1", key, p, 1+offset)
			}
			if p.Line > lines+offset {
				t.Errorf("Positions[%q] = %v, past the end of the text (%d lines)", key, p, lines)
			}
		}
		for _, p := range d.Problems {
			checkProblem(t, p, offset, lines)
		}
	})
}

// yamlLines counts lines as YAML does: a line ends at \n, \r\n, a lone \r,
// U+0085, U+2028 or U+2029.
func yamlLines(s string) int {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

func checkProblem(t *testing.T, p diag.Problem, offset, lines int) {
	t.Helper()
	if p.Path != "site.yaml" || p.Message == "" || p.Severity != diag.Error {
		t.Errorf("problem %+v: want path site.yaml, an error and a message", p)
	}
	if p.Line < 0 || p.Col < 0 || (p.Col > 0 && p.Line == 0) {
		t.Errorf("problem %q: line %d, column %d", p, p.Line, p.Col)
	}
	if p.Line > lines+offset {
		t.Errorf("problem %q: line %d is past the end of the text (%d lines)", p, p.Line, lines)
	}
}
