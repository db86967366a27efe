package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
	"time"

	"github.com/engage-ssg/engage/internal/config"
	"github.com/engage-ssg/engage/internal/opendata"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/google/go-cmp/cmp"
)

// read returns a dataset's JSON objects and its CSV rows as objects by
// header, so that the two can be compared.
func read(t *testing.T, files map[string][]byte, name string) (fromJSON, fromCSV []map[string]string) {
	t.Helper()
	if err := json.Unmarshal(files["data/"+name+".json"], &fromJSON); err != nil {
		t.Fatalf("data/%s.json: %v", name, err)
	}
	if fromJSON == nil {
		t.Errorf("data/%s.json: got null, want an array", name)
	}
	records, err := csv.NewReader(bytes.NewReader(files["data/"+name+".csv"])).ReadAll()
	if err != nil {
		t.Fatalf("data/%s.csv: %v", name, err)
	}
	if len(records) == 0 {
		t.Fatalf("data/%s.csv: empty, want a header row", name)
	}
	for _, r := range records[1:] {
		m := map[string]string{}
		for i, h := range records[0] {
			m[h] = r[i]
		}
		fromCSV = append(fromCSV, m)
	}
	return fromJSON, fromCSV
}

func TestFiles(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	progress := 40
	campaign := &site.Page{URL: "/campaigns/eye/", Title: "Eye clinic", Campaign: &site.Campaign{Kind: "consultation", Status: "open",
		Opens: time.Date(2026, 6, 1, 0, 0, 0, 0, london), Closes: time.Date(2026, 9, 1, 0, 0, 0, 0, london)}}
	update := &site.Page{URL: "/updates/quiet/", Title: `A "quiet" room, at last`, Date: time.Date(2026, 7, 1, 0, 0, 0, 0, london),
		Terms:  []site.TermRef{{Taxonomy: "topics", Name: "Carers"}, {Taxonomy: "topics", Name: "Eye care"}, {Taxonomy: "areas", Name: "Lowmere"}},
		Update: &site.Update{Status: "in-progress", YouSaid: "Too noisy,\nand too early.", WeDid: "A quiet room; later start.", Progress: &progress, Source: campaign}}
	event := &site.Page{URL: "/events/walk/", Title: "Night walk", Event: &site.Event{Status: "scheduled", Attendance: "in-person",
		Start: time.Date(2026, 10, 24, 23, 30, 0, 0, london), End: time.Date(2026, 10, 25, 3, 0, 0, 0, london),
		Accessibility: []string{"step-free access", "hearing loop"}, Campaign: campaign}}
	campaign.Campaign.Outcomes = []*site.Page{update}
	s := &site.Site{Config: &config.Config{BaseURL: "https://example.org/", Location: london}, Regular: []*site.Page{update, event, campaign}}
	list, err := opendata.Files(s)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range list {
		files[f.Path] = f.Data
	}

	tests := []struct {
		name string
		want []map[string]string
	}{
		{"updates", []map[string]string{{"url": "https://example.org/updates/quiet/", "title": `A "quiet" room, at last`, "date": "2026-07-01",
			"status": "in-progress", "we_asked": "", "you_said": "Too noisy,\nand too early.", "we_did": "A quiet room; later start.", "reason": "",
			"progress": "40", "source": "https://example.org/campaigns/eye/", "topics": "Carers; Eye care", "areas": "Lowmere"}}},
		{"events", []map[string]string{{"url": "https://example.org/events/walk/", "title": "Night walk",
			"start": "2026-10-24T23:30:00+01:00", "end": "2026-10-25T03:00:00Z", "status": "scheduled", "attendance": "in-person",
			"venue": "", "address": "", "postcode": "", "online_url": "", "accessibility": "step-free access; hearing loop",
			"booking_url": "", "booking_required": "false", "campaign": "https://example.org/campaigns/eye/", "topics": "", "areas": ""}}},
		{"campaigns", []map[string]string{{"url": "https://example.org/campaigns/eye/", "title": "Eye clinic", "kind": "consultation",
			"status": "open", "opens": "2026-06-01", "closes": "2026-09-01", "why": "", "respond_online": "", "respond_email": "",
			"respond_phone": "", "respond_post": "", "what_happens_next": "", "outcomes": "https://example.org/updates/quiet/",
			"topics": "", "areas": ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromJSON, fromCSV := read(t, files, tt.name)
			if diff := cmp.Diff(tt.want, fromJSON); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, fromCSV); diff != "" {
				t.Errorf("CSV (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFilesEmpty: a site with nothing to publish still writes every
// dataset, as an empty array and a header row.
func TestFilesEmpty(t *testing.T) {
	s := &site.Site{Config: &config.Config{BaseURL: "https://example.org/", Location: time.UTC}}
	list, err := opendata.Files(s)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range list {
		files[f.Path] = f.Data
	}
	for _, name := range []string{"updates", "events", "campaigns"} {
		fromJSON, fromCSV := read(t, files, name)
		if len(fromJSON) != 0 || len(fromCSV) != 0 {
			t.Errorf("%s: got %d JSON objects and %d CSV rows, want none", name, len(fromJSON), len(fromCSV))
		}
	}
}
