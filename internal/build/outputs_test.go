package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The outputs site, testdata/outputs/site, is the fixture of the tests of
// everything a build writes besides pages: feeds, calendars, the sitemap
// and the open data. Its pages are described where they are checked.
const outputsBase = "https://example.org/engage/"

// buildOutputs builds the outputs site and returns its files.
func buildOutputs(t *testing.T) map[string][]byte {
	t.Helper()
	return buildOutputsFrom(t, filepath.Join("testdata", "outputs", "site"), "")
}

// buildOutputsFrom builds a copy of a site, with baseURL overriding
// site.yaml when it is set, and returns its files.
func buildOutputsFrom(t *testing.T, src, baseURL string) map[string][]byte {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	o := opts(src, dest)
	o.BaseURL = baseURL
	mustBuild(t, o)
	return readTree(t, dest)
}

// copyOutputsSite copies the outputs site into a temporary folder, applies
// the edits (slash paths to a function of the old text) and returns it.
func copyOutputsSite(t *testing.T, edits map[string]func(string) string) string {
	t.Helper()
	files := readTree(t, filepath.Join("testdata", "outputs", "site"))
	for name, edit := range edits {
		old, ok := files[name]
		if !ok {
			t.Fatalf("edit %s: no such file in the outputs site", name)
		}
		files[name] = []byte(edit(string(old)))
		if bytes.Equal(old, files[name]) {
			t.Fatalf("edit %s: changed nothing", name)
		}
	}
	dir := filepath.Join(t.TempDir(), "site")
	writeTree(t, dir, files)
	return dir
}

// isAlias reports whether an HTML file is a redirect from an old address.
func isAlias(page []byte) bool {
	return bytes.Contains(page, []byte(`http-equiv="refresh"`))
}

// fileOf returns the output file an absolute URL of the site is served
// from, or "" when the URL is not under base.
func fileOf(base, u string) string {
	if !strings.HasPrefix(u, base) {
		return ""
	}
	p, _, _ := strings.Cut(strings.TrimPrefix(u, base), "#")
	p, _, _ = strings.Cut(p, "?")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return path.Clean(p)
}

func TestSitemap(t *testing.T) {
	files := buildOutputs(t)
	var set struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
		t.Fatalf("sitemap.xml does not parse: %v", err)
	}
	if got, want := set.XMLName, (xml.Name{Space: "http://www.sitemaps.org/schemas/sitemap/0.9", Local: "urlset"}); got != want {
		t.Errorf("root element: got %v, want %v", got, want)
	}

	// Every HTML page, except the 404 page and the redirects from old
	// addresses, and nothing else.
	var want, aliases []string
	for _, name := range names(files) {
		switch {
		case !strings.HasSuffix(name, ".html") || name == "404.html":
		case isAlias(files[name]):
			aliases = append(aliases, name)
		default:
			want = append(want, name)
		}
	}
	if diff := cmp.Diff([]string{"about-us/index.html"}, aliases); diff != "" {
		t.Errorf("redirect pages written (-want +got):\n%s", diff)
	}
	lastmod := map[string]string{}
	var got []string
	for _, u := range set.URLs {
		f := fileOf(outputsBase, u.Loc)
		if f == "" {
			t.Errorf("sitemap: <loc>%s</loc> is not an absolute address under %s", u.Loc, outputsBase)
			continue
		}
		if _, dup := lastmod[u.Loc]; dup {
			t.Errorf("sitemap: %s is listed twice", u.Loc)
		}
		lastmod[u.Loc] = u.LastMod
		got = append(got, f)
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages in sitemap.xml (-HTML files written +listed):\n%s", diff)
	}
	// The drafts and future pages of the fixture are neither written nor
	// listed; they would show in the comparison above if they were
	// written, so check that they are really in the source.
	for _, u := range []string{"news/draft-story/", "news/future-story/"} {
		if _, ok := lastmod[outputsBase+u]; ok {
			t.Errorf("sitemap lists %s, which is not published", u)
		}
	}

	tests := []struct {
		page, want string
	}{
		{"news/cafe-reopens/", "2026-11-12"},          // updated
		{"news/board-meeting/", "2026-11-01"},         // date
		{"updates/sunday-clinics/", "2026-10-20"},     // date in summer time
		{"events/rescheduled-drop-in/", "2026-11-03"}, // updated
		{"about/", "2026-06-30"},                      // updated, no date
		{"news/", "2026-01-01"},                       // a section's own date
		{"campaigns/bus-survey/", ""},                 // neither
	}
	for _, tt := range tests {
		got, ok := lastmod[outputsBase+tt.page]
		if !ok {
			t.Errorf("%s: not in sitemap.xml", tt.page)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: lastmod: got %q, want %q", tt.page, got, tt.want)
		}
	}

	robots := string(files["robots.txt"])
	if !strings.Contains(robots, "\nSitemap: "+outputsBase+"sitemap.xml\n") {
		t.Errorf("robots.txt does not point at %ssitemap.xml:\n%s", outputsBase, robots)
	}
}

