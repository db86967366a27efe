package build_test

import (
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"
)

// feedFiles names the feeds of a folder: "" for the site's, "news/" for a
// section's.
func feedFiles(dir string) []string {
	return []string{dir + "feed.xml", dir + "rss.xml", dir + "feed.json"}
}

// parseFeed parses a built feed with gofeed, as a feed reader would.
func parseFeed(t *testing.T, files map[string][]byte, name string) *gofeed.Feed {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("%s: not written", name)
	}
	f, err := gofeed.NewParser().ParseString(string(data))
	if err != nil {
		t.Fatalf("%s: gofeed cannot parse it: %v", name, err)
	}
	return f
}

func itemIDs(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.GUID)
	}
	return out
}

func itemTitles(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Title)
	}
	return out
}

// feedEntry is what the tests compare of an entry, as gofeed reads it.
type feedEntry struct {
	Title, Link, Published, Updated, Summary, Author string
	Categories                                       []string
}

func entryOf(it *gofeed.Item) feedEntry {
	e := feedEntry{Title: it.Title, Link: it.Link, Published: utcString(it.PublishedParsed),
		Updated: utcString(it.UpdatedParsed), Summary: it.Description, Categories: it.Categories}
	if len(it.Authors) > 0 {
		e.Author = it.Authors[0].Name
	}
	return e
}

