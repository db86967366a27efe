package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// result is one entry of the result list as a reader meets it.
type result struct {
	Title string `json:"title"`
	Href  string `json:"href"`
	Meta  string `json:"meta"`
	Tag   string `json:"tag"`
}

// searchState is what the search page shows after a search.
type searchState struct {
	Status  string   `json:"status"`
	Results []result `json:"results"`
	More    bool     `json:"more"` // a "Show more results" button
	Query   string   `json:"query"`
	Type    string   `json:"type"`
	Busy    bool     `json:"busy"`
	Focus   string   `json:"focus"`
}

const readSearch = `(() => {
	const results = document.getElementById("search-results");
	return {
		status: document.getElementById("search-status").textContent,
		results: Array.from(results.querySelectorAll("li")).map(li => ({
			title: li.querySelector("h2 a").textContent,
			href: li.querySelector("h2 a").getAttribute("href"),
			meta: (li.querySelector(".card__meta") || {}).textContent || "",
			tag: (li.querySelector(".tag") || {}).textContent || "",
		})),
		more: !!results.querySelector("button"),
		query: document.getElementById("q").value,
		type: document.getElementById("type").value,
		busy: results.hasAttribute("aria-busy"),
		focus: document.activeElement.id || document.activeElement.tagName.toLowerCase(),
	};
})()`

// resultCount matches the live region's words for a search with results.
var resultCount = regexp.MustCompile(`^(\d+) results? for `)

