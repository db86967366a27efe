package diag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{
			name: "everything",
			p:    Problem{Path: "content/events/carers-cafe.md", Line: 4, Col: 7, Field: "date", Message: `"14th March" is not a date`, Fix: "write 2026-03-14 or 2026-03-14T10:00"},
			want: `content/events/carers-cafe.md:4:7: date: "14th March" is not a date; write 2026-03-14 or 2026-03-14T10:00`,
		},
		{
			name: "no field",
			p:    Problem{Path: "content/a.md", Line: 1, Col: 1, Message: "has no front matter", Fix: "add one"},
			want: "content/a.md:1:1: has no front matter; add one",
		},
		{
			name: "no fix",
			p:    Problem{Path: "site.yaml", Line: 3, Col: 1, Field: "title", Message: "is required"},
			want: "site.yaml:3:1: title: is required",
		},
		{
			name: "line without column",
			p:    Problem{Path: "site.yaml", Line: 2, Message: "this is not valid YAML"},
			want: "site.yaml:2: this is not valid YAML",
		},
		{
			name: "whole file",
			p:    Problem{Path: "site.yaml", Message: "the site has no site.yaml", Fix: "create it"},
			want: "site.yaml: the site has no site.yaml; create it",
		},
		{
			name: "column without line is dropped",
			p:    Problem{Path: "site.yaml", Col: 5, Message: "m"},
			want: "site.yaml: m",
		},
		{
			name: "warning",
			p:    Problem{Path: "content/a.md", Line: 2, Col: 1, Severity: Warning, Field: "review_due", Message: "is in the past", Fix: "check the page"},
			want: "content/a.md:2:1: warning: review_due: is in the past; check the page",
		},
		{
			name: "warning without position or field",
			p:    Problem{Path: "content/a.md", Severity: Warning, Message: "is long"},
			want: "content/a.md: warning: is long",
		},
		{
			name: "rule is not printed",
			p:    Problem{Path: "a.md", Line: 1, Col: 2, Rule: "field-unknown", Message: "m"},
			want: "a.md:1:2: m",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSeverityString(t *testing.T) {
	for _, tt := range []struct {
		s    Severity
		want string
	}{{Error, "error"}, {Warning, "warning"}} {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Severity(%d).String() = %q, want %q", int(tt.s), got, tt.want)
		}
	}
}

func TestErrorfWarnf(t *testing.T) {
	var l List
	l.Errorf("a.md", 3, 4, "date", "write a date", "%q is not a date", "x")
	l.Warnf("b.md", 5, 6, "summary", "shorten it", "has %d words", 80)
	want := List{
		{Path: "a.md", Line: 3, Col: 4, Severity: Error, Field: "date", Message: `"x" is not a date`, Fix: "write a date"},
		{Path: "b.md", Line: 5, Col: 6, Severity: Warning, Field: "summary", Message: "has 80 words", Fix: "shorten it"},
	}
	if diff := cmp.Diff(want, l); diff != "" {
		t.Errorf("list mismatch (-want +got):\n%s", diff)
	}
}

