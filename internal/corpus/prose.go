package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
)

// prose builds plain English text from the word banks, drawing every
// choice from one random source so that the text depends only on its seed.
type prose struct {
	r *rand.Rand
}

func (p *prose) pick(s []string) string { return s[p.r.IntN(len(s))] }

// chance reports true pct times in a hundred.
func (p *prose) chance(pct int) bool { return p.r.IntN(100) < pct }

// between returns a number in [lo, hi].
func (p *prose) between(lo, hi int) int { return lo + p.r.IntN(hi-lo+1) }

// fill replaces the {slots} in s with words drawn from the pools.
func (p *prose) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}') + i
		b.WriteString(s[:i])
		switch s[i+1 : j] {
		case "topic":
			b.WriteString(p.pick(topics))
		case "area":
			b.WriteString(p.pick(areas))
		case "audience":
			b.WriteString(p.pick(audiences))
		case "month":
			b.WriteString(p.pick(months))
		case "number":
			b.WriteString(strconv.Itoa(p.between(5, 200) * 10))
		case "percent":
			b.WriteString(strconv.Itoa(p.between(30, 90)))
		default:
			panic("corpus: unknown slot " + s[i:j+1])
		}
		s = s[j+1:]
	}
}

// object returns a noun phrase, now and then emphasised.
func (p *prose) object() string {
	o := p.fill(p.pick(objects))
	switch n := p.r.IntN(100); {
	case n < 6:
		return "*" + o + "*"
	case n < 10:
		return "**" + o + "**"
	}
	return o
}

// sentence returns one sentence of 8 to 20 words.
func (p *prose) sentence() string {
	for {
		var parts []string
		switch n := p.r.IntN(10); {
		case n < 5:
			parts = []string{p.pick(subjects), p.pick(verbs), p.object()}
		case n < 7:
			parts = []string{"You can", p.pick(actions)}
		case n < 8:
			parts = []string{"Tell us what you think about", p.object()}
		case n < 9:
			parts = []string{p.fill(p.pick(statistics))}
		default:
			parts = []string{"We heard that", p.object(), p.pick(findings)}
		}
		want := p.between(8, 20)
		n := countWords(strings.Join(parts, " "))
		for _, extra := range [...][]string{{"in {area}"}, modifiers, clauses} {
			if n >= want || !p.chance(70) {
				continue
			}
			e := p.fill(p.pick(extra))
			if k := countWords(e); n+k <= 20 {
				parts = append(parts, e)
				n += k
			}
		}
		if n >= 8 && n <= 20 {
			return upperFirst(strings.Join(parts, " ")) + "."
		}
	}
}

// paragraph returns n sentences.
func (p *prose) paragraph(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = p.sentence()
	}
	return strings.Join(s, " ")
}

// countWords counts the fields that hold at least one letter, so that
// Markdown punctuation such as "|", "-" and "1." is not counted.
func countWords(s string) int {
	n, letter := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if letter {
				n++
			}
			letter = false
		case unicode.IsLetter(r):
			letter = true
		}
	}
	if letter {
		n++
	}
	return n
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// slugify turns a title into lower-case words joined by hyphens, keeping at
// most maxWords words.
func slugify(s string, maxWords int) string {
	var words []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	}) {
		if f = strings.ReplaceAll(f, "'", ""); f != "" {
			words = append(words, f)
		}
		if len(words) == maxWords {
			break
		}
	}
	for len(words) > 1 && dangling[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, "-")
}

// dangling words read badly at the end of a shortened slug.
var dangling = map[string]bool{"a": true, "at": true, "for": true, "in": true, "of": true, "on": true, "the": true, "to": true}
