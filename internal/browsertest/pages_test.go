package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// page is one kind of page of the demo site, as of 2026-11-23.
type page struct {
	name   string // the subtest's name
	path   string
	status int // the HTTP status the server must answer with
}

// pages has one page of every kind that the theme renders. When the demo
// content changes, keep one page per kind here.
var pages = []page{
	{"home", "/", http.StatusOK},

	{"list/principles", "/principles/", http.StatusOK},
	{"list/campaigns", "/campaigns/", http.StatusOK},
	{"list/campaigns-open", "/campaigns/open/", http.StatusOK},
	{"list/events", "/events/", http.StatusOK},
	{"list/events-past", "/events/past/", http.StatusOK},
	{"list/updates", "/updates/", http.StatusOK},
	{"list/news", "/news/", http.StatusOK},
	{"list/constitution", "/constitution/", http.StatusOK},

	{"principle", "/principles/say-what-can-change/", http.StatusOK},
	{"constitution", "/constitution/our-constitution/", http.StatusOK},
	{"consultation-open", "/campaigns/community-diagnostic-centre/", http.StatusOK},
	{"consultation-closed-with-outcome", "/campaigns/lowmere-urgent-treatment-centre/", http.StatusOK},
	{"event-cancelled", "/events/castle-brook-gp-drop-in/", http.StatusOK},
	{"event-rescheduled", "/events/maternity-family-hub-drop-in/", http.StatusOK},
	{"event-online", "/events/online-mental-health-forum/", http.StatusOK},
	{"update-planned", "/updates/hospital-easy-read-letters/", http.StatusOK},
	{"update-in-progress", "/updates/carers-gp-registers/", http.StatusOK},
	{"update-done", "/updates/carers-cafe-quiet-room/", http.StatusOK},
	{"update-not-possible", "/updates/castle-brook-sunday-appointments/", http.StatusOK},
	{"news-post", "/news/meet-our-community-connectors/", http.StatusOK},

	{"taxonomy", "/topics/", http.StatusOK},
	{"term", "/topics/carers/", http.StatusOK},
	{"easy-read", "/campaigns/community-diagnostic-centre/easy-read/", http.StatusOK},
	{"accessibility-statement", "/accessibility/", http.StatusOK},
	{"report", "/reports/2026/", http.StatusOK},
	{"search", "/search/", http.StatusOK},
	{"not-found", "/no-such-page/", http.StatusNotFound},
}

// open loads p in the tab and checks the server's answer, so that a page
// that has moved is not silently tested as the 404 page.
func open(ctx context.Context, s *site, p page) error {
	if p.status == http.StatusNotFound {
		if _, err := os.Stat(filepath.Join(s.dir, "404.html")); err != nil {
			return fmt.Errorf("the build wrote no 404.html, so %s gets the server's plain-text answer, not the site's 404 page", p.path)
		}
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(s.url+p.path))
	if err != nil {
		return fmt.Errorf("load %s: %w", p.path, err)
	}
	if int(resp.Status) != p.status {
		return fmt.Errorf("load %s: got status %d, want %d", p.path, resp.Status, p.status)
	}
	return nil
}
