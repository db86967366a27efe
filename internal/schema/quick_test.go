package schema

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// quickCases are front matter that quick reads itself.
var quickCases = []string{
	"title: Carers café\n",
	"title: Carers café",
	"title: Carers café  \nsummary: Tell us what you think.\n",
	"\n\ntitle: x\n\n\nsummary:   spaced   out  \n",
	"date: 2026-03-14\nupdated: 2026-03-14T10:00\nweight: 10\nratio: 4.5\nflag: true\nno: false\nempty_ish: ~\nn: null\nyes: yes\non: off\nneg: +5\ndot: .5\n",
	"title: \"Easy read: our plans\"\nq: 'single: colon'\n",
	"title: \"\"\nsummary: ''\n",
	"topics: [parks, roads]\nareas: []\nmore: [ a b ,  c ]\nun: [é, ü, x]\n",
	"topics:\n  - parks\n  - roads\nareas:\n- Riverside\n- North field\naudiences:\n    - families\n",
	"booking:\n  url: https://example.org/book/\n  required: false\nauthor:\n  name: Dev Mensah\n",
	"documents:\n  - title: Plan\n    url: /plan.pdf\n    size: 1.2 MB\n  - title: Easy read plan\n    url: /easy.pdf\n",
	"documents:\n- title: Plan\n  url: /plan.pdf\n- title: B\n",
	"a:\n  b:\n    c: [x]\n    d:\n    - y\n  e: f\ng: h\n",
	"online_url: https://bench.example.org/join/a-b-1587/\nvenue: Hall, 3 Park Road (side door)\nq: a [b] {c} d\n",
	"type: event\nstart: 2023-06-20T09:00\nend: 2023-06-20 11:30\n",
	"title: Ffordd y Gogledd — ŵ ŷ\nsummary: 🙂 ok\n",
	"list:\n  -   title: x\n      url: y\n",
	"k: v\nk: w\n",
	"a.b: c\nx-y: z\n_u: v\n",
	"title: A & B > C | D * E ! F % G @ H\n",
	"title: Who? Why? How?\n",
	"title: x\r\n",
	"title: Windows\r\nsummary: line ends \r\ntopics:\r\n  - a\r\n  - b\r\ntags: [x, y]\r\nq: \"quoted\"\r\n",
	"k: 0x1F\nl: 1_000\nm: 0o17\nn: 1e3\no: +.inf\np: .NaN\n",
}

// slowCases are front matter that quick leaves to yaml.v3, including
// text that is not valid YAML.
var slowCases = []string{
	"",
	"   \n",
	"# a comment\ntitle: x\n",
	"title: x # comment\n",
	"summary: >\n  folded\n  text\n",
	"summary: |\n  kept\n",
	"title: \"a \\\"quoted\\\" word\"\n",
	"title: two\n  lines\n",
	"base: &b\n  x: 1\nother: *b\n",
	"title: !!str 3\n",
	"topics: {a: 1}\n",
	"title:\tx\n",
	"title: Carers: a guide\n",
	"title: ends:\n",
	"organisation:\n",
	"- a\n- b\n",
	"  indented: x\n",
	"k: [a, [b]]\n",
	"k: [a, b\n",
	"k: \"open\n",
	"k:\n- a\n  - b\n",
	"k: v\n  w: x\n",
	"<<: x\n",
	"k: <<\n",
	"k: - x\n",
	"---\nk: v\n",
	"k: 'it''s'\n",
	"-x: 1\n",
	"k: -.inf\n",
	"k: \u2028x\n",
	"k: \ufeffx\n",
	"k: \u0085x\n",
	"title: C#\n",
	"k: v\n-x\n",
	"k:\n  - a\n b: c\n",
	"k: [a,, b]\n",
	"k: [why?]\n",
	"k: [a ?b]\n",
	"k: [a, b?c]\n",
	"title: x\rsummary: y\n",
	"title: \"a\r\"\n",
	"? k\n: v\n",
	"k: %x\n",
	"k: @x\n",
}

func yamlV3(t testing.TB, text string) (yaml.Node, error) {
	t.Helper()
	var want yaml.Node
	err := yaml.Unmarshal([]byte(text), &want)
	return want, err
}

func TestQuickReadsFrontMatterAsYAMLDoes(t *testing.T) {
	for _, text := range quickCases {
		t.Run(text, func(t *testing.T) {
			want, err := yamlV3(t, text)
			if err != nil {
				t.Fatalf("yaml.v3: %v", err)
			}
			var got yaml.Node
			if !quick(text, &got) {
				t.Fatalf("quick left it to yaml.v3; want it read quickly")
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("quick differs from yaml.v3 (-yaml.v3 +quick):\n%s", d)
			}
		})
	}
}

func TestQuickLeavesTheRestToYAML(t *testing.T) {
	for _, text := range slowCases {
		t.Run(text, func(t *testing.T) {
			var got yaml.Node
			if quick(text, &got) {
				t.Fatalf("quick read it; want it left to yaml.v3")
			}
			want, wantErr := yamlV3(t, text)
			gotErr := Unmarshal([]byte(text), &got)
			if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("Unmarshal error %v, want %v", gotErr, wantErr)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("Unmarshal differs from yaml.v3 (-yaml.v3 +Unmarshal):\n%s", d)
			}
		})
	}
}

