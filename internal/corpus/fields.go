package corpus

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The front matter of each content type: the fields that engage's content
// package defines for it (internal/content/fields.go), drawn from the
// plan's facts so that every slug a page names exists and the dates agree.

// Contact details the pages share; the site's own are in site.yaml.
const (
	baseURL      = "https://bench.example.org/"
	engageEmail  = "haveyoursay@bench.example.org"
	engagePhone  = "01632 960123"
	postAddress  = "Freepost BENCH VOICE, 1 Market Street, Northfield, NF1 2AB"
	wallClock    = "2006-01-02T15:04"
	eventMinutes = 30 // events last a whole number of these
)

// startHours are the hours events start at: in the day or the evening,
// never in the hour that the clocks skip or repeat.
var startHours = []int{9, 10, 10, 11, 13, 14, 18, 19}

// typeFields writes the fields of page i's content type. date is the
// page's date:.
func (pl *plan) typeFields(b *bytes.Buffer, r *prose, i int, date time.Time) {
	p := &pl.pages[i]
	switch p.section {
	case "principles":
		b.WriteString("number: " + strconv.Itoa(p.number) + "\n")
		if p.kind != "principle" || r.chance(50) {
			field(b, "kind", p.kind)
		}
	case "constitution":
		constitution(b, r, date)
	case "campaigns":
		pl.campaign(b, r, p)
	case "events":
		pl.event(b, r, p)
	case "updates":
		pl.update(b, r, p)
	case "news":
		b.WriteString("author:\n")
		field(b, "  name", person(r))
		if r.chance(80) {
			field(b, "  role", r.pick(roles))
		}
	}
}

// constitution writes a version, the day it took effect and the history
// of versions that led to it.
func constitution(b *bytes.Buffer, r *prose, effective time.Time) {
	versions := make([]string, r.between(1, 4))
	major, minor := 1, 0
	for k := range versions {
		if k > 0 && r.chance(30) {
			major, minor = major+1, 0
		} else if k > 0 {
			minor++
		}
		versions[k] = fmt.Sprintf("%d.%d", major, minor)
	}
	dates := make([]time.Time, len(versions))
	dates[len(dates)-1] = effective
	for k := len(dates) - 2; k >= 0; k-- {
		dates[k] = dates[k+1].AddDate(0, 0, -r.between(90, 500))
	}
	field(b, "version", versions[len(versions)-1])
	field(b, "effective", day(effective))
	field(b, "approved_by", "The board of "+siteTitle)
	b.WriteString("history:\n")
	for k, v := range versions {
		field(b, "  - version", v)
		field(b, "    date", day(dates[k]))
		if k == 0 {
			field(b, "    changes", "First constitution.")
		} else {
			field(b, "    changes", r.pick(revisionChanges))
		}
		if r.chance(80) {
			field(b, "    by", r.pick(approvers))
		}
	}
}

func (pl *plan) campaign(b *bytes.Buffer, r *prose, p *page) {
	if p.kind != "campaign" || r.chance(50) {
		field(b, "kind", p.kind)
	}
	field(b, "opens", day(p.opens))
	field(b, "closes", day(p.closes))
	field(b, "why", upperFirst(r.fill(r.pick(whys))))
	b.WriteString("how_to_respond:\n")
	online := r.chance(80)
	if online {
		field(b, "  online", baseURL+"have-your-say/"+p.name()+"/")
	}
	if !online || r.chance(70) {
		field(b, "  email", engageEmail)
	}
	if r.chance(50) {
		field(b, "  phone", engagePhone)
	}
	if r.chance(30) {
		field(b, "  post", postAddress)
	}
	if len(p.events) > 0 {
		names := make([]string, min(len(p.events), 4))
		for k := range names {
			names[k] = pl.pages[p.events[k]].name()
		}
		list(b, r, "  events", names)
	}
	if r.chance(70) {
		field(b, "what_happens_next", upperFirst(r.fill(r.pick(nextSteps))))
	}
	contact(b, r)
	if p.status != "" {
		field(b, "status", p.status)
	}
}

