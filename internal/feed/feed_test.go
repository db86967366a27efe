package feed_test

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/feed"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"
)

// entry is what the tests compare of an entry, as gofeed reads it.
type entry struct {
	ID, Title, Link, Published, Updated, Summary, Author, Content string
	Categories                                                    []string
}

func utc(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// TestFormats writes one feed in every format, with text that needs
// escaping, and reads it back with gofeed.
func TestFormats(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, london) }
	f := feed.Feed{
		Title: "News - Fish & chips", Subtitle: "What is <new>", Language: "en-GB",
		Link: "https://example.org/news/", ID: "https://example.org/news/feed.xml", Author: "Test Board", Updated: day(11, 12),
		Entries: []feed.Entry{
			{
				ID: "tag:example.org,2000:news/a", Title: `Fish & chips <3, "café" 😀`, Link: "https://example.org/news/a/",
				Published: day(11, 10), Updated: day(11, 12), Summary: "Less than < and ampersand &, in plain text.",
				Author: "Priya Shah", Categories: []string{"Carers", "Health, and wellbeing"},
				Content: `<p>A &amp; B <a href="https://example.org/b/">link</a></p><pre><code>]]&gt; x   y</code></pre>`,
			},
			{
				// No published date, summary or author of its own.
				ID: "tag:example.org,2000:news/b", Title: "Summer", Link: "https://example.org/news/b/",
				Updated: day(6, 1), Content: "<p>b</p>",
			},
		},
	}
	a := entry{ID: "tag:example.org,2000:news/a", Title: `Fish & chips <3, "café" 😀`, Link: "https://example.org/news/a/",
		Published: "2026-11-10T00:00:00Z", Updated: "2026-11-12T00:00:00Z", Summary: "Less than < and ampersand &, in plain text.",
		Author: "Priya Shah", Categories: []string{"Carers", "Health, and wellbeing"},
		Content: `<p>A &amp; B <a href="https://example.org/b/">link</a></p><pre><code>]]&gt; x   y</code></pre>`}
	b := entry{ID: "tag:example.org,2000:news/b", Title: "Summer", Link: "https://example.org/news/b/",
		Updated: "2026-05-31T23:00:00Z", Content: "<p>b</p>"}
	bPublished := b
	bPublished.Published = b.Updated // an entry always has a date to sort by
	bNoUpdated := bPublished
	bNoUpdated.Updated = ""
	aNoUpdated := a
	aNoUpdated.Updated = ""

	tests := []struct {
		file, feedType string
		want           []entry
	}{
		{"feed.xml", "atom", []entry{a, bPublished}},
		{"rss.xml", "rss", []entry{aNoUpdated, bNoUpdated}}, // RSS 2.0 has no updated date
		{"feed.json", "json", []entry{a, b}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var write func(feed.Feed) ([]byte, error)
			for _, fm := range feed.Formats {
				if fm.File == tt.file {
					write = fm.Write
				}
			}
			if write == nil {
				t.Fatalf("no format writes %s", tt.file)
			}
			f.Self = "https://example.org/news/" + tt.file
			data, err := write(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := gofeed.NewParser().ParseString(string(data))
			if err != nil {
				t.Fatalf("gofeed cannot parse it: %v\n%s", err, data)
			}
			if got.FeedType != tt.feedType {
				t.Errorf("type: got %q, want %q", got.FeedType, tt.feedType)
			}
			if got.Title != f.Title {
				t.Errorf("title: got %q, want %q", got.Title, f.Title)
			}
			if got.Link != f.Link || got.FeedLink != f.Self {
				t.Errorf("links: got %q and %q, want %q and %q", got.Link, got.FeedLink, f.Link, f.Self)
			}
			if got.Language != "en-GB" && tt.feedType != "json" {
				t.Errorf("language: got %q, want en-GB", got.Language)
			}
			var entries []entry
			for _, it := range got.Items {
				e := entry{ID: it.GUID, Title: it.Title, Link: it.Link, Published: utc(it.PublishedParsed), Updated: utc(it.UpdatedParsed),
					Summary: it.Description, Content: it.Content, Categories: it.Categories}
				if len(it.Authors) > 0 {
					e.Author = it.Authors[0].Name
				}
				entries = append(entries, e)
			}
			if diff := cmp.Diff(tt.want, entries); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONEmpty(t *testing.T) {
	data, err := feed.JSON(feed.Feed{Title: "Nothing yet", Link: "https://example.org/", Self: "https://example.org/feed.json"})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version string
		Items   []json.RawMessage
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != "https://jsonfeed.org/version/1.1" {
		t.Errorf("version: got %q, want https://jsonfeed.org/version/1.1", got.Version)
	}
	// JSON Feed requires items, even when there are none.
	if got.Items == nil {
		t.Errorf("items: got %s, want an empty array", data)
	}
}

func page(rel string) *site.Page {
	return &site.Page{Title: "A title", URL: "/news/x/", Source: &content.Page{Rel: rel}}
}

func TestEntryID(t *testing.T) {
	tests := []struct {
		name, base, rel, want string
	}{
		{"page", "https://example.org/", "news/story.md", "tag:example.org,2000:news/story"},
		{"bundle", "https://example.org/", "news/story/index.md", "tag:example.org,2000:news/story"},
		{"no base URL", "/", "updates/story.md", "tag:engage.invalid,2000:updates/story"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feed.EntryID(tt.base, page(tt.rel))
			if got != tt.want {
				t.Errorf("EntryID(%q, %q): got %q, want %q", tt.base, tt.rel, got, tt.want)
			}
			if u, err := url.Parse(got); err != nil || u.Scheme != "tag" {
				t.Errorf("EntryID(%q, %q) = %q is not a tag URI", tt.base, tt.rel, got)
			}
		})
	}
}

// TestEntryIDPerSite: two sites on one host, as two projects on one
// GitHub Pages host are, must not share entry ids, which Atom requires to
// be universally unique (RFC 4287 4.2.6); feed readers that follow both
// would take one site's entries for the other's.
func TestEntryIDPerSite(t *testing.T) {
	p := page("news/story.md")
	a := feed.EntryID("https://example.github.io/engage-a/", p)
	b := feed.EntryID("https://example.github.io/engage-b/", p)
	if a == b {
		t.Errorf("EntryID of news/story.md on https://example.github.io/engage-a/ and /engage-b/: both %q, want different ids", a)
	}
}
