package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/diag"
)

// runCheck runs every check of a build without writing a site.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opts build.Options
	var format string
	fl.StringVar(&opts.Source, "source", ".", "the site `folder`, holding site.yaml and content/")
	fl.StringVar(&format, "format", "text", "how to report problems: `text` for people, json for tools, github for GitHub Actions annotations")
	fl.BoolVar(&opts.Strict, "strict", false, "exit 1 on warnings as well as errors")
	fl.BoolVar(&opts.Drafts, "drafts", false, "check drafts, pages dated in the future and hidden sections too")
	fl.StringVar(&opts.Now, "now", "", "treat this `time` as now (2026-03-14 or RFC 3339)")
	fl.BoolVar(&opts.ExternalLinks, "external-links", false, "also check that links to other websites work (needs the network; 8 requests at a time, 10 seconds each)")
	fl.Usage = func() {
		fmt.Fprint(stderr, "Usage: engage check [options]\n\nRuns every check of engage build without writing a site, and reports every problem.\nExit status: 0 no errors; 1 errors (or warnings with --strict); 2 wrong usage.\n\nOptions:\n")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, stderr); !ok {
		return code
	}
	switch format {
	case "text", "json", "github":
	default:
		fmt.Fprintf(stderr, "engage check: --format %q is not known; use text, json or github\n", format)
		return 2
	}
	opts.Theme = engage.Theme
	res, err := build.Check(ctx, opts)
	var usageErr *build.UsageError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "engage check: %s\n", usageErr.Msg)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "engage check: %v\n", err)
		return 1
	}
	list := res.Problems
	switch format {
	case "json":
		if err := writeJSON(stdout, list); err != nil {
			fmt.Fprintf(stderr, "engage check: %v\n", err)
			return 1
		}
	case "github":
		for _, p := range list {
			fmt.Fprintln(stdout, githubCommand(p))
		}
		fmt.Fprintf(stdout, "engage check: %s, %s\n", count(list.Errors(), "error"), count(list.Warnings(), "warning"))
	default:
		for _, p := range list {
			fmt.Fprintln(stdout, p.String())
		}
		fmt.Fprintf(stdout, "engage check: %s, %s in %s\n", count(list.Errors(), "error"), count(list.Warnings(), "warning"), count(res.Pages, "page"))
	}
	if list.Errors() > 0 || (opts.Strict && list.Warnings() > 0) {
		return 1
	}
	return 0
}

// jsonProblem is the stable JSON schema of one problem.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Field    string `json:"field,omitempty"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

func writeJSON(w io.Writer, list diag.List) error {
	out := struct {
		Problems []jsonProblem `json:"problems"`
		Errors   int           `json:"errors"`
		Warnings int           `json:"warnings"`
	}{Problems: []jsonProblem{}, Errors: list.Errors(), Warnings: list.Warnings()}
	for _, p := range list {
		out.Problems = append(out.Problems, jsonProblem{File: p.Path, Line: p.Line, Column: p.Col, Severity: p.Severity.String(),
			Rule: p.RuleID(), Field: p.Field, Message: p.Message, Fix: p.Fix})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// githubCommand writes a problem as a GitHub Actions workflow command, so
// that it appears on the changed line of a pull request.
func githubCommand(p diag.Problem) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(p.Severity.String())
	b.WriteString(" file=")
	b.WriteString(ghProperty(p.Path))
	if p.Line > 0 {
		fmt.Fprintf(&b, ",line=%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", p.Col)
		}
	}
	b.WriteString(",title=")
	b.WriteString(ghProperty("engage " + p.RuleID()))
	b.WriteString("::")
	msg := p.Message
	if p.Field != "" {
		msg = p.Field + ": " + msg
	}
	if p.Fix != "" {
		msg += "; " + p.Fix
	}
	b.WriteString(ghData(msg))
	return b.String()
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
