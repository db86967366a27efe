package site

import (
	"github.com/engage-ssg/engage/internal/content"
	"github.com/engage-ssg/engage/internal/diag"
)

// Replace puts a new parse of a file in place of the old one when only
// its body changed: the same front matter, so the same URL, title, dates,
// terms and lists; and the same headings, so links to its anchors still
// hold. It resolves the new body's links and returns the pages that now
// show it. When the change needs the whole site worked out again (the
// front matter or the headings changed, or a link is broken), it changes
// nothing and returns ok false. engage serve uses it to show an edit to
// one page without resolving every page again.
func (s *Site) Replace(old, next *content.Page) (changed []*Page, ok bool) {
	if s.r == nil || old == nil || next == nil || old.Body == nil || next.Body == nil || !sameHeadings(old, next) {
		return nil, false
	}
	type relinked struct {
		p             *Page
		dests, labels []string
	}
	var todo []relinked
	for _, p := range s.Pages {
		if p.Source != old {
			continue
		}
		var r relinked
		r.p = p
		if p.Paginator == nil || p.Paginator.Number == 1 {
			var problems diag.List
			r.dests, r.labels, problems = s.r.relink(p, next)
			if problems.Errors() > 0 {
				return nil, false
			}
		}
		todo = append(todo, r)
	}
	if len(todo) == 0 {
		return nil, false
	}
	for _, r := range todo {
		r.p.Source = next
		if r.dests != nil {
			r.p.LinkDests, r.p.LinkLabels = r.dests, r.labels
		}
		changed = append(changed, r.p)
	}
	for rel, p := range s.r.byRel {
		if p.Source == next {
			s.r.byRel[rel] = p
		}
	}
	return changed, true
}

func sameHeadings(a, b *content.Page) bool {
	ha, hb := a.Body.Headings, b.Body.Headings
	if len(ha) != len(hb) {
		return false
	}
	for i := range ha {
		if ha[i].ID != hb[i].ID {
			return false
		}
	}
	return true
}
