package browsertest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes document.activeElement and where it is on screen.
type focused struct {
	Tag    string  `json:"tag"`
	ID     string  `json:"id"`
	Text   string  `json:"text"`
	Href   string  `json:"href"`
	Left   float64 `json:"left"`
	Top    float64 `json:"top"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	ViewW  float64 `json:"viewW"`
	ViewH  float64 `json:"viewH"`
}

const describeFocus = `(() => {
	const el = document.activeElement;
	const r = el.getBoundingClientRect();
	return {
		tag: el.tagName.toLowerCase(),
		id: el.id,
		text: (el.innerText || "").trim(),
		href: el.getAttribute("href") || "",
		left: r.left, top: r.top, width: r.width, height: r.height,
		viewW: window.innerWidth, viewH: window.innerHeight,
	};
})()`

// TestSkipLink uses the keyboard as its reader would: key presses sent
// through the browser's input, not element.focus().
func TestSkipLink(t *testing.T) {
	s := demoSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatalf("set the viewport: %v", err)
	}
	if err := open(ctx, s, pages[0]); err != nil {
		t.Fatal(err)
	}

	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatalf("press Tab: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[focused](describeFocus))
	if err != nil {
		t.Fatal(err)
	}
	if got.Tag != "a" || got.Text != "Skip to main content" || got.Href != "#maincontent" {
		t.Fatalf("first Tab: got focus on <%s href=%q> %q, want the skip link <a href=\"#maincontent\"> \"Skip to main content\"", got.Tag, got.Href, got.Text)
	}
	// A skip link that stays off screen when focused helps nobody who can see
	// (WCAG 2.4.7 focus visible, 2.4.11 focus not obscured).
	if got.Width < 1 || got.Height < 1 || got.Left < 0 || got.Top < 0 || got.Left+got.Width > got.ViewW || got.Top+got.Height > got.ViewH {
		t.Errorf("first Tab: the focused skip link is at x=%v y=%v, %vx%v, want it wholly inside the %vx%v viewport",
			got.Left, got.Top, got.Width, got.Height, got.ViewW, got.ViewH)
	}

	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatalf("press Enter: %v", err)
	}
	// Following the link changes the URL's fragment; focus moves with it.
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`location.hash === "#maincontent"`, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		t.Fatalf("Enter on the skip link: the address is still %s, want it to end in #maincontent (%v)", loc, err)
	}
	got, err = chromedp.Run(ctx, chromedp.Evaluate[focused](describeFocus))
	if err != nil {
		t.Fatal(err)
	}
	if got.Tag != "main" || got.ID != "maincontent" {
		desc := "<" + got.Tag
		if got.ID != "" {
			desc += ` id="` + got.ID + `"`
		}
		desc += ">"
		if got.Text != "" {
			desc += " " + strings.SplitN(got.Text, "\n", 2)[0]
		}
		t.Errorf("Enter on the skip link: got focus on %s, want <main id=\"maincontent\"> (it needs tabindex=\"-1\" to take focus)", desc)
	}
}
