package content_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/schema"
	"github.com/engage-ssg/engage/internal/sysfile"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func london(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		tb.Fatalf("LoadLocation: %v", err)
	}
	return loc
}

func options(tb testing.TB) content.Options {
	return content.Options{
		Location:   london(tb),
		Taxonomies: []string{"topics", "areas", "audiences"},
		Markdown:   markdown.New(markdown.Options{}),
	}
}

func strs(l diag.List) []string {
	var out []string
	for _, p := range l {
		out = append(out, p.String())
	}
	return out
}

const unclosedFrontMatter = "content/a.md:1:1: the front matter has no closing '---' line; add a line '---' after the last field, before the text of the page"

const noFrontMatter = "content/a.md:1:1: has no front matter; start the file with a line '---', then fields such as 'title: Carers café', then another '---' line"

var frontMatterTests = []struct {
	name     string
	data     string
	title    string // "" when Parse returns no page
	bodyLine int
	body     string
	want     []string
}{
	{
		name:     "plain",
		data:     "---\ntitle: Carers' café\n---\nBody text.\n",
		title:    "Carers' café",
		bodyLine: 4,
		body:     "Body text.\n",
	},
	{
		name:     "CRLF line ends",
		data:     "---\r\ntitle: Carers\r\nsummary: Tea\r\n---\r\nBody\r\n",
		title:    "Carers",
		bodyLine: 5,
		body:     "Body\r\n",
	},
	{
		name:     "byte order mark",
		data:     "\ufeff---\ntitle: Carers\n---\nBody\n",
		title:    "Carers",
		bodyLine: 4,
		body:     "Body\n",
	},
	{
		name:     "dashes with trailing spaces",
		data:     "---   \ntitle: Carers\n--- \nBody\n",
		title:    "Carers",
		bodyLine: 4,
		body:     "Body\n",
	},
	{
		name:     "blank lines before the body",
		data:     "---\ntitle: T\n---\n\n\nBody\n",
		title:    "T",
		bodyLine: 4,
		body:     "\n\nBody\n",
	},
	{
		name:     "no body",
		data:     "---\ntitle: T\n---\n",
		title:    "T",
		bodyLine: 4,
	},
	{
		name:     "no newline after the closing dashes",
		data:     "---\ntitle: T\n---",
		title:    "T",
		bodyLine: 4,
	},
	{
		name:     "a later --- is a thematic break in the body",
		data:     "---\ntitle: T\n---\nOne\n\n---\n\nTwo\n",
		title:    "T",
		bodyLine: 4,
		body:     "One\n\n---\n\nTwo\n",
	},
	{
		name: "no front matter",
		data: "# Carers' café\n\nBody\n",
		want: []string{noFrontMatter},
	},
	{
		name: "blank line before the dashes",
		data: "\n---\ntitle: T\n---\n",
		want: []string{noFrontMatter},
	},
	{
		name: "unterminated front matter",
		data: "---\ntitle: T\n\nBody\n",
		want: []string{unclosedFrontMatter},
	},
	{
		name: "only the opening dashes",
		data: "---",
		want: []string{unclosedFrontMatter},
	},
	{
		name: "empty file",
		data: "",
		want: []string{noFrontMatter},
	},
	{
		name: "not UTF-8",
		data: "---\ntitle: caf\xe9\n---\n",
		want: []string{"content/a.md:1:1: is not UTF-8 text; save the file as UTF-8 in your editor"},
	},
	{
		name: "invalid YAML",
		data: "---\ntitle: T\n\tdraft: true\n---\n",
		want: []string{"content/a.md:3: this is not valid YAML: found a tab character that violates indentation; check the indentation and that every 'key: value' has a space after the colon"},
	},
	{
		name: "invalid YAML under CRLF",
		data: "---\r\ntitle: T\r\n  draft: true\r\n---\r\n",
		want: []string{"content/a.md:3: this is not valid YAML: mapping values are not allowed in this context; check the indentation and that every 'key: value' has a space after the colon"},
	},
	{
		name:     "missing title",
		data:     "---\nsummary: S\n---\n",
		title:    "",
		bodyLine: 4,
		want:     []string{"content/a.md:2:1: title: is required; add a line 'title: ...'"},
	},
}