// TestReaderReusesItsMemory reads every case with one Reader, in turn
// and then backwards, so that each read reuses the memory of a larger or
// smaller one: each must still give what yaml.v3 gives, and a tree must
// stay whole until the Reader's next read.
func TestReaderReusesItsMemory(t *testing.T) {
	cases := append(append([]string(nil), quickCases...), slowCases...)
	for i := len(cases) - 1; i >= 0; i-- {
		cases = append(cases, cases[i])
	}
	var r Reader
	for i, text := range cases {
		want, wantErr := yamlV3(t, text)
		got, err := r.Read(text)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("read %d of %q: error %v, want %v", i, text, err, wantErr)
		}
		if d := cmp.Diff(want, *got); d != "" {
			t.Errorf("read %d of %q differs from yaml.v3 (-yaml.v3 +Reader):\n%s", i, text, d)
		}
	}
}

// TestReaderAllocations checks that a Reader reading front matter of the
// same size again allocates nothing: that is what it is for.
func TestReaderAllocations(t *testing.T) {
	text := "title: Carers café\nsummary: Tea and a chat.\ndate: 2026-03-14\n" +
		"venue:\n  name: Hall\n  postcode: NF1 2AB\ntopics: [parks, roads]\n" +
		"documents:\n  - title: Plan\n    url: /plan.pdf\naudiences:\n  - families\n  - carers\n"
	var r Reader
	var doc yaml.Node
	if !r.reader().read(text, &doc) {
		t.Fatalf("quick left %q to yaml.v3; want it read quickly", text)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = r.Read(text) }); n != 0 {
		t.Errorf("Reader.Read allocated %v times a read, want 0", n)
	}
}

// plainTags are plain values that plainTag answers for itself, with odd
// ones it must leave to yaml.v3 (want "").
var plainTags = []struct{ in, want string }{
	{"2026-03-14", "!!timestamp"},
	{"0000-01-01", "!!timestamp"},
	{"2024-02-29", "!!timestamp"},
	{"2026-02-29", "!!str"},
	{"2026-02-30", "!!str"},
	{"2026-13-01", "!!str"},
	{"2026-00-10", "!!str"},
	{"2026-03-14T10:00", "!!str"},
	{"2026-03-14 10:00", "!!str"},
	{"2026-03-14T10:00:00", ""},
	{"2026-03-14 10:00:00", ""},
	{"2026-03-14T10:00:00Z", ""},
	{"2026-3-14", ""},
	{"2026-03-14t10:00", ""},
	{"20260-03-14", ""},
	{"10", "!!int"},
	{"0", "!!int"},
	{"123456789012345678", "!!int"},
	{"1234567890123456789", ""},
	{"012", ""},
	{"09", ""},
	{"+5", ""},
	{"1_000", ""},
	{"0x1F", ""},
	{"1e3", ""},
	{"4.5", ""},
	{"01632 960123", "!!str"},
	{"90 Market Square, Kingsmead", "!!str"},
	{"10:00", "!!str"},
	{"1/2", "!!str"},
	{"3é", "!!str"},
	{"+.inf", ""},
	{".5", ""},
	{"true", "!!bool"},
	{"False", "!!bool"},
	{"tRUE", "!!str"},
	{"yes", "!!str"},
	{"on", "!!str"},
	{"~", "!!null"},
	{"~x", "!!str"},
	{"null", "!!null"},
	{"nULL", "!!str"},
	{"title", "!!str"},
	{"Hall", ""},
	{"[a]", ""},
}

// TestPlainTagAgreesWithYAML checks plainTag against yaml.v3's own
// resolver, and that it answers for the values front matter is full of.
func TestPlainTagAgreesWithYAML(t *testing.T) {
	for _, tt := range plainTags {
		got := plainTag(tt.in)
		if got != tt.want {
			t.Errorf("plainTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if yv3 := (&yaml.Node{Kind: yaml.ScalarNode, Value: tt.in}).ShortTag(); got != "" && got != yv3 {
			t.Errorf("plainTag(%q) = %q, but yaml.v3 resolves it to %q", tt.in, got, yv3)
		}
	}
}

func FuzzPlainTag(f *testing.F) {
	for _, tt := range plainTags {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		got := plainTag(s)
		if want := (&yaml.Node{Kind: yaml.ScalarNode, Value: s}).ShortTag(); got != "" && got != want {
			t.Errorf("plainTag(%q) = %q, but yaml.v3 resolves it to %q", s, got, want)
		}
	})
}

// TestQuickReadsTheDemoSite checks every front matter of the demo site
// against yaml.v3, and that quick reads most of them: a quick reader that
// gave everything to yaml.v3 would still be correct, but slow.
func TestQuickReadsTheDemoSite(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	var files, fast int
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fm, ok := frontMatter(data)
		if !ok {
			return nil
		}
		files++
		want, wantErr := yamlV3(t, string(fm))
		var got yaml.Node
		if !quick(string(fm), &got) {
			return nil
		}
		fast++
		if wantErr != nil {
			t.Errorf("%s: quick read it, yaml.v3 says %v", p, wantErr)
		} else if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: quick differs from yaml.v3 (-yaml.v3 +quick):\n%s", p, d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("found %d content files with front matter under %s; want the demo site", files, root)
	}
	if fast*10 < files*9 {
		t.Errorf("quick read %d of %d front matters; want at least 90%%", fast, files)
	}
}

// frontMatter is the text between a file's first two "---" lines.
func frontMatter(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, false
	}
	if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		return rest[:i+1], true
	}
	return nil, false
}

func FuzzQuick(f *testing.F) {
	for _, s := range append(append([]string(nil), quickCases...), slowCases...) {
		f.Add(s)
	}
	var r Reader // reused from input to input, as a parser of pages does
	f.Fuzz(func(t *testing.T, text string) {
		var got yaml.Node
		if !r.reader().read(text, &got) {
			return
		}
		want, err := yamlV3(t, text)
		if err != nil {
			t.Fatalf("quick read %q, yaml.v3 says %v", text, err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("quick differs from yaml.v3 on %q (-yaml.v3 +quick):\n%s", text, d)
		}
	})
}
