package corpus

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/engage-ssg/engage/internal/readability"
)

// body writes one page's Markdown: blocks separated by blank lines, "##"
// and "###" headings only, links to other pages of the plan.
type body struct {
	*prose
	b      bytes.Buffer
	plan   *plan
	self   int // index of the page being written
	words  int
	links  int
	h2, h3 []string // shuffled headings, drawn from the front so none repeats

	// clauses numbers the headings as a constitution's clauses are
	// numbered ("## 5. General duties", "### 5.2 Public involvement"),
	// counting with n2 and n3.
	clauses bool
	n2, n3  int

	// read holds, when scored is set, the sentences that engage scores for
	// readability: those of paragraphs, list items, quotes and footnotes,
	// not headings or tables. Easy-read pages are not scored.
	scored bool
	read   []readability.Sentence
}

func newBody(p *prose, pl *plan, self int) *body {
	w := &body{prose: p, plan: pl, self: self}
	if pl.pages[self].section == "constitution" {
		w.h2 = shuffled(p, clauseH2s)
		w.h3 = shuffled(p, clauseH3s)
	} else {
		w.h2 = shuffled(p, h2s)
		w.h3 = shuffled(p, h3s)
	}
	return w
}

func shuffled(p *prose, s []string) []string {
	out := make([]string, len(s))
	for i, j := range p.r.Perm(len(s)) {
		out[i] = s[j]
	}
	return out
}

func draw(deck *[]string) string {
	s := (*deck)[0]
	*deck = (*deck)[1:]
	return s
}

// block writes one Markdown block and counts its words.
func (w *body) block(s string) {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	w.b.WriteString(s)
	w.b.WriteByte('\n')
	w.words += countWords(s)
	if w.scored && !strings.HasPrefix(s, "#") && !strings.HasPrefix(s, "|") {
		for _, line := range strings.Split(s, "\n") {
			w.read = append(w.read, readability.Sentences(plainText(line))...)
		}
	}
}

// age is the reading age engage works out for the page so far.
func (w *body) age() float64 { return readability.Measure(w.read).Age }