func utcString(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// outputsEntries are the feed entries of the outputs site, by page, as its
// source files say: dates are midnight in London, so an hour earlier in
// UTC in summer.
var outputsEntries = map[string]struct {
	entry   feedEntry
	content []string // what the entry's content must hold
}{
	"news/cafe-reopens/": {
		entry: feedEntry{Title: "Café, crèche & résumé help, now open 😀", Published: "2026-11-10T00:00:00Z", Updated: "2026-11-12T00:00:00Z",
			Summary: "The carers' café reopens, with a crèche, free résumé help, and a quiet room.", Author: "Priya Shah",
			Categories: []string{"Carers", "Involving people", "Lowmere"}},
		content: []string{
			`<a href="https://example.org/engage/events/">our events</a>`,                             // site path
			`<a href="https://example.org/engage/updates/quiet-room/">`,                               // relative .md link
			`<a href="https://example.org/engage/news/cafe-reopens/#how-to-get-there">`,               // link within the page
			`<img src="https://example.org/engage/news/cafe-reopens/map.svg" alt="A map of Lowmere">`, // image in the bundle
			`href="https://example.org/engage/news/cafe-reopens/#fn:1"`,                               // footnote
			`<a href="https://www.nhs.uk/">NHS website</a>`,                                           // another site
		},
	},
	"news/board-meeting/": {
		entry: feedEntry{Title: "Board meeting, 3 December", Published: "2026-11-01T00:00:00Z", Updated: "2026-11-01T00:00:00Z",
			Summary: "Our board meets in public on 3 December.", Author: "Test Health Board", Categories: []string{"Involving people"}},
		content: []string{
			`<a href="https://example.org/engage/about/">about us</a>`,
			// Preformatted text keeps its spaces, as on the page.
			"<pre><code>10:00   doors open\n10:30   meeting starts\n</code></pre>",
		},
	},
	"updates/quiet-room/": {
		entry: feedEntry{Title: "A quiet room at the café", Published: "2026-11-05T00:00:00Z", Updated: "2026-11-05T00:00:00Z",
			Summary: "Carers said the café was noisy, so we added a quiet room.", Author: "Test Health Board",
			Categories: []string{"Carers", "Lowmere"}},
		content: []string{
			"<h2>We asked</h2><p>We asked carers what they thought of the café.</p>",
			"<h2>You said</h2><p>The room was too noisy to talk about private things.</p>",
			"<h2>We did</h2><p>We booked a quiet room next to the main room.</p>",
			"Status: Done.",
			"The quiet room is used at every café.",
		},
	},
	"updates/sunday-clinics/": {
		entry: feedEntry{Title: "Sunday eye clinics", Published: "2026-10-19T23:00:00Z", Updated: "2026-10-19T23:00:00Z",
			Summary: "People asked for Sunday eye clinics, but we could not add them.", Author: "Test Health Board",
			Categories: []string{"Eye care", "Castle Brook"}},
		content: []string{
			"<h2>You said</h2><p>Please open the eye clinic on Sundays.</p>",
			"<h2>We did</h2><p>We added Saturday appointments instead.</p>",
			"There are not enough staff on Sundays.",
			"Status: Not possible.",
		},
	},
	"campaigns/eye-clinic-consultation/": {
		entry: feedEntry{Title: "Moving the eye clinic, Castle Brook", Published: "2026-08-31T23:00:00Z", Updated: "2026-08-31T23:00:00Z",
			Summary: "Tell us what you think about moving the eye clinic.", Author: "Test Health Board",
			Categories: []string{"Eye care", "Castle Brook"}},
		content: []string{"Consultation.", "1 September 2026", "4 December 2026", "Status: open."},
	},
	"campaigns/bus-survey/": {
		// No date: the campaign is published when it opens.
		entry: feedEntry{Title: "Getting to hospital by bus", Published: "2026-05-31T23:00:00Z", Updated: "2026-05-31T23:00:00Z",
			Summary: "A short survey about buses to the hospital.", Author: "Test Health Board",
			Categories: []string{"Transport", "Lowmere"}},
		content: []string{"Survey.", "1 June 2026", "1 July 2026", "Status: closed."},
	},
}

func TestFeeds(t *testing.T) {
	files := buildOutputs(t)
	tests := []struct {
		dir, title string
		updated    string   // the feed's, in Atom: its newest entry's
		entries    []string // pages, newest first
	}{
		{"", "Feeds Test", "2026-11-12T00:00:00Z", []string{"news/cafe-reopens/", "updates/quiet-room/", "news/board-meeting/",
			"updates/sunday-clinics/", "campaigns/eye-clinic-consultation/", "campaigns/bus-survey/"}},
		{"news/", "News - Feeds Test", "2026-11-12T00:00:00Z", []string{"news/cafe-reopens/", "news/board-meeting/"}},
		{"updates/", "You said, we did - Feeds Test", "2026-11-05T00:00:00Z", []string{"updates/quiet-room/", "updates/sunday-clinics/"}},
		{"campaigns/", "Have your say - Feeds Test", "2026-08-31T23:00:00Z", []string{"campaigns/eye-clinic-consultation/", "campaigns/bus-survey/"}},
	}
	ids := map[string]string{} // page → id: the same in every feed and format
	type content struct{ format, html string }
	contents := map[string]content{} // page → content: the same in every format
	for _, tt := range tests {
		for _, name := range feedFiles(tt.dir) {
			t.Run(name, func(t *testing.T) {
				f := parseFeed(t, files, name)
				format := f.FeedType
				if want := map[string]string{"feed.xml": "atom", "rss.xml": "rss", "feed.json": "json"}[path.Base(name)]; format != want {
					t.Fatalf("gofeed reads it as %q, want %q", format, want)
				}
				if f.Title != tt.title {
					t.Errorf("title: got %q, want %q", f.Title, tt.title)
				}
				if want := outputsBase + tt.dir; f.Link != want {
					t.Errorf("link: got %q, want %q", f.Link, want)
				}
				if want := outputsBase + name; f.FeedLink != want {
					t.Errorf("feed link: got %q, want %q", f.FeedLink, want)
				}
				if format == "atom" {
					if got := utcString(f.UpdatedParsed); got != tt.updated {
						t.Errorf("updated: got %q, want %q", got, tt.updated)
					}
				}
				if format == "json" {
					var raw struct{ Version string }
					if err := json.Unmarshal(files[name], &raw); err != nil {
						t.Fatal(err)
					}
					if want := "https://jsonfeed.org/version/1.1"; raw.Version != want {
						t.Errorf("version: got %q, want %q", raw.Version, want)
					}
				}

				var pages []string
				for _, it := range f.Items {
					pages = append(pages, strings.TrimPrefix(it.Link, outputsBase))
				}
				if diff := cmp.Diff(tt.entries, pages); diff != "" {
					t.Errorf("entries, newest first (-want +got):\n%s", diff)
				}

				for _, it := range f.Items {
					page := strings.TrimPrefix(it.Link, outputsBase)
					w, ok := outputsEntries[page]
					if !ok {
						continue // reported above
					}
					want := w.entry
					want.Link = outputsBase + page
					if format == "rss" {
						want.Updated = "" // RSS 2.0 has no updated date
					}
					if diff := cmp.Diff(want, entryOf(it)); diff != "" {
						t.Errorf("%s (-want +got):\n%s", page, diff)
					}

					if it.GUID == "" {
						t.Errorf("%s: no id", page)
					} else if prev, ok := ids[page]; ok && prev != it.GUID {
						t.Errorf("%s: id %q, but %q in another feed", page, it.GUID, prev)
					}
					ids[page] = it.GUID

					for _, s := range w.content {
						if !strings.Contains(it.Content, s) {
							t.Errorf("%s: content does not contain %q:\n%s", page, s, it.Content)
						}
					}
					if strings.Contains(it.Content, `href="/`) || strings.Contains(it.Content, `src="/`) {
						t.Errorf("%s: content has a root-relative address:\n%s", page, it.Content)
					}
					for _, m := range linkAttr.FindAllStringSubmatch(it.Content, -1) {
						if !absoluteURL(m[1]) {
							t.Errorf("%s: %q is not absolute", page, m[1])
						} else if file := fileOf(outputsBase, m[1]); file != "" && files[file] == nil {
							t.Errorf("%s: %q leads to %s, which was not written", page, m[1], file)
						}
					}
					if prev, ok := contents[page]; !ok {
						contents[page] = content{format, it.Content}
					} else if prev.html != it.Content {
						t.Errorf("%s: content differs between formats (-%s +%s):\n%s", page, prev.format, format, cmp.Diff(prev.html, it.Content))
					}
				}
			})
		}
	}

	// Different pages, different ids.
	byID := map[string]string{}
	for page, id := range ids {
		if other, ok := byID[id]; ok {
			t.Errorf("%s and %s have the same id %q", page, other, id)
		}
		byID[id] = page
	}
	if len(ids) != len(outputsEntries) {
		t.Errorf("got ids of %d pages, want %d", len(ids), len(outputsEntries))
	}
}

func TestFeedLimit(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string // added to site.yaml
		pages int
		want  int
	}{
		{"feed_limit", "feed_limit: 3\n", 5, 3},
		{"default", "", 52, 50},
		{"fewer than the limit", "feed_limit: 10\n", 4, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := map[string]string{
				"site.yaml": "title: Limits\nbase_url: https://example.org/\norganisation:\n  name: Test Board\ntaxonomies: []\n" + tt.yaml,
			}
			first := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			for i := 1; i <= tt.pages; i++ {
				src[fmt.Sprintf("content/news/story-%02d.md", i)] = fmt.Sprintf("---\ntitle: Story %d\nsummary: Story %d.\ndate: %s\n---\nStory %d.\n",
					i, i, first.AddDate(0, 0, i).Format("2006-01-02"), i)
			}
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, opts(writeSite(t, src), dest))
			files := readTree(t, dest)
			var want []string // the newest, newest first
			for i := tt.pages; i > tt.pages-tt.want; i-- {
				want = append(want, fmt.Sprintf("Story %d", i))
			}
			for _, name := range append(feedFiles(""), feedFiles("news/")...) {
				if diff := cmp.Diff(want, itemTitles(parseFeed(t, files, name))); diff != "" {
					t.Errorf("%s: entries (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}
