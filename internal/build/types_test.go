package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The tests of this file build small sites that use the engagement content
// types (principles, constitution, campaigns, events, updates, news,
// documents) with --now 2026-11-23, and check the problems they report and
// the derived states and cross-links of the pages they write.

// typesSite is a valid site with every engagement content type and every
// derived status: at --now 2026-11-23 carers-count is open (closing in 11
// days), pharmacy-hours forthcoming, gp-survey closed with outcomes,
// hearing-clinic closed without, maternity paused.
func typesSite() map[string]string {
	return map[string]string{
		"content/principles/_index.md":         "---\ntitle: Our principles\n---\nWhat we promise.\n",
		"content/principles/reach-everyone.md": "---\ntitle: We will reach everyone\nnumber: 1\n---\nWe go where people are.\n",
		"content/principles/listen.md":         "---\ntitle: We will listen\nnumber: 2\n---\nWe listen.\n",
		"content/principles/honesty.md":        "---\ntitle: Honesty standard\nnumber: 1\nkind: standard\n---\nWe tell the truth.\n",

		"content/constitution/our-constitution/index.md": `---
title: Our constitution
version: "2.1"
effective: 2026-04-01
approved_by: The board
history:
  - version: "1.0"
    date: 2022-07-01
    changes: First constitution.
    by: NHS England
  - version: "2.1"
    date: 2026-04-01
    changes: Added yearly reporting.
    by: The board
documents:
  - title: Our constitution as a PDF
    file: constitution.pdf
  - title: Guidance from NHS England
    url: https://www.england.nhs.uk/
---
Read it [as one document](constitution.pdf), or see [the principles](/principles/).

## 5. General duties

The board has duties.

### 5.2 Public involvement

We involve the public.

## 2026 plans

Not a clause.
`,
		"content/constitution/our-constitution/constitution.pdf": strings.Repeat("x", 3*1024),

		"content/campaigns/carers-count.md": `---
title: Carers count
kind: consultation
opens: 2026-09-07
closes: 2026-12-04
why: Carers miss out on support.
how_to_respond:
  online: https://forms.example.org/carers
  email: engage@example.org
  events: [carers-cafe]
what_happens_next: We will publish a report.
principles: [reach-everyone]
---
Tell us what you think.
`,
		"content/campaigns/pharmacy-hours.md": "---\ntitle: Pharmacy opening hours\nkind: consultation\nopens: 2027-01-04\ncloses: 2027-03-28\n---\nSoon.\n",
		"content/campaigns/gp-survey.md":      "---\ntitle: GP booking survey\nkind: survey\nopens: 2026-03-01\ncloses: 2026-05-31\n---\nClosed.\n",
		"content/campaigns/hearing-clinic.md": "---\ntitle: Hearing clinic\nopens: 2026-04-01\ncloses: 2026-06-30\n---\nClosed.\n",
		"content/campaigns/maternity.md":      "---\ntitle: Maternity listening\nopens: 2026-05-01\ncloses: 2026-12-31\nstatus: paused\n---\nPaused.\n",

		"content/events/carers-cafe.md": `---
title: Carers café
start: 2026-12-03T10:00
end: 2026-12-03T12:30
venue:
  name: Lowmere Library
  address: Church Street, Lowmere
  postcode: ZZ3 7LM
accessibility: [step-free access, hearing loop]
campaign: carers-count
principles: [reach-everyone]
---
Drop in.
`,
		"content/events/online-forum.md":      "---\ntitle: Online forum\nstart: 2026-12-10T18:30\nend: 2026-12-10T20:00\nattendance: online\nonline_url: https://meet.example.org/forum\ncampaign: carers-count\n---\nOnline.\n",
		"content/events/public-meeting.md":    "---\ntitle: Public meeting\nstart: 2026-07-14T18:00\nend: 2026-07-14T20:00\nattendance: hybrid\nvenue:\n  name: Town Hall\n  address: High Street, Wrenford\n  postcode: ZZ1 1AA\nonline_url: https://meet.example.org/meeting\nprinciples: [listen]\n---\nHeld.\n",
		"content/events/cancelled-meeting.md": "---\ntitle: Cancelled meeting\nstart: 2026-12-15T10:00\nend: 2026-12-15T11:00\nstatus: cancelled\nvenue:\n  name: Town Hall\n---\nCancelled.\n",
		"content/events/rescheduled-talk.md":  "---\ntitle: Rescheduled talk\nstart: 2027-01-12T10:00\nend: 2027-01-12T11:00\nstatus: rescheduled\nprevious_start: 2026-12-01T10:00\nvenue:\n  name: Town Hall\n---\nMoved.\n",
		"content/events/spring-workshop.md":   "---\ntitle: Spring workshop\nstart: 2026-03-10T14:00\nend: 2026-03-10T16:00\nstatus: moved-online\nvenue:\n  name: Town Hall\nonline_url: https://meet.example.org/spring\n---\nMoved online.\n",
		"content/events/late-session.md":      "---\ntitle: Late session\nstart: 2026-11-22T22:00\nend: 2026-11-22T23:59\nattendance: online\nonline_url: https://meet.example.org/late\n---\nJust ended.\n",

		"content/updates/gp-booking.md":  "---\ntitle: Easier GP booking\ndate: 2026-09-01\nyou_said: Booking was hard.\nwe_did: We added online booking.\nstatus: done\nsource: gp-survey\nprinciples: [listen]\n---\n",
		"content/updates/gp-parking.md":  "---\ntitle: GP parking\ndate: 2026-08-01\nyou_said: Parking is hard.\nwe_did: We asked the council.\nstatus: not-possible\nreason: The car park is not ours.\nsource: gp-survey\n---\n",
		"content/updates/quiet-room.md":  "---\ntitle: A quiet room\ndate: 2026-10-20\nyou_said: The café is noisy.\nwe_did: We are booking a quiet room.\nstatus: in-progress\nprogress: 50\nsource: carers-cafe\n---\n",
		"content/updates/gp-online.md":   "---\ntitle: Online GP forms\ndate: 2026-09-15\nyou_said: Forms were hard.\nwe_did: We made them shorter.\nstatus: done\nsource: gp-survey\n---\n",
		"content/updates/later-start.md": "---\ntitle: A later start\ndate: 2026-11-01\nyou_said: 9am is early.\nwe_did: We will start at 10am.\nstatus: planned\n---\n",

		"content/news/connectors.md":     "---\ntitle: Meet our connectors\ndate: 2026-07-14\nauthor:\n  name: Tom Adeyemi\n  role: Community Connector\nprinciples: [reach-everyone]\n---\nHello.\n",
		"content/news/new-principles.md": "---\ntitle: New principles agreed\ndate: 2026-10-01\nupdated: 2026-11-02\nreview_due: 2027-10-01\nprinciples: [reach-everyone]\n---\nSee [the strategy](/assets/strategy.pdf) and [clause 5.2](/constitution/our-constitution/#clause-5-2).\n",
		"assets/strategy.pdf":            strings.Repeat("x", 2831155),
	}
}

