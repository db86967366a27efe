package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/google/go-cmp/cmp"
)

// checkSiteYAML is a site.yaml without taxonomies, so that small sites
// stay small.
const checkSiteYAML = "title: Check test\norganisation:\n  name: Test Board\ntaxonomies: []\n"

// writeCheckSite writes a site.yaml and the given content files into a
// new folder and returns it.
func writeCheckSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	all := map[string]string{
		"site.yaml":         checkSiteYAML,
		"content/_index.md": "---\ntitle: Home\nsummary: The home page.\n---\nWelcome.\n",
	}
	for k, v := range files {
		all[k] = v
	}
	for name, data := range all {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	badDate  = "---\ntitle: About\nsummary: About us.\ndate: 14th March\n---\nWe are a test board.\n"
	autolink = "---\ntitle: Auto\nsummary: A story.\ndate: 2026-11-01\n---\nSee <https://www.example.org/> now.\n"
	goodPage = "---\ntitle: About\nsummary: About us.\n---\nWe are a test board.\n"
)

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestCheckExitStatus(t *testing.T) {
	clean := writeCheckSite(t, map[string]string{"content/about.md": goodPage})
	warning := writeCheckSite(t, map[string]string{"content/news/auto.md": autolink})
	broken := writeCheckSite(t, map[string]string{"content/about.md": badDate, "content/news/auto.md": autolink})
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // a regular expression that must match stdout
		wantStderr string // a regular expression that must match stderr
	}{
		{"no problems", []string{"--source", clean}, 0, `(?m)^engage check: 0 errors, 0 warnings in \d+ pages\n\z`, `^\z`},
		{"no problems, strict", []string{"--source", clean, "--strict"}, 0, `0 errors, 0 warnings`, `^\z`},
		{"warnings only", []string{"--source", warning}, 0, `(?m)^content/news/auto.md:6:5: warning: link: .*\nengage check: 0 errors, 1 warning in`, `^\z`},
		{"warnings only, strict", []string{"--source", warning, "--strict"}, 1, `0 errors, 1 warning`, `^\z`},
		{"warnings only, strict, json", []string{"--source", warning, "--strict", "--format", "json"}, 1, `"warnings": 1`, `^\z`},
		{"warnings only, strict, github", []string{"--source", warning, "--strict", "--format=github"}, 1, `::warning `, `^\z`},
		{"errors", []string{"--source", broken}, 1, `(?m)^content/about.md:4:7: date: "14th March" is not a date; write 2026-03-14 or 2026-03-14T10:00\n`, `^\z`},
		{"errors, json", []string{"--source", broken, "--format", "json"}, 1, `"errors": 1`, `^\z`},
		{"errors, github", []string{"--source", broken, "--format", "github"}, 1, `::error `, `^\z`},
		{"unknown format", []string{"--source", clean, "--format", "xml"}, 2, `^\z`, `--format "xml" is not known; use text, json or github`},
		{"unknown format, broken site", []string{"--source", broken, "--format", "sarif"}, 2, `^\z`, `is not known`},
		{"unknown flag", []string{"--source", clean, "--fromat", "json"}, 2, `^\z`, `flag provided but not defined`},
		{"an argument", []string{clean}, 2, `^\z`, `unexpected argument`},
		{"a bad --now", []string{"--source", clean, "--now", "tomorrow"}, 2, `^\z`, `--now`},
		{"help", []string{"-h"}, 0, `^\z`, `Usage: engage check`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, append([]string{"check"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("got exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout, stderr)
			}
			if !regexp.MustCompile(tt.wantStdout).MatchString(stdout) {
				t.Errorf("got stdout\n%s\nwant a match for %s", stdout, tt.wantStdout)
			}
			if !regexp.MustCompile(tt.wantStderr).MatchString(stderr) {
				t.Errorf("got stderr\n%s\nwant a match for %s", stderr, tt.wantStderr)
			}
		})
	}
}

