package browsertest

import (
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestHTMLValidate runs html-validate over every page the build wrote,
// with the rules of .htmlvalidate.json (see the package doc for the few
// that are changed, and why).
func TestHTMLValidate(t *testing.T) {
	s := demoSite(t)
	bin := npmTool(t, ".bin/html-validate")
	var files []string
	err := filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("the build of the demo site wrote no .html file into %s", s.dir)
	}
	sort.Strings(files)
	report, err := validate(bin, files)
	if err != nil {
		// Show paths as they are in the built site: /events/index.html.
		t.Errorf("html-validate checked %d files of the built demo site: %v\n%s", len(files), err, strings.ReplaceAll(report, s.dir, ""))
	}
}

// errInvalid means html-validate found problems; they are in its report.
var errInvalid = errors.New("it found problems")

// validate runs html-validate, installed at bin, on files, from this
// folder. html-validate looks for its configuration beside each file, and
// the demo site is built into a temporary folder, so the configuration is
// named.
func validate(bin string, files []string) (report string, err error) {
	args := append([]string{bin, "--config", ".htmlvalidate.json", "--formatter", "text"}, files...)
	out, err := exec.Command("node", args...).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return string(out), errInvalid
	case err != nil:
		return string(out), fmt.Errorf("run html-validate: %w", err)
	}
	return string(out), nil
}
