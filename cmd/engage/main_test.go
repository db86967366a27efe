package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// demoSite is the demo site at the root of the repository.
const demoSite = "../.."

// brokenSite writes a site with a page that has no title and a broken
// link, and returns its folder.
func brokenSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "broken")
	files := map[string]string{
		"site.yaml":          "title: Broken\norganisation:\n  name: Org\n",
		"content/a.md":       "---\nsummary: No title.\n---\nText.\n",
		"content/news/b.md":  "---\ntitle: B\n---\n[a](/nowhere/)\n",
		"content/news/ok.md": "---\ntitle: OK\n---\n",
		"content/_index.md":  "---\ntitle: Home\n---\n",
	}
	for name, data := range files {
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

func TestRun(t *testing.T) {
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "public")
	broken := brokenSite(t)
	q := regexp.QuoteMeta
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // a regular expression for the whole of stdout
		wantStderr string // a regular expression for the whole of stderr
		wantDest   bool   // whether dest exists afterwards
	}{
		{
			name:       "build the demo site",
			args:       []string{"build", "--source", demoSite, "--dest", dest, "--now", "2026-11-23"},
			wantStdout: `engage: built \d+ pages \(\d+ files\) into ` + q(dest) + ` with 0 warnings in [0-9.]+(ms|s)\n`,
			wantDest:   true,
		},
		{
			name:     "build quietly",
			args:     []string{"build", "--source", demoSite, "--dest", dest, "--now", "2026-11-23", "--quiet"},
			wantDest: true,
		},
		{
			name:     "content errors",
			args:     []string{"build", "--source", broken, "--dest", dest + "-broken", "--now", "2026-11-23"},
			wantCode: 1,
			wantStderr: q("content/a.md:2:1: title: is required; add a line 'title: ...'\n") +
				q(`content/news/b.md:4:1: link: "/nowhere/" is not a page or file on this site; check the address; page addresses look like /events/carers-cafe/`+"\n") +
				q("engage build: 2 errors, 0 warnings; nothing was written, "+dest+"-broken is unchanged\n"),
		},
		{
			name:       "unknown flag",
			args:       []string{"build", "--nope"},
			wantCode:   2,
			wantStderr: `flag provided but not defined: -nope\nUsage: engage build \[options\]\n(?s:.*)`,
		},
		{
			name:       "unknown command",
			args:       []string{"bild"},
			wantCode:   2,
			wantStderr: q(`engage: "bild" is not a command`) + `\n\n(?s:.*)engage build (?s:.*)`,
		},
		{
			name:       "no command",
			args:       nil,
			wantCode:   2,
			wantStderr: `(?s:.*)engage build (?s:.*)`,
		},
		{
			name:       "an argument instead of --source",
			args:       []string{"build", demoSite},
			wantCode:   2,
			wantStderr: q(`engage build: unexpected argument "../.."; use --source to name the site folder`) + `\n`,
		},
		{
			name:       "bad --now",
			args:       []string{"build", "--source", demoSite, "--dest", dest + "-now", "--now", "next Tuesday"},
			wantCode:   2,
			wantStderr: q(`engage build: --now: "next Tuesday" is not a time; write 2026-03-14 or 2026-03-14T10:00:00Z`) + `\n`,
		},
		{
			name:       "bad --base-url",
			args:       []string{"build", "--source", demoSite, "--dest", dest + "-url", "--base-url", "engage.example.org"},
			wantCode:   2,
			wantStderr: q(`engage build: --base-url: "engage.example.org" is not a web address starting with https://`) + `\n`,
		},
		{
			name:       "dest is the source",
			args:       []string{"build", "--source", broken, "--dest", broken},
			wantCode:   2,
			wantStderr: q("engage build: the destination "+broken+" is the site folder itself; choose another, such as "+filepath.Join(broken, "public")) + `\n`,
		},
		{
			name:       "version",
			args:       []string{"version"},
			wantStdout: q("engage "+version) + `\n`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.RemoveAll(dest)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("run(%q): exit status %d, want %d\nstderr:\n%s", tt.args, code, tt.wantCode, stderr.String())
			}
			if !regexp.MustCompile(`\A` + tt.wantStdout + `\z`).MatchString(stdout.String()) {
				t.Errorf("stdout:\ngot  %q\nwant %s", stdout.String(), tt.wantStdout)
			}
			if !regexp.MustCompile(`\A` + tt.wantStderr + `\z`).MatchString(stderr.String()) {
				t.Errorf("stderr:\ngot  %q\nwant %s", stderr.String(), tt.wantStderr)
			}
			for _, d := range []string{dest, dest + "-broken", dest + "-now", dest + "-url", filepath.Join(broken, "public")} {
				_, err := os.Stat(d)
				if got := err == nil; got != (tt.wantDest && d == dest) {
					t.Errorf("%s exists: got %t, want %t", d, got, tt.wantDest && d == dest)
				}
			}
		})
	}
}

// TestBuildHelp checks that engage build -h, and engage help build, list
// every option of the command and exit 0.
func TestBuildHelp(t *testing.T) {
	for _, args := range [][]string{{"build", "-h"}, {"build", "--help"}, {"help", "build"}} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
			t.Errorf("run(%q): exit status %d, want 0", args, code)
		}
		help := stdout.String() + stderr.String()
		if !strings.HasPrefix(help, "Usage: engage build [options]\n") {
			t.Errorf("run(%q): help starts %q, want the usage line", args, help[:min(len(help), 40)])
		}
		for _, flag := range []string{"source", "dest", "base-url", "drafts", "now", "strict", "quiet"} {
			if !regexp.MustCompile(`(?m)^  -` + flag + `\b`).MatchString(help) {
				t.Errorf("run(%q): help does not list -%s:\n%s", args, flag, help)
			}
		}
	}
}

// TestHelp checks engage help and its spellings.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
			t.Errorf("run(%q): exit status %d, want 0", args, code)
		}
		if stdout.String() != usage {
			t.Errorf("run(%q): stdout %q, want the usage text", args, stdout.String())
		}
	}
}