// buildTypes builds files with --now now and returns the folder written
// and the problems, failing the test if the build failed.
func buildTypes(t *testing.T, files map[string]string, now string) (string, []string) {
	t.Helper()
	src := writeSite(t, files)
	dest := filepath.Join(t.TempDir(), "public")
	o := opts(src, dest)
	o.Now = now
	res, err := build.Build(context.Background(), o)
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, strings.Join(problemLines(res), "\n"))
	}
	return dest, problemLines(res)
}

// typesBase is a valid site that the problem tests add one file to: a
// principle, a campaign and an event that the file may name.
func typesBase() map[string]string {
	return map[string]string{
		"content/principles/reach-everyone.md": "---\ntitle: Reach everyone\nnumber: 1\n---\n",
		"content/campaigns/carers-count.md":    "---\ntitle: Carers count\n---\n",
		"content/events/cafe.md":               "---\ntitle: Café\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nvenue:\n  name: Library\n---\n",
	}
}

// TestTypesProblems checks the exact text and position of every problem
// the content types report, with --now 2026-11-23.
func TestTypesProblems(t *testing.T) {
	const venueFix = "add 'venue:' with name, address and postcode, or write 'attendance: online'"
	const ambiguousFix = "the clocks go back that night, so this hour happens twice; engage uses the first (summer time). Choose another time to avoid confusion"
	const nonexistentFix = "the clocks go forward that night; choose a time before 1am or from 2am"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "principle without a number",
			files: map[string]string{"content/principles/listen.md": "---\ntitle: Listen\n---\n"},
			// One problem, where the line is to be added; not also "must
			// be 1 or more" for the number that is not there.
			want: []string{"content/principles/listen.md:2:1: number: is required; add a line 'number: ...'"},
		},
		{
			name:  "principle numbered 0",
			files: map[string]string{"content/principles/listen.md": "---\ntitle: Listen\nnumber: 0\n---\n"},
			want:  []string{"content/principles/listen.md:3:9: number: must be 1 or more; number principles from 1"},
		},
		{
			name:  "two principles with one number",
			files: map[string]string{"content/principles/listen.md": "---\ntitle: Listen\nnumber: 1\n---\n"},
			want:  []string{"content/principles/reach-everyone.md:3:9: number: principle 1 is also content/principles/listen.md; give each principle its own number"},
		},
		{
			name:  "a standard may share a principle's number",
			files: map[string]string{"content/principles/honesty.md": "---\ntitle: Honesty\nnumber: 1\nkind: standard\n---\n"},
		},
		{
			name:  "unknown principle",
			files: map[string]string{"content/news/a.md": "---\ntitle: A\ndate: 2026-01-01\nprinciples: [reach-everyone, reach-every1]\n---\n"},
			want:  []string{`content/news/a.md:4:30: principles.1: there is no principle "reach-every1"; write the file name of a page in content/principles/ without .md: reach-everyone`},
		},
		{
			name:  "closes before opens",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nopens: 2026-12-01\ncloses: 2026-11-30\n---\n"},
			want:  []string{"content/campaigns/a.md:4:9: closes: 2026-11-30 is before opens (2026-12-01); check both dates: closes must be on or after opens"},
		},
		{
			name:  "consultation of 11 weeks",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2026-11-01\ncloses: 2027-01-22\n---\n"},
			want:  []string{"content/campaigns/a.md:5:9: warning: closes: this consultation runs for 11 weeks; formal consultations usually run for at least 12 weeks; give a reason on the page if this one is shorter"},
		},
		{
			name:  "consultation of exactly 12 weeks",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2026-11-01\ncloses: 2027-01-23\n---\n"},
		},
		{
			name:  "a survey may be short",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: survey\nopens: 2026-11-01\ncloses: 2026-11-30\n---\n"},
		},
		{
			name:  "unknown event to respond at",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nhow_to_respond:\n  events: [cafe, caffe]\n---\n"},
			want:  []string{`content/campaigns/a.md:4:18: how_to_respond.events.1: there is no event "caffe"; write the file name of a page in content/events/ without .md: cafe`},
		},
		{
			name:  "respond online without a web address",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nhow_to_respond:\n  online: forms.example.org\n---\n"},
			want:  []string{`content/campaigns/a.md:4:11: how_to_respond.online: "forms.example.org" is not a web address; write the full address of the survey, starting https://`},
		},
		{
			name:  "campaign status that engage works out",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nstatus: open\n---\n"},
			want:  []string{`content/campaigns/a.md:3:9: status: "open" is not allowed here; leave status out: engage works it out from opens and closes; write withdrawn or paused only to override it`},
		},
		{
			name:  "campaign withdrawn",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nstatus: withdrawn\n---\n"},
		},
		{
			name:  "unknown campaign kind",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: petition\n---\n"},
			want:  []string{`content/campaigns/a.md:3:7: kind: "petition" is not allowed here; write one of: campaign, consultation, survey, engagement`},
		},
		{
			name:  "event ends when it starts",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T10:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:4:6: end: 2026-12-03T10:00 is not after start (2026-12-03T10:00); end must be after start; check the date and the am/pm of both"},
		},
		{
			name:  "event ends before it starts",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T14:00\nend: 2026-12-03T02:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:4:6: end: 2026-12-03T02:00 is not after start (2026-12-03T14:00); end must be after start; check the date and the am/pm of both"},
		},
		{
			name:  "event without start",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nend: 2026-12-03T12:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:2:1: start: is required; add a line 'start: ...'"},
		},
		{
			name:  "event start not a date",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 14th March\nend: 2026-12-03T12:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{`content/events/a.md:3:8: start: "14th March" is not a date and time; write the date and time as 2026-03-14T10:00`},
		},
		{
			name:  "start in the hour the clocks skip",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-03-29T01:30\nend: 2026-03-29T03:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:3:8: start: 2026-03-29T01:30 does not exist in Europe/London; " + nonexistentFix},
		},
		{
			name:  "previous start in the hour the clocks skip",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nstatus: rescheduled\nprevious_start: 2026-03-29T01:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:6:17: previous_start: 2026-03-29T01:00 does not exist in Europe/London; " + nonexistentFix},
		},
		{
			name:  "start in the hour that happens twice",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-10-25T01:30\nend: 2026-10-25T03:00\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:3:8: warning: start: 2026-10-25T01:30 happens twice in Europe/London; " + ambiguousFix},
		},
		{
			name:  "end in the hour that happens twice",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-10-25T00:30\nend: 2026-10-25T01:15\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:4:6: warning: end: 2026-10-25T01:15 happens twice in Europe/London; " + ambiguousFix},
		},
		{
			name:  "times either side of the clock changes",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-03-29T00:30\nend: 2026-03-29T02:30\nvenue:\n  name: Library\n---\n", "content/events/b.md": "---\ntitle: B\nstart: 2026-10-25T00:30\nend: 2026-10-25T02:30\nvenue:\n  name: Library\n---\n"},
		},
		{
			name:  "a time with an offset is not checked against the clock change",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-03-29T01:30:00Z\nend: 2026-03-29T03:00:00Z\nvenue:\n  name: Library\n---\n"},
		},
		{
			name:  "in-person event without a venue",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\n---\n"},
			// Like every missing field, at the first line of the front
			// matter, not at the "---" line.
			want: []string{"content/events/a.md:2:1: venue: an in-person event needs a venue name; " + venueFix},
		},
		{
			name:  "venue without a name",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nvenue:\n  address: High Street\n---\n"},
			want:  []string{"content/events/a.md:5:1: venue: an in-person event needs a venue name; " + venueFix},
		},
		{
			name:  "online event without online_url",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nattendance: online\n---\n"},
			want:  []string{"content/events/a.md:5:13: attendance: an online event needs online_url; add 'online_url:' with the address to join"},
		},
		{
			name:  "hybrid event without venue or online_url",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nattendance: hybrid\n---\n"},
			want: []string{
				"content/events/a.md:2:1: venue: a hybrid event needs a venue name; " + venueFix,
				"content/events/a.md:5:13: attendance: a hybrid event needs online_url; add 'online_url:' with the address to join",
			},
		},
		{
			name:  "cancelled online event needs no online_url",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nattendance: online\nstatus: cancelled\n---\n"},
		},
		{
			name:  "unknown attendance",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nattendance: in person\nvenue:\n  name: Library\n---\n"},
			want:  []string{`content/events/a.md:5:13: attendance: "in person" is not allowed here; write one of: in-person, online, hybrid`},
		},
		{
			name:  "unknown event status",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nstatus: delayed\nvenue:\n  name: Library\n---\n"},
			want:  []string{`content/events/a.md:5:9: status: "delayed" is not allowed here; write one of: scheduled, cancelled, postponed, rescheduled, moved-online`},
		},
		{
			name:  "rescheduled without previous_start",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\nstatus: rescheduled\nvenue:\n  name: Library\n---\n"},
			want:  []string{"content/events/a.md:5:9: status: a rescheduled event needs previous_start; add 'previous_start:' with the date and time it was going to start"},
		},
		{
			name:  "unknown campaign on an event",
			files: map[string]string{"content/events/a.md": "---\ntitle: A\nstart: 2026-12-03T10:00\nend: 2026-12-03T12:00\ncampaign: carers-cuont\nvenue:\n  name: Library\n---\n"},
			want:  []string{`content/events/a.md:5:11: campaign: there is no campaign "carers-cuont"; write the file name of a page in content/campaigns/ without .md: carers-count`},
		},
		{
			name:  "update not possible without a reason",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nstatus: not-possible\n---\n"},
			want:  []string{"content/updates/a.md:6:9: status: an update that is not possible needs a reason; add 'reason:' saying why nothing could change: people who took part have a right to know"},
		},
		{
			name:  "update not possible with a blank reason",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nstatus: not-possible\nreason: \"  \"\n---\n"},
			want:  []string{"content/updates/a.md:6:9: status: an update that is not possible needs a reason; add 'reason:' saying why nothing could change: people who took part have a right to know"},
		},
		{
			name:  "update without you_said",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nwe_did: Y\n---\n"},
			want:  []string{"content/updates/a.md:2:1: you_said: is required; add a line 'you_said: ...'"},
		},
		{
			name:  "progress over 100",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nprogress: 150\n---\n"},
			want:  []string{"content/updates/a.md:6:11: progress: 150 is not between 0 and 100; write a percentage from 0 to 100"},
		},
		{
			name:  "progress below 0",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nprogress: -1\n---\n"},
			want:  []string{"content/updates/a.md:6:11: progress: -1 is not between 0 and 100; write a percentage from 0 to 100"},
		},
		{
			name:  "progress 0 and 100",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nprogress: 0\n---\n", "content/updates/b.md": "---\ntitle: B\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nprogress: 100\n---\n"},
		},
		{
			name:  "unknown source",
			files: map[string]string{"content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nsource: carers-cunt\n---\n"},
			want:  []string{`content/updates/a.md:6:9: source: there is no campaign or event "carers-cunt"; write the file name of a page in content/campaigns/ without .md: carers-count; or an event in content/events/`},
		},
		{
			name:  "source that is both a campaign and an event",
			files: map[string]string{"content/campaigns/cafe.md": "---\ntitle: Café campaign\n---\n", "content/updates/a.md": "---\ntitle: A\ndate: 2026-01-01\nyou_said: X\nwe_did: Y\nsource: cafe\n---\n"},
			want:  []string{`content/updates/a.md:6:9: source: "cafe" is the name of both a campaign and an event; rename one of them so each slug is unique`},
		},
		{
			name:  "an events field on a news page",
			files: map[string]string{"content/news/a.md": "---\ntitle: A\ndate: 2026-01-01\nstart: 2026-12-03T10:00\n---\n"},
			want:  []string{"content/news/a.md:4:1: start: is a field of events pages, and this is a news page; move the page to content/events/ (or add 'type: events'), or remove the line"},
		},
		{
			name: "documents with neither, both, or a missing file",
			files: map[string]string{"content/news/a.md": "---\ntitle: A\ndate: 2026-01-01\ndocuments:\n" +
				"  - title: Neither\n" +
				"  - title: Both\n    file: a.pdf\n    url: https://example.org/a.pdf\n" +
				"  - title: Missing\n    file: missing.pdf\n" +
				"  - title: In assets\n    file: /assets/guide.pdf\n" +
				"---\n",
				"assets/guide.pdf": "%PDF",
			},
			want: []string{
				"content/news/a.md:5:5: documents.0: has neither file nor url; add 'file:' (a file beside the page or under assets/) or 'url:'",
				"content/news/a.md:6:5: documents.1: has both file and url; keep one of them",
				`content/news/a.md:10:11: documents.2.file: there is no file "missing.pdf"; put the file beside the page (in its bundle folder) and write its name, or write /assets/... for a file under assets/`,
			},
		},
		{
			name:  "review date passed",
			files: map[string]string{"content/about.md": "---\ntitle: About\nreview_due: 2026-11-22\n---\n"},
			want:  []string{"content/about.md:3:13: warning: review_due: the review was due on 22 November 2026; check the page is still right, then set a new review date"},
		},
		{
			name:  "review due today",
			files: map[string]string{"content/about.md": "---\ntitle: About\nreview_due: 2026-11-23\n---\n"},
		},
		{
			name:  "consultation closed more than 12 weeks with no outcome",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2025-11-01\ncloses: 2026-01-31\n---\n"},
			want:  []string{"content/campaigns/a.md:5:9: warning: closes: closed 2026-01-31 and no 'you said, we did' update names it; publish what came of it as an update in content/updates/ with 'source: a'"},
		},
		{
			name:  "consultation closed 12 weeks and a day ago",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2026-05-01\ncloses: 2026-08-29\n---\n"},
			want:  []string{"content/campaigns/a.md:5:9: warning: closes: closed 2026-08-29 and no 'you said, we did' update names it; publish what came of it as an update in content/updates/ with 'source: a'"},
		},
		{
			name:  "consultation closed exactly 12 weeks ago",
			files: map[string]string{"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2026-05-01\ncloses: 2026-08-30\n---\n"},
		},
		{
			name: "consultation closed long ago with an outcome",
			files: map[string]string{
				"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2025-11-01\ncloses: 2026-01-31\n---\n",
				"content/updates/u.md":   "---\ntitle: U\ndate: 2026-03-01\nyou_said: X\nwe_did: Y\nsource: a\n---\n",
			},
		},
		{
			name: "site.yaml shortens the wait for an outcome",
			files: map[string]string{
				"site.yaml":              minimalYAML + "outcome_weeks: 4\n",
				"content/campaigns/a.md": "---\ntitle: A\nkind: consultation\nopens: 2026-07-01\ncloses: 2026-10-24\n---\n",
			},
			want: []string{"content/campaigns/a.md:5:9: warning: closes: closed 2026-10-24 and no 'you said, we did' update names it; publish what came of it as an update in content/updates/ with 'source: a'"},
		},
		{
			name: "link to a missing constitution clause",
			files: map[string]string{
				"content/constitution/x/index.md": "---\ntitle: C\n---\n## 5. General duties\n\n### 5.2 Public involvement\n",
				"content/news/a.md":               "---\ntitle: A\ndate: 2026-01-01\n---\nSee [clause 9.9](/constitution/x/#clause-9-9) and [clause 5.2](/constitution/x/#clause-5-2).\n",
			},
			want: []string{`content/news/a.md:5:5: link: there is no heading with the id "clause-9-9" on /constitution/x/; the headings there are #clause-5, #clause-5-2`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := typesBase()
			for name, data := range tt.files {
				files[name] = data
			}
			src := writeSite(t, files)
			dest := filepath.Join(t.TempDir(), "public")
			res, err := build.Build(context.Background(), opts(src, dest))
			got := problemLines(res)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			wantErr := false
			for _, w := range tt.want {
				wantErr = wantErr || !strings.Contains(w, ": warning: ")
			}
			if wantErr && !errors.Is(err, build.ErrProblems) {
				t.Errorf("Build: got error %v, want ErrProblems", err)
			}
			if !wantErr && err != nil {
				t.Errorf("Build: got error %v, want none", err)
			}
		})
	}
}