func (pl *plan) event(b *bytes.Buffer, r *prose, p *page) {
	start := at(p.start, startHours[r.r.IntN(len(startHours))], 30*r.r.IntN(2))
	end := start.Add(time.Duration(r.between(2, 6)*eventMinutes) * time.Minute)
	if r.chance(5) {
		end = at(p.start.AddDate(0, 0, 1), 16, 0)
	}
	field(b, "start", start.Format(wallClock))
	field(b, "end", end.Format(wallClock))

	status := "scheduled"
	switch n := r.r.IntN(100); {
	case n < 5:
		status = "cancelled"
	case n < 8:
		status = "postponed"
	case n < 12:
		status = "rescheduled"
	case n < 15:
		status = "moved-online"
	}
	attendance := "in-person"
	switch n := r.r.IntN(100); {
	case n < 20:
		attendance = "online"
	case n < 40:
		attendance = "hybrid"
	}
	if attendance == "online" && status == "moved-online" {
		attendance = "in-person"
	}
	if attendance != "in-person" || r.chance(70) {
		field(b, "attendance", attendance)
	}
	if attendance != "online" {
		area := r.pick(areas)
		b.WriteString("venue:\n")
		field(b, "  name", area+" "+r.pick(places))
		field(b, "  address", fmt.Sprintf("%d %s, %s", r.between(1, 120), r.pick(streets), area))
		field(b, "  postcode", fmt.Sprintf("%s%d %d%c%c", r.pick(postcodeAreas), r.between(1, 9), r.between(1, 9),
			'A'+r.r.IntN(26), 'A'+r.r.IntN(26)))
	}
	if attendance != "in-person" || status == "moved-online" {
		field(b, "online_url", baseURL+"join/"+p.name()+"/")
	}
	if r.chance(80) {
		pool := venueAccess
		if attendance == "online" {
			pool = onlineAccess
		}
		picked := make([]string, r.between(1, 3))
		for k, j := range r.r.Perm(len(pool))[:len(picked)] {
			picked[k] = pool[j]
		}
		list(b, r, "accessibility", picked)
		if r.chance(25) {
			field(b, "accessibility_notes", "Tell us what would help you take part, and we will do our best to arrange it.")
		}
	}
	if r.chance(70) {
		b.WriteString("booking:\n")
		field(b, "  url", baseURL+"book/"+p.name()+"/")
		b.WriteString("  required: " + strconv.FormatBool(r.chance(50)) + "\n")
		if r.chance(50) {
			b.WriteString("  capacity: " + strconv.Itoa(10*r.between(2, 20)) + "\n")
		}
	}
	if status != "scheduled" || r.chance(20) {
		field(b, "status", status)
	}
	if status == "rescheduled" {
		field(b, "previous_start", start.AddDate(0, 0, -r.between(7, 42)).Format(wallClock))
	}
	if p.link >= 0 {
		field(b, "campaign", pl.pages[p.link].name())
	}
	if r.chance(40) {
		contact(b, r)
	}
}

// at is day d at a time on the wall clock.
func at(d time.Time, hour, minute int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, time.UTC)
}

func (pl *plan) update(b *bytes.Buffer, r *prose, p *page) {
	if r.chance(60) {
		field(b, "we_asked", upperFirst(r.fill(r.pick(weAsked))))
	}
	field(b, "you_said", r.sentences(youSaid))
	field(b, "we_did", r.sentences(weDid))
	var status string
	switch n := r.r.IntN(100); {
	case n < 20:
		status = "planned"
	case n < 50:
		status = "in-progress"
	case n < 90:
		status = "done"
	default:
		status = "not-possible"
	}
	if status != "planned" || r.chance(50) {
		field(b, "status", status)
	}
	switch {
	case status == "not-possible":
		field(b, "reason", r.pick(notPossible))
	case status == "in-progress" && r.chance(60):
		b.WriteString("progress: " + strconv.Itoa(10*r.between(1, 9)) + "\n")
	case status == "done" && r.chance(30):
		b.WriteString("progress: 100\n")
	}
	if p.link >= 0 {
		field(b, "source", pl.pages[p.link].name())
	}
}

// sentences returns one or two sentences from pool.
func (p *prose) sentences(pool []string) string {
	s := upperFirst(p.fill(p.pick(pool)))
	if p.chance(40) {
		s += " " + upperFirst(p.fill(p.pick(pool)))
	}
	return s
}

func person(r *prose) string { return r.pick(firstNames) + " " + r.pick(lastNames) }

// contact writes who to ask about a campaign or event.
func contact(b *bytes.Buffer, r *prose) {
	first, last := r.pick(firstNames), r.pick(lastNames)
	b.WriteString("contact:\n")
	field(b, "  name", first+" "+last)
	field(b, "  email", strings.ToLower(first+"."+last)+"@bench.example.org")
	if r.chance(60) {
		field(b, "  phone", engagePhone)
	}
}

// documentTitles name the documents a page offers.
var documentTitles = []string{"Full report", "Summary of responses", "Equality impact assessment", "Meeting papers", "Large print version"}

// references writes the fields any page may have that name other things:
// the principles it applies and the documents it offers (web addresses,
// as the corpus writes no files beside its pages).
func (pl *plan) references(b *bytes.Buffer, r *prose, i int) {
	p := &pl.pages[i]
	if pr := pl.bySection["principles"]; len(pr) > 0 && p.section != "principles" && r.chance(25) {
		names := make([]string, min(len(pr), r.between(1, 3)))
		first := r.r.IntN(len(pr))
		for k := range names {
			names[k] = pl.pages[pr[(first+k)%len(pr)]].name()
		}
		list(b, r, "principles", names)
	}
	if r.chance(15) {
		b.WriteString("documents:\n")
		for k := range r.between(1, 2) {
			field(b, "  - title", r.pick(documentTitles)+": "+p.title)
			field(b, "    url", fmt.Sprintf("%sdocuments/%s-%d.pdf", baseURL, p.name(), k+1))
		}
	}
}

// list writes a list of plain words as a block list or now and then as a
// flow list, as authors write both. An indented key writes a field of the
// map above it.
func list(b *bytes.Buffer, r *prose, key string, items []string) {
	if r.chance(30) {
		b.WriteString(key + ": [" + strings.Join(items, ", ") + "]\n")
		return
	}
	indent := key[:len(key)-len(strings.TrimLeft(key, " "))]
	b.WriteString(key + ":\n")
	for _, t := range items {
		b.WriteString(indent + "  - " + t + "\n")
	}
}
