package build_test

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html"
	"path"
	"regexp"
	"strings"
)

var (
	linkAttr    = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	refreshAttr = regexp.MustCompile(`http-equiv="refresh" content="0; url=([^"]*)"`)
	idAttr      = regexp.MustCompile(`\sid="([^"]*)"`)
	integrity   = regexp.MustCompile(`<(?:link|script)\s[^>]*?(?:href|src)="([^"]+)"[^>]*?\sintegrity="([^"]+)"`)
	hashedName  = regexp.MustCompile(`\.([0-9a-f]{8})\.(?:css|js)$`)
)

// checkLinks follows every link, image and redirect of every HTML file of
// a built site and returns what is wrong: a link that leaves out the base
// path, a link to a file that was not written, a #fragment with no
// matching id. Addresses that start with baseURL are checked as site
// links too; other absolute addresses (mailto:, tel:, other hosts) are
// not.
func checkLinks(site map[string][]byte, baseURL string) []string {
	basePath := "/"
	if i := strings.Index(baseURL, "://"); i >= 0 {
		if j := strings.Index(baseURL[i+3:], "/"); j >= 0 {
			basePath = baseURL[i+3+j:]
		}
	}
	var problems []string
	for _, name := range names(site) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(site[name])
		var dests []string
		for _, m := range linkAttr.FindAllStringSubmatch(page, -1) {
			dests = append(dests, m[1])
		}
		for _, m := range refreshAttr.FindAllStringSubmatch(page, -1) {
			dests = append(dests, m[1])
		}
		for _, d := range dests {
			d = html.UnescapeString(d)
			if baseURL != "" && baseURL != "/" && strings.HasPrefix(d, baseURL) {
				d = basePath + strings.TrimPrefix(d, baseURL)
			}
			target, frag, _ := strings.Cut(d, "#")
			target, _, _ = strings.Cut(target, "?")
			switch {
			case target == "" && frag != "":
				if !hasID(page, frag) {
					problems = append(problems, fmt.Sprintf("%s: %q: no id %q on the page", name, d, frag))
				}
				continue
			case strings.Contains(target, ":") || strings.HasPrefix(target, "//"):
				continue // another site, mailto: or tel:
			case !strings.HasPrefix(target, basePath):
				problems = append(problems, fmt.Sprintf("%s: %q does not start with the base path %s", name, d, basePath))
				continue
			}
			file := strings.TrimPrefix(target, basePath)
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			data, ok := site[path.Clean(file)]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: %q: %s was not written", name, d, file))
				continue
			}
			if frag != "" && strings.HasSuffix(file, ".html") && !hasID(string(data), frag) {
				problems = append(problems, fmt.Sprintf("%s: %q: no id %q on %s", name, d, frag, file))
			}
		}
	}
	return problems
}

func hasID(page, id string) bool {
	for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
		if html.UnescapeString(m[1]) == id {
			return true
		}
	}
	return false
}

// checkIntegrity checks every integrity attribute of every HTML file
// against the file it names, and the content hash in that file's name. It
// returns the problems and how many attributes it checked.
func checkIntegrity(site map[string][]byte, basePath string) ([]string, int) {
	var problems []string
	checked := 0
	for _, name := range names(site) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range integrity.FindAllStringSubmatch(string(site[name]), -1) {
			checked++
			url, want := html.UnescapeString(m[1]), html.UnescapeString(m[2])
			file := strings.TrimPrefix(url, basePath)
			data, ok := site[file]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: %s was not written", name, url))
				continue
			}
			sum := sha512.Sum384(data)
			if got := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); got != want {
				problems = append(problems, fmt.Sprintf("%s: integrity of %s: got %s, want %s", name, url, got, want))
			}
			h := hashedName.FindStringSubmatch(file)
			if h == nil {
				problems = append(problems, fmt.Sprintf("%s: %s has no content hash in its name", name, url))
				continue
			}
			name256 := sha256.Sum256(data)
			if got := hex.EncodeToString(name256[:4]); got != h[1] {
				problems = append(problems, fmt.Sprintf("%s: hash in the name of %s: got %s, want %s", name, url, h[1], got))
			}
		}
	}
	return problems, checked
}