// TestSearch uses /search/ as a reader would: types a query with the
// keyboard, presses Enter, and reads the live region and the results; then
// narrows them with a filter, opens a search from its address, and gets
// the no-results help. axe-core must find nothing with results shown.
func TestSearch(t *testing.T) {
	s := demoSite(t)
	ctx := newTab(t)
	requests := recordRequests(t, ctx)
	if err := open(ctx, s, page{"search", "/search/", http.StatusOK}); err != nil {
		t.Fatal(err)
	}

	// Type into the labelled box and press Enter, as a keyboard user does.
	got := search(t, ctx, func() error {
		return chromedp.Do(ctx,
			chromedp.Focus(chromedp.CSS(`label[for="q"] ~ input#q`)),
			chromedp.SendKeys(chromedp.CSS(`#q`), "carers café"),
			chromedp.KeyEvent(kb.Enter),
		)
	})
	if len(got.Results) == 0 {
		t.Fatalf("carers café: got no results; the live region says %q", got.Status)
	}
	if want := "Carers' café in Lowmere"; got.Results[0].Title != want || got.Results[0].Href != "/events/carers-cafe/" {
		t.Errorf("carers café: got first result %q (%s), want %q (/events/carers-cafe/)", got.Results[0].Title, got.Results[0].Href, want)
	}
	if !strings.HasPrefix(got.Results[0].Meta, "Event, ") {
		t.Errorf("carers café: the first result's details are %q, want the type and date: \"Event, 3 December 2026\"", got.Results[0].Meta)
	}
	all := checkCount(t, "carers café", got)
	t.Logf("carers café: %s; first %q", got.Status, got.Results[0].Title)
	if got.Focus != "q" {
		t.Errorf("carers café: focus moved to %q; it should stay in the search box", got.Focus)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/search/?q=carers+caf%C3%A9") {
		t.Errorf("carers café: the address is %s, want it to hold the query (?q=carers+caf%%C3%%A9), so that Back and bookmarks work", loc)
	}

	t.Run("axe", func(t *testing.T) {
		found, err := runAxe(ctx, axeSource(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(found) > 0 {
			t.Errorf("/search/ with results: got %d axe-core violations, want none:\n%s", len(found), formatViolations(found))
		}
	})

	t.Run("filter", func(t *testing.T) {
		got := search(t, ctx, func() error {
			return chromedp.Do(ctx,
				chromedp.SetValue(chromedp.CSS(`#type`), "events"),
				chromedp.Click(chromedp.CSS(`form[role="search"] button[type="submit"]`)),
			)
		})
		n := checkCount(t, "carers café, filtered by Events", got)
		if n == 0 || n >= all {
			t.Errorf("the Events filter: got %d results, want fewer than the %d without it, and some", n, all)
		}
		for _, r := range got.Results {
			if !strings.HasPrefix(r.Meta, "Event") {
				t.Errorf("the Events filter: got %q, a %q", r.Title, r.Meta)
			}
		}
		if len(got.Results) > 0 && got.Results[0].Title != "Carers' café in Lowmere" {
			t.Errorf("the Events filter: got first result %q, want \"Carers' café in Lowmere\"", got.Results[0].Title)
		}
	})

	t.Run("from the address", func(t *testing.T) {
		if err := open(ctx, s, page{"search", "/search/?q=diagnostic&type=campaigns", http.StatusOK}); err != nil {
			t.Fatal(err)
		}
		got := waitSearch(t, ctx)
		if got.Query != "diagnostic" || got.Type != "campaigns" {
			t.Errorf("?q=diagnostic&type=campaigns: got the box %q and type %q, want diagnostic and campaigns", got.Query, got.Type)
		}
		checkCount(t, "diagnostic, filtered by Have your say", got)
		if len(got.Results) == 0 || got.Results[0].Href != "/campaigns/community-diagnostic-centre/" {
			t.Errorf("?q=diagnostic&type=campaigns: got %+v, want /campaigns/community-diagnostic-centre/ first", got.Results)
		}
		if len(got.Results) > 0 && got.Results[0].Tag == "" {
			t.Errorf("?q=diagnostic&type=campaigns: the consultation shows no status")
		}
	})

	t.Run("no results", func(t *testing.T) {
		got := search(t, ctx, func() error {
			return chromedp.Do(ctx,
				chromedp.Evaluate[chromedp.Void](`document.getElementById("type").value = ""; document.getElementById("q").value = ""`),
				chromedp.SendKeys(chromedp.CSS(`#q`), "zebra crossing"),
				chromedp.KeyEvent(kb.Enter),
			)
		})
		if got.Status != "No results for zebra crossing." || len(got.Results) != 0 {
			t.Errorf("zebra crossing: got %q and %d results, want \"No results for zebra crossing.\" and none", got.Status, len(got.Results))
		}
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#search-results a") || {href: ""}).href`))
		if err != nil || !strings.HasSuffix(href, "/a-z/") {
			t.Errorf("zebra crossing: got a link to %q, want the A to Z (%v)", href, err)
		}
	})

	// Only this site, and only the index files a query needs.
	var words int
	for _, u := range requests() {
		if !strings.HasPrefix(u, s.url+"/") {
			t.Errorf("the search page asked for %s, which is not on the site", u)
		}
		if strings.Contains(u, "/search/index/words/") {
			words++
		}
	}
	if words == 0 || words > 12 {
		t.Errorf("the searches fetched %d word shards, want a few: the ones their words need", words)
	}
}

// search runs a search with do and returns the page once it has answered.
func search(t *testing.T, ctx context.Context, do func() error) searchState {
	t.Helper()
	// Empty the live region first, so that waitSearch sees the new answer.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("search-status").textContent = ""`)); err != nil {
		t.Fatal(err)
	}
	if err := do(); err != nil {
		t.Fatal(err)
	}
	return waitSearch(t, ctx)
}

// waitSearch waits until the live region has its answer.
func waitSearch(t *testing.T, ctx context.Context) searchState {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`document.getElementById("search-status").textContent !== "" && !document.getElementById("search-results").hasAttribute("aria-busy")`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the search did not answer in its live region: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](readSearch))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// checkCount checks that the live region says "N results for <query>" and
// that the list agrees, and returns N.
func checkCount(t *testing.T, query string, got searchState) int {
	t.Helper()
	m := resultCount.FindStringSubmatch(got.Status)
	if m == nil || !strings.HasSuffix(got.Status, " for "+query) {
		t.Errorf("the live region says %q, want \"N results for %s\"", got.Status, query)
		return -1
	}
	var n int
	fmt.Sscan(m[1], &n)
	switch {
	case n <= 10 && (len(got.Results) != n || got.More):
		t.Errorf("%q: the list has %d results (more button: %v), want %d and no more button", got.Status, len(got.Results), got.More, n)
	case n > 10 && (len(got.Results) != 10 || !got.More):
		t.Errorf("%q: the list has %d results (more button: %v), want the first 10 and a button for more", got.Status, len(got.Results), got.More)
	}
	return n
}

// recordRequests notes every address the tab asks for.
func recordRequests(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var urls []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listen to the tab's requests: %v", err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}
