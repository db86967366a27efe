package site_test

import (
	"context"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/google/go-cmp/cmp"
)

func TestRelURL(t *testing.T) {
	tests := []struct {
		base, site, want string
	}{
		{"/", "/", "/"},
		{"/", "/events/cafe/", "/events/cafe/"},
		{"https://example.org/", "/events/cafe/", "/events/cafe/"},
		{"https://example.org/engage/", "/", "/engage/"},
		{"https://example.org/engage/", "/events/cafe/", "/engage/events/cafe/"},
		{"https://example.org/engage/", "events/cafe/", "/engage/events/cafe/"},
		{"https://example.org/a/b/", "/x.pdf", "/a/b/x.pdf"},
	}
	for _, tt := range tests {
		if got := site.RelURL(tt.base, tt.site); got != tt.want {
			t.Errorf("RelURL(%q, %q): got %q, want %q", tt.base, tt.site, got, tt.want)
		}
	}
}

func TestAbsURL(t *testing.T) {
	tests := []struct {
		base, site, want string
	}{
		{"/", "/events/cafe/", "/events/cafe/"},
		{"", "/events/cafe/", "/events/cafe/"},
		{"https://example.org/", "/", "https://example.org/"},
		{"https://example.org/engage/", "/", "https://example.org/engage/"},
		{"https://example.org/engage/", "/events/cafe/", "https://example.org/engage/events/cafe/"},
	}
	for _, tt := range tests {
		if got := site.AbsURL(tt.base, tt.site); got != tt.want {
			t.Errorf("AbsURL(%q, %q): got %q, want %q", tt.base, tt.site, got, tt.want)
		}
	}
}

// TestLinkDests checks where each kind of internal link of a page is
// rewritten to, on a site published under a path.
func TestLinkDests(t *testing.T) {
	md := markdown.New(markdown.Options{})
	cfg, problems := config.Parse([]byte("title: T\nbase_url: https://example.org/engage\norganisation:\n  name: O\ntaxonomies: []\n"))
	if len(problems) > 0 {
		t.Fatal(problems.Error())
	}
	files := map[string]string{
		"content/events/cafe.md":               "---\ntitle: Café\nstart: 2026-12-07T10:00\nend: 2026-12-07T12:00\nvenue: {name: Community hall}\n---\n## When\n",
		"content/events/cafe.easy.md":          "---\ntitle: Café, easy read\n---\n",
		"content/publications/annual/index.md": "---\ntitle: Annual\n---\n",
		"content/news/story.md": "---\ntitle: Story\n---\n" +
			"[1](/events/cafe/) [2](/events/cafe) [3](../events/cafe.md) [4](/content/events/cafe.md)\n" +
			"[5](../events/cafe.md#when) [6](/events/cafe/?from=news#when) [7](../events/cafe.easy.md)\n" +
			"[8](/publications/annual/report.pdf) [9](https://nhs.uk/) [10](mailto:a@example.org) [11](#top)\n" +
			"[12](../../publications/annual/) [13](/) [14](/news/)\n\n## Top\n",
		"content/publications/annual/report.pdf": "",
	}
	var pages []*content.Page
	var others []string
	for _, name := range []string{"content/events/cafe.md", "content/events/cafe.easy.md", "content/news/story.md", "content/publications/annual/index.md"} {
		p, problems := content.Parse(name, []byte(files[name]), content.Options{Location: time.UTC, Markdown: md})
		if len(problems) > 0 {
			t.Fatalf("%s: %s", name, problems.Error())
		}
		pages = append(pages, p)
	}
	others = append(others, "content/publications/annual/report.pdf")
	s, problems := site.Resolve(context.Background(), pages, site.Options{Config: cfg, Now: time.Now(), Files: others})
	if len(problems) > 0 {
		t.Fatalf("Resolve: %s", problems.Error())
	}
	var story *site.Page
	for _, p := range s.Pages {
		if p.URL == "/news/story/" {
			story = p
		}
	}
	if story == nil {
		t.Fatal("no page /news/story/")
	}
	want := []string{
		"/engage/events/cafe/", "/engage/events/cafe/", "/engage/events/cafe/", "/engage/events/cafe/",
		"/engage/events/cafe/#when", "/engage/events/cafe/?from=news#when", "/engage/events/cafe/easy-read/",
		"/engage/publications/annual/report.pdf", "https://nhs.uk/", "mailto:a@example.org", "#top",
		"/engage/publications/annual/", "/engage/", "/engage/news/",
	}
	if diff := cmp.Diff(want, story.LinkDests); diff != "" {
		t.Errorf("LinkDests (-want +got):\n%s", diff)
	}
}
