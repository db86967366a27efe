package config

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const fullSite = `title: Wrenford Valley Engage
description: How we involve local people.
base_url: https://engage.example.org/engage
language: cy
time_zone: Europe/Dublin
organisation:
  name: NHS Wrenford Valley Integrated Care Board
  address: Riverside House, 12 Mill Lane, Wrenford, ZZ1 4WV
  phone: 01632 960 123
  email: engage@wrenford.example.org
menus:
  main:
    - {name: Home, url: /, weight: 1}
    - {name: Events, url: /events/, weight: 2}
  footer:
    - {name: Accessibility, url: /accessibility/}
taxonomies: [topics, wards]
per_page: 20
markdown:
  raw_html: true
minify: false
outcome_weeks: 8
feed_limit: 20
writing:
  reading_age: 10
  abbreviations: [NHS, ICB]
brand_colour: "#330072"
accessibility:
  compliance: full
  issues:
    - {what: Old PDFs, why: Too old, fix_by: 2027-03-31}
  prepared: 2026-09-01
  reviewed: 2026-11-01
  tested: By hand.
  response: Within 5 days.
`

func TestParseFull(t *testing.T) {
	c, list := Parse([]byte(fullSite))
	if len(list) != 0 {
		t.Fatalf("Parse: unexpected problems:\n%v", list)
	}
	no := false
	want := &Config{
		Title:       "Wrenford Valley Engage",
		Description: "How we involve local people.",
		BaseURL:     "https://engage.example.org/engage/",
		Language:    "cy",
		TimeZone:    "Europe/Dublin",
		Organisation: Organisation{
			Name:    "NHS Wrenford Valley Integrated Care Board",
			Address: "Riverside House, 12 Mill Lane, Wrenford, ZZ1 4WV",
			Phone:   "01632 960 123",
			Email:   "engage@wrenford.example.org",
		},
		Menus: map[string][]MenuItem{
			"main":   {{Name: "Home", URL: "/", Weight: 1}, {Name: "Events", URL: "/events/", Weight: 2}},
			"footer": {{Name: "Accessibility", URL: "/accessibility/"}},
		},
		Taxonomies:   []string{"topics", "wards"},
		PerPage:      20,
		Markdown:     Markdown{RawHTML: true},
		Minify:       &no,
		OutcomeWeeks: 8,
		FeedLimit:    20,
		Writing:      Writing{ReadingAge: 10, Abbreviations: []string{"NHS", "ICB"}},
		BrandColour:  "#330072",
		BrandText:    "#ffffff",
		Accessibility: Accessibility{
			Compliance: "full",
			Issues:     []Issue{{What: "Old PDFs", Why: "Too old", FixBy: "2027-03-31"}},
			Prepared:   "2026-09-01", Reviewed: "2026-11-01", Tested: "By hand.", Response: "Within 5 days.",
		},
	}
	if diff := cmp.Diff(want, c, cmpopts.IgnoreFields(Config{}, "Location", "Positions")); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
	if got := c.Location.String(); got != "Europe/Dublin" {
		t.Errorf("Location = %s, want Europe/Dublin", got)
	}
	if c.MinifyOutput() {
		t.Errorf("MinifyOutput() = true, want false for minify: false")
	}
	for key, want := range map[string]int{"title": 1, "time_zone": 5, "organisation.email": 10, "menus.main.1.url": 14, "per_page": 18} {
		if got := c.Positions[key].Line; got != want {
			t.Errorf("Positions[%q].Line = %d, want %d", key, got, want)
		}
	}
}