func TestOpenData(t *testing.T) {
	files := buildOutputs(t)
	const b = outputsBase
	tests := []struct {
		name    string
		columns []string
		rows    []map[string]string // by column; missing columns are ""
	}{
		{
			name:    "updates",
			columns: []string{"url", "title", "date", "status", "we_asked", "you_said", "we_did", "reason", "progress", "source", "topics", "areas"},
			rows: []map[string]string{
				{"url": b + "updates/quiet-room/", "title": "A quiet room at the café", "date": "2026-11-05", "status": "done",
					"we_asked": "We asked carers what they thought of the café.", "you_said": "The room was too noisy to talk about private things.",
					"we_did": "We booked a quiet room next to the main room.", "source": b + "events/carers-cafe/", "topics": "Carers", "areas": "Lowmere"},
				{"url": b + "updates/sunday-clinics/", "title": "Sunday eye clinics", "date": "2026-10-20", "status": "not-possible",
					"you_said": "Please open the eye clinic on Sundays.", "we_did": "We added Saturday appointments instead.",
					"reason": "There are not enough staff on Sundays.", "progress": "100", "source": b + "campaigns/eye-clinic-consultation/",
					"topics": "Eye care", "areas": "Castle Brook"},
			},
		},
		{
			name: "events",
			columns: []string{"url", "title", "start", "end", "status", "attendance", "venue", "address", "postcode", "online_url",
				"accessibility", "booking_url", "booking_required", "campaign", "topics", "areas"},
			rows: []map[string]string{
				{"url": b + "events/cancelled-meeting/", "title": "Public meeting about the eye clinic", "start": "2026-12-02T14:00:00Z",
					"end": "2026-12-02T16:00:00Z", "status": "cancelled", "attendance": "in-person", "venue": "Castle Brook Hall",
					"postcode": "ZZ4 1CC", "booking_required": "false", "topics": "Eye care", "areas": "Castle Brook"},
				{"url": b + "events/carers-cafe/", "title": "Carers' café", "start": "2026-12-05T10:00:00Z", "end": "2026-12-05T12:00:00Z",
					"status": "scheduled", "attendance": "in-person", "venue": "Lowmere Library", "address": "1 High Street, Lowmere",
					"postcode": "ZZ3 1AA", "accessibility": "step-free access; hearing loop", "booking_url": "https://book.example.org/cafe",
					"booking_required": "false", "topics": "Carers", "areas": "Lowmere"},
				{"url": b + "events/night-walk/", "title": "Night walk, stargazing; café crème 🌙", "start": "2026-10-24T23:30:00+01:00",
					"end": "2026-10-25T03:00:00Z", "status": "scheduled", "attendance": "in-person", "venue": "Castle Brook Park",
					"address": "Park Road, Castle Brook", "postcode": "ZZ4 2BB", "booking_required": "false", "topics": "Mental health",
					"areas": "Castle Brook"},
				{"url": b + "events/online-forum/", "title": "Online forum: mental health", "start": "2026-12-10T18:00:00Z",
					"end": "2026-12-10T19:30:00Z", "status": "scheduled", "attendance": "online", "online_url": "https://meet.example.org/forum",
					"booking_required": "false", "campaign": b + "campaigns/eye-clinic-consultation/", "topics": "Mental health",
					"areas": "Lowmere; Castle Brook"},
				{"url": b + "events/postponed-forum/", "title": "Young people's forum", "start": "2026-12-12T16:00:00Z",
					"end": "2026-12-12T17:00:00Z", "status": "postponed", "attendance": "in-person", "venue": "Lowmere Youth Club",
					"booking_required": "false", "topics": "Mental health", "areas": "Lowmere"},
				{"url": b + "events/rescheduled-drop-in/", "title": "Eye clinic drop-in", "start": "2026-12-08T14:00:00Z",
					"end": "2026-12-08T16:00:00Z", "status": "rescheduled", "attendance": "hybrid", "venue": "Castle Brook Health Centre",
					"address": "2 Mill Lane, Castle Brook", "postcode": "ZZ4 3DD", "online_url": "https://meet.example.org/drop-in",
					"booking_required": "false", "topics": "Eye care", "areas": "Castle Brook"},
			},
		},
		{
			name: "campaigns",
			columns: []string{"url", "title", "kind", "status", "opens", "closes", "why", "respond_online", "respond_email", "respond_phone",
				"respond_post", "what_happens_next", "outcomes", "topics", "areas"},
			rows: []map[string]string{
				{"url": b + "campaigns/bus-survey/", "title": "Getting to hospital by bus", "kind": "survey", "status": "closed",
					"opens": "2026-06-01", "closes": "2026-07-01", "topics": "Transport", "areas": "Lowmere"},
				{"url": b + "campaigns/eye-clinic-consultation/", "title": "Moving the eye clinic, Castle Brook", "kind": "consultation",
					"status": "open", "opens": "2026-09-01", "closes": "2026-12-04", "why": "The building is too small.",
					"respond_online": "https://survey.example.org/eye-clinic", "respond_email": "engage@example.org",
					"what_happens_next": "We will publish what you said in January.", "outcomes": b + "updates/sunday-clinics/",
					"topics": "Eye care", "areas": "Castle Brook"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := make([][]string, len(tt.rows))
			for i, r := range tt.rows {
				for k := range r {
					if !contains(tt.columns, k) {
						t.Fatalf("test row %d has a column %q the test does not list", i, k)
					}
				}
				for _, c := range tt.columns {
					want[i] = append(want[i], r[c])
				}
			}
			sortRows(want)

			jsonName, csvName := "data/"+tt.name+".json", "data/"+tt.name+".csv"
			keys, values, err := jsonTable(files[jsonName])
			if err != nil {
				t.Fatalf("%s: %v", jsonName, err)
			}
			for i, k := range keys {
				if diff := cmp.Diff(tt.columns, k); diff != "" {
					t.Errorf("%s: object %d: keys (-want +got):\n%s", jsonName, i, diff)
				}
			}
			sortRows(values)
			if diff := cmp.Diff(want, values); diff != "" {
				t.Errorf("%s: values (-want +got):\n%s", jsonName, diff)
			}

			records, err := csv.NewReader(bytes.NewReader(files[csvName])).ReadAll()
			if err != nil {
				t.Fatalf("%s does not parse: %v", csvName, err)
			}
			if len(records) == 0 {
				t.Fatalf("%s: empty, want a header row", csvName)
			}
			if diff := cmp.Diff(tt.columns, records[0]); diff != "" {
				t.Errorf("%s: header (-want +got):\n%s", csvName, diff)
			}
			rows := records[1:]
			sortRows(rows)
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("%s: rows (-want +got):\n%s", csvName, diff)
			}
		})
	}
}

// jsonTable reads a JSON array of objects whose values are strings,
// keeping the order of each object's keys.
func jsonTable(data []byte) (keys, values [][]string, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	expect := func(want json.Delim) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if tok != want {
			return fmt.Errorf("got %v, want %v", tok, want)
		}
		return nil
	}
	if err := expect('['); err != nil {
		return nil, nil, fmt.Errorf("not a JSON array: %w", err)
	}
	for dec.More() {
		if err := expect('{'); err != nil {
			return nil, nil, fmt.Errorf("item %d is not an object: %w", len(keys), err)
		}
		var k, v []string
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, nil, err
			}
			var s string
			if err := dec.Decode(&s); err != nil {
				return nil, nil, fmt.Errorf("item %d: %v: %w", len(keys), tok, err)
			}
			k, v = append(k, tok.(string)), append(v, s)
		}
		if err := expect('}'); err != nil {
			return nil, nil, err
		}
		keys, values = append(keys, k), append(values, v)
	}
	if err := expect(']'); err != nil {
		return nil, nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, fmt.Errorf("more after the array: %v", err)
	}
	return keys, values, nil
}

func sortRows(rows [][]string) {
	sort.Slice(rows, func(i, j int) bool { return strings.Join(rows[i], "\x00") < strings.Join(rows[j], "\x00") })
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestIDsStable rebuilds the outputs site after changing the title of
// pages, and the address of one, and checks that every feed entry and
// calendar event keeps its id.
func TestIDsStable(t *testing.T) {
	before := buildOutputs(t)
	retitle := func(from, to string) func(string) string {
		return func(s string) string { return strings.Replace(s, "title: "+from, "title: "+to, 1) }
	}
	src := copyOutputsSite(t, map[string]func(string) string{
		"content/news/board-meeting.md": func(s string) string {
			// A new title and a new address.
			s = retitle(`"Board meeting, 3 December"`, `"Our board meets in public"`)(s)
			return strings.Replace(s, "date: 2026-11-01\n", "date: 2026-11-01\nslug: board-meeting-december\n", 1)
		},
		"content/updates/quiet-room.md": retitle(`"A quiet room at the café"`, `"A quieter café"`),
		"content/events/night-walk.md":  retitle(`"Night walk, stargazing; café crème 🌙"`, `"Stargazing walk"`),
	})
	after := buildOutputsFrom(t, src, "")
	if _, ok := after["news/board-meeting-december/index.html"]; !ok {
		t.Fatalf("the board meeting story did not move, so the test proves less than it says")
	}

	for _, name := range feedFiles("") {
		b, a := parseFeed(t, before, name), parseFeed(t, after, name)
		if len(b.Items) == 0 {
			t.Fatalf("%s: no entries", name)
		}
		if diff := cmp.Diff(itemIDs(b), itemIDs(a)); diff != "" {
			t.Errorf("%s: ids after new titles (-before +after):\n%s", name, diff)
		}
		if diff := cmp.Diff(itemTitles(b), itemTitles(a)); diff == "" {
			t.Errorf("%s: titles did not change, so the test proves nothing", name)
		}
	}
	b, a := eventUIDs(t, before["events.ics"]), eventUIDs(t, after["events.ics"])
	if diff := cmp.Diff(b, a); diff != "" {
		t.Errorf("events.ics: UIDs after new titles (-before +after):\n%s", diff)
	}
	if !strings.Contains(string(after["events.ics"]), "SUMMARY:Stargazing walk\r\n") {
		t.Errorf("events.ics: the new title is not there, so the test proves nothing")
	}
}

// TestIDsUniqueAcrossBasePaths builds the outputs site as two sites on one
// host, as two projects on one GitHub Pages host are. Feed readers and
// calendar apps that follow both must not take one site's entries and
// events for the other's: Atom ids are "universally unique" (RFC 4287
// 4.2.6) and UIDs "globally unique" (RFC 5545 3.8.4.7).
func TestIDsUniqueAcrossBasePaths(t *testing.T) {
	src := filepath.Join("testdata", "outputs", "site")
	a := buildOutputsFrom(t, src, "https://example.github.io/engage-a/")
	b := buildOutputsFrom(t, src, "https://example.github.io/engage-b/")
	shared := func(name string, a, b []string) {
		seen := map[string]bool{}
		for _, id := range a {
			seen[id] = true
		}
		var both []string
		for _, id := range b {
			if seen[id] {
				both = append(both, id)
			}
		}
		if len(both) > 0 {
			t.Errorf("%s: %d of %d ids are used by both sites, such as %q", name, len(both), len(b), both[0])
		}
	}
	for _, name := range feedFiles("") {
		shared(name, itemIDs(parseFeed(t, a, name)), itemIDs(parseFeed(t, b, name)))
	}
	shared("events.ics", eventUIDs(t, a["events.ics"]), eventUIDs(t, b["events.ics"]))
}

var linkTag = regexp.MustCompile(`<link\s[^>]*>`)
var tagAttr = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)

// linkTags returns the attributes of each <link> of a page.
func linkTags(page string) []map[string]string {
	var out []map[string]string
	for _, tag := range linkTag.FindAllString(page, -1) {
		attrs := map[string]string{}
		for _, m := range tagAttr.FindAllStringSubmatch(tag, -1) {
			attrs[m[1]] = html.UnescapeString(m[2])
		}
		out = append(out, attrs)
	}
	return out
}

// alternates lists a page's <link rel="alternate"> of one of the types,
// as "type href".
func alternates(page string, types ...string) []string {
	var out []string
	for _, l := range linkTags(page) {
		if l["rel"] == "alternate" && contains(types, l["type"]) {
			out = append(out, l["type"]+" "+l["href"])
		}
	}
	return out
}

func TestFeedLinksOnPages(t *testing.T) {
	files := buildOutputs(t)
	feedTypes := []string{"application/atom+xml", "application/rss+xml", "application/feed+json"}
	sitePath := "/engage/"
	siteFeeds := []string{
		"application/atom+xml " + sitePath + "feed.xml",
		"application/rss+xml " + sitePath + "rss.xml",
		"application/feed+json " + sitePath + "feed.json",
	}
	pages := 0
	for _, name := range names(files) {
		if !strings.HasSuffix(name, ".html") || isAlias(files[name]) {
			continue
		}
		pages++
		got := alternates(string(files[name]), feedTypes...)
		if len(got) > 3 {
			got = got[:3] // a section's own feeds follow the site's
		}
		if diff := cmp.Diff(siteFeeds, got); diff != "" {
			t.Errorf("%s: site feed links (-want +got):\n%s", name, diff)
		}
	}
	if pages < 40 {
		t.Errorf("checked %d pages, want every page of the site (at least 40)", pages)
	}

	for _, sec := range []string{"news", "updates", "campaigns"} {
		t.Run(sec, func(t *testing.T) {
			page := string(files[sec+"/index.html"])
			dir := sitePath + sec + "/"
			want := append(append([]string(nil), siteFeeds...),
				"application/atom+xml "+dir+"feed.xml", "application/rss+xml "+dir+"rss.xml", "application/feed+json "+dir+"feed.json")
			if diff := cmp.Diff(want, alternates(page, feedTypes...)); diff != "" {
				t.Errorf("feed links (-want +got):\n%s", diff)
			}
			// The visible "Subscribe" paragraph, with a link to each feed.
			_, p, ok := strings.Cut(page, `<p class="subscribe">`)
			p, _, _ = strings.Cut(p, "</p>")
			if !ok || !strings.HasPrefix(p, "Subscribe") {
				t.Fatalf("no paragraph starting \"Subscribe\"")
			}
			var hrefs []string
			for _, m := range linkAttr.FindAllStringSubmatch(p, -1) {
				hrefs = append(hrefs, m[1])
			}
			if diff := cmp.Diff([]string{dir + "feed.xml", dir + "rss.xml", dir + "feed.json"}, hrefs); diff != "" {
				t.Errorf("subscribe links (-want +got):\n%s", diff)
			}
			for _, h := range hrefs {
				if _, ok := files[strings.TrimPrefix(h, sitePath)]; !ok {
					t.Errorf("subscribe link %s: no such file", h)
				}
			}
		})
	}
}

// absoluteURL reports whether an href or src of feed content works away
// from the site: a URL with a scheme and, for the web, a host.
func absoluteURL(v string) bool {
	u, err := url.Parse(html.UnescapeString(v))
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto", "tel":
		return true
	}
	return false
}

var metaTag = regexp.MustCompile(`<meta\s[^>]*>`)

// metas returns a page's <meta> values by name or property.
func metas(page string) map[string][]string {
	out := map[string][]string{}
	for _, tag := range metaTag.FindAllString(page, -1) {
		attrs := map[string]string{}
		for _, m := range tagAttr.FindAllStringSubmatch(tag, -1) {
			attrs[m[1]] = html.UnescapeString(m[2])
		}
		if key := attrs["name"] + attrs["property"]; key != "" {
			out[key] = append(out[key], attrs["content"])
		}
	}
	return out
}

// TestPageMeta checks what search engines and link previews read: a
// canonical link on every page, and Open Graph and description tags
// from the page's summary.
func TestPageMeta(t *testing.T) {
	files := buildOutputs(t)
	if _, ok := files["404.html"]; !ok {
		t.Errorf("404.html: not written")
	}
	summaries := map[string]string{ // page → summary, "" for none
		"index.html":                   "Have your say on health services.",
		"news/cafe-reopens/index.html": "The carers' café reopens, with a crèche, free résumé help, and a quiet room.",
		"events/night-walk/index.html": "A walk under the stars; the clocks go back during it.",
		"campaigns/index.html":         "Consultations and surveys.",
		"about/index.html":             "Who we are.",
		"topics/carers/index.html":     "",
	}
	titles := map[string]string{
		"news/cafe-reopens/index.html": "Café, crèche & résumé help, now open 😀",
		"events/night-walk/index.html": "Night walk, stargazing; café crème 🌙",
	}
	for _, name := range names(files) {
		if !strings.HasSuffix(name, ".html") || isAlias(files[name]) {
			continue
		}
		page := string(files[name])
		want := outputsBase + strings.TrimSuffix(name, "index.html")
		var canonical []string
		for _, l := range linkTags(page) {
			if l["rel"] == "canonical" {
				canonical = append(canonical, l["href"])
			}
		}
		if !cmp.Equal(canonical, []string{want}) {
			t.Errorf("%s: canonical links: got %q, want [%q]", name, canonical, want)
		}
		m := metas(page)
		if got := m["og:url"]; !cmp.Equal(got, []string{want}) {
			t.Errorf("%s: og:url: got %q, want [%q]", name, got, want)
		}
		if got := m["og:title"]; len(got) != 1 || got[0] == "" {
			t.Errorf("%s: og:title: got %q, want one title", name, got)
		} else if w, ok := titles[name]; ok && got[0] != w {
			t.Errorf("%s: og:title: got %q, want %q", name, got[0], w)
		}
		if !cmp.Equal(m["description"], m["og:description"]) {
			t.Errorf("%s: description %q and og:description %q differ", name, m["description"], m["og:description"])
		}
		if summary, ok := summaries[name]; ok {
			var w []string
			if summary != "" {
				w = []string{summary}
			}
			if diff := cmp.Diff(w, m["description"]); diff != "" {
				t.Errorf("%s: description (-want +got):\n%s", name, diff)
			}
		}
	}
}
