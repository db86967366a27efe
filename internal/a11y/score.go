package a11y

import (
	"fmt"
	"math"
)

// score warns when the whole page needs a higher reading age than the
// site's target. It reports at the first line of the body.
func (c *checker) score() {
	s := c.read
	if s.Words < minWordsForScore || c.opts.ReadingAge <= 0 {
		return
	}
	if s.Age <= c.opts.ReadingAge {
		return
	}
	line := c.p.BodyLine
	c.list.Warnf(c.p.Path, line, 1, "readability",
		fmt.Sprintf("the site's target is a reading age of %.0f: use shorter sentences and everyday words", c.opts.ReadingAge),
		"the page needs a reading age of about %.0f (Flesch reading ease %.0f)", math.Round(s.Age), math.Round(s.Ease))
}