func TestParseDefaults(t *testing.T) {
	c, list := Parse([]byte("title: T\norganisation:\n  name: O\n"))
	if len(list) != 0 {
		t.Fatalf("Parse: unexpected problems:\n%v", list)
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"language", c.Language, "en-GB"},
		{"time_zone", c.TimeZone, "Europe/London"},
		{"location", c.Location.String(), "Europe/London"},
		{"per_page", c.PerPage, 10},
		{"taxonomies", c.Taxonomies, []string{"topics", "areas", "audiences"}},
		{"base_url", c.BaseURL, "/"},
		{"minify", c.MinifyOutput(), true},
		{"raw_html", c.Markdown.RawHTML, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("default %s mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestParseBaseURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://engage.example.org", "https://engage.example.org/"},
		{"https://engage.example.org/", "https://engage.example.org/"},
		{"https://engage.example.org///", "https://engage.example.org/"},
		{"http://localhost:1313/engage", "http://localhost:1313/engage/"},
		{"https://engage.example.org/a/b/", "https://engage.example.org/a/b/"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, list := Parse([]byte("title: T\norganisation: {name: O}\nbase_url: " + tt.in + "\n"))
			if len(list) != 0 {
				t.Fatalf("unexpected problems:\n%v", list)
			}
			if c.BaseURL != tt.want {
				t.Errorf("BaseURL = %q, want %q", c.BaseURL, tt.want)
			}
		})
	}
}

func TestNormaliseBaseURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "/"},
		{"/", "/"},
		{"//", "/"},
		{"/engage", "/engage/"},
		{"https://x.org", "https://x.org/"},
		{"https://x.org//", "https://x.org/"},
	}
	for _, tt := range tests {
		if got := NormaliseBaseURL(tt.in); got != tt.want {
			t.Errorf("NormaliseBaseURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckBaseURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://engage.example.org/", ""},
		{"http://localhost:1313/", ""},
		{"https://engage.example.org/sub/path", ""},
		{"engage.example.org", `"engage.example.org" is not a web address starting with https://`},
		{"/engage/", `"/engage/" is not a web address starting with https://`},
		{"ftp://engage.example.org/", `"ftp://engage.example.org/" is not a web address starting with https://`},
		{"https://", `"https://" is not a web address starting with https://`},
		{"https://engage.example.org/?a=b", `"https://engage.example.org/?a=b" must not have a ? or # part`},
		{"https://engage.example.org/#top", `"https://engage.example.org/#top" must not have a ? or # part`},
		{"https://exa mple.org/", `"https://exa mple.org/" is not a web address starting with https://`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			err := CheckBaseURL(tt.in)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("CheckBaseURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	const org = "organisation:\n  name: O\n"
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "unknown key",
			text: "titel: T\n" + org,
			want: []string{
				`site.yaml:1:1: titel: unknown field here; did you mean "title"?`,
				`site.yaml:1:1: title: is required; add a line 'title: ...'`,
			},
		},
		{
			name: "unknown key further down",
			text: "title: T\n" + org + "time_zon: Europe/London\n",
			want: []string{`site.yaml:4:1: time_zon: unknown field here; did you mean "time_zone"?`},
		},
		{
			name: "unknown nested key",
			text: "title: T\n" + org + "  emial: a@b.org\n",
			want: []string{`site.yaml:4:3: organisation.emial: unknown field in organisation; did you mean "email"?`},
		},
		{
			name: "missing title",
			text: org,
			want: []string{`site.yaml:1:1: title: is required; add a line 'title: ...'`},
		},
		{
			name: "missing organisation name",
			text: "title: T\norganisation:\n  phone: 01632 960 123\n",
			want: []string{`site.yaml:3:3: organisation.name: is required; add a line 'name: ...'`},
		},
		{
			name: "missing menu item url",
			text: "title: T\n" + org + "menus:\n  main:\n    - {name: Home}\n",
			want: []string{`site.yaml:6:7: menus.main.0.url: is required; add a line 'url: ...'`},
		},
		{
			name: "bad time zone",
			text: "title: T\n" + org + "time_zone: Mars/Olympus\n",
			want: []string{`site.yaml:4:12: time_zone: "Mars/Olympus" is not a time zone; write a name from the IANA list, such as Europe/London`},
		},
		{
			name: "negative per_page",
			text: "title: T\n" + org + "per_page: -1\n",
			want: []string{`site.yaml:4:11: per_page: must be more than 0; write a number of items such as 10`},
		},
		{
			name: "per_page not a number",
			text: "title: T\n" + org + "per_page: ten\n",
			want: []string{`site.yaml:4:11: per_page: "ten" is not a whole number; write a whole number such as 3`},
		},
		{
			name: "base_url without scheme",
			text: "title: T\n" + org + "base_url: engage.example.org\n",
			want: []string{`site.yaml:4:11: base_url: "engage.example.org" is not a web address starting with https://; write the full address, such as https://engage.example.org/`},
		},
		{
			name: "base_url with query",
			text: "title: T\n" + org + "base_url: https://engage.example.org/?x=1\n",
			want: []string{`site.yaml:4:11: base_url: "https://engage.example.org/?x=1" must not have a ? or # part; write the full address, such as https://engage.example.org/`},
		},
		{
			name: "bad taxonomy name",
			text: "title: T\n" + org + "taxonomies: [topics, Wards, \"\"]\n",
			want: []string{
				`site.yaml:4:22: taxonomies: "Wards" is not a usable taxonomy name; use lower-case letters, digits and hyphens, such as 'topics'`,
				`site.yaml:4:29: taxonomies: "" is not a usable taxonomy name; use lower-case letters, digits and hyphens, such as 'topics'`,
			},
		},
		{
			name: "raw_html not true or false",
			text: "title: T\n" + org + "markdown:\n  raw_html: yes\n",
			want: []string{`site.yaml:5:13: markdown.raw_html: "yes" is not true or false; write true or false`},
		},
		{
			name: "invalid YAML",
			text: "title: T\n" + org + "per_page 10\nminify: true\n",
			want: []string{`site.yaml:4: this is not valid YAML: could not find expected ':'; check the indentation and that every 'key: value' has a space after the colon`},
		},
		{
			name: "every problem at once",
			text: "title: T\n" + org + "time_zone: Nowhere\nper_page: -5\nbase_url: example.org\ncolour: blue\n",
			want: []string{
				`site.yaml:7:1: colour: unknown field here; remove it, or check the spelling against the README`,
				`site.yaml:4:12: time_zone: "Nowhere" is not a time zone; write a name from the IANA list, such as Europe/London`,
				`site.yaml:5:11: per_page: must be more than 0; write a number of items such as 10`,
				`site.yaml:6:11: base_url: "example.org" is not a web address starting with https://; write the full address, such as https://engage.example.org/`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, list := Parse([]byte(tt.text))
			if c == nil {
				t.Fatal("Parse returned a nil Config")
			}
			var got []string
			for _, p := range list {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseBadValuesFallBack checks that a config with errors still has
// usable values, so that later stages can run and report more problems.
func TestParseBadValuesFallBack(t *testing.T) {
	c, list := Parse([]byte("title: T\norganisation: {name: O}\ntime_zone: Nowhere\nper_page: -5\n"))
	if got := list.Errors(); got != 2 {
		t.Fatalf("Errors() = %d, want 2:\n%v", got, list)
	}
	if c.Location != time.UTC {
		t.Errorf("Location = %v, want UTC", c.Location)
	}
	if c.PerPage != 10 {
		t.Errorf("PerPage = %d, want 10", c.PerPage)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name      string
		fsys      fstest.MapFS
		wantTitle string
		want      []string
	}{
		{
			name:      "present",
			fsys:      fstest.MapFS{"site.yaml": {Data: []byte("title: T\norganisation: {name: O}\n")}},
			wantTitle: "T",
		},
		{
			name: "missing",
			fsys: fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: T\n---\n")}},
			want: []string{"site.yaml: the site has no site.yaml; create site.yaml with at least 'title:' and 'organisation:' (see the README)"},
		},
		{
			name: "a folder",
			fsys: fstest.MapFS{"site.yaml/x": {Data: []byte("x")}},
			want: []string{"site.yaml: cannot be read: read site.yaml: invalid argument"},
		},
		{
			name: "with problems",
			fsys: fstest.MapFS{"site.yaml": {Data: []byte("title: T\norganisation: {name: O}\nper_page: -1\n")}},
			want: []string{"site.yaml:3:11: per_page: must be more than 0; write a number of items such as 10"},
			// Config is still returned for later checks.
			wantTitle: "T",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, list := Load(tt.fsys)
			var got []string
			for _, p := range list {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
			switch {
			case tt.wantTitle == "" && c != nil:
				t.Errorf("Load returned %+v, want nil", c)
			case tt.wantTitle != "" && (c == nil || c.Title != tt.wantTitle):
				t.Errorf("Load returned %+v, want title %q", c, tt.wantTitle)
			}
		})
	}
}

// TestEuropeLondon checks the default zone loads and has British Summer
// Time. The package imports time/tzdata so that this works on machines
// without /usr/share/zoneinfo; a test cannot hide the system copy from the
// time package, so this checks the zone's rules, not where they came from.
func TestEuropeLondon(t *testing.T) {
	c, list := Parse([]byte("title: T\norganisation: {name: O}\n"))
	if len(list) != 0 {
		t.Fatalf("Parse: unexpected problems:\n%v", list)
	}
	loc := c.Location
	if loc.String() != "Europe/London" {
		t.Fatalf("Location = %s, want Europe/London", loc)
	}
	for _, tt := range []struct {
		date   time.Time
		name   string
		offset int
	}{
		{time.Date(2026, 1, 14, 12, 0, 0, 0, loc), "GMT", 0},
		{time.Date(2026, 3, 28, 12, 0, 0, 0, loc), "GMT", 0},
		{time.Date(2026, 3, 29, 12, 0, 0, 0, loc), "BST", 3600},
		{time.Date(2026, 7, 14, 12, 0, 0, 0, loc), "BST", 3600},
		{time.Date(2026, 10, 25, 12, 0, 0, 0, loc), "GMT", 0},
	} {
		name, offset := tt.date.Zone()
		if name != tt.name || offset != tt.offset {
			t.Errorf("%s: zone %s%+d, want %s%+d", tt.date.Format("2006-01-02"), name, offset, tt.name, tt.offset)
		}
	}
}

func TestMinifyOutput(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"", true},
		{"minify: true\n", true},
		{"minify: false\n", false},
		{"minify:\n", true},
	} {
		c, _ := Parse([]byte("title: T\norganisation: {name: O}\n" + tt.text))
		if got := c.MinifyOutput(); got != tt.want {
			t.Errorf("%q: MinifyOutput() = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestParseEmpty: an empty site.yaml is missing its required keys.
func TestParseEmpty(t *testing.T) {
	_, list := Parse(nil)
	var got []string
	for _, p := range list {
		got = append(got, p.String())
	}
	want := []string{
		`site.yaml:1:1: title: is required; add a line 'title: ...'`,
		`site.yaml:1:1: organisation: is required; add a line 'organisation:' with its fields indented under it`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// TestParseMissingOrganisation: organisation.name is required (README,
// site.yaml section), so leaving organisation out, or empty, is an error.
func TestParseMissingOrganisation(t *testing.T) {
	for _, text := range []string{"title: T\n", "title: T\norganisation:\n"} {
		_, list := Parse([]byte(text))
		found := false
		for _, p := range list {
			if p.Field == "organisation" || p.Field == "organisation.name" {
				found = true
			}
		}
		if !found {
			t.Errorf("Parse(%q) problems = %q, want one about organisation.name", text, list.Error())
		}
	}
}

func TestBrandColour(t *testing.T) {
	tests := []struct {
		value string
		want  []string
		hex   string
	}{
		{`"#005eb8"`, nil, "#005eb8"},
		{`"#05B"`, nil, "#0055bb"},
		{`"#ffcc00"`, []string{`site.yaml:3:15: brand_colour: #ffcc00 has a contrast of 1.5:1 against white; choose a darker colour: links and white text on it need at least 4.5:1 (NHS blue #005eb8 has 6.4:1)`}, ""},
		{`"#767676"`, nil, "#767676"},
		{`"#777777"`, []string{`site.yaml:3:15: brand_colour: #777777 has a contrast of 4.4:1 against white; choose a darker colour: links and white text on it need at least 4.5:1 (NHS blue #005eb8 has 6.4:1)`}, ""},
		{`blue`, []string{`site.yaml:3:15: brand_colour: "blue" is not a colour; write a colour as # and six hex digits, such as "#005eb8" (in quotes)`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			c, list := Parse([]byte("title: T\norganisation: {name: O}\nbrand_colour: " + tt.value + "\n"))
			var got []string
			for _, p := range list {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if c.BrandColour != tt.hex {
				t.Errorf("BrandColour: got %q, want %q", c.BrandColour, tt.hex)
			}
		})
	}
}
