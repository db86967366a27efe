package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engage-ssg/engage/internal/build"
	"github.com/google/go-cmp/cmp"
)

// cafePage is a valid event that other pages of the problem tests link to.
const cafePage = "---\ntitle: Carers café\nstart: 2026-12-07T10:00\nend: 2026-12-07T12:00\nvenue: {name: Community hall}\n---\nIntro.\n\n## When\n\nMondays.\n"

// buildProblems builds a site made of files plus content/events/cafe.md
// and returns the problems, checking that the build failed with
// ErrProblems and wrote nothing.
func buildProblems(t *testing.T, files map[string]string) []string {
	t.Helper()
	if _, ok := files["content/events/cafe.md"]; !ok {
		files["content/events/cafe.md"] = cafePage
	}
	src := writeSite(t, files)
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), opts(src, dest))
	if !errors.Is(err, build.ErrProblems) {
		t.Errorf("Build: got error %v, want ErrProblems", err)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("Build with problems created %s (stat: %v), want nothing written", dest, err)
	}
	if left := stagingLeft(t, dest); len(left) > 0 {
		t.Errorf("staging folders left behind: %q", left)
	}
	return problemLines(res)
}

// TestProblems checks the exact text and position of each kind of content
// problem: path:line:col: field: message; fix.
func TestProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "missing title",
			files: map[string]string{"content/a.md": "---\nsummary: No title here.\n---\nText.\n"},
			want:  []string{"content/a.md:2:1: title: is required; add a line 'title: ...'"},
		},
		{
			name:  "unknown field",
			files: map[string]string{"content/a.md": "---\ntitle: A\nsumary: Misspelt.\n---\n"},
			want:  []string{`content/a.md:3:1: sumary: unknown field here; did you mean "summary"?`},
		},
		{
			name:  "unknown field without a near name",
			files: map[string]string{"content/a.md": "---\ntitle: A\nvenue_capacity: 40\n---\n"},
			want:  []string{"content/a.md:3:1: venue_capacity: unknown field here; remove it, or check the spelling against the README"},
		},
		{
			name:  "bad date",
			files: map[string]string{"content/a.md": "---\ntitle: A\ndate: 14th March\n---\n"},
			want:  []string{`content/a.md:3:7: date: "14th March" is not a date; write 2026-03-14 or 2026-03-14T10:00`},
		},
		{
			name:  "bad true or false",
			files: map[string]string{"content/a.md": "---\ntitle: A\ndraft: maybe\n---\n"},
			want:  []string{`content/a.md:3:8: draft: "maybe" is not true or false; write true or false`},
		},
		{
			name:  "no front matter",
			files: map[string]string{"content/a.md": "# A\n"},
			want:  []string{"content/a.md:1:1: has no front matter; start the file with a line '---', then fields such as 'title: Carers café', then another '---' line"},
		},
		{
			name:  "broken site-path link",
			files: map[string]string{"content/a.md": "---\ntitle: A\n---\nCome to the [café](/event/cafe/).\n"},
			want:  []string{`content/a.md:4:13: link: "/event/cafe/" is not a page or file on this site; did you mean "/events/cafe/"?`},
		},
		{
			name:  "broken site-path image far from any page",
			files: map[string]string{"content/a.md": "---\ntitle: A\n---\n![A map](/images/valley-map-large.png)\n"},
			want:  []string{`content/a.md:4:1: image: "/images/valley-map-large.png" is not a page or file on this site; check the file name: put pictures under assets/images/ and write /assets/images/name.png, or put the picture beside the page in its bundle folder`},
		},
		{
			name: "broken relative .md link",
			files: map[string]string{
				"content/news/a.md": "---\ntitle: A\n---\nIntro.\n\nSee [the café](../events/cafee.md).\n",
			},
			want: []string{"content/news/a.md:6:5: link: there is no file content/events/cafee.md; did you mean content/events/cafe.md?"},
		},
		{
			name:  "relative .md link outside content",
			files: map[string]string{"content/a.md": "---\ntitle: A\n---\n[up](../site.md)\n"},
			want:  []string{`content/a.md:4:1: link: "../site.md" points outside the content folder; link to a file inside content/`},
		},
		{
			name: "link to a draft",
			files: map[string]string{
				"content/a.md":           "---\ntitle: A\n---\nSee [the plan](events/plan.md).\n",
				"content/events/plan.md": "---\ntitle: Plan\ndraft: true\nstart: 2027-01-11T10:00\nend: 2027-01-11T12:00\nvenue: {name: Community hall}\n---\n",
			},
			want: []string{"content/a.md:4:5: link: content/events/plan.md is a draft, so it will not be published; remove the link, or publish that page first"},
		},
		{
			name: "link to a future page",
			files: map[string]string{
				"content/a.md":           "---\ntitle: A\n---\nSee [the plan](events/plan.md).\n",
				"content/events/plan.md": "---\ntitle: Plan\ndate: 2027-01-01\nstart: 2027-01-11T10:00\nend: 2027-01-11T12:00\nvenue: {name: Community hall}\n---\n",
			},
			want: []string{"content/a.md:4:5: link: content/events/plan.md is dated in the future (2027-01-01), so it will not be published; remove the link, or publish that page first"},
		},
		{
			name:  "missing anchor on another page",
			files: map[string]string{"content/a.md": "---\ntitle: A\n---\nCafé times: [when](/events/cafe/#times).\n"},
			want:  []string{`content/a.md:4:13: link: there is no heading with the id "times" on /events/cafe/; the headings there are #when`},
		},
		{
			name:  "missing anchor on the same page",
			files: map[string]string{"content/a.md": "---\ntitle: A\n---\n## Start\n\nBack to [the top](#top).\n"},
			want:  []string{`content/a.md:6:9: link: there is no heading with the id "top" on this page; the headings there are #start`},
		},
		{
			name: "two pages write the same output path",
			files: map[string]string{
				"content/b.md": "---\ntitle: B\n---\n",
				"content/x.md": "---\ntitle: X\nsummary: Moved.\nslug: b\n---\n",
			},
			want: []string{"content/x.md:4:7: writes /b/, which content/b.md also writes; give one of them a different file name or 'slug:'"},
		},
		{
			name:  "slug with ../",
			files: map[string]string{"content/a.md": "---\ntitle: A\nslug: ../../etc\n---\n"},
			want:  []string{`content/a.md:3:7: slug: "../../etc" would write outside the page's folder; use words and hyphens only, such as 'carers-cafe'`},
		},
		{
			name:  "alias outside the site",
			files: map[string]string{"content/a.md": "---\ntitle: A\naliases:\n  - /old/\n  - /../../escape/\n---\n"},
			want:  []string{`content/a.md:5:5: aliases: "/../../escape/" would write outside the site; remove the '..' parts`},
		},
		{
			name:  "alias that is not a site path",
			files: map[string]string{"content/a.md": "---\ntitle: A\naliases: [old-page]\n---\n"},
			want:  []string{`content/a.md:3:11: aliases: "old-page" is not a site path; write the old address as a site path starting with /, such as /old-consultation/`},
		},
		{
			name:  "easy-read file with no standard page",
			files: map[string]string{"content/events/lunch.easy.md": "---\ntitle: Lunch\n---\n"},
			want:  []string{"content/events/lunch.easy.md:1:1: is an easy-read version, but there is no standard page lunch.md beside it; add lunch.md with the standard version, or rename this file"},
		},
		{
			name:  "site.yaml unknown key",
			files: map[string]string{"site.yaml": "title: T\norganisation:\n  name: Org\n  phon: 01632 960 000\ndescripton: A site.\n"},
			want: []string{
				`site.yaml:4:3: organisation.phon: unknown field in organisation; did you mean "phone"?`,
				`site.yaml:5:1: descripton: unknown field here; did you mean "description"?`,
			},
		},
		{
			name:  "empty front matter",
			files: map[string]string{"content/a.md": "---\n---\nText.\n"},
			want:  []string{"content/a.md:2:1: title: is required; add a line 'title: ...'"},
		},
		{
			name:  "empty site.yaml",
			files: map[string]string{"site.yaml": "# To do.\n"},
			want: []string{
				"site.yaml:1:1: organisation: is required; add a line 'organisation:' with its fields indented under it",
				"site.yaml:1:1: title: is required; add a line 'title: ...'",
			},
		},
		{
			name:  "site.yaml bad base_url",
			files: map[string]string{"site.yaml": "title: T\norganisation:\n  name: Org\nbase_url: example.org\n"},
			want:  []string{`site.yaml:4:11: base_url: "example.org" is not a web address starting with https://; write the full address, such as https://engage.example.org/`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildProblems(t, tt.files)
			diff := cmp.Diff(tt.want, got)
			if diff == "" {
				return
			}
			t.Errorf("problems (-want +got):\n%s", diff)
		})
	}
}

