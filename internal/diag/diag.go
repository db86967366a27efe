// Package diag holds the problems a build finds in content, layouts and
// site.yaml, in the shape a communications officer can act on:
//
//	content/events/carers-cafe.md:7:8: start: "14th March" is not a date; write 2026-03-14 or 2026-03-14T10:00
//
// Every stage of the pipeline returns a List instead of stopping at the first
// problem, so one bad file never hides the next. The List is sorted before it
// is printed so that the output is the same on every run.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is printed but fails the build only under --strict.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with the input, with its position counted in
// the source file (front matter included), 1-based.
type Problem struct {
	Path     string // slash-separated, relative to the site folder
	Line     int    // 0 when the problem is about the whole file
	Col      int
	Severity Severity
	Rule     string // stable identifier for tools, such as "field-unknown"
	Field    string // the front matter field or site.yaml key, if any
	Message  string // what is wrong, in plain words
	Fix      string // how to fix it, in plain words
}

// RuleID is the problem's stable rule identifier for tools: its Rule, or
// one made from its field ("documents.0.file" gives "documents.file").
func (p Problem) RuleID() string {
	if p.Rule != "" {
		return p.Rule
	}
	if p.Field == "" {
		return "file"
	}
	var parts []string
	for _, seg := range strings.Split(p.Field, ".") {
		if seg == "" || strings.Trim(seg, "0123456789") == "" {
			continue
		}
		parts = append(parts, strings.ReplaceAll(strings.ToLower(seg), " ", "-"))
	}
	return strings.Join(parts, ".")
}

// String formats the problem as path:line:col: [warning: ]field: message; fix.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Fix != "" {
		b.WriteString("; ")
		b.WriteString(p.Fix)
	}
	return b.String()
}

// List is every problem a build found.
type List []Problem

// Add appends a problem.
func (l *List) Add(p Problem) { *l = append(*l, p) }

// Errorf appends an error at a position.
func (l *List) Errorf(path string, line, col int, field, fix, format string, args ...any) {
	l.Add(Problem{Path: path, Line: line, Col: col, Field: field, Fix: fix, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at a position.
func (l *List) Warnf(path string, line, col int, field, fix, format string, args ...any) {
	l.Add(Problem{Path: path, Line: line, Col: col, Field: field, Fix: fix, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column, then message, and removes
// exact duplicates.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.String() < b.String()
	})
	out := l[:0]
	for i, p := range l {
		if i > 0 && p == l[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Errors counts the problems that stop the build.
func (l List) Errors() int {
	n := 0
	for _, p := range l {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the problems that are only warnings.
func (l List) Warnings() int { return len(l) - l.Errors() }

// Error makes a List usable as an error: one problem per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Nearest returns the candidate closest to word by edit distance, or ""
// when none is close enough to be a plausible typing mistake.
func Nearest(word string, candidates []string) string {
	best, bestDist := "", -1
	w := strings.ToLower(word)
	for _, c := range candidates {
		d := distance(w, strings.ToLower(c))
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	limit := len(word)/3 + 1
	if limit > 3 {
		limit = 3
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein edit distance between two strings, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
