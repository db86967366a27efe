package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// viewports are the screens on which WCAG 2.2's reflow criterion (1.4.10)
// asks for no scrolling in two directions. Both are 320 CSS pixels wide:
// the criterion's own measure. A 1280 pixel wide screen zoomed to 400% is
// 1280 / 4 = 320 CSS pixels wide, so the second viewport, with a device
// scale of 4, is that zoom as the page's CSS sees it, and also covers any
// 1280 wide screen at 400%.
var viewports = []struct {
	name          string
	width, height int64
	scale         float64
}{
	{"320px", 320, 640, 1},
	{"1280px-at-400%", 320, 256, 4},
}

// overflow is what measureOverflow returns.
type overflow struct {
	Viewport    float64 `json:"viewport"`
	ScrollWidth float64 `json:"scrollWidth"`
	Wide        []struct {
		Selector string  `json:"selector"`
		Left     float64 `json:"left"`
		Right    float64 `json:"right"`
		HTML     string  `json:"html"`
	} `json:"wide"`
}

// measureOverflow compares the document's width with the viewport's and,
// when the page scrolls sideways, names the outermost elements that end
// past the right edge of the viewport, to show what to fix.
const measureOverflow = `(() => {
	const vw = window.innerWidth;
	const sw = document.documentElement.scrollWidth;
	const wide = [];
	const describe = el => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += "#" + el.id;
		for (const c of el.classList) s += "." + c;
		return s;
	};
	const past = el => el.getBoundingClientRect().right > vw + 0.5;
	if (sw > vw) {
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (!past(el)) continue;
			const parent = el.parentElement;
			if (parent && parent !== document.body && past(parent)) continue;
			const html = el.outerHTML;
			wide.push({
				selector: describe(el),
				left: Math.round(r.left),
				right: Math.round(r.right),
				html: html.length > 160 ? html.slice(0, 160) + "…" : html,
			});
			if (wide.length === 10) break;
		}
	}
	return {viewport: vw, scrollWidth: sw, wide};
})()`

func TestReflow(t *testing.T) {
	s := demoSite(t)
	browser(t)
	for _, p := range pages {
		for _, vp := range viewports {
			t.Run(p.name+"/"+vp.name, func(t *testing.T) {
				t.Parallel() // one tab each; go test runs GOMAXPROCS of them at once
				ctx := newTab(t)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale))); err != nil {
					t.Fatalf("set the viewport: %v", err)
				}
				if err := open(ctx, s, p); err != nil {
					t.Fatal(err)
				}
				if err := checkReflow(ctx, vp.width); err != nil {
					t.Errorf("%s at %s: %v", p.path, vp.name, err)
				}
			})
		}
	}
}

// checkReflow fails when the page loaded in ctx, in a viewport width CSS
// pixels wide, scrolls sideways.
func checkReflow(ctx context.Context, width int64) error {
	got, err := chromedp.Run(ctx, chromedp.Evaluate[overflow](measureOverflow))
	if err != nil {
		return fmt.Errorf("measure: %w", err)
	}
	if got.Viewport != float64(width) {
		return fmt.Errorf("the viewport is %v CSS pixels wide, want %d", got.Viewport, width)
	}
	if got.ScrollWidth <= got.Viewport {
		return nil
	}
	var b strings.Builder
	for _, w := range got.Wide {
		fmt.Fprintf(&b, "\n  - %s spans x=%v to x=%v\n    %s", w.Selector, w.Left, w.Right, w.HTML)
	}
	return fmt.Errorf("document.documentElement.scrollWidth is %v, want at most the viewport's %v (no scrolling sideways); elements past the right edge:%s",
		got.ScrollWidth, got.Viewport, b.String())
}