// TestAllProblemsReported checks that one bad file does not hide the next:
// every problem of every file is reported, sorted by file, line, column.
func TestAllProblemsReported(t *testing.T) {
	got := buildProblems(t, map[string]string{
		"content/z.md":             "---\ntitle: Z\n---\n[one](/nowhere/) and [two](/events/cafe/#nope)\n",
		"content/a.md":             "---\nsumary: x\n---\n",
		"content/news/b.md":        "---\ntitle: B\ndate: soon\n---\n[c](../events/cafe.md) [d](../events/gone.md)\n",
		"content/events/x.easy.md": "---\ntitle: X\n---\n",
		"content/events/cafe.md":   cafePage + "\n[bad](#later)\n",
	})
	want := []string{
		"content/a.md:2:1: sumary: unknown field here; did you mean \"summary\"?",
		"content/a.md:2:1: title: is required; add a line 'title: ...'",
		"content/events/cafe.md:13:1: link: there is no heading with the id \"later\" on this page; the headings there are #when",
		"content/events/x.easy.md:1:1: is an easy-read version, but there is no standard page x.md beside it; add x.md with the standard version, or rename this file",
		"content/news/b.md:3:7: date: \"soon\" is not a date; write 2026-03-14 or 2026-03-14T10:00",
		"content/news/b.md:5:24: link: there is no file content/events/gone.md; did you mean content/events/cafe.md?",
		"content/z.md:4:1: link: \"/nowhere/\" is not a page or file on this site; check the address; page addresses look like /events/carers-cafe/",
		"content/z.md:4:22: link: there is no heading with the id \"nope\" on /events/cafe/; the headings there are #when",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestOutputClashWithAsset checks that a content file or an alias that
// would write the same output file as an asset is reported, like two
// pages writing one path, instead of one silently overwriting the other
// (which one wins depends on goroutine scheduling).
func TestOutputClashWithAsset(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		wantPath string // the file the problem is reported in
		wantOut  string // the output path named in the message
	}{
		{
			name: "content file over a theme asset",
			files: map[string]string{
				"content/assets/images/easy-read/cup.svg": "<svg>my own map</svg>",
			},
			wantPath: "content/assets/images/easy-read/cup.svg",
			wantOut:  "/assets/images/easy-read/cup.svg",
		},
		{
			name: "alias over a theme asset",
			files: map[string]string{
				"content/a.md": "---\ntitle: A\naliases: [/assets/images/easy-read/cup.svg]\n---\n",
			},
			wantPath: "content/a.md",
			wantOut:  "/assets/images/easy-read/cup.svg",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["content/events/cafe.md"] = cafePage
			src := writeSite(t, tt.files)
			res, err := build.Build(context.Background(), opts(src, filepath.Join(t.TempDir(), "public")))
			if err == nil {
				t.Fatalf("%s and the theme's asset both write %s; the build succeeded and one silently overwrote the other", tt.wantPath, tt.wantOut)
			}
			if !errors.Is(err, build.ErrProblems) {
				t.Fatalf("Build: got error %v, want ErrProblems", err)
			}
			for _, p := range res.Problems {
				if p.Path == tt.wantPath && strings.Contains(p.Message, tt.wantOut) {
					return
				}
			}
			t.Errorf("problems:\n%s\nwant one in %s naming %s", res.Problems.Error(), tt.wantPath, tt.wantOut)
		})
	}
}

