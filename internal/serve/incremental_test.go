package serve_test

// These tests hold engage serve to its promise about edits: "editing one
// page's body re-renders that page and the lists that show it, not the
// site. Editing a title updates every list, feed and taxonomy page that
// shows it; editing a layout re-renders the pages that use it." Every page
// is fetched before the edit as well as after it, so that a stale copy in
// any cache (the preview's own, or a partialCached card or footer in the
// renderer) would be served and caught.

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	engage "github.com/engage-ssg/engage"
)

const (
	incrSiteYAML = "title: Test site\norganisation:\n  name: Test Board\ntaxonomies: [topics]\n"
	incrNewsMD   = "---\ntitle: Zebra crossing plans\nsummary: A news story.\ndate: 2026-11-01\ntopics: [parks]\n---\nWe opened a new clinic.\n"
	incrEventMD  = "---\ntitle: Carers cafe\nsummary: A place for carers to meet.\ndate: 2026-11-01\n" +
		"start: 2026-12-01T10:00\nend: 2026-12-01T12:00\nattendance: in-person\ntopics: [parks]\n" +
		"venue:\n  name: The hall\n  address: 1 Street, Town\n  postcode: ZZ1 1ZZ\n---\nCome and talk to us.\n"
	incrNewsIndexMD = "---\ntitle: News\nsummary: What we have been doing.\n---\nOur latest news.\n"
)

// incrementalFiles is a site with a taxonomy: a news story about parks
// (on /news/, /topics/parks/, the A to Z and the feeds), an event about
// parks (on the home page, /events/ and the calendars) and a plain page
// for the story to link to.
func incrementalFiles() map[string]string {
	return map[string]string{
		"site.yaml":              incrSiteYAML,
		"content/_index.md":      "---\ntitle: Home\nsummary: The home page.\n---\nWelcome to the test site.\n",
		"content/other.md":       "---\ntitle: Opening times\nsummary: When we are open.\n---\nWe are open every day.\n",
		"content/news/_index.md": incrNewsIndexMD,
		"content/news/zebra.md":  incrNewsMD,
		"content/events/cafe.md": incrEventMD,
	}
}

// apply tells the preview that files changed, as engage serve's watcher
// does (Preview.Update, which rebuilds when it cannot apply the change in
// place), and requires a site without problems afterwards. It reports
// whether Update took the quick way.
func (pv *preview) apply(t *testing.T, names ...string) bool {
	t.Helper()
	changed := make([]string, len(names))
	for i, n := range names {
		changed[i] = filepath.Join(pv.dir, filepath.FromSlash(n))
	}
	problems, quick, err := pv.p.Update(context.Background(), changed)
	if err != nil {
		t.Fatalf("Update(%v): %v", names, err)
	}
	if len(problems) > 0 {
		t.Fatalf("Update(%v): got problems, want none:\n%s", names, problems.Error())
	}
	return quick
}

// fetch gets every page, requiring 200, and returns the bodies by path.
func (pv *preview) fetch(t *testing.T, paths []string) map[string]string {
	t.Helper()
	bodies := make(map[string]string, len(paths))
	for _, p := range paths {
		got := pv.get(t, p)
		if got.status != 200 {
			t.Fatalf("GET %s: got status %d, want 200", p, got.status)
		}
		bodies[p] = got.body
	}
	return bodies
}

// mustShow fails unless every page has want and none has notWant.
func mustShow(t *testing.T, when string, bodies map[string]string, paths []string, want, notWant string) {
	t.Helper()
	for _, p := range paths {
		body := bodies[p]
		if want != "" && !strings.Contains(body, want) {
			t.Errorf("%s: GET %s does not contain %q", when, p, want)
		}
		if notWant != "" && strings.Contains(body, notWant) {
			t.Errorf("%s: GET %s still contains %q", when, p, notWant)
		}
	}
}

