package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDraftsAndFutureDates checks which pages are published: drafts,
// pages dated after --now and every page of a section whose _index.md
// says draft: true are left out of the output and out of every list,
// unless Drafts is set.
func TestDraftsAndFutureDates(t *testing.T) {
	src := writeSite(t, map[string]string{
		"site.yaml":                      "title: Drafts\norganisation:\n  name: Org\ntaxonomies: [topics]\n",
		"content/news/_index.md":         "---\ntitle: News\n---\n",
		"content/news/published.md":      "---\ntitle: Published story\ndate: 2026-01-10\ntopics: [Open]\n---\n",
		"content/news/draft.md":          "---\ntitle: Draft story\ndraft: true\ntopics: [Secret]\n---\n",
		"content/news/future.md":         "---\ntitle: Future story\ndate: 2026-12-01\n---\n",
		"content/news/future.easy.md":    "---\ntitle: Future story in easy read\n---\n",
		"content/hidden/_index.md":       "---\ntitle: Hidden section\ndraft: true\n---\n",
		"content/hidden/inside.md":       "---\ntitle: Inside story\n---\n",
		"content/hidden/bundle/index.md": "---\ntitle: Hidden bundle\n---\n[Plan](plan.pdf)\n",
		"content/hidden/bundle/plan.pdf": "%PDF-1.4\n",
		// The theme's home lists only open campaigns, upcoming events
		// and sections; this one lists every section and page, so that
		// the home page shows what the site publishes.
		"layouts/index.html": "{{define \"main\"}}\n" +
			"<ul>{{range sections}}<li><a href=\"{{relURL .URL}}\">{{.Title}}</a></li>{{end}}</ul>\n" +
			"<ul>{{range .Site.Regular}}<li><a href=\"{{relURL .URL}}\">{{.Title}}</a></li>{{end}}</ul>\n" +
			"{{end}}\n",
	})
	const (
		published = "news/published/index.html"
		draft     = "news/draft/index.html"
		future    = "news/future/index.html"
		futureER  = "news/future/easy-read/index.html"
		section   = "hidden/index.html"
		inside    = "hidden/inside/index.html"
		bundle    = "hidden/bundle/index.html"
		pdf       = "hidden/bundle/plan.pdf"
		secret    = "topics/secret/index.html"
	)
	all := []string{published, draft, future, futureER, section, inside, bundle, pdf, secret}
	tests := []struct {
		name   string
		now    string
		drafts bool
		want   []string // of all, the files written
	}{
		{name: "default", now: testNow, want: []string{published}},
		{name: "drafts", now: testNow, drafts: true, want: all},
		{name: "a second before the future date", now: "2026-11-30T23:59:59Z", want: []string{published}},
		{name: "on the future date", now: "2026-12-01", want: []string{published, future, futureER}},
		{name: "long after, in another zone", now: "2027-06-01T12:00:00+02:00", want: []string{published, future, futureER}},
	}
	// The lists that show each page when it is published.
	lists := []struct{ list, file, title string }{
		{"index.html", draft, "Draft story"},
		{"index.html", future, "Future story"},
		{"index.html", inside, "Inside story"},
		{"index.html", bundle, "Hidden bundle"},
		{"index.html", section, "Hidden section"},
		{"news/index.html", draft, "Draft story"},
		{"news/index.html", future, "Future story"},
		{"topics/index.html", secret, "Secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts(src, filepath.Join(t.TempDir(), "public"))
			o.Now, o.Drafts = tt.now, tt.drafts
			mustBuild(t, o)
			site := readTree(t, o.Dest)
			want := map[string]bool{}
			for _, f := range tt.want {
				want[f] = true
			}
			for _, f := range all {
				if _, got := site[f]; got != want[f] {
					t.Errorf("%s written: got %t, want %t", f, got, want[f])
				}
			}
			// What is left out is in no list either.
			for _, l := range lists {
				if got := strings.Contains(string(site[l.list]), ">"+l.title+"<"); got != want[l.file] {
					t.Errorf("%s lists %q: got %t, want %t", l.list, l.title, got, want[l.file])
				}
			}
		})
	}
}

// TestHiddenSectionFiles checks that a file in a section whose _index.md
// says draft: true is not published, just as the section's pages are not,
// and that it is published with Drafts.
func TestHiddenSectionFiles(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/hidden/_index.md":  "---\ntitle: Hidden section\ndraft: true\n---\n",
		"content/hidden/inside.md":  "---\ntitle: Inside\n---\n",
		"content/hidden/notes.pdf":  "%PDF-1.4 draft budget\n",
		"content/open/_index.md":    "---\ntitle: Open section\n---\n",
		"content/open/leaflet.pdf":  "%PDF-1.4 leaflet\n",
		"content/open/something.md": "---\ntitle: Something\n---\n",
	})
	tests := []struct {
		drafts bool
		want   map[string]bool
	}{
		{drafts: true, want: map[string]bool{"hidden/notes.pdf": true, "open/leaflet.pdf": true}},
		{drafts: false, want: map[string]bool{"hidden/notes.pdf": false, "open/leaflet.pdf": true}},
	}
	for _, tt := range tests {
		o := opts(src, filepath.Join(t.TempDir(), "public"))
		o.Drafts = tt.drafts
		mustBuild(t, o)
		site := readTree(t, o.Dest)
		for f, want := range tt.want {
			if _, got := site[f]; got != want {
				t.Errorf("Drafts: %t: %s written: got %t, want %t", tt.drafts, f, got, want)
			}
		}
	}
}
