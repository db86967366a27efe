package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/engage-ssg/engage/internal/archetype"
	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/content"
)

// runNew starts a new content file from a template.
func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site `folder`, holding site.yaml and content/")
	nowText := fl.String("now", "", "use this `date` as today (2026-03-14)")
	fl.Usage = func() {
		fmt.Fprintf(stderr, `Usage: engage new <type> "<title>"
       engage new easy-read <page>

Writes a new page with every field of its type, a comment on each, today's
date and an outline of the text, in content/<section>/<title-as-file-name>.md.
It never replaces a file. A site's own archetypes/<type>.md replaces the
built-in template.

Types: %s

Options:
`, strings.Join(archetype.Names(), ", "))
		fl.PrintDefaults()
	}
	if err := fl.Parse(reorder(args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return 2
	}
	kind, title := fl.Arg(0), fl.Arg(1)
	if _, err := os.Stat(filepath.Join(*source, "site.yaml")); err != nil {
		fmt.Fprintf(stderr, "engage new: %s has no site.yaml, so it is not a site folder; run engage new in your site's folder, or give it with --source\n", *source)
		return 1
	}
	loc := time.UTC
	if cfg, _ := config.Load(osDirFS(*source)); cfg != nil && cfg.Location != nil {
		loc = cfg.Location
	}
	now := time.Now().In(loc)
	if *nowText != "" {
		t, err := content.ParseDate(*nowText, loc)
		if err != nil {
			fmt.Fprintf(stderr, "engage new: --now: %q is not a date; write 2026-03-14\n", *nowText)
			return 2
		}
		now = t
	}
	var file string
	var err error
	if kind == "easy-read" {
		file, err = archetype.NewEasyRead(*source, title, now)
	} else {
		file, err = archetype.New(*source, kind, title, now)
	}
	var unknown *archetype.UnknownKind
	if errors.As(err, &unknown) {
		fmt.Fprintf(stderr, "engage new: %v\n", err)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "engage new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "engage: wrote %s; fill in the fields and the text, then run engage serve to see it\n", file)
	return 0
}

// reorder moves flags before the two arguments, so that both
// `engage new event "Title" --source x` and `engage new --source x event "Title"` work.
func reorder(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && (a == "-source" || a == "--source" || a == "-now" || a == "--now") {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		rest = append(rest, a)
	}
	return append(append(flags, "--"), rest...)
}

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }
