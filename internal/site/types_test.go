package site_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/markdown"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/google/go-cmp/cmp"
)

// The tests of this file check the resolve stage's work on the engagement
// content types: derived statuses at their boundaries, the cross-links
// between pages that name each other, the ordered and filtered lists, and
// the yearly reports.

const typesYAML = "title: T\norganisation:\n  name: O\ntaxonomies: []\n"

// resolveFS parses and resolves an in-memory site (slash paths under
// content/ to contents) with --now now, the way engage build does.
func resolveFS(t *testing.T, files map[string]string, now string) (*site.Site, diag.List) {
	t.Helper()
	cfg, problems := config.Parse([]byte(typesYAML))
	if len(problems) > 0 {
		t.Fatal(problems.Error())
	}
	fsys := fstest.MapFS{}
	sizes := map[string]int64{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		sizes[name] = int64(len(data))
	}
	pagePaths, others, err := content.Files(fsys)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	pages, list := content.ParseAll(context.Background(), fsys, pagePaths, content.Options{Location: cfg.Location, Markdown: md})
	n, err := content.ParseDate(now, cfg.Location)
	if err != nil {
		t.Fatalf("now %q: %v", now, err)
	}
	s, problems := site.Resolve(context.Background(), pages, site.Options{Config: cfg, Now: n, Files: others, Sizes: sizes})
	return s, append(list, problems...).Sort()
}

// mustResolve resolves a site that must have no problems at all.
func mustResolve(t *testing.T, files map[string]string, now string) *site.Site {
	t.Helper()
	s, problems := resolveFS(t, files, now)
	if len(problems) > 0 {
		t.Fatalf("now %s: unexpected problems:\n%s", now, problems.Error())
	}
	return s
}

// byURL finds a page of s by its site path.
func byURL(t *testing.T, s *site.Site, url string) *site.Page {
	t.Helper()
	for _, p := range s.Pages {
		if p.URL == url {
			return p
		}
	}
	t.Fatalf("no page %s", url)
	return nil
}

// slugs names pages by their slugs, for comparing lists.
func slugs(ps []*site.Page) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Slug())
	}
	return out
}

// campaignFacts is what the tests compare about a campaign.
type campaignFacts struct {
	Status   string
	DaysLeft int
}

func TestCampaignStatusBoundaries(t *testing.T) {
	files := map[string]string{
		// Dates in summer (BST: midnight is 23:00 UTC) and in winter (GMT).
		"content/campaigns/summer.md":    "---\ntitle: Summer\nopens: 2026-06-01\ncloses: 2026-08-31\n---\n",
		"content/campaigns/winter.md":    "---\ntitle: Winter\nopens: 2026-12-01\ncloses: 2027-02-26\n---\n",
		"content/campaigns/one-day.md":   "---\ntitle: One day\nopens: 2026-10-25\ncloses: 2026-10-25\n---\n",
		"content/campaigns/withdrawn.md": "---\ntitle: Withdrawn\nopens: 2026-06-01\ncloses: 2026-08-31\nstatus: withdrawn\n---\n",
		"content/campaigns/paused.md":    "---\ntitle: Paused\nopens: 2026-06-01\ncloses: 2026-08-31\nstatus: paused\n---\n",
		"content/campaigns/no-dates.md":  "---\ntitle: No dates\n---\n",
	}
	tests := []struct {
		now  string
		want map[string]campaignFacts
	}{
		{"2026-05-31T23:59:59+01:00", map[string]campaignFacts{
			"summer": {"forthcoming", 0}, "winter": {"forthcoming", 0}, "one-day": {"forthcoming", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-06-01", map[string]campaignFacts{
			"summer": {"open", 91}, "winter": {"forthcoming", 0}, "one-day": {"forthcoming", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-05-31T23:00:00Z", map[string]campaignFacts{ // the same instant as 2026-06-01 00:00 BST
			"summer": {"open", 91}, "winter": {"forthcoming", 0}, "one-day": {"forthcoming", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-08-31T23:59:59+01:00", map[string]campaignFacts{
			"summer": {"open", 0}, "winter": {"forthcoming", 0}, "one-day": {"forthcoming", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-09-01", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"forthcoming", 0}, "one-day": {"forthcoming", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		// 25 October 2026 is the autumn clock change: a 25-hour day.
		{"2026-10-25", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"forthcoming", 0}, "one-day": {"open", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-10-25T23:59:59Z", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"forthcoming", 0}, "one-day": {"open", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-10-26", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"forthcoming", 0}, "one-day": {"closed", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-11-30T23:59:59Z", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"forthcoming", 0}, "one-day": {"closed", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2026-12-01", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"open", 87}, "one-day": {"closed", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2027-02-26T23:59:59Z", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"open", 0}, "one-day": {"closed", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
		{"2027-02-27", map[string]campaignFacts{
			"summer": {"closed", 0}, "winter": {"closed", 0}, "one-day": {"closed", 0},
			"withdrawn": {"withdrawn", 0}, "paused": {"paused", 0}, "no-dates": {"open", 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.now, func(t *testing.T) {
			s := mustResolve(t, files, tt.now)
			got := map[string]campaignFacts{}
			for _, p := range s.Regular {
				got[p.Slug()] = campaignFacts{p.Campaign.Status, p.Campaign.DaysLeft}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("now %s: campaigns (-want +got):\n%s", tt.now, diff)
			}
		})
	}
}

func TestEventPast(t *testing.T) {
	files := map[string]string{
		"content/events/winter.md": "---\ntitle: Winter\nstart: 2026-11-22T22:00\nend: 2026-11-22T23:59\nattendance: online\nonline_url: https://meet.example.org/w\n---\n",
		"content/events/summer.md": "---\ntitle: Summer\nstart: 2026-07-14T18:00\nend: 2026-07-14T20:00\nattendance: online\nonline_url: https://meet.example.org/s\n---\n",
	}
	tests := []struct {
		now                string
		winterPast, summer bool
	}{
		{"2026-07-14T18:59:00Z", false, false},
		{"2026-07-14T19:00:00Z", false, false}, // 20:00 BST: it ends now, it has not ended before now
		{"2026-07-14T19:01:00Z", false, true},  // 20:01 BST
		{"2026-11-22T23:58", false, true},
		{"2026-11-22T23:59", false, true},
		{"2026-11-23", true, true}, // ended 1 minute before now
	}
	for _, tt := range tests {
		t.Run(tt.now, func(t *testing.T) {
			s := mustResolve(t, files, tt.now)
			got := map[string]bool{}
			for _, p := range s.Regular {
				got[p.Slug()] = p.Event.Past
			}
			want := map[string]bool{"winter": tt.winterPast, "summer": tt.summer}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("now %s: Past (-want +got):\n%s", tt.now, diff)
			}
			var upcoming, past []string
			for name, isPast := range want {
				if isPast {
					past = append(past, name)
				} else {
					upcoming = append(upcoming, name)
				}
			}
			for _, l := range []struct {
				url  string
				want []string
			}{{"/events/", upcoming}, {"/events/past/", past}} {
				got := slugs(byURL(t, s, l.url).Pages)
				if diff := cmp.Diff(l.want, got, cmpSorted); diff != "" {
					t.Errorf("now %s: %s lists (-want +got):\n%s", tt.now, l.url, diff)
				}
			}
		})
	}
}

// cmpSorted compares string lists ignoring order.
var cmpSorted = cmp.Transformer("sorted", func(in []string) []string {
	out := append([]string{}, in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
})

func TestEventTimes(t *testing.T) {
	files := map[string]string{
		"content/events/summer.md":   "---\ntitle: Summer\nstart: 2026-07-14T18:00\nend: 2026-07-14T20:30\nvenue:\n  name: Hall\n---\n",
		"content/events/winter.md":   "---\ntitle: Winter\nstart: 2026-03-14T10:00\nend: 2026-03-14T12:30\nvenue:\n  name: Hall\n---\n",
		"content/events/two-days.md": "---\ntitle: Two days\nstart: 2026-03-14T10:00\nend: 2026-03-15T16:00\nvenue:\n  name: Hall\n---\n",
		"content/events/offset.md":   "---\ntitle: Offset\nstart: 2026-07-14T09:00:00Z\nend: 2026-07-14T11:00:00Z\nvenue:\n  name: Hall\n---\n",
		"content/events/spring.md":   "---\ntitle: Spring\nstart: 2026-03-29T00:30\nend: 2026-03-29T02:30\nvenue:\n  name: Hall\n---\n",
		"content/events/autumn.md":   "---\ntitle: Autumn\nstart: 2026-10-25T00:30\nend: 2026-10-25T02:30\nvenue:\n  name: Hall\n---\n",
		"content/events/moved.md":    "---\ntitle: Moved\nstart: 2026-12-08T10:00\nend: 2026-12-08T11:00\nstatus: rescheduled\nprevious_start: 2026-11-01T09:30\nvenue:\n  name: Hall\n---\n",
	}
	type facts struct {
		Start, End, When, PreviousWhen string
	}
	want := map[string]facts{
		"summer":   {"2026-07-14T17:00:00Z", "2026-07-14T19:30:00Z", "Tuesday 14 July 2026, 6pm to 8:30pm", ""},
		"winter":   {"2026-03-14T10:00:00Z", "2026-03-14T12:30:00Z", "Saturday 14 March 2026, 10am to 12:30pm", ""},
		"two-days": {"2026-03-14T10:00:00Z", "2026-03-15T16:00:00Z", "Saturday 14 March 2026, 10am to Sunday 15 March 2026, 4pm", ""},
		"offset":   {"2026-07-14T09:00:00Z", "2026-07-14T11:00:00Z", "Tuesday 14 July 2026, 10am to midday", ""},
		// Two hours on the clock, one hour long.
		"spring": {"2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "Sunday 29 March 2026, 12:30am to 2:30am", ""},
		// Two hours on the clock, three hours long.
		"autumn": {"2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z", "Sunday 25 October 2026, 12:30am to 2:30am", ""},
		"moved":  {"2026-12-08T10:00:00Z", "2026-12-08T11:00:00Z", "Tuesday 8 December 2026, 10am to 11am", "Sunday 1 November 2026, 9:30am"},
	}
	s := mustResolve(t, files, "2026-01-01")
	got := map[string]facts{}
	for _, p := range s.Regular {
		e := p.Event
		got[p.Slug()] = facts{e.Start.UTC().Format(time.RFC3339), e.End.UTC().Format(time.RFC3339), e.When, e.PreviousWhen}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// linksSite is a site whose pages name each other: campaigns, their events
// and the updates that came from them, and the principles they apply.
func linksSite() map[string]string {
	return map[string]string{
		"content/principles/reach-everyone.md": "---\ntitle: Reach everyone\nnumber: 1\n---\n",
		"content/principles/listen.md":         "---\ntitle: Listen\nnumber: 2\n---\n",
		"content/principles/honesty.md":        "---\ntitle: Honesty\nnumber: 1\nkind: standard\n---\n",
		"content/principles/feedback.md":       "---\ntitle: Feedback\nnumber: 2\nkind: standard\n---\n",

		"content/campaigns/carers-count.md":   "---\ntitle: Carers count\nkind: consultation\nopens: 2026-09-07\ncloses: 2026-12-04\nhow_to_respond:\n  events: [drop-in]\nprinciples: [reach-everyone]\n---\n",
		"content/campaigns/later-open.md":     "---\ntitle: Later open\nopens: 2026-10-01\ncloses: 2027-01-10\n---\n",
		"content/campaigns/pharmacy-hours.md": "---\ntitle: Pharmacy hours\nopens: 2027-02-01\ncloses: 2027-03-01\n---\n",
		"content/campaigns/sooner.md":         "---\ntitle: Sooner\nopens: 2027-01-04\ncloses: 2027-03-28\n---\n",
		"content/campaigns/gp-survey.md":      "---\ntitle: GP survey\nkind: survey\nopens: 2026-03-01\ncloses: 2026-05-31\n---\n",
		"content/campaigns/hearing-clinic.md": "---\ntitle: Hearing clinic\nopens: 2026-04-01\ncloses: 2026-06-30\n---\n",
		"content/campaigns/maternity.md":      "---\ntitle: Maternity\nopens: 2026-05-01\ncloses: 2026-12-31\nstatus: paused\n---\n",

		"content/events/carers-cafe.md":       "---\ntitle: Carers café\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:30\nvenue:\n  name: Library\ncampaign: carers-count\nprinciples: [reach-everyone]\n---\n",
		"content/events/online-forum.md":      "---\ntitle: Online forum\nstart: 2026-11-10T18:30\nend: 2026-11-10T20:00\nattendance: online\nonline_url: https://meet.example.org/f\ncampaign: carers-count\n---\n",
		"content/events/drop-in.md":           "---\ntitle: Drop-in\nstart: 2026-12-20T10:00\nend: 2026-12-20T12:00\nvenue:\n  name: Library\n---\n",
		"content/events/public-meeting.md":    "---\ntitle: Public meeting\nstart: 2026-07-14T18:00\nend: 2026-07-14T20:00\nattendance: hybrid\nvenue:\n  name: Hall\nonline_url: https://meet.example.org/m\nprinciples: [listen]\n---\n",
		"content/events/cancelled-meeting.md": "---\ntitle: Cancelled meeting\nstart: 2026-12-15T10:00\nend: 2026-12-15T11:00\nstatus: cancelled\nvenue:\n  name: Hall\n---\n",
		"content/events/next-year.md":         "---\ntitle: Next year\nstart: 2027-01-12T10:00\nend: 2027-01-12T11:00\nvenue:\n  name: Hall\n---\n",

		"content/updates/gp-booking.md":  "---\ntitle: GP booking\ndate: 2026-09-01\nyou_said: X\nwe_did: Y\nstatus: done\nsource: gp-survey\nprinciples: [listen]\n---\n",
		"content/updates/gp-online.md":   "---\ntitle: GP online\ndate: 2026-09-15\nyou_said: X\nwe_did: Y\nstatus: done\nsource: gp-survey\n---\n",
		"content/updates/gp-parking.md":  "---\ntitle: GP parking\ndate: 2026-08-01\nyou_said: X\nwe_did: Y\nstatus: not-possible\nreason: Not ours.\nsource: gp-survey\n---\n",
		"content/updates/quiet-room.md":  "---\ntitle: Quiet room\ndate: 2026-10-20\nyou_said: X\nwe_did: Y\nstatus: in-progress\nprogress: 50\nsource: carers-cafe\n---\n",
		"content/updates/later-start.md": "---\ntitle: Later start\ndate: 2026-11-01\nyou_said: X\nwe_did: Y\nstatus: planned\n---\n",
		"content/updates/old-one.md":     "---\ntitle: Old one\ndate: 2025-06-01\nyou_said: X\nwe_did: Y\nstatus: done\n---\n",

		"content/news/connectors.md":     "---\ntitle: Connectors\ndate: 2026-07-14\nprinciples: [reach-everyone]\n---\n",
		"content/news/new-principles.md": "---\ntitle: New principles\ndate: 2026-10-01\nprinciples: [reach-everyone, honesty]\n---\n",
	}
}

func TestCrossLinks(t *testing.T) {
	s := mustResolve(t, linksSite(), "2026-11-23")
	type links struct {
		Events, RespondEvents, Outcomes []string
		Campaign, Source                string
	}
	got := map[string]links{}
	for _, p := range s.Regular {
		var l links
		switch {
		case p.Campaign != nil:
			l = links{Events: slugs(p.Campaign.Events), RespondEvents: slugs(p.Campaign.RespondEvents), Outcomes: slugs(p.Campaign.Outcomes)}
		case p.Event != nil && p.Event.Campaign != nil:
			l.Campaign = p.Event.Campaign.Slug()
		case p.Update != nil && p.Update.Source != nil:
			l.Source = p.Update.Source.Slug()
		default:
			continue
		}
		got[p.Slug()] = l
	}
	none := []string{}
	want := map[string]links{
		// Events by start: those that name the campaign, and those it
		// names in how_to_respond.
		"carers-count":   {Events: []string{"online-forum", "carers-cafe", "drop-in"}, RespondEvents: []string{"drop-in"}, Outcomes: none},
		"later-open":     {Events: none, RespondEvents: none, Outcomes: none},
		"pharmacy-hours": {Events: none, RespondEvents: none, Outcomes: none},
		"sooner":         {Events: none, RespondEvents: none, Outcomes: none},
		// Outcomes newest first.
		"gp-survey":      {Events: none, RespondEvents: none, Outcomes: []string{"gp-online", "gp-booking", "gp-parking"}},
		"hearing-clinic": {Events: none, RespondEvents: none, Outcomes: none},
		"maternity":      {Events: none, RespondEvents: none, Outcomes: none},
		"carers-cafe":    {Campaign: "carers-count"},
		"online-forum":   {Campaign: "carers-count"},
		"gp-booking":     {Source: "gp-survey"},
		"gp-online":      {Source: "gp-survey"},
		"gp-parking":     {Source: "gp-survey"},
		"quiet-room":     {Source: "carers-cafe"},
	}
	if diff := cmp.Diff(want, got, cmp.Transformer("nonNil", func(in []string) []string {
		if in == nil {
			return []string{}
		}
		return in
	})); diff != "" {
		t.Errorf("cross-links (-want +got):\n%s", diff)
	}
}

func TestPrincipleEvidence(t *testing.T) {
	s := mustResolve(t, linksSite(), "2026-11-23")
	type group struct {
		ID, Title string
		Pages     []string
	}
	got := map[string][]group{}
	anchors := map[string]string{}
	for _, p := range s.Regular {
		if p.Principle == nil {
			continue
		}
		anchors[p.Slug()] = p.Principle.Anchor
		gs := []group{}
		for _, g := range p.Principle.Evidence {
			gs = append(gs, group{g.ID, g.Title, slugs(g.Pages)})
		}
		got[p.Slug()] = gs
	}
	want := map[string][]group{
		"reach-everyone": {
			{"evidence-campaigns", "Campaigns and consultations", []string{"carers-count"}},
			{"evidence-events", "Events", []string{"carers-cafe"}},
			{"evidence-news", "News", []string{"new-principles", "connectors"}}, // newest first
		},
		"listen": {
			{"evidence-events", "Events", []string{"public-meeting"}},
			{"evidence-updates", "You said, we did", []string{"gp-booking"}},
		},
		"honesty":  {{"evidence-news", "News", []string{"new-principles"}}},
		"feedback": {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
	wantAnchors := map[string]string{"reach-everyone": "principle-1", "listen": "principle-2", "honesty": "standard-1", "feedback": "standard-2"}
	if diff := cmp.Diff(wantAnchors, anchors); diff != "" {
		t.Errorf("anchors (-want +got):\n%s", diff)
	}
	// And the other way: each page lists the principles it applies.
	if got, want := slugs(byURL(t, s, "/news/new-principles/").Principles), []string{"reach-everyone", "honesty"}; !cmp.Equal(got, want) {
		t.Errorf("/news/new-principles/ Principles: got %q, want %q", got, want)
	}
}

func TestLists(t *testing.T) {
	s := mustResolve(t, linksSite(), "2026-11-23")
	type group struct {
		ID, Title string
		Pages     []string
	}
	tests := []struct {
		url    string
		pages  []string
		groups []group
	}{
		{
			url: "/campaigns/",
			// Open closing soonest first, forthcoming opening soonest
			// first, closed newest first, then paused and withdrawn.
			pages: []string{"carers-count", "later-open", "sooner", "pharmacy-hours", "hearing-clinic", "gp-survey", "maternity"},
			groups: []group{
				{"open", "Open now", []string{"carers-count", "later-open"}},
				{"forthcoming", "Coming soon", []string{"sooner", "pharmacy-hours"}},
				{"closed", "Closed", []string{"hearing-clinic", "gp-survey"}},
				{"paused-or-withdrawn", "Paused or withdrawn", []string{"maternity"}},
			},
		},
		{url: "/campaigns/open/", pages: []string{"carers-count", "later-open"}},
		{url: "/campaigns/forthcoming/", pages: []string{"sooner", "pharmacy-hours"}},
		{url: "/campaigns/closed/", pages: []string{"hearing-clinic", "gp-survey"}},
		{
			url:   "/events/",
			pages: []string{"carers-cafe", "cancelled-meeting", "drop-in", "next-year"},
			groups: []group{
				{"month-2026-12", "December 2026", []string{"carers-cafe", "cancelled-meeting", "drop-in"}},
				{"month-2027-01", "January 2027", []string{"next-year"}},
			},
		},
		{
			url:   "/events/past/",
			pages: []string{"online-forum", "public-meeting"},
			groups: []group{
				{"month-2026-11", "November 2026", []string{"online-forum"}},
				{"month-2026-07", "July 2026", []string{"public-meeting"}},
			},
		},
		{
			url:   "/updates/",
			pages: []string{"later-start", "quiet-room", "gp-online", "gp-booking", "old-one", "gp-parking"},
			groups: []group{
				{"planned", "Planned", []string{"later-start"}},
				{"in-progress", "In progress", []string{"quiet-room"}},
				{"done", "Done", []string{"gp-online", "gp-booking", "old-one"}},
				{"not-possible", "Not possible", []string{"gp-parking"}},
			},
		},
		{
			url:   "/principles/",
			pages: []string{"reach-everyone", "listen", "honesty", "feedback"},
			groups: []group{
				{"principles", "Our principles", []string{"reach-everyone", "listen"}},
				{"standards", "Our standards", []string{"honesty", "feedback"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			p := byURL(t, s, tt.url)
			if diff := cmp.Diff(tt.pages, slugs(p.Pages)); diff != "" {
				t.Errorf("%s pages (-want +got):\n%s", tt.url, diff)
			}
			if tt.groups == nil {
				return
			}
			var got []group
			for _, g := range p.Groups {
				got = append(got, group{g.ID, g.Title, slugs(g.Pages)})
			}
			if diff := cmp.Diff(tt.groups, got); diff != "" {
				t.Errorf("%s groups (-want +got):\n%s", tt.url, diff)
			}
		})
	}
	var links []string
	for _, c := range byURL(t, s, "/campaigns/").Links {
		links = append(links, c.URL)
	}
	if diff := cmp.Diff([]string{"/campaigns/open/", "/campaigns/forthcoming/", "/campaigns/closed/"}, links); diff != "" {
		t.Errorf("/campaigns/ links (-want +got):\n%s", diff)
	}
}

func TestReport(t *testing.T) {
	s := mustResolve(t, linksSite(), "2026-11-23")
	type count struct {
		Label string
		N     int
	}
	type report struct {
		Consultations, Events, Upcoming, Cancelled []string
		Outcomes                                   []count
		Principles                                 []count
	}
	summary := func(r *site.Report) report {
		out := report{
			Consultations: slugs(r.Consultations), Events: slugs(r.Events),
			Upcoming: slugs(r.Upcoming), Cancelled: slugs(r.Cancelled),
		}
		for _, c := range r.OutcomeCounts {
			out.Outcomes = append(out.Outcomes, count{c.Label, c.N})
		}
		for _, c := range r.Principles {
			out.Principles = append(out.Principles, count{c.Label, c.N})
		}
		return out
	}
	tests := []struct {
		url  string
		want report
	}{
		{"/reports/2026/", report{
			Consultations: []string{"carers-count", "later-open", "hearing-clinic", "gp-survey", "maternity"},
			Events:        []string{"public-meeting", "online-forum"},
			Upcoming:      []string{"carers-cafe", "drop-in"},
			Cancelled:     []string{"cancelled-meeting"},
			Outcomes:      []count{{"Planned", 1}, {"In progress", 1}, {"Done", 2}, {"Not possible", 1}},
			// reach-everyone: carers-count, carers-cafe and two news
			// posts; listen: public-meeting and gp-booking; honesty:
			// one news post.
			Principles: []count{{"Reach everyone", 4}, {"Listen", 2}, {"Honesty", 1}},
		}},
		{"/reports/2027/", report{
			Consultations: []string{"later-open", "sooner", "pharmacy-hours"},
			Events:        []string{},
			Upcoming:      []string{"next-year"},
			Cancelled:     []string{},
			Outcomes:      []count{{"Planned", 0}, {"In progress", 0}, {"Done", 0}, {"Not possible", 0}},
		}},
		{"/reports/2025/", report{
			Consultations: []string{}, Events: []string{}, Upcoming: []string{}, Cancelled: []string{},
			Outcomes: []count{{"Planned", 0}, {"In progress", 0}, {"Done", 1}, {"Not possible", 0}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			p := byURL(t, s, tt.url)
			if p.Report == nil {
				t.Fatalf("%s has no Report", tt.url)
			}
			if diff := cmp.Diff(tt.want, summary(p.Report)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.url, diff)
			}
		})
	}
	var years []string
	for _, p := range byURL(t, s, "/reports/").Pages {
		years = append(years, p.URL)
	}
	if diff := cmp.Diff([]string{"/reports/2027/", "/reports/2026/", "/reports/2025/"}, years); diff != "" {
		t.Errorf("/reports/ (-want +got):\n%s", diff)
	}
}

func TestConstitution(t *testing.T) {
	files := map[string]string{
		"content/constitution/ours/index.md": `---
title: Our constitution
version: "2.1"
effective: 2026-04-01
approved_by: The board
history:
  - version: "1.0"
    date: 2022-07-01
    changes: First.
  - version: "2.1"
    date: 2026-04-01
    changes: Reporting.
    by: The board
documents:
  - title: As a PDF
    file: ours.pdf
  - title: Guidance
    url: https://www.england.nhs.uk/
---
Read [the PDF](ours.pdf) or [the big one](/constitution/ours/big.pdf).

## 5. General duties

### 5.2 Public involvement

#### 5.2.1 Reports

## 2026 plans

## Annex
`,
		"content/constitution/ours/ours.pdf": strings.Repeat("x", 3*1024),
		"content/constitution/ours/big.pdf":  strings.Repeat("x", 2831155),
	}
	s := mustResolve(t, files, "2026-11-23")
	p := byURL(t, s, "/constitution/ours/")
	c := p.Constitution
	if c == nil {
		t.Fatal("/constitution/ours/ has no Constitution")
	}
	wantClauses := []site.Clause{
		{Number: "5", Title: "General duties", ID: "clause-5", Level: 2},
		{Number: "5.2", Title: "Public involvement", ID: "clause-5-2", Level: 3},
		{Number: "5.2.1", Title: "Reports", ID: "clause-5-2-1", Level: 4},
	}
	if diff := cmp.Diff(wantClauses, c.Clauses); diff != "" {
		t.Errorf("clauses (-want +got):\n%s", diff)
	}
	var ids []string
	for _, h := range p.Source.Body.Headings {
		ids = append(ids, h.ID)
	}
	if diff := cmp.Diff([]string{"clause-5", "clause-5-2", "clause-5-2-1", "2026-plans", "annex"}, ids); diff != "" {
		t.Errorf("heading ids (-want +got):\n%s", diff)
	}
	type rev struct{ Version, Date, Changes, By string }
	var hist []rev
	for _, h := range c.History {
		hist = append(hist, rev{h.Version, h.Date.Format(time.DateOnly), h.Changes, h.By})
	}
	if diff := cmp.Diff([]rev{{"1.0", "2022-07-01", "First.", ""}, {"2.1", "2026-04-01", "Reporting.", "The board"}}, hist); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	if got, want := c.Version+" "+c.Effective.Format(time.DateOnly)+" "+c.ApprovedBy, "2.1 2026-04-01 The board"; got != want {
		t.Errorf("version, effective, approved by: got %q, want %q", got, want)
	}
	wantDocs := []site.Document{
		{Title: "As a PDF", URL: "/constitution/ours/ours.pdf", Label: "PDF, 3 KB"},
		{Title: "Guidance", URL: "https://www.england.nhs.uk/"},
	}
	if diff := cmp.Diff(wantDocs, p.Documents); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"PDF, 3 KB", "PDF, 2.7 MB"}, p.LinkLabels); diff != "" {
		t.Errorf("link labels (-want +got):\n%s", diff)
	}
}