func TestIncrementalTitleEdit(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string // the titles before and after
		before   string // the file before the edit
		// pages that show the title. The A to Z letter page is the same
		// before and after: both titles start with the same letter.
		pages []string
	}{
		{
			name: "news story", file: "content/news/zebra.md", before: incrNewsMD,
			old: "Zebra crossing plans", new: "Zebra lights agreed",
			pages: []string{
				"/news/zebra/", "/news/", "/topics/parks/", "/a-z/z/",
				"/feed.xml", "/rss.xml", "/feed.json",
				"/news/feed.xml", "/news/rss.xml", "/news/feed.json",
				"/search/index/docs/0.json",
			},
		},
		{
			// The home page lists upcoming events, not news: an event's
			// title checks the home page's cards.
			name: "event", file: "content/events/cafe.md", before: incrEventMD,
			old: "Carers cafe", new: "Carers coffee morning",
			pages: []string{
				"/events/cafe/", "/", "/events/", "/topics/parks/", "/a-z/c/", "/reports/2026/",
				"/events.ics", "/events/cafe/event.ics", "/data/events.json", "/data/events.csv",
				"/search/index/docs/0.json",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv := newPreview(t, incrementalFiles())
			// Every page that shows the story, and some that do not, so
			// that every cache is warm before the edit.
			all := append([]string{"/", "/other/", "/news/", "/events/", "/topics/", "/a-z/"}, tt.pages...)
			mustShow(t, "before the edit", pv.fetch(t, all), tt.pages, tt.old, "")

			after := strings.Replace(tt.before, "title: "+tt.old+"\n", "title: "+tt.new+"\n", 1)
			if after == tt.before {
				t.Fatalf("the test's edit changed nothing")
			}
			pv.write(t, tt.file, after)
			if pv.apply(t, tt.file) {
				t.Errorf("Update took the quick way for a new title; it must work out the lists again")
			}
			bodies := pv.fetch(t, all)
			mustShow(t, "after the title edit", bodies, tt.pages, tt.new, tt.old)
			if !regexp.MustCompile(`<h1[^>]*>` + regexp.QuoteMeta(tt.new) + `</h1>`).MatchString(bodies[tt.pages[0]]) {
				t.Errorf("after the title edit: GET %s has no <h1>%s</h1>", tt.pages[0], tt.new)
			}
			// Once more, with every cache now holding the second title.
			pv.write(t, tt.file, tt.before)
			pv.apply(t, tt.file)
			mustShow(t, "after the title was put back", pv.fetch(t, all), tt.pages, tt.old, tt.new)
		})
	}
}

// TestIncrementalTitleEditMovesLetter checks a title that moves to another
// letter of the A to Z.
func TestIncrementalTitleEditMovesLetter(t *testing.T) {
	pv := newPreview(t, incrementalFiles())
	pv.fetch(t, []string{"/a-z/", "/a-z/z/", "/news/", "/topics/parks/"})
	pv.write(t, "content/news/zebra.md", strings.Replace(incrNewsMD, "Zebra crossing plans", "Quiet streets plan", 1))
	pv.apply(t, "content/news/zebra.md")
	if got := pv.get(t, "/a-z/q/"); got.status != 200 || !strings.Contains(got.body, "Quiet streets plan") {
		t.Errorf("GET /a-z/q/: got %d, want 200 and the new title", got.status)
	}
	if got := pv.get(t, "/a-z/z/"); strings.Contains(got.body, "Zebra crossing plans") || strings.Contains(got.body, "Quiet streets plan") {
		t.Errorf("GET /a-z/z/: got %d, still listing the story under Z", got.status)
	}
	if got := pv.get(t, "/a-z/").body; !strings.Contains(got, `href="/a-z/q/"`) {
		t.Errorf("GET /a-z/: no link to the new letter /a-z/q/")
	}
}

