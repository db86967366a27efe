package corpus

import (
	"bytes"
	"fmt"
	"strconv"
)

// siteTitle names the generated site.
const siteTitle = "Bench Community Voice"

// siteYAML returns site.yaml, using only the keys the engine documents.
func siteYAML() []byte {
	var b bytes.Buffer
	field(&b, "title", siteTitle)
	field(&b, "description", "A made-up engagement site that engage builds to measure its speed.")
	field(&b, "base_url", baseURL)
	field(&b, "language", "en-GB")
	field(&b, "time_zone", "Europe/London")
	b.WriteString("organisation:\n")
	b.WriteString("  name: " + siteTitle + "\n")
	b.WriteString("  address: 1 Market Street, Northfield, NF1 2AB\n")
	b.WriteString("  phone: " + engagePhone + "\n")
	b.WriteString("  email: hello@bench.example.org\n")
	b.WriteString("menus:\n  main:\n")
	menu := func(name, url string, weight int) {
		b.WriteString("    - name: " + name + "\n")
		b.WriteString("      url: " + url + "\n")
		b.WriteString("      weight: " + strconv.Itoa(weight) + "\n")
	}
	menu("Home", "/", 0)
	for i, s := range sections {
		menu(s.title, "/"+s.name+"/", (i+1)*10)
	}
	b.WriteString("taxonomies:\n  - topics\n  - areas\n  - audiences\n")
	b.WriteString("per_page: 20\n")
	b.WriteString("markdown:\n  raw_html: false\n")
	return b.Bytes()
}

// palette colours the images; picked by index so images never change.
var palette = []string{"#1d70b8", "#00703c", "#d4351c", "#f47738", "#4c2c92", "#28a197", "#912b88", "#505a5f"}

// images returns the photo and easy-read SVGs under assets/images.
func images() []file {
	var files []file
	for i, alt := range photos {
		svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90" width="160" height="90" role="img">`+
			`<title>%s</title><rect width="160" height="90" fill="%s"/>`+
			`<circle cx="%d" cy="40" r="18" fill="#ffffff" opacity="0.8"/>`+
			`<rect x="20" y="62" width="120" height="16" rx="8" fill="#0b0c0c" opacity="0.3"/></svg>`+"\n",
			alt, palette[i%len(palette)], 40+i*7)
		files = append(files, file{fmt.Sprintf("assets/images/photo-%d.svg", i+1), []byte(svg)})
	}
	for i := range easyImages {
		svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">`+
			`<rect width="64" height="64" rx="8" fill="%s"/>`+
			`<circle cx="32" cy="24" r="10" fill="#ffffff"/>`+
			`<rect x="%d" y="38" width="%d" height="18" rx="6" fill="#ffffff"/></svg>`+"\n",
			palette[i%len(palette)], 16+i%8, 32-2*(i%8))
		files = append(files, file{fmt.Sprintf("assets/images/easy-%d.svg", i+1), []byte(svg)})
	}
	return files
}
