// Package config reads site.yaml, the one file that says what a site is
// called, where it is published, who runs it and how its content is
// organised. It is the first step of the load stage; every later stage
// receives the Config value it returns.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // so Europe/London works on machines without /usr/share/zoneinfo

	"github.com/engage-ssg/engage/internal/colour"
	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/schema"
)

// File is the name of the site configuration file.
const File = "site.yaml"

// Config is the decoded site.yaml with defaults applied.
type Config struct {
	Title        string                `yaml:"title" schema:"required"`
	Description  string                `yaml:"description"`
	BaseURL      string                `yaml:"base_url"`
	Language     string                `yaml:"language"`
	TimeZone     string                `yaml:"time_zone"`
	Organisation Organisation          `yaml:"organisation" schema:"required"`
	Menus        map[string][]MenuItem `yaml:"menus"`
	Taxonomies   []string              `yaml:"taxonomies"`
	PerPage      int                   `yaml:"per_page"`
	Markdown     Markdown              `yaml:"markdown"`
	Minify       *bool                 `yaml:"minify"`
	// OutcomeWeeks is how long after a consultation closes engage waits
	// for a "you said, we did" update before it warns.
	OutcomeWeeks int `yaml:"outcome_weeks"`
	// FeedLimit is how many entries each feed holds (default 50).
	FeedLimit int `yaml:"feed_limit"`
	// Writing holds the targets of the content checks.
	Writing Writing `yaml:"writing"`
	// BrandColour colours the header, links and buttons. It must have a
	// contrast of at least 4.5:1 against white.
	BrandColour string `yaml:"brand_colour"`
	// Accessibility is the content of the generated accessibility statement.
	Accessibility Accessibility `yaml:"accessibility"`

	// BrandText is the text colour used on the brand colour; set by Parse.
	BrandText string `yaml:"-"`

	// Location is TimeZone loaded; set by Load.
	Location *time.Location `yaml:"-"`
	// Positions records where each key was written, for later problems.
	Positions schema.Positions `yaml:"-"`
}

// Organisation is who runs the site; the footer shows it as the contact
// route for other formats (large print, easy read, audio, BSL).
type Organisation struct {
	Name    string `yaml:"name" schema:"required"`
	Address string `yaml:"address"`
	Phone   string `yaml:"phone"`
	Email   string `yaml:"email"`
}

// MenuItem is one link in a menu.
type MenuItem struct {
	Name   string `yaml:"name" schema:"required"`
	URL    string `yaml:"url" schema:"required"`
	Weight int    `yaml:"weight"`
}

// Accessibility is what the accessibility statement says, as the Public
// Sector Bodies Accessibility Regulations 2018 require.
type Accessibility struct {
	// Compliance is "full", "partial" (the default) or "not".
	Compliance string `yaml:"compliance"`
	// Issues are the parts of the site that are not accessible, and why.
	Issues []Issue `yaml:"issues"`
	// Prepared and Reviewed are dates, such as 2026-09-01.
	Prepared string `yaml:"prepared"`
	Reviewed string `yaml:"reviewed"`
	// Tested says how the site was tested.
	Tested string `yaml:"tested"`
	// Response is how quickly requests for other formats are answered.
	Response string `yaml:"response"`
}

// Issue is one thing that is not accessible yet.
type Issue struct {
	What  string `yaml:"what" schema:"required"`
	Why   string `yaml:"why"`
	FixBy string `yaml:"fix_by"`
}

// Writing holds the plain-English targets that the content checks warn
// against.
type Writing struct {
	// ReadingAge is the highest reading age a page should need (default 12).
	ReadingAge float64 `yaml:"reading_age"`
	// Abbreviations are known to every reader and need no explanation
	// (default NHS, GP, UK).
	Abbreviations []string `yaml:"abbreviations"`
}

// Markdown holds the Markdown options.
type Markdown struct {
	// RawHTML lets HTML written in content through unescaped. Content files
	// are not trusted by default.
	RawHTML bool `yaml:"raw_html"`
}

// Defaults for keys site.yaml leaves out.
const (
	DefaultLanguage = "en-GB"
	DefaultTimeZone = "Europe/London"
	DefaultPerPage  = 10
	// DefaultOutcomeWeeks: a consultation closed this long with no
	// published outcome gets a warning.
	DefaultOutcomeWeeks = 12
	// DefaultFeedLimit is how many entries a feed holds.
	DefaultFeedLimit = 50
)

// DefaultReadingAge is the reading age the content checks aim for.
const DefaultReadingAge = 12

// DefaultAbbreviations need no explanation on first use.
var DefaultAbbreviations = []string{"NHS", "GP", "UK"}

// DefaultTaxonomies are the taxonomies a site has when it names none.
var DefaultTaxonomies = []string{"topics", "areas", "audiences"}

// Load reads site.yaml from the site folder and applies defaults. The
// returned List holds every problem; Config is only usable when it has no
// errors.
func Load(fsys fs.FS) (*Config, diag.List) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		var list diag.List
		if errors.Is(err, fs.ErrNotExist) {
			list.Errorf(File, 0, 0, "", "create site.yaml with at least 'title:' and 'organisation:' (see the README)", "the site has no site.yaml")
		} else {
			list.Errorf(File, 0, 0, "", "", "cannot be read: %v", err)
		}
		return nil, list
	}
	return Parse(data)
}