func TestIncrementalBodyEdit(t *testing.T) {
	pv := newPreview(t, incrementalFiles())
	lists := []string{"/news/", "/topics/parks/", "/a-z/z/"}
	all := append([]string{"/news/zebra/", "/other/", "/", "/news/feed.xml", "/feed.xml"}, lists...)
	before := pv.fetch(t, all)
	mustShow(t, "before the edit", before, lists, "Zebra crossing plans", "")

	// The front matter stays byte for byte the same; the body gains a
	// link to another page's Markdown file, relative to this one.
	const newBody = "We moved the clinic. See [our opening times](../other.md) before you visit.\n"
	edited := strings.Replace(incrNewsMD, "We opened a new clinic.\n", newBody, 1)
	if edited == incrNewsMD {
		t.Fatalf("the test's edit changed nothing")
	}
	pv.write(t, "content/news/zebra.md", edited)
	if !pv.apply(t, "content/news/zebra.md") {
		t.Fatalf("Update did not take the quick way for an edit of the body alone")
	}
	after := pv.fetch(t, all)
	page := after["/news/zebra/"]
	if !strings.Contains(page, "We moved the clinic.") {
		t.Errorf("GET /news/zebra/: the new body is not on the page")
	}
	if strings.Contains(page, "We opened a new clinic.") {
		t.Errorf("GET /news/zebra/: the old body is still on the page")
	}
	if !strings.Contains(page, `<a href="/other/">our opening times</a>`) {
		t.Errorf("GET /news/zebra/: the link to ../other.md does not go to /other/; the body is %.600q", bodyOf(page))
	}
	if strings.Contains(page, "other.md") {
		t.Errorf("GET /news/zebra/: the page still links to the Markdown file other.md")
	}
	// The lists show the story's title as before.
	mustShow(t, "after the body edit", after, lists, "Zebra crossing plans", "")
	if got := pv.get(t, "/other/"); got.body != before["/other/"] {
		t.Errorf("GET /other/: a page that does not show the story changed")
	}
	// The feeds carry the new body, with the link made absolute.
	abs := `href="` + pv.srv.URL + `/other/"`
	for _, f := range []string{"/news/feed.xml", "/feed.xml"} {
		if !strings.Contains(after[f], "We moved the clinic.") {
			t.Errorf("GET %s: the feed does not have the new body", f)
		}
		if !strings.Contains(after[f], abs) && !strings.Contains(after[f], strings.ReplaceAll(abs, `"`, "&#34;")) && !strings.Contains(after[f], strings.ReplaceAll(abs, `"`, "&quot;")) {
			t.Errorf("GET %s: the feed has no link %s to the other page", f, abs)
		}
	}

	// A rebuild with nothing changed keeps the new body and its link:
	// the loader's cache holds the page the quick way parsed.
	pv.rebuild(t)
	page = pv.get(t, "/news/zebra/").body
	if !strings.Contains(page, "We moved the clinic.") || !strings.Contains(page, `<a href="/other/">our opening times</a>`) {
		t.Errorf("after a rebuild: GET /news/zebra/ lost the new body or its link; the body is %.600q", bodyOf(page))
	}

	// A title edit after a quick body edit shows both.
	pv.write(t, "content/news/zebra.md", strings.Replace(edited, "Zebra crossing plans", "Zebra lights agreed", 1))
	pv.apply(t, "content/news/zebra.md")
	after = pv.fetch(t, all)
	mustShow(t, "after a body edit then a title edit", after, append([]string{"/news/zebra/"}, lists...), "Zebra lights agreed", "Zebra crossing plans")
	if page := after["/news/zebra/"]; !strings.Contains(page, "We moved the clinic.") || !strings.Contains(page, `<a href="/other/">our opening times</a>`) {
		t.Errorf("after a body edit then a title edit: GET /news/zebra/ lost the new body or its link")
	}
}