// TestTypesStrict checks that the content types' warnings fail the build
// only under --strict.
func TestTypesStrict(t *testing.T) {
	files := typesBase()
	files["content/campaigns/short.md"] = "---\ntitle: Short\nkind: consultation\nopens: 2026-11-01\ncloses: 2026-12-01\n---\n"
	files["content/events/late.md"] = "---\ntitle: Late\nstart: 2026-10-25T01:30\nend: 2026-10-25T03:00\nvenue:\n  name: Library\n---\n"
	files["content/about.md"] = "---\ntitle: About\nreview_due: 2026-01-01\n---\n"
	src := writeSite(t, files)
	want := []string{
		"content/about.md:3:13: warning: review_due: the review was due on 1 January 2026; check the page is still right, then set a new review date",
		"content/campaigns/short.md:5:9: warning: closes: this consultation runs for 4 weeks; formal consultations usually run for at least 12 weeks; give a reason on the page if this one is shorter",
		"content/events/late.md:3:8: warning: start: 2026-10-25T01:30 happens twice in Europe/London; the clocks go back that night, so this hour happens twice; engage uses the first (summer time). Choose another time to avoid confusion",
	}
	for _, strict := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		o := opts(src, dest)
		o.Strict = strict
		res, err := build.Build(context.Background(), o)
		if diff := cmp.Diff(want, problemLines(res)); diff != "" {
			t.Errorf("strict %v: problems (-want +got):\n%s", strict, diff)
		}
		_, statErr := os.Stat(filepath.Join(dest, "index.html"))
		switch {
		case strict && !errors.Is(err, build.ErrProblems):
			t.Errorf("strict: got error %v, want ErrProblems", err)
		case strict && statErr == nil:
			t.Errorf("strict: the build wrote %s, want nothing written", dest)
		case !strict && err != nil:
			t.Errorf("not strict: got error %v, want none", err)
		case !strict && statErr != nil:
			t.Errorf("not strict: the build wrote no index.html: %v", statErr)
		}
	}
}

