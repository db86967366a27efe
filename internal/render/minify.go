package render

import (
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// htmlMinifier keeps document tags, end tags, attribute quotes and default
// attribute values.
var htmlMinifier = &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true}

// layoutMediaType is the media type under which Minifier minifies a
// layout: HTML with Go template {{actions}} left alone.
const layoutMediaType = "text/x-go-template+html"

// Minifier returns the minifier for every kind of file engage writes. HTML
// keeps its document tags, end tags and attribute quotes, which old
// browsers and assistive technology handle more reliably.
func Minifier() *minify.M {
	m := minify.New()
	m.Add("text/html", htmlMinifier)
	layouts := *htmlMinifier
	layouts.TemplateDelims = html.GoTemplateDelims
	m.Add(layoutMediaType, &layouts)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]xml$"), xml.Minify)
	return m
}
