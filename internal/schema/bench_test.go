package schema_test

import (
	"testing"

	"github.com/engage-ssg/engage/internal/schema"
	"gopkg.in/yaml.v3"
)

// benchFront is the front matter of an event page of the generated
// benchmark site, with a flow list, nested fields and a list of sets of
// fields.
const benchFront = `title: Adult social care drop-in session in Ashford Green
summary: Local people helped to shape plans for the library in January to make local services fairer.
date: 2020-08-31
start: 2020-11-06T19:30
end: 2020-11-06T22:30
attendance: in-person
venue:
  name: Kingsmead family hub
  address: 90 Market Square, Kingsmead
  postcode: SG8 8OY
accessibility:
  - hearing loop
  - quiet room
  - changing places toilet
booking:
  url: https://bench.example.org/book/adult-social-care-drop-in-session-145/
  required: false
contact:
  name: Femi Davies
  email: femi.davies@bench.example.org
documents:
  - title: "Large print version: Adult social care drop-in session in Ashford Green"
    url: https://bench.example.org/documents/adult-social-care-drop-in-session-145-1.pdf
  - title: "Meeting papers: Adult social care drop-in session in Ashford Green"
    url: https://bench.example.org/documents/adult-social-care-drop-in-session-145-2.pdf
topics: [transport, bus routes, recycling]
audiences:
  - families
`

func BenchmarkUnmarshalString(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var doc yaml.Node
		if err := schema.UnmarshalString(benchFront, &doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReader reads one front matter after another, as the parse
// stage does.
func BenchmarkReader(b *testing.B) {
	var r schema.Reader
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Read(benchFront); err != nil {
			b.Fatal(err)
		}
	}
}

type benchEvent struct {
	Title         string   `yaml:"title" schema:"required"`
	Summary       string   `yaml:"summary"`
	Date          string   `yaml:"date"`
	Start         string   `yaml:"start"`
	End           string   `yaml:"end"`
	Attendance    string   `yaml:"attendance"`
	Venue         venue2   `yaml:"venue"`
	Accessibility []string `yaml:"accessibility"`
	Booking       struct {
		URL      string `yaml:"url"`
		Required bool   `yaml:"required"`
	} `yaml:"booking"`
	Contact struct {
		Name  string `yaml:"name"`
		Email string `yaml:"email"`
	} `yaml:"contact"`
	Documents []struct {
		Title string `yaml:"title" schema:"required"`
		URL   string `yaml:"url"`
	} `yaml:"documents"`
	Topics    []string `yaml:"topics"`
	Audiences []string `yaml:"audiences"`
}

type venue2 struct {
	Name     string `yaml:"name"`
	Address  string `yaml:"address"`
	Postcode string `yaml:"postcode"`
}

func BenchmarkDecode(b *testing.B) {
	text := []byte(benchFront)
	b.ReportAllocs()
	for b.Loop() {
		var v benchEvent
		d := schema.Decoder{Path: "content/events/e.md", LineOffset: 1}
		d.Decode(text, &v)
		if len(d.Problems) > 0 {
			b.Fatal(d.Problems)
		}
	}
}