var tagsRE = regexp.MustCompile(`<[^>]*>`)

// text is the text of an HTML fragment with tags removed and spaces
// collapsed, for checking sentences that cross elements.
func text(html string) string {
	return strings.Join(strings.Fields(tagsRE.ReplaceAllString(html, " ")), " ")
}

// readPage reads a written file.
func readPage(t *testing.T, dest, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// main is the <main> element of a page, so that menus and breadcrumbs do
// not satisfy a check by chance.
func mainOf(t *testing.T, html string) string {
	t.Helper()
	i, j := strings.Index(html, "<main"), strings.Index(html, "</main>")
	if i < 0 || j < i {
		t.Fatalf("no <main> element in\n%s", html)
	}
	return html[i : j+len("</main>")]
}

// pageCheck is what one written page must (and must not) contain. In is
// checked in the order given; Text against the page's text.
type pageCheck struct {
	name    string // for the subtest; the file when empty
	file    string
	inOrder []string // HTML fragments, in this order
	text    []string // sentences of the text
	not     []string // HTML fragments that must not appear
}

func (c pageCheck) run(t *testing.T, dest string) {
	t.Helper()
	html := mainOf(t, readPage(t, dest, c.file))
	at := 0
	for _, want := range c.inOrder {
		i := strings.Index(html[at:], want)
		if i < 0 {
			if strings.Contains(html, want) {
				t.Errorf("%s: %q is there but out of order (want it after the fragments before it)", c.file, want)
			} else {
				t.Errorf("%s: got no %q, want it\n%s", c.file, want, html)
			}
			continue
		}
		at += i + len(want)
	}
	txt := text(html)
	for _, want := range c.text {
		if !strings.Contains(txt, want) {
			t.Errorf("%s: got text without %q, want it\n%s", c.file, want, txt)
		}
	}
	for _, bad := range c.not {
		if strings.Contains(html, bad) {
			t.Errorf("%s: got %q, want it absent", c.file, bad)
		}
	}
}

// TestTypesPages checks the derived states and cross-links of the written
// pages of typesSite at --now 2026-11-23.
func TestTypesPages(t *testing.T) {
	dest, _ := buildTypes(t, typesSite(), testNow)
	card := func(url string) string { return `<a href="` + url + `">` }
	tests := []pageCheck{
		{
			file: "campaigns/carers-count/index.html",
			inOrder: []string{
				`<strong class="tag tag--open">Open</strong>`,
				`role="note"`,
				`<h2 id="page--how-to-respond">`, `<a class="button" href="https://forms.example.org/carers">Respond online</a>`,
				card("/events/carers-cafe/"),
				`<h2 id="page--events">`, card("/events/carers-cafe/"), card("/events/online-forum/"),
				`<h2 id="page--outcomes">`,
				`<h2 class="inset__heading">Principles this applies</h2>`, card("/principles/reach-everyone/"),
			},
			text: []string{"This consultation closes on 4 December 2026 (11 days left)", "Status Open"},
		},
		{
			file:    "campaigns/gp-survey/index.html",
			inOrder: []string{`Outcome published</strong>`, `<h2 id="page--outcomes">`, card("/updates/gp-online/"), card("/updates/gp-booking/"), card("/updates/gp-parking/")},
			not:     []string{`id="page--how-to-respond"`, `id="page--deadline"`},
		},
		{
			file: "campaigns/pharmacy-hours/index.html",
			text: []string{"Forthcoming", "This consultation opens on 4 January 2027 and closes on 28 March 2027."},
			not:  []string{`id="page--how-to-respond"`, `id="page--deadline"`},
		},
		{
			file: "campaigns/hearing-clinic/index.html",
			text: []string{"Status Closed", "We are looking at what people told us."},
			not:  []string{`id="page--how-to-respond"`},
		},
		{
			file: "campaigns/maternity/index.html",
			text: []string{"Status Paused", "This campaign is paused."},
			not:  []string{`id="page--how-to-respond"`},
		},
		{
			file: "campaigns/index.html",
			inOrder: []string{
				`<h2 id="page--open">Open now <span class="count">(1)</span>`, card("/campaigns/carers-count/"),
				`<h2 id="page--forthcoming">Coming soon <span class="count">(1)</span>`, card("/campaigns/pharmacy-hours/"),
				`<h2 id="page--closed">Closed <span class="count">(2)</span>`, card("/campaigns/hearing-clinic/"), card("/campaigns/gp-survey/"),
				card("/campaigns/maternity/"),
			},
		},
		{
			file:    "campaigns/open/index.html",
			inOrder: []string{card("/campaigns/carers-count/")},
			not:     []string{card("/campaigns/pharmacy-hours/"), card("/campaigns/gp-survey/"), card("/campaigns/hearing-clinic/"), card("/campaigns/maternity/")},
		},
		{
			file:    "campaigns/forthcoming/index.html",
			inOrder: []string{card("/campaigns/pharmacy-hours/")},
			not:     []string{card("/campaigns/carers-count/"), card("/campaigns/gp-survey/"), card("/campaigns/hearing-clinic/"), card("/campaigns/maternity/")},
		},
		{
			file:    "campaigns/closed/index.html",
			inOrder: []string{card("/campaigns/hearing-clinic/"), card("/campaigns/gp-survey/")},
			not:     []string{card("/campaigns/carers-count/"), card("/campaigns/pharmacy-hours/"), card("/campaigns/maternity/")},
		},
		{
			file: "events/carers-cafe/index.html",
			inOrder: []string{
				`<time datetime="2026-12-03T10:00:00Z">Thursday 3 December 2026, 10am to 12:30pm</time>`,
				`<dt>Part of</dt><dd><a href="/campaigns/carers-count/">Carers count</a>`,
				`<ul class="accessibility-list"><li>step-free access</li><li>hearing loop</li></ul>`,
			},
			text: []string{"Where Lowmere Library Church Street, Lowmere ZZ3 7LM"},
			not:  []string{`tag--past`},
		},
		{
			// An event links the updates that came from it, as a campaign
			// links its outcomes: "campaign ↔ events ↔ updates".
			name:    "event links the updates whose source it is",
			file:    "events/carers-cafe/index.html",
			inOrder: []string{card("/updates/quiet-room/")},
		},
		{
			file: "events/late-session/index.html", // ended at 23:59, a minute before now
			text: []string{"Past event", "This event has already happened."},
		},
		{
			file: "events/rescheduled-talk/index.html",
			text: []string{"This event has moved to a new date. It was going to be on Tuesday 1 December 2026, 10am. It is now on Tuesday 12 January 2027, 10am to 11am."},
		},
		{
			file: "events/cancelled-meeting/index.html",
			text: []string{"Cancelled", "This event has been cancelled."},
		},
		{
			file: "events/spring-workshop/index.html",
			text: []string{"This event is now online only. Do not go to the venue."},
			not:  []string{`<dt>Where</dt>`},
		},
		{
			file: "events/index.html",
			inOrder: []string{
				`<a href="/events/past/">Past events</a>`,
				`<h2 id="page--month-2026-12">December 2026 <span class="count">(3)</span>`,
				card("/events/carers-cafe/"), card("/events/online-forum/"), card("/events/cancelled-meeting/"),
				`<h2 id="page--month-2027-01">January 2027 <span class="count">(1)</span>`, card("/events/rescheduled-talk/"),
			},
			not: []string{card("/events/late-session/"), card("/events/public-meeting/"), card("/events/spring-workshop/")},
		},
		{
			file:    "events/past/index.html",
			inOrder: []string{card("/events/late-session/"), card("/events/public-meeting/"), card("/events/spring-workshop/")},
			not:     []string{card("/events/carers-cafe/")},
		},
		{
			file: "updates/gp-booking/index.html",
			inOrder: []string{
				`<strong class="tag tag--done">Done</strong>`,
				`<h2 id="page--you-said">You said</h2><p>Booking was hard.</p>`,
				`<h2 id="page--we-did">We did</h2><p>We added online booking.</p>`,
				`<dt>What this came from</dt><dd><a href="/campaigns/gp-survey/">GP booking survey</a>`,
			},
		},
		{
			file: "updates/gp-parking/index.html",
			text: []string{"Why we could not make this change The car park is not ours."},
		},
		{
			file:    "updates/quiet-room/index.html",
			inOrder: []string{`<progress max="100" value="50"`, `<dt>What this came from</dt><dd><a href="/events/carers-cafe/">Carers café</a>`},
		},
		{
			file: "updates/index.html",
			inOrder: []string{
				`<h2 id="page--planned">Planned <span class="count">(1)</span>`, card("/updates/later-start/"),
				`<h2 id="page--in-progress">In progress <span class="count">(1)</span>`, card("/updates/quiet-room/"),
				`<h2 id="page--done">Done <span class="count">(2)</span>`, card("/updates/gp-online/"), card("/updates/gp-booking/"),
				`<h2 id="page--not-possible">Not possible <span class="count">(1)</span>`, card("/updates/gp-parking/"),
			},
		},
		{
			file: "principles/index.html",
			inOrder: []string{
				`<li class="card" id="principle-1">`, card("/principles/reach-everyone/"),
				`<li class="card" id="principle-2">`, card("/principles/listen/"),
				`<li class="card" id="standard-1">`, card("/principles/honesty/"),
			},
		},
		{
			file: "principles/reach-everyone/index.html",
			inOrder: []string{
				`<h2 id="page--how-we-have-applied-this">How we have applied this principle</h2>`,
				`<h3 id="page--evidence-campaigns">Campaigns and consultations</h3>`, card("/campaigns/carers-count/"),
				`<h3 id="page--evidence-events">Events</h3>`, card("/events/carers-cafe/"),
				`<h3 id="page--evidence-news">News</h3>`, card("/news/new-principles/"), card("/news/connectors/"),
			},
		},
		{
			file: "principles/honesty/index.html",
			text: []string{"Standard 1", "We have not yet published anything that applies this standard."},
		},
		{
			file: "constitution/our-constitution/index.html",
			inOrder: []string{
				`<dt>Version in force</dt><dd>2.1</dd>`, `<dt>In force from</dt><dd>1 April 2026</dd>`,
				`<h2 id="page--contents">Contents</h2>`, `<a href="#clause-5">5 General duties</a>`, `<a href="#clause-5-2">5.2 Public involvement</a>`,
				`<a href="/constitution/our-constitution/constitution.pdf">as one document (PDF, 3 KB)</a>`,
				`<h2 id="clause-5">5. General duties</h2>`, `<h3 id="clause-5-2">5.2 Public involvement</h3>`,
				`<caption>Document history</caption>`,
				`<tr><td>1.0</td><td>1 July 2022</td><td>First constitution.</td><td>NHS England</td></tr>`,
				`<tr><td>2.1</td><td>1 April 2026</td><td>Added yearly reporting.</td><td>The board</td></tr>`,
				`<a href="/constitution/our-constitution/constitution.pdf">Our constitution as a PDF</a> <span class="documents__label">(PDF, 3 KB)</span>`,
				`<a href="https://www.england.nhs.uk/">Guidance from NHS England</a></li>`,
			},
			// "2026 plans" is a heading, not clause 2026.
			not: []string{`href="#clause-2026"`},
		},
		{
			file: "news/new-principles/index.html",
			inOrder: []string{
				`<a href="/assets/strategy.pdf">the strategy (PDF, 2.7 MB)</a>`,
				`<a href="/constitution/our-constitution/#clause-5-2">clause 5.2</a>`,
			},
			text: []string{"Last updated 2 November 2026", "Next review due: 1 October 2027"},
		},
		{
			file: "news/connectors/index.html",
			text: []string{"By Tom Adeyemi, Community Connector."},
		},
		{
			file: "reports/2026/index.html",
			inOrder: []string{
				`<dt>Campaigns and consultations</dt><dd>4</dd>`,
				`<dt>Events held</dt><dd>3</dd>`,
				`<dt>Events still to come</dt><dd>2</dd>`,
				`<dt>Events cancelled</dt><dd>1</dd>`,
				`<h3 id="page--cancelled">Events we cancelled</h3><ul><li><a href="/events/cancelled-meeting/">Cancelled meeting</a>, Tuesday 15 December 2026, 10am to 11am</li></ul>`,
				`<svg role="img" aria-labelledby="page--outcomes-chart-title"`,
				`<title id="page--outcomes-chart-title">Bar chart of updates by status: Planned 1, In progress 1, Done 2, Not possible 1.</title>`,
				`</svg>`,
				`<tr><td>Planned</td><td>1</td></tr><tr><td>In progress</td><td>1</td></tr><tr><td>Done</td><td>2</td></tr><tr><td>Not possible</td><td>1</td></tr>`,
				`<a href="/principles/reach-everyone/">We will reach everyone</a></td><td>4</td>`,
				`<a href="/principles/listen/">We will listen</a></td><td>2</td>`,
			},
			not: []string{card("/campaigns/pharmacy-hours/"), card("/events/rescheduled-talk/")},
		},
		{
			file:    "reports/index.html",
			inOrder: []string{card("/reports/2027/"), card("/reports/2026/")},
		},
	}
	for _, c := range tests {
		name := c.name
		if name == "" {
			name = c.file
		}
		t.Run(name, func(t *testing.T) { c.run(t, dest) })
	}
}

// TestCampaignDeadline checks the deadline callout of an open consultation
// on its last days, and that it goes at midnight.
func TestCampaignDeadline(t *testing.T) {
	tests := []struct {
		now     string
		want    string // text of the callout heading; "" for no callout
		status  string
		respond bool
	}{
		{"2026-09-06T23:59:59+01:00", "", "Forthcoming", false},
		{"2026-09-07", "This consultation closes on 4 December 2026 (88 days left)", "Open", true},
		{"2026-12-03T23:59", "This consultation closes on 4 December 2026 (1 day left)", "Open", true},
		{"2026-12-04", "This consultation closes today, 4 December 2026", "Open", true},
		{"2026-12-04T23:59:59Z", "This consultation closes today, 4 December 2026", "Open", true},
		{"2026-12-05", "", "Closed", false},
	}
	files := map[string]string{"content/campaigns/carers-count.md": "---\ntitle: Carers count\nkind: consultation\nopens: 2026-09-07\ncloses: 2026-12-04\nhow_to_respond:\n  email: engage@example.org\n---\n"}
	for _, tt := range tests {
		t.Run(tt.now, func(t *testing.T) {
			dest, _ := buildTypes(t, files, tt.now)
			html := mainOf(t, readPage(t, dest, "campaigns/carers-count/index.html"))
			var got string
			if i := strings.Index(html, `id="page--deadline">`); i >= 0 {
				rest := html[i:]
				got = text(rest[:strings.Index(rest, "</h2>")+len("</h2>")])
				got = strings.TrimPrefix(strings.TrimPrefix(got, `id="page--deadline">`), " ")
				got = strings.TrimPrefix(got, "Important: ")
			}
			if got != tt.want {
				t.Errorf("now %s: deadline: got %q, want %q", tt.now, got, tt.want)
			}
			if tag := `>` + tt.status + `</strong>`; !strings.Contains(html, tag) {
				t.Errorf("now %s: got no status tag %q, want it", tt.now, tag)
			}
			if got := strings.Contains(html, `id="page--how-to-respond"`); got != tt.respond {
				t.Errorf("now %s: ways to respond shown: got %v, want %v", tt.now, got, tt.respond)
			}
		})
	}
}

var tagClassRE = regexp.MustCompile(`class="tag (tag--[^"]*)"`)

// TestStatusTagsStyled checks that every status tag on the site carries a
// class that is a plain CSS name the theme's stylesheet styles, so that a
// tag such as "Outcome published" looks like the others.
func TestStatusTagsStyled(t *testing.T) {
	dest, _ := buildTypes(t, typesSite(), testNow)
	tree := readTree(t, dest)
	var css strings.Builder
	for name, data := range tree {
		if strings.HasPrefix(name, "assets/css/main.") {
			css.Write(data)
		}
	}
	if css.Len() == 0 {
		t.Fatalf("no main stylesheet in %q", names(tree))
	}
	plain := regexp.MustCompile(`^tag--[a-z0-9-]+$`)
	seen := map[string]bool{}
	for name, data := range tree {
		for _, m := range tagClassRE.FindAllStringSubmatch(string(data), -1) {
			class := m[1]
			if seen[class] {
				continue
			}
			seen[class] = true
			if !plain.MatchString(class) {
				t.Errorf("%s: tag class %q is not a plain CSS class name (letters, digits and hyphens)", name, class)
				continue
			}
			if !strings.Contains(css.String(), "."+class) {
				t.Errorf("%s: tag class %q has no rule in the stylesheet", name, class)
			}
		}
	}
	for _, class := range []string{"tag--open", "tag--forthcoming", "tag--closed", "tag--paused", "tag--done", "tag--cancelled", "tag--past"} {
		if !seen[class] {
			t.Errorf("no page has a %s tag, want one", class)
		}
	}
}
