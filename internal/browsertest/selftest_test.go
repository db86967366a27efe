package browsertest

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestChecksCatchFaults runs each check on testdata/violations.html, a page
// with known faults, so that a check that has stopped working (axe-core not
// injected, a viewport not applied, a validator that checks nothing) fails
// here rather than passing every page of the site.
func TestChecksCatchFaults(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	t.Cleanup(srv.Close)
	bad := page{name: "violations", path: "/violations.html", status: http.StatusOK}
	s := &site{dir: "testdata", url: srv.URL}

	t.Run("axe", func(t *testing.T) {
		src := axeSource(t)
		ctx := newTab(t)
		if err := open(ctx, s, bad); err != nil {
			t.Fatal(err)
		}
		found, err := runAxe(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range found {
			got = append(got, v.ID)
		}
		slices.Sort(got)
		want := []string{"color-contrast", "html-has-lang", "image-alt", "link-name"}
		if !slices.Equal(got, want) {
			t.Errorf("axe-core on %s: got rules %q, want %q", bad.path, got, want)
		}
	})

	t.Run("reflow", func(t *testing.T) {
		ctx := newTab(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)); err != nil {
			t.Fatal(err)
		}
		if err := open(ctx, s, bad); err != nil {
			t.Fatal(err)
		}
		err := checkReflow(ctx, 320)
		if err == nil || !strings.Contains(err.Error(), "div spans") {
			t.Errorf("reflow on %s: got %v, want the 600px wide div reported", bad.path, err)
		}
	})

	t.Run("html-validate", func(t *testing.T) {
		report, err := validate(npmTool(t, ".bin/html-validate"), []string{"testdata/violations.html"})
		if err != errInvalid {
			t.Fatalf("html-validate on %s: got error %v, want errInvalid\n%s", bad.path, err, report)
		}
		for _, rule := range []string{"[element-required-attributes]", "[wcag/h37]", "[wcag/h30]"} {
			if !strings.Contains(report, rule) {
				t.Errorf("html-validate on %s: the report has no %s\n%s", bad.path, rule, report)
			}
		}
	})
}
