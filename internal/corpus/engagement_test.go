package corpus

import (
	"cmp"
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	engage "github.com/engage-ssg/engage"
	"github.com/engage-ssg/engage/internal/build"
	"github.com/engage-ssg/engage/internal/content"
)

// TestGeneratedSiteBuildsClean builds generated sites the way the bench
// does: the corpus promises a build with no errors and no warnings.
func TestGeneratedSiteBuildsClean(t *testing.T) {
	for _, opts := range []Options{{Pages: testPages, Seed: 1}, {Pages: testPages, Seed: 2}, {Pages: 12, Seed: 3}} {
		src, _ := generate(t, opts)
		dest := filepath.Join(t.TempDir(), "public")
		res, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Now: Now, Theme: engage.Theme})
		if err != nil || len(res.Problems) > 0 {
			t.Errorf("%+v: build: got %v and %d problems, want none:\n%s", opts, err, len(res.Problems), res.Problems.Error())
		}
	}
}

// site is the pages of a generated site by section and name, with the
// fields of their content types.
type site struct {
	files []mdFile
	names map[string]map[string]*mdFile // section → name (slug) → file
}

func readSite(t *testing.T, dir string) *site {
	s := &site{files: markdownFiles(t, dir), names: map[string]map[string]*mdFile{}}
	for i := range s.files {
		f := &s.files[i]
		if f.kind != pageFile {
			continue
		}
		if s.names[f.section] == nil {
			s.names[f.section] = map[string]*mdFile{}
		}
		s.names[f.section][cmp.Or(f.front.Slug, f.name)] = f
	}
	return s
}

// has reports whether section has a page of that name.
func (s *site) has(section, name string) bool { return s.names[section][name] != nil }

func wall(t *testing.T, path, key, value string) time.Time {
	t.Helper()
	v, err := time.Parse(wallClock, value)
	if err != nil {
		t.Errorf("%s: %s: got %q, want a date and time such as 2026-03-14T10:00", path, key, value)
	}
	return v
}

func date(t *testing.T, path, key, value string) time.Time {
	t.Helper()
	v, err := time.Parse(time.DateOnly, value)
	if err != nil {
		t.Errorf("%s: %s: got %q, want a YYYY-MM-DD date", path, key, value)
	}
	return v
}

