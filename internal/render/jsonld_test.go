package render_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/google/go-cmp/cmp"
)

// jsonLDSite is a small site with an event of every attendance and the
// statuses that change an event's JSON-LD, and news posts with and without
// an author. It is published at a base URL so that the urls are absolute.
var jsonLDSite = map[string]string{
	"site.yaml": "title: Test site\nbase_url: https://engage.example.org/\norganisation:\n  name: Test Board\ntaxonomies: []\n",
	"content/events/in-person.md": `---
title: Carers café
summary: A drop-in for carers.
start: 2026-07-14T10:00
end: 2026-07-14T12:30
venue:
  name: Lowmere Library
  address: Church Street, Lowmere
  postcode: ZZ3 7LM
---
`,
	"content/events/online.md":    "---\ntitle: Online forum\nstart: 2026-12-10T18:30\nend: 2026-12-10T20:00\nattendance: online\nonline_url: https://meet.example.org/forum\n---\n",
	"content/events/hybrid.md":    "---\ntitle: Board meeting\nstart: 2026-10-25T02:30\nend: 2026-10-25T04:00\nattendance: hybrid\nvenue:\n  name: Town Hall\n  address: High Street\n  postcode: ZZ1 1AA\nonline_url: https://meet.example.org/board\n---\n",
	"content/events/cancelled.md": "---\ntitle: Cancelled talk\nstart: 2026-03-28T10:00\nend: 2026-03-28T11:00\nstatus: cancelled\nvenue:\n  name: Town Hall\n---\n",
	"content/events/postponed.md": "---\ntitle: Postponed talk\nstart: 2026-06-02T10:00\nend: 2026-06-02T11:00\nstatus: postponed\nvenue:\n  name: Town Hall\n---\n",
	"content/events/rescheduled.md": `---
title: Rescheduled talk
start: 2026-11-03T10:00
end: 2026-11-03T11:00
status: rescheduled
previous_start: 2026-10-06T10:00
venue:
  name: Town Hall
---
`,
	"content/events/moved-online.md": "---\ntitle: Moved online\nstart: 2026-12-01T10:00\nend: 2026-12-01T11:00\nstatus: moved-online\nvenue:\n  name: Town Hall\nonline_url: https://meet.example.org/moved\n---\n",
	"content/news/connectors.md":     "---\ntitle: Meet our connectors\nsummary: Who they are.\ndate: 2026-07-14\nupdated: 2026-12-01\nauthor:\n  name: Tom Adeyemi\n  role: Community Connector\n---\nHello.\n",
	"content/news/no-author.md":      "---\ntitle: A post with </script> in its title\ndate: 2026-01-05\n---\nHello.\n",
	"content/about.md":               "---\ntitle: About us\n---\nNothing here.\n",
}

// writeSite writes a site's files, by slash-separated path, into a new
// folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "site")
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// buildJSONLD builds jsonLDSite and returns the folder written.
func buildJSONLD(t *testing.T) string {
	t.Helper()
	src := writeSite(t, jsonLDSite)
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Now: "2026-11-23", Theme: engage.Theme})
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, res.Problems.Error())
	}
	return dest
}

var scriptRE = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

