package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/engage-ssg/engage/internal/diag"
	"github.com/engage-ssg/engage/internal/site"
	"github.com/tdewolff/minify/v2"
)

// LayoutDir is the folder of layouts in a site and in the theme.
const LayoutDir = "layouts"

// themeBase is the base layout of every page whose type has none of its
// own.
const themeBase = "_default/baseof.html"

// candidates lists the layouts that may render p, most specific first.
func candidates(p *site.Page) []string {
	t := p.Type
	switch p.Kind {
	case site.KindHome:
		return []string{"index.html", "_default/list.html"}
	case site.KindSection:
		return []string{t + "/list.html", "_default/list.html"}
	case site.KindTaxonomy:
		return []string{t + "/terms.html", "_default/terms.html"}
	case site.KindTerm:
		return []string{t + "/term.html", "_default/term.html", "_default/list.html"}
	case site.KindNotFound:
		return []string{"404.html"}
	case site.KindSearch:
		return []string{"search/single.html", "_default/search.html"}
	case site.KindReport:
		return []string{t + "/report.html", "_default/report.html"}
	}
	if p.IsEasyRead() {
		return []string{t + "/easy.html", "_default/easy.html", t + "/single.html", "_default/single.html"}
	}
	return []string{t + "/single.html", "_default/single.html"}
}

// templates parses layouts on demand and keeps each combination of base
// and layout once.
type templates struct {
	layers Layers
	funcs  template.FuncMap
	sets   map[string]*template.Template
	// partials are the files under partials/ of both layers, so that a
	// site's one partial does not hide the theme's others.
	partials []string
	// minify, when set, minifies layouts as they are read (see text).
	minify *minify.M
	texts  map[string][2]string                      // each layout as written and minified
	orig   map[*template.Template]*template.Template // a minified set → the set as written
	// natives are the partials parsed as {{themePartial}} when minifying
	// (native.go); stubbed are the sets parsed so.
	natives map[string]bool
	stubbed map[*template.Template]bool
	// nativeBase is set when the theme's baseof.html is parsed as
	// {{themeBase}} calls when minifying; baseStubbed are the sets
	// parsed so.
	nativeBase  bool
	baseStubbed map[*template.Template]bool
	// mainInGo are the sets among them whose page layout's "main" block
	// is written in Go (native_single.go), with that layout's name.
	mainInGo map[*template.Template]string
	// direct are the sets among those whose every part is written in Go
	// (no "head" block, the theme's breadcrumbs), with the name of their
	// "main" block's layout: WritePage writes their pages with writeDirect
	// rather than executing the set.
	direct map[*template.Template]string
}

// lookup returns the template set for a page, parsing it the first time.
// It is called before rendering starts, from one goroutine.
func (ts *templates) lookup(p *site.Page) (*template.Template, string, *diag.Problem) {
	layout := ""
	for _, c := range candidates(p) {
		if _, err := fs.Stat(ts.layers, c); err == nil {
			layout = c
			break
		}
	}
	if layout == "" {
		return nil, "", &diag.Problem{Path: LayoutDir, Message: fmt.Sprintf("there is no layout for %s (looked for %s)", p.URL, strings.Join(candidates(p), ", ")), Fix: "add one of those files, or restore _default/single.html and _default/list.html"}
	}
	base := themeBase
	if _, err := fs.Stat(ts.layers, p.Type+"/baseof.html"); err == nil {
		base = p.Type + "/baseof.html"
	}
	key := base + "|" + layout
	if t, ok := ts.sets[key]; ok {
		return t, key, nil
	}
	t, prob := ts.parse(base, layout)
	if prob != nil {
		return nil, key, prob
	}
	ts.sets[key] = t
	return t, key, nil
}

func (ts *templates) parse(base, layout string) (*template.Template, *diag.Problem) {
	files := []string{base}
	files = append(files, ts.partials...)
	files = append(files, layout)
	return ts.set(base, files, true)
}

// parsePartials parses every partial into one set, for partialCached.
func (ts *templates) parsePartials() (*template.Template, *diag.Problem) {
	return ts.set("partials", ts.partials, true)
}