// TestGenerateEngagement checks the fields of each content type and the
// slugs by which pages name each other.
func TestGenerateEngagement(t *testing.T) {
	dir, _ := generate(t, Options{Pages: testPages, Seed: 8})
	s := readSite(t, dir)
	for name := range s.names["campaigns"] {
		if s.has("events", name) {
			t.Errorf("%s: got a campaign and an event with this slug, want slugs unique across both", name)
		}
	}

	numbers := map[string]bool{}
	outcomes := map[string]bool{} // campaigns an update reports on
	var kinds, statuses []string
	numbered := 0
	for _, f := range s.files {
		for i, name := range f.front.Principles {
			if !s.has("principles", name) {
				t.Errorf("%s: principles.%d: got %q, want the slug of a principle page", f.path, i, name)
			}
		}
		for i, d := range f.front.Documents {
			if d.Title == "" || d.File != "" || !strings.HasPrefix(d.URL, "https://") {
				t.Errorf("%s: documents.%d: got %+v, want a title and an https url", f.path, i, d)
			}
		}
		switch v := f.typed.(type) {
		case *content.Principle:
			key := cmp.Or(v.Kind, "principle") + " " + strconv.Itoa(v.Number)
			if v.Number < 1 || numbers[key] || !slices.Contains([]string{"", "principle", "standard"}, v.Kind) {
				t.Errorf("%s: got %s number %d, want principle or standard and a number of 1 or more, unique to the kind", f.path, v.Kind, v.Number)
			}
			numbers[key] = true
			kinds = append(kinds, cmp.Or(v.Kind, "principle"))

		case *content.Constitution:
			if v.Version == "" || v.ApprovedBy == "" || len(v.History) == 0 || v.History[len(v.History)-1].Version != v.Version ||
				v.History[len(v.History)-1].Date != v.Effective {
				t.Errorf("%s: got version %q effective %s, history %+v; want the history to end with the version in force", f.path, v.Version, v.Effective, v.History)
			}
			for i := 1; i < len(v.History); i++ {
				if v.History[i].Date <= v.History[i-1].Date {
					t.Errorf("%s: history.%d: got %s after %s, want the dates in order", f.path, i, v.History[i].Date, v.History[i-1].Date)
				}
			}
			if strings.Contains(f.body, "\n## 1. ") {
				numbered++
			}

		case *content.Campaign:
			opens, closes := date(t, f.path, "opens", v.Opens), date(t, f.path, "closes", v.Closes)
			weeks := int(closes.Sub(opens).Hours()/24+1) / 7
			if closes.Before(opens) || v.Kind == "consultation" && weeks < 12 {
				t.Errorf("%s: %s from %s to %s: want closes on or after opens, and consultations of 12 weeks or more", f.path, v.Kind, v.Opens, v.Closes)
			}
			if !slices.Contains([]string{"", "campaign", "consultation", "survey", "engagement"}, v.Kind) ||
				!slices.Contains([]string{"", "withdrawn", "paused"}, v.Status) {
				t.Errorf("%s: got kind %q and status %q", f.path, v.Kind, v.Status)
			}
			if r := v.HowToRespond; r.Online == "" && r.Email == "" || r.Online != "" && !strings.HasPrefix(r.Online, "https://") {
				t.Errorf("%s: how_to_respond: got %+v, want an https address or an email", f.path, r)
			}
			for i, e := range v.HowToRespond.Events {
				if !s.has("events", e) {
					t.Errorf("%s: how_to_respond.events.%d: got %q, want the slug of an event", f.path, i, e)
				}
			}
			if v.Why == "" || v.Contact.Name == "" || v.Contact.Email == "" {
				t.Errorf("%s: got why %q and contact %+v, want both", f.path, v.Why, v.Contact)
			}
			statuses = append(statuses, v.Status)

		case *content.Event:
			start, end := wall(t, f.path, "start", v.Start), wall(t, f.path, "end", v.End)
			if !end.After(start) || start.Hour() < 6 || end.Hour() < 6 {
				t.Errorf("%s: got %s to %s, want the end after the start, both in the day or evening", f.path, v.Start, v.End)
			}
			attendance := cmp.Or(v.Attendance, "in-person")
			if attendance != "online" && (v.Venue.Name == "" || v.Venue.Postcode == "") ||
				attendance != "in-person" && !strings.HasPrefix(v.OnlineURL, "https://") {
				t.Errorf("%s: %s event: got venue %+v and online_url %q", f.path, attendance, v.Venue, v.OnlineURL)
			}
			if (v.Status == "rescheduled") != (v.PreviousStart != "") {
				t.Errorf("%s: got status %q and previous_start %q, want previous_start on rescheduled events only", f.path, v.Status, v.PreviousStart)
			}
			if v.Campaign != "" && !s.has("campaigns", v.Campaign) {
				t.Errorf("%s: campaign: got %q, want the slug of a campaign", f.path, v.Campaign)
			}

		case *content.Update:
			if v.YouSaid == "" || v.WeDid == "" || v.Status == "not-possible" && v.Reason == "" ||
				v.Progress != nil && (*v.Progress < 0 || *v.Progress > 100) {
				t.Errorf("%s: got %+v, want you_said, we_did, a reason when not possible and progress from 0 to 100", f.path, v)
			}
			if v.Source != "" && !s.has("campaigns", v.Source) && !s.has("events", v.Source) {
				t.Errorf("%s: source: got %q, want the slug of a campaign or event", f.path, v.Source)
			}
			outcomes[v.Source] = true

		case *content.News:
			if v.Author.Name == "" {
				t.Errorf("%s: got no author name, want one", f.path)
			}
		}
	}
	if !slices.Contains(kinds, "standard") || !slices.Contains(kinds, "principle") || !slices.Contains(statuses, "") {
		t.Errorf("got principle kinds %v and campaign statuses %v, want principles, standards and derived statuses", kinds, statuses)
	}
	if numbered == 0 {
		t.Errorf("got no constitution page with numbered clauses, want some")
	}

	// engage warns about a consultation closed for 12 weeks with no update.
	due := now.AddDate(0, 0, -7*12)
	overdue := 0
	for name, f := range s.names["campaigns"] {
		c := f.typed.(*content.Campaign)
		if c.Kind == "consultation" && c.Status == "" && date(t, f.path, "closes", c.Closes).Before(due) {
			overdue++
			if !outcomes[name] {
				t.Errorf("%s: closed on %s and no update has 'source: %s'", f.path, c.Closes, name)
			}
		}
	}
	if overdue == 0 {
		t.Errorf("got no consultation that closed more than 12 weeks before %s, want some", Now)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"We asked *you* about **parks**.", "We asked you about parks."},
		{"- Come to a drop-in session", "Come to a drop-in session"},
		{"3. We read every answer", "We read every answer"},
		{"> It felt like somebody was listening.", "It felt like somebody was listening."},
		{"Read more in [Parks in Eastfield](/news/parks-1/).", "Read more in Parks in Eastfield."},
		{"- [Parks](../news/parks-1.md)", "Parks"},
		{"About 40 people came.[^1]", "About 40 people came."},
		{"[^1]: Figures from the survey.", " Figures from the survey."},
		{"![A bus outside a library](/assets/images/photo-4.svg)", "code "},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