func TestListSort(t *testing.T) {
	p := func(path string, line, col int, msg string) Problem {
		return Problem{Path: path, Line: line, Col: col, Message: msg}
	}
	tests := []struct {
		name string
		in   List
		want List
	}{
		{
			name: "empty",
			in:   nil,
			want: List{},
		},
		{
			name: "path then line then column then text",
			in: List{
				p("content/b.md", 1, 1, "m"),
				p("content/a.md", 10, 1, "m"),
				p("content/a.md", 2, 9, "m"),
				p("content/a.md", 2, 3, "z"),
				p("content/a.md", 2, 3, "a"),
				p("content/a.md", 0, 0, "whole file"),
				p("site.yaml", 1, 1, "m"),
			},
			want: List{
				p("content/a.md", 0, 0, "whole file"),
				p("content/a.md", 2, 3, "a"),
				p("content/a.md", 2, 3, "z"),
				p("content/a.md", 2, 9, "m"),
				p("content/a.md", 10, 1, "m"),
				p("content/b.md", 1, 1, "m"),
				p("site.yaml", 1, 1, "m"),
			},
		},
		{
			name: "lines compare as numbers, not text",
			in:   List{p("a.md", 10, 1, "m"), p("a.md", 9, 1, "m")},
			want: List{p("a.md", 9, 1, "m"), p("a.md", 10, 1, "m")},
		},
		{
			name: "exact duplicates removed",
			in: List{
				p("a.md", 1, 1, "m"),
				p("b.md", 1, 1, "m"),
				p("a.md", 1, 1, "m"),
				p("a.md", 1, 1, "m"),
				p("b.md", 1, 1, "m"),
			},
			want: List{p("a.md", 1, 1, "m"), p("b.md", 1, 1, "m")},
		},
		{
			name: "same text but different severity kept",
			in: List{
				{Path: "a.md", Line: 1, Col: 1, Message: "m", Severity: Warning},
				{Path: "a.md", Line: 1, Col: 1, Message: "m"},
			},
			want: List{
				{Path: "a.md", Line: 1, Col: 1, Message: "m"},
				{Path: "a.md", Line: 1, Col: 1, Message: "m", Severity: Warning},
			},
		},
		{
			name: "same text but different rule kept",
			in: List{
				{Path: "a.md", Line: 1, Col: 1, Message: "m", Rule: "x"},
				{Path: "a.md", Line: 1, Col: 1, Message: "m", Rule: "y"},
			},
			want: List{
				{Path: "a.md", Line: 1, Col: 1, Message: "m", Rule: "x"},
				{Path: "a.md", Line: 1, Col: 1, Message: "m", Rule: "y"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in.Sort()
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Sort() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListCounts(t *testing.T) {
	e := Problem{Path: "a.md", Message: "e"}
	w := Problem{Path: "a.md", Message: "w", Severity: Warning}
	tests := []struct {
		name             string
		l                List
		errors, warnings int
	}{
		{"none", nil, 0, 0},
		{"errors only", List{e, e}, 2, 0},
		{"warnings only", List{w, w, w}, 0, 3},
		{"both", List{w, e, w, e, e}, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.l.Errors(); got != tt.errors {
				t.Errorf("Errors() = %d, want %d", got, tt.errors)
			}
			if got := tt.l.Warnings(); got != tt.warnings {
				t.Errorf("Warnings() = %d, want %d", got, tt.warnings)
			}
		})
	}
}

func TestListError(t *testing.T) {
	l := List{
		{Path: "a.md", Line: 1, Col: 2, Message: "first"},
		{Path: "b.md", Severity: Warning, Message: "second"},
	}
	var err error = l
	want := "a.md:1:2: first\nb.md: warning: second"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := (List{}).Error(); got != "" {
		t.Errorf("empty List.Error() = %q, want %q", got, "")
	}
}

// pageFields are the front matter fields of a page, as the schema package
// offers them to Nearest.
var pageFields = []string{"aliases", "date", "draft", "review_due", "slug", "summary", "title", "type", "updated", "weight"}

func TestNearest(t *testing.T) {
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"titel", pageFields, "title"},
		{"sumary", pageFields, "summary"},
		{"Title", pageFields, "title"},
		{"TITEL", pageFields, "title"},
		{"tpye", pageFields, "type"},
		{"dat", pageFields, "date"},
		{"reviewdue", pageFields, "review_due"},
		{"alias", pageFields, "aliases"},
		{"time_zon", []string{"base_url", "time_zone", "title"}, "time_zone"},
		{"colour", pageFields, ""},
		{"venue", pageFields, ""},
		{"x", pageFields, ""},
		{"", pageFields, ""},
		{"title", nil, ""},
		// ties go to the candidate first in sort order, whatever the input order
		{"ab", []string{"ac", "aa"}, "aa"},
		{"ab", []string{"aa", "ac"}, "aa"},
		// an exact match is its own nearest
		{"slug", pageFields, "slug"},
		// distance is counted in characters, not bytes
		{"cafe", []string{"café"}, "café"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := Nearest(tt.word, tt.candidates); got != tt.want {
				t.Errorf("Nearest(%q, %q) = %q, want %q", tt.word, tt.candidates, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"title", "title", 0},
		{"titel", "title", 2},
		{"sumary", "summary", 1},
		{"kitten", "sitting", 3},
		{"café", "cafe", 1},
		{"ß", "ss", 2},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := distance(tt.a, tt.b); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := distance(tt.b, tt.a); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
			}
		})
	}
}
