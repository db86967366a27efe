package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestNewCommand(t *testing.T) {
	const now = "2026-11-23"
	tests := []struct {
		name       string
		args       func(dir string) []string
		wantCode   int
		wantFile   string // a file that must exist afterwards, "" for none
		wantStdout string // a regular expression that must match stdout
		wantStderr string // a regular expression that must match stderr
	}{
		{
			name:       "an event",
			args:       func(dir string) []string { return []string{"--source", dir, "--now", now, "event", "Carers café"} },
			wantFile:   "content/events/carers-cafe.md",
			wantStdout: `^engage: wrote content/events/carers-cafe.md; .*\n\z`,
			wantStderr: `^\z`,
		},
		{
			name: "flags after the arguments",
			args: func(dir string) []string {
				return []string{"consultation", "Eye clinic: have your say", "--source", dir, "--now=" + now}
			},
			wantFile:   "content/campaigns/eye-clinic-have-your-say.md",
			wantStdout: `^engage: wrote content/campaigns/eye-clinic-have-your-say.md; `,
			wantStderr: `^\z`,
		},
		{
			name: "a title that starts with a dash, after --",
			args: func(dir string) []string {
				return []string{"--source", dir, "--now", now, "news", "--", "-5 degrees tonight"}
			},
			wantFile:   "content/news/5-degrees-tonight.md",
			wantStdout: `^engage: wrote content/news/5-degrees-tonight.md; `,
			wantStderr: `^\z`,
		},
		{
			name: "an easy-read version",
			args: func(dir string) []string {
				return []string{"--source", dir, "--now", now, "easy-read", "/about/"}
			},
			wantFile:   "content/about.easy.md",
			wantStdout: `^engage: wrote content/about.easy.md; `,
			wantStderr: `^\z`,
		},
		{
			name:       "a file that exists",
			args:       func(dir string) []string { return []string{"--source", dir, "page", "About"} },
			wantCode:   1,
			wantStdout: `^\z`,
			wantStderr: `^engage new: content/about.md already exists; `,
		},
		{
			name:       "an easy-read version of no page",
			args:       func(dir string) []string { return []string{"--source", dir, "easy-read", "/nowhere/"} },
			wantCode:   1,
			wantStdout: `^\z`,
			wantStderr: `there is no page "/nowhere/"`,
		},
		{
			// A type that does not exist is a mistake in how the command
			// was called, like an unknown command or --format: exit 2.
			name:       "an unknown type",
			args:       func(dir string) []string { return []string{"--source", dir, "meeting", "Board meeting"} },
			wantCode:   2,
			wantStdout: `^\z`,
			wantStderr: `"meeting" is not a kind of page; use one of: .*event`,
		},
		{
			name:       "no title",
			args:       func(dir string) []string { return []string{"--source", dir, "event"} },
			wantCode:   2,
			wantStdout: `^\z`,
			wantStderr: `Usage: engage new`,
		},
		{
			name:       "too many arguments",
			args:       func(dir string) []string { return []string{"--source", dir, "event", "Carers", "café"} },
			wantCode:   2,
			wantStdout: `^\z`,
			wantStderr: `Usage: engage new`,
		},
		{
			name:       "a bad --now",
			args:       func(dir string) []string { return []string{"--source", dir, "--now", "soon", "event", "Carers café"} },
			wantCode:   2,
			wantStdout: `^\z`,
			wantStderr: `--now: "soon" is not a date`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeCheckSite(t, map[string]string{"content/about.md": goodPage})
			code, stdout, stderr := runCmd(t, append([]string{"new"}, tt.args(dir)...)...)
			if code != tt.wantCode {
				t.Errorf("got exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout, stderr)
			}
			if !regexp.MustCompile(tt.wantStdout).MatchString(stdout) {
				t.Errorf("got stdout\n%s\nwant a match for %s", stdout, tt.wantStdout)
			}
			if !regexp.MustCompile(tt.wantStderr).MatchString(stderr) {
				t.Errorf("got stderr\n%s\nwant a match for %s", stderr, tt.wantStderr)
			}
			if tt.wantFile != "" {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.wantFile)))
				if err != nil {
					t.Fatalf("%s was not written: %v", tt.wantFile, err)
				}
				if !strings.Contains(string(data), "date: "+now) {
					t.Errorf("%s does not have today's date %s:\n%s", tt.wantFile, now, data)
				}
			}
			if tt.wantCode != 0 {
				if got := string(mustRead(t, dir, "content/about.md")); got != goodPage {
					t.Errorf("content/about.md changed: got %q", got)
				}
			}
		})
	}
}

// TestNewThenCheck is the workflow the README describes: start a page of
// each type, and engage check --strict passes before anything is filled in.
// The site has the default taxonomies, which the templates list.
func TestNewThenCheck(t *testing.T) {
	dir := writeCheckSite(t, map[string]string{
		"site.yaml":        "title: Check test\norganisation:\n  name: Test Board\n",
		"content/about.md": goodPage,
	})
	for _, args := range [][]string{
		{"event", "Carers café"},
		{"consultation", "Eye clinic"},
		{"update", "Sunday clinics"},
		{"news", "Board meeting"},
		{"principle", "We will listen"},
		{"standard", "We will answer"},
		{"constitution", "Our constitution"},
		{"page", "Accessibility help"},
		{"easy-read", "content/about.md"},
	} {
		code, _, stderr := runCmd(t, append([]string{"new", "--source", dir, "--now", "2026-11-23"}, args...)...)
		if code != 0 {
			t.Fatalf("engage new %s: got exit status %d, want 0; stderr: %s", strings.Join(args, " "), code, stderr)
		}
	}
	code, stdout, stderr := runCmd(t, "check", "--source", dir, "--now", "2026-11-23", "--strict")
	if code != 0 {
		t.Errorf("engage check --strict: got exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func mustRead(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