// plainText returns the words of one line of the Markdown that body
// writes, as a reader sees them: without list and quote markers,
// footnotes, emphasis, or links but for their text. An image reads as one
// word, as engage counts it.
func plainText(line string) string {
	switch {
	case strings.HasPrefix(line, "!["):
		line = "code " + line[strings.IndexByte(line, ')')+1:]
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "> "):
		line = line[2:]
	case strings.HasPrefix(line, "[^"):
		line = line[strings.IndexByte(line, ':')+1:]
	case line != "" && line[0] >= '0' && line[0] <= '9':
		if _, rest, ok := strings.Cut(line, ". "); ok {
			line = rest
		}
	}
	if !strings.ContainsAny(line, "*[") {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '*', c == '[':
		case c == ']' && i+1 < len(line) && line[i+1] == '(':
			i += strings.IndexByte(line[i:], ')')
		case c == '^' && i > 0 && line[i-1] == '[':
			i += strings.IndexByte(line[i:], ']')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func (w *body) heading(level int, text string) {
	text = w.fill(text)
	if w.clauses {
		switch level {
		case 2:
			w.n2, w.n3 = w.n2+1, 0
			text = fmt.Sprintf("%d. %s", w.n2, text)
		case 3:
			w.n3++
			text = fmt.Sprintf("%d.%d %s", w.n2, w.n3, text)
		}
	}
	w.block(strings.Repeat("#", level) + " " + text)
}

// page writes an ordinary page of about target words.
func (w *body) page(target int, table, footnote bool) {
	intro := w.paragraph(w.between(2, 4))
	if footnote {
		intro += " " + w.fill(w.pick(statistics)) + ".[^1]"
	}
	w.block(intro)
	if w.chance(40) {
		w.linkedParagraph()
	}
	for w.words < target && len(w.h2) > 0 {
		w.heading(2, draw(&w.h2))
		w.linkedParagraph()
		if table && (w.chance(40) || w.words > target*2/3) {
			w.table()
			table = false
		}
		if w.chance(35) {
			w.list(false)
		}
		if w.chance(20) {
			w.list(true)
		}
		if w.chance(25) {
			w.image()
		}
		if w.chance(15) {
			w.block("> " + w.pick(quotes))
		}
		if w.chance(30) {
			for k := w.between(1, 3); k > 0 && len(w.h3) > 0; k-- {
				w.heading(3, draw(&w.h3))
				if w.chance(70) {
					w.block(w.paragraph(w.between(2, 4)))
				} else {
					w.list(w.chance(30))
				}
			}
		}
	}
	if table {
		w.heading(2, "Key figures")
		w.table()
	}
	if len(w.plan.pages) > 1 && (w.links == 0 || w.chance(40)) {
		w.heading(2, "Find out more")
		items := make([]string, w.between(2, 4))
		for i := range items {
			items[i] = "- " + w.link()
		}
		w.block(strings.Join(items, "\n"))
	}
	if footnote {
		w.block(fmt.Sprintf("[^1]: Figures from the %s survey, which closed in %s %d.",
			w.pick(topics), w.pick(months), w.between(2020, 2025)))
	}
}

// linkedParagraph writes a paragraph of 2 to 5 sentences that sometimes
// ends with a link.
func (w *body) linkedParagraph() {
	n := w.between(2, 5)
	if len(w.plan.pages) > 1 && w.chance(35) {
		// The link sentence counts too: engage warns about paragraphs of
		// more than 5 sentences.
		w.block(w.paragraph(min(n, 4)) + " " + fmt.Sprintf(w.pick(linkSentences), w.link()))
		return
	}
	w.block(w.paragraph(n))
}

// link returns a Markdown link to another page of the plan: mostly its site
// path, sometimes a relative link to its Markdown file.
func (w *body) link() string {
	t := &w.plan.pages[w.plan.other(w.r, w.self)]
	w.links++
	target := t.url()
	if w.chance(25) {
		target = "../" + t.section + "/" + t.file + ".md"
	}
	return "[" + t.title + "](" + target + ")"
}

// list writes a lead sentence and a bullet or numbered list.
func (w *body) list(numbered bool) {
	var items []string
	if numbered {
		w.block("This is how the process works:")
		n := w.between(3, 6)
		start := w.r.IntN(len(steps) - n + 1) // consecutive, so the steps read in order
		for i, s := range steps[start : start+n] {
			items = append(items, strconv.Itoa(i+1)+". "+s)
		}
	} else {
		w.block(w.pick(listLeads))
		for range w.between(3, 6) {
			var item string
			switch n := w.r.IntN(10); {
			case n < 2 && len(w.plan.pages) > 1:
				item = w.link()
			case n < 6:
				item = upperFirst(w.pick(actions))
				if w.chance(50) {
					item += " " + w.fill(w.pick(modifiers))
				}
			default:
				item = upperFirst(w.object())
			}
			items = append(items, "- "+item)
		}
	}
	w.block(strings.Join(items, "\n"))
}

func (w *body) image() {
	k := w.r.IntN(len(photos))
	w.block(fmt.Sprintf("![%s](/assets/images/photo-%d.svg)", photos[k], k+1))
}

// table writes a lead sentence and a table with a header row.
func (w *body) table() {
	var rows [][]string
	switch w.r.IntN(3) {
	case 0:
		w.block("We are holding sessions in these places:")
		rows = append(rows, []string{"Date", "Place", "Time"})
		for range w.between(3, 5) {
			rows = append(rows, []string{
				fmt.Sprintf("%s %d %s", w.pick(weekdays), w.between(1, 28), w.pick(months)),
				w.pick(areas) + " " + w.pick(places),
				w.pick(times),
			})
		}
	case 1:
		w.block("This table shows how people answered the main questions:")
		rows = append(rows, []string{"Question", "Agree", "Not sure", "Disagree"})
		for _, i := range w.r.Perm(len(questions))[:w.between(3, 5)] {
			agree := w.between(20, 80)
			unsure := w.r.IntN(100 - agree)
			rows = append(rows, []string{questions[i], pct(agree), pct(unsure), pct(100 - agree - unsure)})
		}
	default:
		w.block("The budget for each service is set out below:")
		rows = append(rows, []string{"Service", "2025 to 2026", "2026 to 2027"})
		for _, i := range w.r.Perm(len(services))[:w.between(3, 5)] {
			rows = append(rows, []string{services[i], money(w.between(2, 90)), money(w.between(2, 90))})
		}
	}
	lines := make([]string, 0, len(rows)+1)
	for i, row := range rows {
		lines = append(lines, "| "+strings.Join(row, " | ")+" |")
		if i == 0 {
			lines = append(lines, strings.Repeat("| --- ", len(row))+"|")
		}
	}
	w.block(strings.Join(lines, "\n"))
}

func pct(n int) string { return strconv.Itoa(n) + "%" }

// money writes tenths of a million pounds, such as £1.2m.
func money(tenths int) string {
	return "£" + strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10) + "m"
}

// easyRead writes an easy-read page: short rows, each a picture then words.
func (w *body) easyRead() {
	fill := strings.NewReplacer("{topic}", w.pick(topics), "{area}", w.pick(areas))
	for _, h := range easyHeadings[:w.between(1, len(easyHeadings))] {
		w.heading(2, h)
		for range w.between(2, 4) {
			pair := w.r.Perm(len(easySentences))[:w.between(1, 2)]
			s := fill.Replace(easySentences[pair[0]])
			if len(pair) == 2 {
				s += " " + fill.Replace(easySentences[pair[1]])
			}
			w.block(fmt.Sprintf("![](/assets/images/easy-%d.svg) %s", w.between(1, easyImages), s))
		}
	}
}