// set parses files into one template set named name, the first file
// being the set's own template when it is name. With minifying on, the set
// is parsed from the minified layouts, and the set parsed from the layouts
// as written is kept beside it (ts.orig), to report problems at the
// right line. With natives, the theme's partials that are written in Go
// are parsed as calls to it in the minified set, unless a later file of
// the set defines one of them again: then that set keeps the layout text
// of them all.
func (ts *templates) set(name string, files []string, natives bool) (*template.Template, *diag.Problem) {
	mainInGo := ""
	orig := template.New(name).Funcs(ts.funcs).Option("missingkey=error")
	min := template.New(name).Funcs(ts.funcs).Option("missingkey=error")
	for _, f := range files {
		text, minified, prob := ts.text(f)
		if prob != nil {
			return nil, prob
		}
		o, m := orig, min
		if f != name {
			o, m = orig.New(f), min.New(f)
		}
		if _, err := o.Parse(text); err != nil {
			return nil, ts.problem(err, f)
		}
		if ts.minify == nil {
			continue
		}
		if natives && ts.natives[f] {
			switch {
			case !nativeMain(f):
				minified = themePartialCall(f)
			case ts.nativeBase && name == themeBase:
				minified = `{{define "main"}}` + themePartialCall(f) + `{{end}}`
				mainInGo = f
			}
		}
		if natives && ts.nativeBase && f == themeBase && f == name {
			minified = themeBaseText
		}
		if _, err := m.Parse(minified); err != nil {
			// The minifier made something Go cannot read: use the layout
			// as written.
			if _, err := m.Parse(text); err != nil {
				return nil, ts.problem(err, f)
			}
		}
	}
	if ts.minify == nil {
		return orig, nil
	}
	if natives {
		// A template's tree carries the name of the file text it was
		// parsed from: another name means a later file defined it again.
		scope := nativeScope(ts.natives)
		if ts.nativeBase && name == themeBase {
			scope[themeBase] = true
		}
		for f := range scope {
			if t := min.Lookup(f); t != nil && t.Tree != nil && t.Tree.ParseName != f {
				return ts.set(name, files, false)
			}
		}
		ts.stubbed[min] = true
		if ts.nativeBase && name == themeBase {
			ts.baseStubbed[min] = true
			ts.mainInGo[min] = mainInGo
			if mainInGo != "" && ts.natives[breadcrumbs] && emptyBlock(min, "head") {
				ts.direct[min] = mainInGo
			}
		}
	}
	ts.orig[min] = orig
	return min, nil
}

// emptyBlock reports whether set's template name is defined and empty,
// as the theme's base defines its "head" block.
func emptyBlock(set *template.Template, name string) bool {
	t := set.Lookup(name)
	return t != nil && t.Tree != nil && t.Tree.Root != nil && len(t.Tree.Root.Nodes) == 0
}

// themePartialCall is the layout text a partial written in Go is parsed as.
func themePartialCall(name string) string {
	return `{{themePartial "` + name + `" .}}`
}

// text reads a layout and, when minifying is on, minifies it once: the
// HTML of the layouts, with their {{actions}} left as they are, is made
// small here rather than in every page written.
func (ts *templates) text(f string) (text, minified string, prob *diag.Problem) {
	if t, ok := ts.texts[f]; ok {
		return t[0], t[1], nil
	}
	data, err := fs.ReadFile(ts.layers, f)
	if err != nil {
		return "", "", &diag.Problem{Path: path.Join(LayoutDir, f), Message: "cannot be read: " + err.Error()}
	}
	text, minified = string(data), string(data)
	if ts.minify != nil {
		if m, err := ts.minify.String(layoutMediaType, text); err == nil {
			minified = m
		}
	}
	ts.texts[f] = [2]string{text, minified}
	return text, minified, nil
}

var templateErr = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// problem turns a template error into a problem at the layout's line.
func (ts *templates) problem(err error, fallback string) *diag.Problem {
	var te *template.Error
	msg := err.Error()
	if errors.As(err, &te) && te.Name != "" {
		msg = te.Error()
	}
	p := &diag.Problem{Path: path.Join(LayoutDir, fallback), Message: msg, Rule: "layout"}
	if m := templateErr.FindStringSubmatch(msg); m != nil {
		p.Path = path.Join(LayoutDir, m[1])
		p.Line, _ = strconv.Atoi(m[2])
		p.Col, _ = strconv.Atoi(m[3])
		p.Message = m[4]
		fallback = m[1]
	}
	if !ts.layers.FromSite(fallback) {
		p.Message += " (in the built-in theme)"
	}
	p.Fix = "fix the layout; template syntax is Go's html/template"
	return p
}
