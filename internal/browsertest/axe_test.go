package browsertest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets of WCAG 2.2 level AA: each version's A and AA
// rules (wcag22a has no rules of its own in axe-core).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeViolation is the part of an axe-core result that a reader needs to fix
// the page.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

// axeScript runs the tagged rules on the whole document. Targets inside
// frames or shadow roots are arrays in axe's result; they are flattened
// to text here.
const axeScript = `axe.run(document, {
	runOnly: {type: "tag", values: %s},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id,
	impact: v.impact || "",
	help: v.help,
	helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({
		target: n.target.map(String),
		html: n.html,
		summary: n.failureSummary || "",
	})),
})))`

func TestAxe(t *testing.T) {
	s := demoSite(t)
	src := axeSource(t)
	browser(t)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel() // one tab each; go test runs GOMAXPROCS of them at once
			ctx := newTab(t)
			if err := open(ctx, s, p); err != nil {
				t.Fatal(err)
			}
			found, err := runAxe(ctx, src)
			if err != nil {
				t.Fatalf("%s: %v", p.path, err)
			}
			if len(found) > 0 {
				t.Errorf("%s: got %d axe-core violations, want none:\n%s", p.path, len(found), formatViolations(found))
			}
		})
	}
}

// axeSource reads axe-core as npm installed it.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(npmTool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// runAxe injects axe-core into the page loaded in ctx and returns what the
// rules tagged axeTags find.
func runAxe(ctx context.Context, src string) ([]axeViolation, error) {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](fmt.Sprintf(axeScript, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	return found, nil
}

// formatViolations lists each violation with every element it found.
func formatViolations(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n%s (%s): %s\n  %s\n", v.ID, v.Impact, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "  - %s\n    %s\n", strings.Join(n.Target, " "), n.HTML)
			for line := range strings.SplitSeq(n.Summary, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					fmt.Fprintf(&b, "      %s\n", line)
				}
			}
		}
	}
	return b.String()
}
