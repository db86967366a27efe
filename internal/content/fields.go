package content

// The fields of each content type, on top of Meta. Dates are kept as
// written and parsed (with their positions) by the resolve stage, which
// knows the site's time zone and "now".

// Principle is the front matter of content/principles/ pages.
type Principle struct {
	Number int    `yaml:"number" schema:"required"`
	Kind   string `yaml:"kind"` // principle (default) or standard
}

// Constitution is the front matter of content/constitution/ pages.
type Constitution struct {
	Version    string     `yaml:"version"`
	Effective  string     `yaml:"effective"`
	ApprovedBy string     `yaml:"approved_by"`
	History    []Revision `yaml:"history"`
}

// Revision is one row of a constitution's document history.
type Revision struct {
	Version string `yaml:"version" schema:"required"`
	Date    string `yaml:"date" schema:"required"`
	Changes string `yaml:"changes" schema:"required"`
	By      string `yaml:"by"`
}

// Campaign is the front matter of content/campaigns/ pages: campaigns,
// consultations, surveys and engagement exercises.
type Campaign struct {
	Kind            string  `yaml:"kind"` // campaign (default), consultation, survey, engagement
	Opens           string  `yaml:"opens"`
	Closes          string  `yaml:"closes"`
	Why             string  `yaml:"why"`
	HowToRespond    Respond `yaml:"how_to_respond"`
	WhatHappensNext string  `yaml:"what_happens_next"`
	Contact         Contact `yaml:"contact"`
	Status          string  `yaml:"status"` // only to override: withdrawn or paused
}

// Respond lists the ways to respond to a campaign.
type Respond struct {
	Online string   `yaml:"online"`
	Email  string   `yaml:"email"`
	Phone  string   `yaml:"phone"`
	Post   string   `yaml:"post"`
	Events []string `yaml:"events"` // slugs of events
}

// Contact is who to ask about a campaign or event.
type Contact struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`
}

// Event is the front matter of content/events/ pages.
type Event struct {
	Start              string   `yaml:"start" schema:"required"`
	End                string   `yaml:"end" schema:"required"`
	Attendance         string   `yaml:"attendance"` // in-person (default), online, hybrid
	Venue              Venue    `yaml:"venue"`
	OnlineURL          string   `yaml:"online_url"`
	Accessibility      []string `yaml:"accessibility"`
	AccessibilityNotes string   `yaml:"accessibility_notes"`
	Booking            Booking  `yaml:"booking"`
	Status             string   `yaml:"status"` // scheduled (default), cancelled, postponed, rescheduled, moved-online
	PreviousStart      string   `yaml:"previous_start"`
	Campaign           string   `yaml:"campaign"`
	Contact            Contact  `yaml:"contact"`
}

// Venue is where an in-person or hybrid event happens.
type Venue struct {
	Name     string `yaml:"name"`
	Address  string `yaml:"address"`
	Postcode string `yaml:"postcode"`
}

// Booking says whether and how to book a place at an event.
type Booking struct {
	URL      string `yaml:"url"`
	Required bool   `yaml:"required"`
	Capacity int    `yaml:"capacity"`
}

// Update is the front matter of content/updates/ pages: "you said, we did".
type Update struct {
	WeAsked  string `yaml:"we_asked"`
	YouSaid  string `yaml:"you_said" schema:"required"`
	WeDid    string `yaml:"we_did" schema:"required"`
	Status   string `yaml:"status"` // planned, in-progress, done, not-possible
	Reason   string `yaml:"reason"`
	Progress *int   `yaml:"progress"`
	Source   string `yaml:"source"` // slug of a campaign or event
}

// News is the front matter of content/news/ pages.
type News struct {
	Author Author `yaml:"author"`
}

// Author is who wrote a news post.
type Author struct {
	Name string `yaml:"name" schema:"required"`
	Role string `yaml:"role"`
}

// Document is a file or web page a page offers: a strategy, a report, a
// PDF of the constitution.
type Document struct {
	Title string `yaml:"title" schema:"required"`
	File  string `yaml:"file"`
	URL   string `yaml:"url"`
}

// Fields holds the type-specific front matter of a page; only the one
// that matches the page's type is set.
type Fields struct {
	Principle    *Principle
	Constitution *Constitution
	Campaign     *Campaign
	Event        *Event
	Update       *Update
	News         *News
}

// typeFields returns, for a content type, a fresh struct for its fields
// and a function that stores it in Fields. Types without fields of their
// own return nil.
func typeFields(typ string) (any, func(*Fields, any)) {
	switch typ {
	case "principles":
		return &Principle{}, func(f *Fields, v any) { f.Principle = v.(*Principle) }
	case "constitution":
		return &Constitution{}, func(f *Fields, v any) { f.Constitution = v.(*Constitution) }
	case "campaigns":
		return &Campaign{}, func(f *Fields, v any) { f.Campaign = v.(*Campaign) }
	case "events":
		return &Event{}, func(f *Fields, v any) { f.Event = v.(*Event) }
	case "updates":
		return &Update{}, func(f *Fields, v any) { f.Update = v.(*Update) }
	case "news":
		return &News{}, func(f *Fields, v any) { f.News = v.(*News) }
	}
	return nil, nil
}

// Types are the content types with fields of their own, for messages.
var Types = []string{"principles", "constitution", "campaigns", "events", "updates", "news"}