// TestCheckDemoSite checks that the demo site, which is also the default
// theme, passes engage check --strict.
func TestCheckDemoSite(t *testing.T) {
	code, stdout, stderr := runCmd(t, "check", "--source", demoSite, "--now", "2026-11-23", "--strict")
	if code != 0 {
		t.Errorf("got exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := writeCheckSite(t, map[string]string{"content/about.md": badDate, "content/news/auto.md": autolink})
	code, stdout, stderr := runCmd(t, "check", "--source", dir, "--format", "json")
	if code != 1 {
		t.Errorf("got exit status %d, want 1; stderr: %s", code, stderr)
	}

	// The schema, key by key: tools rely on these names.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if diff := cmp.Diff([]string{"errors", "problems", "warnings"}, keys(raw)); diff != "" {
		t.Errorf("top-level keys (-want +got):\n%s", diff)
	}
	var problems []map[string]any
	if err := json.Unmarshal(raw["problems"], &problems); err != nil {
		t.Fatalf("problems is not a list of objects: %v", err)
	}
	allowed := map[string]bool{"file": true, "line": true, "column": true, "severity": true, "rule": true, "field": true, "message": true, "fix": true}
	for _, p := range problems {
		for k := range p {
			if !allowed[k] {
				t.Errorf("problem %v has the key %q, which is not in the schema", p, k)
			}
		}
		for _, k := range []string{"file", "line", "column", "severity", "rule", "message"} {
			if _, ok := p[k]; !ok {
				t.Errorf("problem %v has no %q", p, k)
			}
		}
	}

	type problem struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Field    string `json:"field"`
		Message  string `json:"message"`
		Fix      string `json:"fix"`
	}
	var got struct {
		Problems []problem `json:"problems"`
		Errors   int       `json:"errors"`
		Warnings int       `json:"warnings"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	want := problem{
		File: "content/about.md", Line: 4, Column: 7, Severity: "error", Rule: "date", Field: "date",
		Message: `"14th March" is not a date`, Fix: "write 2026-03-14 or 2026-03-14T10:00",
	}
	if len(got.Problems) == 0 {
		t.Fatal("got no problems")
	}
	if diff := cmp.Diff(want, got.Problems[0]); diff != "" {
		t.Errorf("the bad date (-want +got):\n%s", diff)
	}
	if got.Errors != 1 || got.Warnings != 1 || len(got.Problems) != 2 {
		t.Errorf("got %d problems, %d errors, %d warnings, want 2, 1, 1", len(got.Problems), got.Errors, got.Warnings)
	}
	if w := got.Problems[1]; w.Severity != "warning" || w.File != "content/news/auto.md" {
		t.Errorf("got second problem %+v, want the warning in content/news/auto.md", w)
	}

	// No problems is an empty list, not null.
	clean := writeCheckSite(t, map[string]string{"content/about.md": goodPage})
	code, stdout, _ = runCmd(t, "check", "--source", clean, "--format", "json")
	if code != 0 {
		t.Errorf("clean site: got exit status %d, want 0", code)
	}
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	if got := string(raw["problems"]); got != "[]" {
		t.Errorf("clean site: got problems %s, want []", got)
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestGithubCommand(t *testing.T) {
	tests := []struct {
		name string
		p    diag.Problem
		want string
	}{
		{
			name: "error with every part",
			p:    diag.Problem{Path: "content/about.md", Line: 4, Col: 7, Field: "date", Message: `"14th March" is not a date`, Fix: "write 2026-03-14"},
			want: `::error file=content/about.md,line=4,col=7,title=engage date::date: "14th March" is not a date; write 2026-03-14`,
		},
		{
			name: "warning",
			p:    diag.Problem{Path: "content/a.md", Line: 6, Col: 5, Severity: diag.Warning, Rule: "link", Field: "link", Message: "m"},
			want: `::warning file=content/a.md,line=6,col=5,title=engage link::link: m`,
		},
		{
			name: "no column",
			p:    diag.Problem{Path: "content/a.md", Line: 2, Message: "m"},
			want: `::error file=content/a.md,line=2,title=engage file::m`,
		},
		{
			name: "the whole file",
			p:    diag.Problem{Path: "content/a.md", Message: "m"},
			want: `::error file=content/a.md,title=engage file::m`,
		},
		{
			name: "percent, newline and carriage return in the message",
			p:    diag.Problem{Path: "content/a.md", Line: 1, Col: 1, Message: "100% sure\nsecond line\r\nthird: a, b", Fix: "fix: 5%"},
			want: `::error file=content/a.md,line=1,col=1,title=engage file::100%25 sure%0Asecond line%0D%0Athird: a, b; fix: 5%25`,
		},
		{
			name: "percent, comma, colon and newline in the file name and the title",
			p:    diag.Problem{Path: "content/a,b:c%d\ne.md", Line: 1, Col: 2, Rule: "x:y,z%", Message: "m"},
			want: `::error file=content/a%2Cb%3Ac%25d%0Ae.md,line=1,col=2,title=engage x%3Ay%2Cz%25::m`,
		},
		{
			// A message that looks like a workflow command must not
			// start one: it is data after the "::".
			name: "a message that looks like a command",
			p:    diag.Problem{Path: "content/a.md", Message: "x\n::set-output name=a::b"},
			want: `::error file=content/a.md,title=engage file::x%0A::set-output name=a::b`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := githubCommand(tt.p)
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if strings.ContainsAny(got, "\r\n") {
				t.Errorf("got a command that spans lines: %q", got)
			}
		})
	}
}

// TestCheckGithubFileName runs engage check --format github on a site
// whose file name needs escaping.
func TestCheckGithubFileName(t *testing.T) {
	dir := writeCheckSite(t, map[string]string{
		"content/news/50%,done:yes.md": "---\ntitle: Half\nsummary: A story.\ndate: \"50%\"\n---\nText.\n",
	})
	code, stdout, stderr := runCmd(t, "check", "--source", dir, "--format", "github")
	if code != 1 {
		t.Errorf("got exit status %d, want 1; stderr: %s", code, stderr)
	}
	want := `::error file=content/news/50%25%2Cdone%3Ayes.md,line=4,col=7,title=engage date::date: "50%25" is not a date; write 2026-03-14 or 2026-03-14T10:00` + "\n"
	if !strings.HasPrefix(stdout, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", stdout, want)
	}
	if !strings.HasSuffix(stdout, "engage check: 1 error, 0 warnings\n") {
		t.Errorf("got\n%s\nwant a summary line last", stdout)
	}
}