// TestLayoutProblems checks that a layout that does not parse or fails to
// execute is reported at the layout file and line, and that a site's own
// layouts combine with the theme's.
func TestLayoutProblems(t *testing.T) {
	const page = "---\ntitle: A\n---\nText.\n"
	const fix = "; fix the layout; template syntax is Go's html/template"
	tests := []struct {
		name   string
		layout map[string]string // files under layouts/
		want   []string          // nil: the build must succeed
	}{
		{
			name:   "parse error",
			layout: map[string]string{"_default/single.html": "{{define \"main\"}}\n<h1>{{.Page.Title}</h1>\n{{end}}\n"},
			want:   []string{"layouts/_default/single.html:2: bad character U+007D '}'" + fix},
		},
		{
			name:   "execution error",
			layout: map[string]string{"_default/single.html": "{{define \"main\"}}\n<h1>{{.Page.Title}}</h1>\n<p>{{index .Page.Terms 3}}</p>\n{{end}}\n"},
			want:   []string{`layouts/_default/single.html:3:5: executing "main" at <index .Page.Terms 3>: error calling index: index out of range: 3 (while rendering /a/)` + fix},
		},
		{
			name:   "unknown field of a page",
			layout: map[string]string{"_default/single.html": "{{define \"main\"}}\n\n<p>{{.Page.Venue}}</p>\n{{end}}\n"},
			want:   []string{`layouts/_default/single.html:3:10: executing "main" at <.Page.Venue>: can't evaluate field Venue in type *site.Page (while rendering /a/)` + fix},
		},
		{
			name:   "unknown asset",
			layout: map[string]string{"_default/single.html": "{{define \"main\"}}\n{{with asset \"css/extra.css\"}}{{.URL}}{{end}}\n{{end}}\n"},
			want:   []string{`layouts/_default/single.html:2:7: executing "main" at <asset "css/extra.css">: error calling asset: there is no assets/css/extra.css (while rendering /a/)` + fix},
		},
		{
			name:   "undefined template",
			layout: map[string]string{"_default/single.html": "{{define \"main\"}}\n<h1>{{.Page.Title}}</h1>\n<p>{{template \"partials/nope.html\" .}}</p>\n{{end}}\n"},
			want:   []string{`layouts/_default/single.html:3:14: no such template "partials/nope.html" (while rendering /a/)` + fix},
		},
		{
			name:   "a site partial beside the theme's partials",
			layout: map[string]string{"partials/extra.html": "<p>extra</p>\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/a.md": page}
			for name, data := range tt.layout {
				files["layouts/"+name] = data
			}
			src := writeSite(t, files)
			dest := filepath.Join(t.TempDir(), "public")
			res, err := build.Build(context.Background(), opts(src, dest))
			got := problemLines(res)
			var diff string
			switch {
			case tt.want == nil && err == nil:
				diff = ""
			case tt.want == nil && err != nil:
				diff = "Build: " + err.Error() + "\n" + strings.Join(got, "\n")
			case tt.want != nil && !errors.Is(err, build.ErrProblems):
				diff = "Build: got error " + errString(err) + ", want ErrProblems"
			default:
				diff = cmp.Diff(tt.want, got)
			}
			if diff == "" {
				return
			}
			t.Errorf("problems (-want +got):\n%s", diff)
		})
	}
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}