// TestIncrementalBodyEditOfList edits the body of a section's _index.md,
// which the list page shows above its cards: the quick way must render the
// list again, and the (cached) cards must still be there.
func TestIncrementalBodyEditOfList(t *testing.T) {
	pv := newPreview(t, incrementalFiles())
	before := pv.fetch(t, []string{"/news/", "/news/zebra/", "/topics/parks/"})
	if !strings.Contains(before["/news/"], "Our latest news.") || !strings.Contains(before["/news/"], "Zebra crossing plans") {
		t.Fatalf("GET /news/ before the edit: want the section's body and the story's card")
	}
	pv.write(t, "content/news/_index.md", strings.Replace(incrNewsIndexMD, "Our latest news.", "Everything we did this year, newest first.", 1))
	if !pv.apply(t, "content/news/_index.md") {
		t.Errorf("Update did not take the quick way for an edit of the body alone")
	}
	after := pv.fetch(t, []string{"/news/", "/news/zebra/", "/topics/parks/"})
	if got := after["/news/"]; !strings.Contains(got, "Everything we did this year, newest first.") || strings.Contains(got, "Our latest news.") {
		t.Errorf("GET /news/: got %.600q, want the new body of content/news/_index.md and not the old", bodyOf(got))
	}
	if !strings.Contains(after["/news/"], `<a href="/news/zebra/">Zebra crossing plans</a>`) {
		t.Errorf("GET /news/: the story's card is gone after an edit of the section's body")
	}
	for _, p := range []string{"/news/zebra/", "/topics/parks/"} {
		if after[p] != before[p] {
			t.Errorf("GET %s: a page that does not show the section's body changed", p)
		}
	}
}

// cardWithMarker is the theme's card with a marker in each card.
func cardWithMarker(t *testing.T, marker string) string {
	t.Helper()
	card, err := fs.ReadFile(engage.Theme, "layouts/partials/card.html")
	if err != nil {
		t.Fatalf("read the theme's card: %v", err)
	}
	out := strings.Replace(string(card), "\n</li>", "\n<span class=\"card__marker\">"+marker+"</span>\n</li>", 1)
	if out == string(card) {
		t.Fatalf("the theme's card has no </li> to put the marker before")
	}
	return out
}

// singleWithMarker is the theme's default single layout with a marker.
func singleWithMarker(t *testing.T, marker string) string {
	t.Helper()
	single, err := fs.ReadFile(engage.Theme, "layouts/_default/single.html")
	if err != nil {
		t.Fatalf("read the theme's single layout: %v", err)
	}
	out := strings.Replace(string(single), `<div class="body">`, `<div class="body"><p class="single__marker">`+marker+`</p>`, 1)
	if out == string(single) {
		t.Fatalf(`the theme's single layout has no <div class="body"> to put the marker in`)
	}
	return out
}

func TestIncrementalLayoutEdit(t *testing.T) {
	files := incrementalFiles()
	files["layouts/partials/card.html"] = cardWithMarker(t, "card-marker-one")
	files["layouts/_default/single.html"] = singleWithMarker(t, "single-marker-one")
	pv := newPreview(t, files)

	// Pages with cards: lists, a taxonomy term, the A to Z and the home
	// page (an upcoming event). Pages with the default single layout.
	withCards := []string{"/news/", "/topics/parks/", "/a-z/z/", "/a-z/c/", "/events/", "/"}
	singles := []string{"/news/zebra/", "/other/"}
	all := append(append([]string(nil), withCards...), singles...)
	bodies := pv.fetch(t, all)
	mustShow(t, "before the layout edit", bodies, withCards, "card-marker-one", "")
	mustShow(t, "before the layout edit", bodies, singles, "single-marker-one", "")

	t.Run("card", func(t *testing.T) {
		pv.write(t, "layouts/partials/card.html", cardWithMarker(t, "card-marker-two"))
		pv.apply(t, "layouts/partials/card.html")
		bodies := pv.fetch(t, all)
		mustShow(t, "after the card edit", bodies, withCards, "card-marker-two", "card-marker-one")
		mustShow(t, "after the card edit", bodies, singles, "single-marker-one", "")
	})
	t.Run("single", func(t *testing.T) {
		pv.write(t, "layouts/_default/single.html", singleWithMarker(t, "single-marker-two"))
		pv.apply(t, "layouts/_default/single.html")
		bodies := pv.fetch(t, all)
		mustShow(t, "after the single edit", bodies, singles, "single-marker-two", "single-marker-one")
		mustShow(t, "after the single edit", bodies, withCards, "card-marker-two", "")
	})
	t.Run("card removed", func(t *testing.T) {
		// Without the site's card the theme's is used again.
		pv.remove(t, "layouts/partials/card.html")
		pv.apply(t, "layouts/partials/card.html")
		bodies := pv.fetch(t, all)
		mustShow(t, "after the site's card was removed", bodies, withCards, "", "card-marker")
		if !strings.Contains(bodies["/news/"], `<a href="/news/zebra/">Zebra crossing plans</a>`) {
			t.Errorf("after the site's card was removed: GET /news/ has no card for the story")
		}
	})
	t.Run("footer", func(t *testing.T) {
		footer, err := fs.ReadFile(engage.Theme, "layouts/partials/footer.html")
		if err != nil {
			t.Fatal(err)
		}
		withMarker := strings.Replace(string(footer), "</footer>", "<p>footer-marker-one</p>\n</footer>", 1)
		pv.write(t, "layouts/partials/footer.html", withMarker)
		pv.apply(t, "layouts/partials/footer.html")
		mustShow(t, "after a footer was added", pv.fetch(t, all), all, "footer-marker-one", "")
		pv.write(t, "layouts/partials/footer.html", strings.Replace(withMarker, "footer-marker-one", "footer-marker-two", 1))
		pv.apply(t, "layouts/partials/footer.html")
		mustShow(t, "after the footer edit", pv.fetch(t, all), all, "footer-marker-two", "footer-marker-one")
	})
}