// jsonLD returns the decoded JSON-LD scripts of a written page.
func jsonLD(t *testing.T, dest, page string) []map[string]any {
	t.Helper()
	html, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(page)))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, m := range scriptRE.FindAllSubmatch(html, -1) {
		var v map[string]any
		if err := json.Unmarshal(m[1], &v); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v\n%s", page, err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func TestEventJSONLD(t *testing.T) {
	dest := buildJSONLD(t)
	org := map[string]any{"@type": "Organization", "name": "Test Board"}
	// place leaves out the parts of the address the page does not give.
	place := func(name, street, postcode string) map[string]any {
		addr := map[string]any{"@type": "PostalAddress", "addressCountry": "GB"}
		if street != "" {
			addr["streetAddress"] = street
		}
		if postcode != "" {
			addr["postalCode"] = postcode
		}
		return map[string]any{"@type": "Place", "name": name, "address": addr}
	}
	virtual := func(url string) map[string]any { return map[string]any{"@type": "VirtualLocation", "url": url} }
	event := func(slug, name, start, end, status, mode string, location any) map[string]any {
		return map[string]any{
			"@context": "https://schema.org", "@type": "Event", "name": name,
			"url":       "https://engage.example.org/events/" + slug + "/",
			"startDate": start, "endDate": end,
			"eventStatus":         "https://schema.org/" + status,
			"eventAttendanceMode": "https://schema.org/" + mode,
			"organizer":           org, "location": location,
		}
	}
	withExtra := func(v map[string]any, k string, x any) map[string]any { v[k] = x; return v }

	tests := []struct {
		page string
		want map[string]any
	}{
		{"events/in-person/index.html", withExtra(event("in-person", "Carers café",
			"2026-07-14T10:00:00+01:00", "2026-07-14T12:30:00+01:00", "EventScheduled", "OfflineEventAttendanceMode",
			place("Lowmere Library", "Church Street, Lowmere", "ZZ3 7LM")), "description", "A drop-in for carers.")},
		{"events/online/index.html", event("online", "Online forum",
			"2026-12-10T18:30:00Z", "2026-12-10T20:00:00Z", "EventScheduled", "OnlineEventAttendanceMode",
			virtual("https://meet.example.org/forum"))},
		// The autumn clock change: 02:30 is after it (GMT), so is 04:00.
		{"events/hybrid/index.html", event("hybrid", "Board meeting",
			"2026-10-25T02:30:00Z", "2026-10-25T04:00:00Z", "EventScheduled", "MixedEventAttendanceMode",
			[]any{place("Town Hall", "High Street", "ZZ1 1AA"), virtual("https://meet.example.org/board")})},
		// The day before the spring clock change is still GMT.
		{"events/cancelled/index.html", event("cancelled", "Cancelled talk",
			"2026-03-28T10:00:00Z", "2026-03-28T11:00:00Z", "EventCancelled", "OfflineEventAttendanceMode",
			place("Town Hall", "", ""))},
		{"events/postponed/index.html", event("postponed", "Postponed talk",
			"2026-06-02T10:00:00+01:00", "2026-06-02T11:00:00+01:00", "EventPostponed", "OfflineEventAttendanceMode",
			place("Town Hall", "", ""))},
		// Rescheduled across the autumn change: it was in summer time.
		{"events/rescheduled/index.html", withExtra(event("rescheduled", "Rescheduled talk",
			"2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z", "EventRescheduled", "OfflineEventAttendanceMode",
			place("Town Hall", "", "")), "previousStartDate", "2026-10-06T10:00:00+01:00")},
		// An event moved online is attended online, at its online address
		// (Google's guidance for EventMovedOnline), whatever the
		// attendance it was planned with.
		{"events/moved-online/index.html", event("moved-online", "Moved online",
			"2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", "EventMovedOnline", "OnlineEventAttendanceMode",
			virtual("https://meet.example.org/moved"))},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			got := jsonLD(t, dest, tt.page)
			if len(got) != 1 {
				t.Fatalf("%s: got %d JSON-LD scripts, want 1", tt.page, len(got))
			}
			if diff := cmp.Diff(tt.want, got[0]); diff != "" {
				t.Errorf("%s JSON-LD (-want +got):\n%s", tt.page, diff)
			}
		})
	}
}

func TestArticleJSONLD(t *testing.T) {
	dest := buildJSONLD(t)
	org := map[string]any{"@type": "Organization", "name": "Test Board"}
	tests := []struct {
		page string
		want map[string]any
	}{
		{"news/connectors/index.html", map[string]any{
			"@context": "https://schema.org", "@type": "Article", "headline": "Meet our connectors",
			"description":      "Who they are.",
			"url":              "https://engage.example.org/news/connectors/",
			"mainEntityOfPage": "https://engage.example.org/news/connectors/",
			"datePublished":    "2026-07-14T00:00:00+01:00",
			"dateModified":     "2026-12-01T00:00:00Z",
			"author":           map[string]any{"@type": "Person", "name": "Tom Adeyemi", "jobTitle": "Community Connector"},
			"publisher":        org, "inLanguage": "en-GB",
		}},
		// Without an author the organisation wrote it; a title that
		// holds "</script>" must not end the script early.
		{"news/no-author/index.html", map[string]any{
			"@context": "https://schema.org", "@type": "Article", "headline": "A post with </script> in its title",
			"url":              "https://engage.example.org/news/no-author/",
			"mainEntityOfPage": "https://engage.example.org/news/no-author/",
			"datePublished":    "2026-01-05T00:00:00Z",
			"author":           org, "publisher": org, "inLanguage": "en-GB",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			got := jsonLD(t, dest, tt.page)
			if len(got) != 1 {
				t.Fatalf("%s: got %d JSON-LD scripts, want 1", tt.page, len(got))
			}
			if diff := cmp.Diff(tt.want, got[0]); diff != "" {
				t.Errorf("%s JSON-LD (-want +got):\n%s", tt.page, diff)
			}
		})
	}
	for _, page := range []string{"about/index.html", "events/index.html", "news/index.html", "index.html"} {
		if got := jsonLD(t, dest, page); len(got) != 0 {
			t.Errorf("%s: got JSON-LD %v, want none", page, got)
		}
	}
}