func TestParseFrontMatter(t *testing.T) {
	opts := options(t)
	for _, tt := range frontMatterTests {
		t.Run(tt.name, func(t *testing.T) {
			page, list := content.Parse("content/a.md", []byte(tt.data), opts)
			if diff := cmp.Diff(tt.want, strs(list)); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
			if tt.bodyLine == 0 {
				// A file whose fields cannot be read at all is still a
				// page (named by its file), so that links to it are not
				// reported as well; one with no front matter is not.
				if page != nil && !strings.Contains(strings.Join(strs(list), "\n"), "not valid YAML") {
					t.Errorf("Parse returned page %v, want nil", page)
				}
				return
			}
			if page == nil {
				t.Fatal("Parse returned nil page")
			}
			if page.Meta.Title != tt.title {
				t.Errorf("Title = %q, want %q", page.Meta.Title, tt.title)
			}
			if page.BodyLine != tt.bodyLine {
				t.Errorf("BodyLine = %d, want %d", page.BodyLine, tt.bodyLine)
			}
			if got := string(page.Body.Source); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

func TestParseMeta(t *testing.T) {
	data := `---
title: Carers' café
summary: A drop-in.
draft: true
slug: carers-cafe-2026
aliases: /old/
weight: 3
---
`
	page, list := content.Parse("content/meetings/a.md", []byte(data), options(t))
	if len(list) != 0 {
		t.Fatalf("unexpected problems:\n%v", list)
	}
	want := content.Meta{
		Title: "Carers' café", Summary: "A drop-in.", Draft: true, Slug: "carers-cafe-2026",
		Aliases: []string{"/old/"}, Weight: 3,
	}
	if diff := cmp.Diff(want, page.Meta); diff != "" {
		t.Errorf("Meta mismatch (-want +got):\n%s", diff)
	}
	wantPos := schema.Positions{
		"title": {Line: 2, Col: 8}, "summary": {Line: 3, Col: 10}, "draft": {Line: 4, Col: 8},
		"slug": {Line: 5, Col: 7}, "aliases": {Line: 6, Col: 10}, "aliases.0": {Line: 6, Col: 10},
		"weight": {Line: 7, Col: 9},
	}
	if diff := cmp.Diff(wantPos, page.Positions()); diff != "" {
		t.Errorf("Positions mismatch (-want +got):\n%s", diff)
	}
	if got, want := page.FieldPos("slug"), (schema.Pos{Line: 5, Col: 7}); got != want {
		t.Errorf("FieldPos(slug) = %v, want %v", got, want)
	}
	if got, want := page.FieldPos("date"), (schema.Pos{Line: 2, Col: 1}); got != want {
		t.Errorf("FieldPos(date) = %v, want %v", got, want)
	}
}

func TestParseFieldProblems(t *testing.T) {
	tests := []struct {
		name string
		fm   string
		want []string
	}{
		{
			name: "misspelt title",
			fm:   "titel: T\n",
			want: []string{
				`content/a.md:2:1: titel: unknown field here; did you mean "title"?`,
				`content/a.md:2:1: title: is required; add a line 'title: ...'`,
			},
		},
		{
			name: "misspelt summary further down",
			fm:   "title: T\ndate: 2026-03-14\nsumary: S\n",
			want: []string{`content/a.md:4:1: sumary: unknown field here; did you mean "summary"?`},
		},
		{
			name: "unknown field",
			fm:   "title: T\nvenue: Library\n",
			want: []string{`content/a.md:3:1: venue: is a field of events pages, and this is a plain page; move the page to content/events/ (or add 'type: events'), or remove the line`},
		},
		{
			name: "written twice",
			fm:   "title: T\ntitle: U\n",
			want: []string{`content/a.md:3:1: title: is written twice; keep one of them`},
		},
		{
			name: "yes is not true or false",
			fm:   "title: T\ndraft: yes\n",
			want: []string{`content/a.md:3:8: draft: "yes" is not true or false; write true or false`},
		},
		{
			name: "weight is not a whole number",
			fm:   "title: T\nweight: heavy\n",
			want: []string{`content/a.md:3:9: weight: "heavy" is not a whole number; write a whole number such as 3`},
		},
		{
			name: "title is a list",
			fm:   "title:\n  - A\n  - B\n",
			want: []string{`content/a.md:3:3: title: should be text, not a list; write a single value on the same line as the key`},
		},
		{
			name: "taxonomy is a set of fields",
			fm:   "title: T\ntopics:\n  carers: yes\n",
			want: []string{`content/a.md:4:3: topics: should be a list; write one item per line, each starting with '- '`},
		},
		{
			name: "taxonomy term is a list",
			fm:   "title: T\ntopics: [[a, b]]\n",
			want: []string{`content/a.md:3:10: topics.0: should be text, not a list; write a single value on the same line as the key`},
		},
		{
			name: "front matter is a list",
			fm:   "- title: T\n",
			want: []string{`content/a.md:2:1: should be a set of fields, not a list; write the fields below it, indented, one 'name: value' per line`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, list := content.Parse("content/a.md", []byte("---\n"+tt.fm+"---\n"), options(t))
			if diff := cmp.Diff(tt.want, strs(list)); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

var dateTests = []struct {
	in   string
	want string // RFC 3339 in Europe/London
}{
	{"2026-03-14", "2026-03-14T00:00:00Z"},
	{"2026-07-14", "2026-07-14T00:00:00+01:00"},
	{"2026-03-14T10:00", "2026-03-14T10:00:00Z"},
	{"2026-07-14T10:00", "2026-07-14T10:00:00+01:00"},
	{"2026-03-14 10:00", "2026-03-14T10:00:00Z"},
	{"2026-07-14 10:00", "2026-07-14T10:00:00+01:00"},
	{"2026-07-14T10:00:30", "2026-07-14T10:00:30+01:00"},
	{"2026-07-14 10:00:30", "2026-07-14T10:00:30+01:00"},
	// the last Sunday of March and October: the clocks change at 01:00 UTC
	{"2026-03-29T00:59", "2026-03-29T00:59:00Z"},
	{"2026-03-29T02:00", "2026-03-29T02:00:00+01:00"},
	{"2026-10-25T00:30", "2026-10-25T00:30:00+01:00"},
	{"2026-10-25T02:00", "2026-10-25T02:00:00Z"},
	// with an offset, the instant is kept and shown in the site's zone
	{"2026-03-14T10:00:00+01:00", "2026-03-14T09:00:00Z"},
	{"2026-07-14T10:00:00Z", "2026-07-14T11:00:00+01:00"},
	{"2026-07-14T10:00:00+01:00", "2026-07-14T10:00:00+01:00"},
	{"2026-07-14T10:00:00.5-04:00", "2026-07-14T15:00:00.5+01:00"},
}

func TestParseDate(t *testing.T) {
	loc := london(t)
	for _, tt := range dateTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := content.ParseDate(tt.in, loc)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if s := got.Format(time.RFC3339Nano); s != tt.want {
				t.Errorf("ParseDate(%q) = %s, want %s", tt.in, s, tt.want)
			}
			if got.Location() != loc {
				t.Errorf("ParseDate(%q) location = %v, want %v", tt.in, got.Location(), loc)
			}
		})
	}
}

func TestParseDateOtherZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	got, err := content.ParseDate("2026-07-14T10:00", ny)
	if err != nil {
		t.Fatal(err)
	}
	if s, want := got.Format(time.RFC3339), "2026-07-14T10:00:00-04:00"; s != want {
		t.Errorf("ParseDate in New York = %s, want %s", s, want)
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, in := range []string{
		"14th March", "14 March 2026", "14/03/2026", "2026-3-14", "2026-03-14T10", "2026-03-14T25:00",
		"2026-02-30", "2026-13-01", "20260314", "2026-03-14T10:00+01:00", " 2026-03-14", "2026-03-14 ", "",
	} {
		t.Run(in, func(t *testing.T) {
			got, err := content.ParseDate(in, london(t))
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", in, got)
			}
			if err.Error() != "not a date" {
				t.Errorf("ParseDate(%q) error = %q, want %q", in, err, "not a date")
			}
		})
	}
}

func TestParsePageDates(t *testing.T) {
	data := "---\ntitle: T\ndate: 2026-03-14T10:00\nupdated: 2026-07-14T10:00\nreview_due: 2027-03-14T10:00:00+01:00\n---\n"
	page, list := content.Parse("content/a.md", []byte(data), options(t))
	if len(list) != 0 {
		t.Fatalf("unexpected problems:\n%v", list)
	}
	for _, tt := range []struct {
		name string
		got  time.Time
		want string
	}{
		{"date", page.Date, "2026-03-14T10:00:00Z"},
		{"updated", page.Updated, "2026-07-14T10:00:00+01:00"},
		{"review_due", page.ReviewDue, "2027-03-14T09:00:00Z"},
	} {
		if s := tt.got.Format(time.RFC3339); s != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, s, tt.want)
		}
	}
	if page.Meta.Date != "2026-03-14T10:00" {
		t.Errorf("Meta.Date = %q, want it as written", page.Meta.Date)
	}

	// Without a location, dates are in UTC.
	page, _ = content.Parse("content/a.md", []byte(data), content.Options{})
	if s, want := page.Updated.Format(time.RFC3339), "2026-07-14T10:00:00Z"; s != want {
		t.Errorf("updated with no location = %s, want %s", s, want)
	}
	// A page without dates has zero times.
	page, _ = content.Parse("content/a.md", []byte("---\ntitle: T\n---\n"), options(t))
	if !page.Date.IsZero() || !page.Updated.IsZero() || !page.ReviewDue.IsZero() {
		t.Errorf("dates = %v, %v, %v, want zero", page.Date, page.Updated, page.ReviewDue)
	}
}

// TestParseBadDate checks the message and the line of a date that is not
// a date; TestParseBadDateColumn checks the column.
func TestParseBadDate(t *testing.T) {
	tests := []struct {
		name string
		fm   string
		want diag.Problem
	}{
		{
			name: "date",
			fm:   "title: T\nsummary: S\ndate: 14th March\n",
			want: diag.Problem{Path: "content/meetings/carers-cafe.md", Line: 4, Field: "date", Message: `"14th March" is not a date`, Fix: "write 2026-03-14 or 2026-03-14T10:00"},
		},
		{
			name: "quoted",
			fm:   "title: T\nsummary: S\ndate: \"14th March\"\n",
			want: diag.Problem{Path: "content/meetings/carers-cafe.md", Line: 4, Field: "date", Message: `"14th March" is not a date`, Fix: "write 2026-03-14 or 2026-03-14T10:00"},
		},
		{
			name: "updated",
			fm:   "title: T\nupdated: 2026-02-30\n",
			want: diag.Problem{Path: "content/meetings/carers-cafe.md", Line: 3, Field: "updated", Message: `"2026-02-30" is not a date`, Fix: "write 2026-03-14 or 2026-03-14T10:00"},
		},
		{
			name: "review_due",
			fm:   "title: T\nreview_due: next year\n",
			want: diag.Problem{Path: "content/meetings/carers-cafe.md", Line: 3, Field: "review_due", Message: `"next year" is not a date`, Fix: "write 2026-03-14 or 2026-03-14T10:00"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, list := content.Parse("content/meetings/carers-cafe.md", []byte("---\n"+tt.fm+"---\n"), options(t))
			if page == nil {
				t.Fatal("Parse returned nil page; want the page with its problem")
			}
			if diff := cmp.Diff(diag.List{tt.want}, list, cmpopts.IgnoreFields(diag.Problem{}, "Col")); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseBadDateColumn: the README shows the date error pointing at the
// value, content/meetings/carers-cafe.md:4:7 for "date: 14th March" on line 4.
func TestParseBadDateColumn(t *testing.T) {
	for _, fm := range []string{"date: 14th March\n", "date: \"14th March\"\n"} {
		_, list := content.Parse("content/meetings/carers-cafe.md", []byte("---\ntitle: T\nsummary: S\n"+fm+"---\n"), options(t))
		want := []string{`content/meetings/carers-cafe.md:4:7: date: "14th March" is not a date; write 2026-03-14 or 2026-03-14T10:00`}
		if diff := cmp.Diff(want, strs(list)); diff != "" {
			t.Errorf("problems mismatch (-want +got):\n%s", diff)
		}
	}
}

func TestParseTerms(t *testing.T) {
	tests := []struct {
		name       string
		fm         string
		taxonomies []string
		want       map[string][]string
		wantPos    schema.Positions
	}{
		{
			name:    "flow list",
			fm:      "topics: [Carers, Mental health]\n",
			want:    map[string][]string{"topics": {"Carers", "Mental health"}},
			wantPos: schema.Positions{"topics": {Line: 3, Col: 1}, "topics.0": {Line: 3, Col: 10}, "topics.1": {Line: 3, Col: 18}},
		},
		{
			name:    "block list",
			fm:      "areas:\n  - Lowmere\n  - Wrenford\n",
			want:    map[string][]string{"areas": {"Lowmere", "Wrenford"}},
			wantPos: schema.Positions{"areas": {Line: 3, Col: 1}, "areas.0": {Line: 4, Col: 5}, "areas.1": {Line: 5, Col: 5}},
		},
		{
			name:    "single term",
			fm:      "topics: Carers\n",
			want:    map[string][]string{"topics": {"Carers"}},
			wantPos: schema.Positions{"topics": {Line: 3, Col: 1}, "topics.0": {Line: 3, Col: 9}},
		},
		{
			name: "terms trimmed, empty terms dropped",
			fm:   "topics: ['  Carers ', '', '   ', Mental health]\naudiences: \"  Older people  \"\n",
			want: map[string][]string{"topics": {"Carers", "Mental health"}, "audiences": {"Older people"}},
		},
		{
			name: "numbers and dates are terms as written",
			fm:   "areas: [2026, 007]\n",
			want: map[string][]string{"areas": {"2026", "007"}},
		},
		{
			name: "every taxonomy",
			fm:   "topics: [A]\nareas: [B]\naudiences: [C]\n",
			want: map[string][]string{"topics": {"A"}, "areas": {"B"}, "audiences": {"C"}},
		},
		{
			name:       "taxonomies from site.yaml",
			fm:         "wards: [North]\n",
			taxonomies: []string{"wards"},
			want:       map[string][]string{"wards": {"North"}},
		},
		{
			name: "no taxonomy fields",
			fm:   "summary: S\n",
		},
		{
			name: "empty list",
			fm:   "topics: []\n",
			want: map[string][]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := options(t)
			if tt.taxonomies != nil {
				opts.Taxonomies = tt.taxonomies
			}
			page, list := content.Parse("content/a.md", []byte("---\ntitle: T\n"+tt.fm+"---\n"), opts)
			if len(list) != 0 {
				t.Fatalf("unexpected problems:\n%v", list)
			}
			if diff := cmp.Diff(tt.want, page.Meta.Terms, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Terms mismatch (-want +got):\n%s", diff)
			}
			for key, want := range tt.wantPos {
				if got := page.Positions()[key]; got != want {
					t.Errorf("Positions[%q] = %v, want %v", key, got, want)
				}
			}
		})
	}
}

func TestParseTermsNotATaxonomy(t *testing.T) {
	opts := options(t)
	opts.Taxonomies = []string{"wards"}
	_, list := content.Parse("content/a.md", []byte("---\ntitle: T\ntopics: [Carers]\n---\n"), opts)
	want := []string{"content/a.md:3:1: topics: unknown field here; remove it, or check the spelling against the README"}
	if diff := cmp.Diff(want, strs(list)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// TestParseTaxonomyTypo: a misspelt taxonomy field gets a suggestion like
// any other field.
func TestParseTaxonomyTypo(t *testing.T) {
	_, list := content.Parse("content/a.md", []byte("---\ntitle: T\ntopic: Carers\n---\n"), options(t))
	want := []string{`content/a.md:3:1: topic: unknown field here; did you mean "topics"?`}
	if diff := cmp.Diff(want, strs(list)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// TestParseEmptyFrontMatter: front matter with no fields is missing its
// title, like front matter with other fields but no title.
func TestParseEmptyFrontMatter(t *testing.T) {
	for _, data := range []string{"---\n---\nBody\n", "---\n# a note\n---\nBody\n"} {
		_, list := content.Parse("content/a.md", []byte(data), options(t))
		want := []string{`content/a.md:2:1: title: is required; add a line 'title: ...'`}
		if diff := cmp.Diff(want, strs(list)); diff != "" {
			t.Errorf("Parse(%q) problems mismatch (-want +got):\n%s", data, diff)
		}
	}
}

// TestParseUnicodeLineSeparator: a U+2028 LINE SEPARATOR pasted into a
// quoted value does not move the fields below it: engage counts lines at
// \n everywhere else (BodyLine, Markdown positions).
func TestParseUnicodeLineSeparator(t *testing.T) {
	data := "---\ntitle: \"Carers\u2028café\"\nsumary: S\n---\nBody\n"
	page, list := content.Parse("content/a.md", []byte(data), options(t))
	want := []string{`content/a.md:3:1: sumary: unknown field here; did you mean "summary"?`}
	if diff := cmp.Diff(want, strs(list)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if page.BodyLine != 5 {
		t.Errorf("BodyLine = %d, want 5", page.BodyLine)
	}
}

func TestParseBody(t *testing.T) {
	data := "---\ntitle: T\n---\n\n## When and where\n\nSee [our principles](/principles/)\nand ![](map.png).\n"
	page, list := content.Parse("content/a.md", []byte(data), options(t))
	if len(list) != 0 {
		t.Fatalf("unexpected problems:\n%v", list)
	}
	type pos struct{ Line, Col int }
	var got []pos
	for _, h := range page.Body.Headings {
		l, c := page.FilePos(h.Line, h.Col)
		got = append(got, pos{l, c})
	}
	for _, link := range page.Body.Links {
		l, c := page.FilePos(link.Line, link.Col)
		got = append(got, pos{l, c})
	}
	want := []pos{{5, 1}, {7, 5}, {8, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("file positions of heading and links mismatch (-want +got):\n%s", diff)
	}

	// Without a Markdown converter the body is not parsed.
	page, _ = content.Parse("content/a.md", []byte(data), content.Options{})
	if page.Body != nil {
		t.Errorf("Body = %v, want nil without Options.Markdown", page.Body)
	}
}

func TestParseClassify(t *testing.T) {
	tests := []struct {
		path     string
		typ      string // front matter type:
		rel      string
		kind     content.Kind
		section  string
		wantType string
		bundle   bool
		easy     bool
	}{
		{path: "content/_index.md", rel: "_index.md", kind: content.Home, wantType: "page"},
		{path: "content/about.md", rel: "about.md", kind: content.Regular, wantType: "page"},
		{path: "content/about.easy.md", rel: "about.easy.md", kind: content.Regular, wantType: "page", easy: true},
		{path: "content/events/_index.md", rel: "events/_index.md", kind: content.Section, section: "events", wantType: "events"},
		{path: "content/events/2026/_index.md", rel: "events/2026/_index.md", kind: content.Section, section: "events", wantType: "events"},
		{path: "content/events/carers-cafe.md", rel: "events/carers-cafe.md", kind: content.Regular, section: "events", wantType: "events"},
		{path: "content/events/carers-cafe.easy.md", rel: "events/carers-cafe.easy.md", kind: content.Regular, section: "events", wantType: "events", easy: true},
		{path: "content/events/2026/march/quiz.md", rel: "events/2026/march/quiz.md", kind: content.Regular, section: "events", wantType: "events"},
		{path: "content/constitution/our-constitution/index.md", rel: "constitution/our-constitution/index.md", kind: content.Regular, section: "constitution", wantType: "constitution", bundle: true},
		{path: "content/constitution/our-constitution/index.easy.md", rel: "constitution/our-constitution/index.easy.md", kind: content.Regular, section: "constitution", wantType: "constitution", bundle: true, easy: true},
		{path: "content/index.md", rel: "index.md", kind: content.Regular, wantType: "page", bundle: true},
		{path: "content/news/launch.md", typ: "update", rel: "news/launch.md", kind: content.Regular, section: "news", wantType: "update"},
		{path: "content/about.md", typ: "landing", rel: "about.md", kind: content.Regular, wantType: "landing"},
		{path: "content/_index.md", typ: "landing", rel: "_index.md", kind: content.Home, wantType: "landing"},
		{path: "content/events/_index.md", typ: "calendar", rel: "events/_index.md", kind: content.Section, section: "events", wantType: "calendar"},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+tt.typ, func(t *testing.T) {
			fm := "title: T\n"
			if tt.wantType == "events" && tt.kind == content.Regular && !strings.Contains(tt.path, ".easy.") {
				fm += "start: 2026-03-14T10:00\nend: 2026-03-14T12:00\n"
			}
			if tt.typ != "" {
				fm += "type: " + tt.typ + "\n"
			}
			page, list := content.Parse(tt.path, []byte("---\n"+fm+"---\n"), options(t))
			if len(list) != 0 {
				t.Fatalf("unexpected problems:\n%v", list)
			}
			type class struct {
				Path, Rel, Section, Type string
				Kind                     content.Kind
				Bundle, EasyRead         bool
			}
			got := class{page.Path, page.Rel, page.Section, page.Type, page.Kind, page.Bundle, page.EasyRead}
			want := class{tt.path, tt.rel, tt.section, tt.wantType, tt.kind, tt.bundle, tt.easy}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("classification mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("x")}
	fsys := fstest.MapFS{
		"site.yaml":                               file,
		"layouts/_default/single.html":            file,
		"content/_index.md":                       file,
		"content/about.md":                        file,
		"content/about.md~":                       file,
		"content/.about.md.swp":                   file,
		"content/.about.md.swx":                   file,
		"content/#about.md#":                      file,
		"content/about.md.tmp":                    file,
		"content/.DS_Store":                       file,
		"content/notes.txt":                       file,
		"content/events/_index.md":                file,
		"content/meetings/carers-cafe.md":         file,
		"content/events/carers-cafe.easy.md":      file,
		"content/events/.hidden/x.md":             file,
		"content/_drafts/y.md":                    file,
		"content/constitution/ours/index.md":      file,
		"content/constitution/ours/ours.pdf":      file,
		"content/constitution/ours/.ours.pdf.swp": file,
		"content/constitution/ours/img/map.png":   file,
	}
	pages, others, err := content.Files(fsys)
	if err != nil {
		t.Fatalf("Files: %v", err)
	}
	wantPages := []string{
		"content/_index.md",
		"content/about.md",
		"content/constitution/ours/index.md",
		"content/events/_index.md",
		"content/events/carers-cafe.easy.md",
		"content/meetings/carers-cafe.md",
	}
	wantOthers := []string{
		"content/constitution/ours/img/map.png",
		"content/constitution/ours/ours.pdf",
		"content/notes.txt",
	}
	if diff := cmp.Diff(wantPages, pages); diff != "" {
		t.Errorf("pages mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantOthers, others); diff != "" {
		t.Errorf("others mismatch (-want +got):\n%s", diff)
	}
}

func TestFilesNoContent(t *testing.T) {
	_, _, err := content.Files(fstest.MapFS{"site.yaml": {Data: []byte("x")}})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Files without content/: error %v, want fs.ErrNotExist", err)
	}
}

func TestParseAll(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":       {Data: []byte("---\ntitel: A\n---\n")},
		"content/b.md":       {Data: []byte("---\ntitle: B\ndate: 14th March\n---\n")},
		"content/c.md":       {Data: []byte("no front matter\n")},
		"content/d.md":       {Data: []byte("---\ntitle: D\n---\nFine.\n")},
		"content/e.md":       {Data: []byte("---\ntitle: E\ndraft: yes\nweight: x\n---\n")},
		"content/f/index.md": {Data: []byte("---\ntitle: [F\n---\n")},
	}
	paths := []string{"content/a.md", "content/b.md", "content/c.md", "content/d.md", "content/e.md", "content/f/index.md", "content/gone.md"}
	for _, workers := range []int{0, 1, 3} {
		opts := options(t)
		opts.Workers = workers
		pages, list := content.ParseAll(context.Background(), fsys, paths, opts)
		var titles []string
		for _, p := range pages {
			titles = append(titles, p.Path+" "+p.Meta.Title)
		}
		// Pages with problems in their fields are still returned, in order.
		wantTitles := []string{"content/a.md ", "content/b.md B", "content/d.md D", "content/e.md E", "content/f/index.md index"}
		if diff := cmp.Diff(wantTitles, titles); diff != "" {
			t.Errorf("workers %d: pages mismatch (-want +got):\n%s", workers, diff)
		}
		// Every problem of every file, not only the first.
		want := []string{
			`content/a.md:2:1: titel: unknown field here; did you mean "title"?`,
			`content/a.md:2:1: title: is required; add a line 'title: ...'`,
			`content/b.md:3:7: date: "14th March" is not a date; write 2026-03-14 or 2026-03-14T10:00`,
			`content/c.md:1:1: has no front matter; start the file with a line '---', then fields such as 'title: Carers café', then another '---' line`,
			`content/e.md:3:8: draft: "yes" is not true or false; write true or false`,
			`content/e.md:4:9: weight: "x" is not a whole number; write a whole number such as 3`,
			`content/f/index.md:2: this is not valid YAML: did not find expected ',' or ']'; check the indentation and that every 'key: value' has a space after the colon`,
			`content/gone.md: cannot be read: open content/gone.md: file does not exist`,
		}
		if diff := cmp.Diff(want, strs(list.Sort())); diff != "" {
			t.Errorf("workers %d: problems mismatch (-want +got):\n%s", workers, diff)
		}
	}
}

func TestParseAllCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: A\n---\n")}}
	pages, list := content.ParseAll(ctx, fsys, []string{"content/a.md"}, options(t))
	if len(pages) != 0 {
		t.Errorf("pages = %v, want none after cancellation", pages)
	}
	want := []string{"content: parsing stopped: context canceled"}
	if diff := cmp.Diff(want, strs(list)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestPageString(t *testing.T) {
	page, _ := content.Parse("content/a.md", []byte("---\ntitle: Carers\n---\n"), options(t))
	if got, want := page.String(), "content/a.md (Carers)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range frontMatterTests {
		f.Add(tt.data)
	}
	f.Add("---\ntitle: T\ndate: 14th March\ntopics: [a, ' b ']\n---\n## Heading\n\n[link](/x/) ![](y.png)\n")
	f.Add("---\n---\n")
	loc := london(f)
	md := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, data string) {
		opts := content.Options{Location: loc, Taxonomies: []string{"topics", "areas"}, Markdown: md}
		page, list := content.Parse("content/x.md", []byte(data), opts)
		lines := strings.Count(data, "\n") + 1
		// yaml.v3 also ends lines at a lone \r, U+0085, U+2028 and U+2029
		// (see TestParseUnicodeLineSeparator); allow for them in front matter.
		extra := strings.Count(strings.ReplaceAll(data, "\r\n", "\n"), "\r") +
			strings.Count(data, "\u0085") + strings.Count(data, "\u2028") + strings.Count(data, "\u2029")
		if page == nil && list.Errors() == 0 {
			t.Fatalf("Parse(%q) returned no page and no error", data)
		}
		for _, p := range list {
			if p.Path != "content/x.md" || p.Message == "" {
				t.Errorf("problem %+v: want path content/x.md and a message", p)
			}
			if p.Line < 1 || p.Line > lines+extra+1 || p.Col < 0 {
				t.Errorf("problem %q: line %d, column %d, want a line from 1 to %d", p, p.Line, p.Col, lines+extra+1)
			}
		}
		if page == nil {
			return
		}
		if page.BodyLine < 3 || page.BodyLine > lines+1 {
			t.Errorf("BodyLine = %d, want 3 to %d", page.BodyLine, lines+1)
		}
		for key, pos := range page.Positions() {
			if pos.Line < 2 || pos.Line >= page.BodyLine+extra || pos.Col < 1 {
				t.Errorf("Positions[%q] = %v, want a line in the front matter (2 to %d) and column >= 1", key, pos, page.BodyLine+extra-1)
			}
		}
		for _, l := range page.Body.Links {
			if line, col := page.FilePos(l.Line, l.Col); line < page.BodyLine || line > lines || col < 1 {
				t.Errorf("link %q at %d:%d, want within the body (lines %d to %d)", l.Dest, line, col, page.BodyLine, lines)
			}
		}
		for _, h := range page.Body.Headings {
			if line, col := page.FilePos(h.Line, h.Col); line < page.BodyLine || line > lines || col < 1 {
				t.Errorf("heading %q at %d:%d, want within the body (lines %d to %d)", h.Text, line, col, page.BodyLine, lines)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in)
	}
	for _, s := range []string{"14th March", "2026-02-30", "2026-03-14T25:00", ""} {
		f.Add(s)
	}
	loc := london(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := content.ParseDate(s, loc)
		if err != nil {
			if err.Error() != "not a date" || !got.IsZero() {
				t.Fatalf("ParseDate(%q) = %v, %q; want the zero time and \"not a date\"", s, got, err)
			}
			return
		}
		if got.Location() != loc {
			t.Errorf("ParseDate(%q) location = %v, want %v", s, got.Location(), loc)
		}
		if y := got.Year(); y < 0 || y > 9999 {
			t.Errorf("ParseDate(%q) = %v, want a four-digit year", s, got)
		}
		// What ParseDate returns, written in RFC 3339, reads back as the same
		// instant. RFC 3339 offsets have no seconds, so old local mean times
		// (London was -00:01:15 before 1847) cannot be written exactly.
		if _, offset := got.Zone(); offset%60 != 0 {
			return
		}
		again, err := content.ParseDate(got.Format(time.RFC3339Nano), loc)
		if err != nil || !again.Equal(got) {
			t.Errorf("ParseDate(%q) = %v, but its RFC 3339 form reads back as %v, %v", s, got, again, err)
		}
	})
}

// TestParseAllReusesNoHeldText parses many files from a folder on one
// goroutine, which reads each into the buffer of the one before once that
// page holds nothing of it: every page must still have its own title,
// terms, links, headings, checks and body, baked or not.
func TestParseAllReusesNoHeldText(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 60 {
		p := fmt.Sprintf("content/p%02d.md", i)
		body := fmt.Sprintf("---\ntitle: Page %02d\ntopics: [topic %02d]\n---\n## Heading %02d\n\nSee [the page %02d](/p%02d/) for more.\n", i, i, i, i, i)
		if i%3 == 0 { // a longer file, that needs a larger buffer
			body += strings.Repeat(fmt.Sprintf("Filler %02d. ", i), 200) + "\n"
		}
		if i%7 == 0 { // a body that writes the bake's slot marker, kept unbaked
			body += "Text with zQengageSLOTq in it.\n"
		}
		if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	opts := options(t)
	opts.Workers, opts.Bake = 1, true
	pages, list := content.ParseAll(context.Background(), sysfile.DirFS(dir), paths, opts)
	if len(pages) != len(paths) {
		t.Fatalf("parsed %d pages of %d: %v", len(pages), len(paths), list)
	}
	for i, p := range pages {
		n := fmt.Sprintf("%02d", i)
		if p.Meta.Title != "Page "+n || !slices.Equal(p.Meta.Terms["topics"], []string{"topic " + n}) {
			t.Errorf("%s: title %q, topics %q", p.Path, p.Meta.Title, p.Meta.Terms["topics"])
		}
		if len(p.Body.Headings) != 1 || p.Body.Headings[0].Text != "Heading "+n {
			t.Errorf("%s: headings %+v", p.Path, p.Body.Headings)
		}
		if len(p.Body.Links) != 1 || p.Body.Links[0].Dest != "/p"+n+"/" || p.Body.Links[0].Text != "the page "+n {
			t.Errorf("%s: links %+v", p.Path, p.Body.Links)
		}
		if baked := p.Body.Baked(); baked == (i%7 == 0) {
			t.Errorf("%s: baked %v", p.Path, baked)
		}
		var html bytes.Buffer
		if err := opts.Markdown.HTML(&html, p.Body, nil, nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html.String(), "Heading "+n+"</h2>") || i%3 == 0 && !strings.Contains(html.String(), "Filler "+n) {
			t.Errorf("%s: body HTML is not its own:\n%.300s", p.Path, html.String())
		}
	}
}