var footerRE = regexp.MustCompile(`(?s)<footer class="footer">.*?</footer>`)

func TestIncrementalFooterEdit(t *testing.T) {
	pv := newPreview(t, incrementalFiles())
	pages := []string{"/", "/news/zebra/", "/topics/parks/", "/other/"}
	for p, body := range pv.fetch(t, pages) {
		if f := footerRE.FindString(body); !strings.Contains(f, "contact Test Board.") {
			t.Fatalf("GET %s before the edit: got footer %q, want it to name Test Board", p, f)
		}
	}
	pv.write(t, "site.yaml", strings.Replace(incrSiteYAML, "name: Test Board", "name: Riverside Health Watch", 1))
	if pv.apply(t, "site.yaml") {
		t.Errorf("Update took the quick way for a change to site.yaml")
	}
	for p, body := range pv.fetch(t, pages) {
		f := footerRE.FindString(body)
		if f == "" {
			t.Errorf("GET %s: no footer", p)
			continue
		}
		if !strings.Contains(f, "contact Riverside Health Watch.") || !strings.Contains(f, "&copy; Riverside Health Watch") {
			t.Errorf("GET %s: the footer does not name the new organisation: %q", p, f)
		}
		if strings.Contains(body, "Test Board") {
			t.Errorf("GET %s: the page still names the old organisation, Test Board", p)
		}
	}
}

// TestIncrementalEditSameSizeSameTime edits a title to one of the same
// length and gives the file its old modification time, as happens when an
// editor saves twice within one tick of the file system's clock (a second
// on FAT, exFAT, HFS+ and many network and container mounts; a few
// milliseconds on Linux). The watcher names the file, so the preview must
// read it again.
func TestIncrementalEditSameSizeSameTime(t *testing.T) {
	pv := newPreview(t, incrementalFiles())
	pv.fetch(t, []string{"/news/zebra/", "/news/"})
	name := filepath.Join(pv.dir, "content", "news", "zebra.md")
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(incrNewsMD, "Zebra crossing plans", "Zebra crossing plots", 1)
	if len(edited) != len(incrNewsMD) || edited == incrNewsMD {
		t.Fatalf("the test's edit must keep the size and change the text")
	}
	pv.write(t, "content/news/zebra.md", edited)
	if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	pv.apply(t, "content/news/zebra.md")
	bodies := pv.fetch(t, []string{"/news/zebra/", "/news/"})
	mustShow(t, "after a same-size edit in the same clock tick", bodies, []string{"/news/zebra/", "/news/"}, "Zebra crossing plots", "Zebra crossing plans")
}

// bodyOf is the main part of a page, for messages.
func bodyOf(page string) string {
	if i := strings.Index(page, `<main`); i >= 0 {
		page = page[i:]
	}
	if i := strings.Index(page, `</main>`); i >= 0 {
		page = page[:i]
	}
	return page
}
