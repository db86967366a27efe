package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/engage-ssg/engage/internal/site"
)

// headMeta returns what a page's <head> says about the page itself: its
// <title>, description, canonical address and Open Graph tags, its other
// versions (the event's calendar file, the easy-read or standard
// version) and its schema.org JSON-LD. Every page of the site needs it,
// so it is written in Go rather than layout text: as layout text it was
// a quarter of the time of rendering a page. Layouts call it as
// {{headMeta .Page}}; a site that wants other tags writes its own
// baseof.html without it.
//
// The text is escaped as html/template would escape it in the same
// places: text and attribute values HTML-escaped, addresses normalised
// first.
func (r *Renderer) headMeta(p *site.Page) (template.HTML, error) {
	return asText(func(b *bytes.Buffer) error { return r.writeHeadMeta(b, p) })
}

// writeHeadMeta writes headMeta's tags to b.
func (r *Renderer) writeHeadMeta(b *bytes.Buffer, p *site.Page) error {
	cfg := r.site.Config
	// One tag a line, as the layout text was written; a minified site
	// gets them without the line breaks, as its layouts do.
	nl := "\n"
	if r.minifier != nil {
		nl = ""
	}
	b.WriteString("<title>")
	if p.Kind == site.KindHome {
		writeEscaped(b, cfg.Title)
	} else {
		writeEscaped(b, p.Title)
		b.WriteString(" - ")
		writeEscaped(b, cfg.Title)
	}
	b.WriteString("</title>")
	if p.Summary != "" {
		b.WriteString(nl + `<meta name="description" content="`)
		writeEscaped(b, p.Summary)
		b.WriteString(`">`)
	}
	canonical := site.AbsURL(cfg.BaseURL, p.URL)
	b.WriteString(nl + `<link rel="canonical" href="`)
	writeURL(b, canonical)
	b.WriteString(`">` + nl + `<meta property="og:type" content="`)
	if p.Kind == site.KindPage {
		b.WriteString("article")
	} else {
		b.WriteString("website")
	}
	b.WriteString(`">` + nl + `<meta property="og:title" content="`)
	writeEscaped(b, p.Title)
	b.WriteString(`">`)
	if p.Summary != "" {
		b.WriteString(nl + `<meta property="og:description" content="`)
		writeEscaped(b, p.Summary)
		b.WriteString(`">`)
	}
	b.WriteString(nl + `<meta property="og:url" content="`)
	writeEscaped(b, canonical)
	b.WriteString(`">` + nl + `<meta property="og:site_name" content="`)
	writeEscaped(b, cfg.Title)
	b.WriteString(`">` + nl + `<meta property="og:locale" content="`)
	writeEscaped(b, strings.ReplaceAll(cfg.Language, "-", "_"))
	b.WriteString(`">`)
	if p.Event != nil {
		b.WriteString(nl + `<link rel="alternate" type="text/calendar" title="`)
		writeEscaped(b, p.Title)
		b.WriteString(` (calendar)" href="`)
		writeURL(b, site.RelURL(cfg.BaseURL, p.URL)+"event.ics")
		b.WriteString(`">`)
	}
	if p.EasyRead != nil {
		b.WriteString(nl + `<link rel="alternate" href="`)
		writeURL(b, site.RelURL(cfg.BaseURL, p.EasyRead.URL))
		b.WriteString(`" title="Easy read version">`)
	}
	if p.Standard != nil {
		b.WriteString(nl + `<link rel="alternate" href="`)
		writeURL(b, site.RelURL(cfg.BaseURL, p.Standard.URL))
		b.WriteString(`" title="Standard version">`)
	}
	// JSON from encoding/json escapes <, > and &, so it cannot end the
	// script element.
	start := b.Len()
	b.WriteString(nl + `<script type="application/ld+json">`)
	if ok, err := r.writeJSONLD(b, p); err != nil || !ok {
		b.Truncate(start)
		return err
	}
	b.WriteString(`</script>`)
	return nil
}

// writeEscaped writes s escaped for HTML text or a quoted attribute
// value, with the replacements html/template makes.
func writeEscaped(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeURL writes a site address for an href attribute as html/template
// does: bytes that may not appear in an address are percent-encoded, and
// the result is escaped for the attribute. Unlike html/template it does
// not refuse addresses of other schemes than http, https and mailto: it
// is given only the site's own addresses, under a base URL that
// site.yaml's checks have accepted.
func writeURL(b *bytes.Buffer, u string) {
	const hex = "0123456789abcdef"
	i := 0
	for i < len(u) && urlKeeps(u, i) {
		i++
	}
	if i == len(u) {
		writeEscaped(b, u) // the usual case: nothing to encode
		return
	}
	norm := []byte(u[:i])
	for ; i < len(u); i++ {
		if c := u[i]; urlKeeps(u, i) {
			norm = append(norm, c)
		} else {
			norm = append(norm, '%', hex[c>>4], hex[c&15])
		}
	}
	writeEscaped(b, string(norm))
}

// urlKeeps reports whether html/template leaves byte i of address u as it
// is: letters, digits, the unreserved marks and the reserved characters
// of RFC 3986, and a '%' that begins an escape already made (two hex
// digits follow).
func urlKeeps(u string, i int) bool {
	switch c := u[i]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '%':
		return i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2])
	default:
		return strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