// Parse decodes site.yaml text and applies defaults.
func Parse(data []byte) (*Config, diag.List) {
	c := &Config{}
	d := schema.Decoder{Path: File}
	d.Decode(data, c)
	c.Positions = d.Positions
	list := d.Problems
	pos := func(key string) schema.Pos { return c.Positions.Of(key, schema.Pos{Line: 1, Col: 1}) }

	if c.Language == "" {
		c.Language = DefaultLanguage
	}
	if c.TimeZone == "" {
		c.TimeZone = DefaultTimeZone
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil || c.TimeZone == "Local" {
		p := pos("time_zone")
		list.Errorf(File, p.Line, p.Col, "time_zone", "write a name from the IANA list, such as Europe/London", "%q is not a time zone", c.TimeZone)
		loc = time.UTC
	}
	c.Location = loc
	if c.PerPage == 0 {
		c.PerPage = DefaultPerPage
	}
	if c.PerPage < 0 {
		p := pos("per_page")
		list.Errorf(File, p.Line, p.Col, "per_page", "write a number of items such as 10", "must be more than 0")
		c.PerPage = DefaultPerPage
	}
	if c.BrandColour != "" {
		p := pos("brand_colour")
		if rgb, err := colour.Parse(c.BrandColour); err != nil {
			list.Errorf(File, p.Line, p.Col, "brand_colour", "write a colour as # and six hex digits, such as \"#005eb8\" (in quotes)", "%v", err)
			c.BrandColour = ""
		} else if ratio := colour.Contrast(rgb, colour.White); ratio < 4.5 {
			list.Errorf(File, p.Line, p.Col, "brand_colour", "choose a darker colour: links and white text on it need at least 4.5:1 (NHS blue #005eb8 has 6.4:1)",
				"%s has a contrast of %.1f:1 against white", c.BrandColour, math.Floor(ratio*10)/10)
			c.BrandColour = ""
		} else {
			c.BrandColour = rgb.Hex()
			c.BrandText = colour.TextOn(rgb).Hex()
		}
	}
	switch c.Accessibility.Compliance {
	case "":
		c.Accessibility.Compliance = "partial"
	case "full", "partial", "not":
	default:
		p := pos("accessibility.compliance")
		list.Errorf(File, p.Line, p.Col, "accessibility.compliance", "write full, partial or not", "%q is not a compliance status", c.Accessibility.Compliance)
	}
	for _, k := range []string{"prepared", "reviewed"} {
		v := c.Accessibility.Prepared
		if k == "reviewed" {
			v = c.Accessibility.Reviewed
		}
		if v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", v); err != nil {
			p := pos("accessibility." + k)
			list.Errorf(File, p.Line, p.Col, "accessibility."+k, "write a date such as 2026-09-01", "%q is not a date", v)
		}
	}
	for i, is := range c.Accessibility.Issues {
		if is.FixBy == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", is.FixBy); err != nil {
			p := pos(fmt.Sprintf("accessibility.issues.%d.fix_by", i))
			list.Errorf(File, p.Line, p.Col, "accessibility.issues.fix_by", "write a date such as 2027-03-31", "%q is not a date", is.FixBy)
		}
	}
	if c.Writing.ReadingAge == 0 {
		c.Writing.ReadingAge = DefaultReadingAge
	}
	if c.Writing.Abbreviations == nil {
		c.Writing.Abbreviations = DefaultAbbreviations
	}
	if c.FeedLimit == 0 {
		c.FeedLimit = DefaultFeedLimit
	}
	if c.FeedLimit < 0 {
		p := pos("feed_limit")
		list.Errorf(File, p.Line, p.Col, "feed_limit", "write a number of entries such as 50", "must be more than 0")
		c.FeedLimit = DefaultFeedLimit
	}
	if c.OutcomeWeeks == 0 {
		c.OutcomeWeeks = DefaultOutcomeWeeks
	}
	if c.Taxonomies == nil {
		c.Taxonomies = DefaultTaxonomies
	}
	for i, t := range c.Taxonomies {
		if !isName(t) {
			p := pos("taxonomies." + itoa(i))
			list.Errorf(File, p.Line, p.Col, "taxonomies", "use lower-case letters, digits and hyphens, such as 'topics'", "%q is not a usable taxonomy name", t)
		}
	}
	if c.BaseURL != "" {
		if msg := checkBaseURL(c.BaseURL); msg != "" {
			p := pos("base_url")
			list.Errorf(File, p.Line, p.Col, "base_url", "write the full address, such as https://engage.example.org/", "%s", msg)
		}
	}
	c.BaseURL = NormaliseBaseURL(c.BaseURL)
	return c, list
}

// MinifyOutput reports whether output should be minified (the default).
func (c *Config) MinifyOutput() bool { return c.Minify == nil || *c.Minify }

// NormaliseBaseURL gives a base URL exactly one trailing slash, or "/" when
// it is empty (a site served from the root of any host).
func NormaliseBaseURL(s string) string {
	if s == "" {
		return "/"
	}
	return strings.TrimRight(s, "/") + "/"
}

// checkBaseURL returns what is wrong with a base URL, or "".
func checkBaseURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "\"" + s + "\" is not a web address starting with https://"
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "\"" + s + "\" must not have a ? or # part"
	}
	return ""
}

// CheckBaseURL validates a base URL given on the command line.
func CheckBaseURL(s string) error {
	if msg := checkBaseURL(s); msg != "" {
		return errors.New(msg)
	}
	return nil
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
