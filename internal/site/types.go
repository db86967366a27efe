package site

import (
	"time"

	"github.com/engage-ssg/engage/internal/content"
)

// Principle is what a principle or standard page shows.
type Principle struct {
	Number int
	Kind   string // principle or standard
	Anchor string // id on the principles list: principle-3, standard-2
	// Evidence groups the pages that say they apply this principle by
	// content type, newest first.
	Evidence []Group
}

// Constitution is what a constitution page shows.
type Constitution struct {
	Version    string
	Effective  time.Time
	ApprovedBy string
	History    []Revision
	// Clauses are the numbered headings of the body, for the contents list.
	Clauses []Clause
}

// Revision is one row of the document history.
type Revision struct {
	Version string
	Date    time.Time
	Changes string
	By      string
}

// Clause is a numbered heading of a constitution.
type Clause struct {
	Number string // "5.2"
	Title  string // "Public involvement"
	ID     string // "clause-5-2"
	Level  int
}

// Campaign is what a campaign or consultation page shows.
type Campaign struct {
	Kind            string
	Status          string
	Opens, Closes   time.Time
	DaysLeft        int // days after today until it closes, while open
	Why             string
	Respond         content.Respond
	RespondEvents   []*Page // the events named in how_to_respond
	WhatHappensNext string
	Contact         content.Contact
	// Events are the events held for this campaign; Outcomes the updates
	// whose source is this campaign.
	Events   []*Page
	Outcomes []*Page
}

// Event is what an event page shows.
type Event struct {
	Start, End         time.Time
	When               string // "Saturday 14 March 2026, 10am to 12:30pm"
	PreviousStart      time.Time
	PreviousWhen       string
	Past               bool
	Status             string
	Attendance         string
	Venue              content.Venue
	OnlineURL          string
	Accessibility      []string
	AccessibilityNotes string
	Booking            content.Booking
	Contact            content.Contact
	Campaign           *Page
	// Outcomes are the updates whose source is this event.
	Outcomes []*Page
}

// Update is what a "you said, we did" page shows.
type Update struct {
	Status   string
	WeAsked  string
	YouSaid  string
	WeDid    string
	Reason   string
	Progress *int
	Source   *Page
}

// Document is a file or web page offered by a page.
type Document struct {
	Title string
	URL   string
	Label string // "PDF, 2.7 MB"; empty for web pages
}

// Report gathers a year's engagement: what the organisation asked, where
// it met people, what changed, and which principles it applied.
type Report struct {
	Year           int
	Consultations  []*Page // campaigns of every kind open at some point in the year
	Events         []*Page // events held (ended before now)
	Upcoming       []*Page // events of the year still to come
	Cancelled      []*Page // events cancelled
	Outcomes       []Group // updates of the year, by status
	OutcomeCounts  []Count
	Principles     []Count // principles applied, with how many pages apply each
	PrincipleLinks []*Page
}

// Count is a labelled number for a report's tables and charts.
type Count struct {
	Label string
	N     int
	Page  *Page
}
