// Package colour checks colours against the WCAG contrast rules, so that
// a site's brand colour can never make its text or links hard to read. It
// is used when site.yaml is loaded.
package colour

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a colour with 8-bit channels.
type RGB struct{ R, G, B uint8 }

// White and Black are the colours text is checked against.
var (
	White = RGB{255, 255, 255}
	Black = RGB{0, 0, 0}
)

// Parse reads a CSS hex colour: #rgb or #rrggbb.
func Parse(s string) (RGB, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 || !strings.HasPrefix(strings.TrimSpace(s), "#") {
		return RGB{}, fmt.Errorf("%q is not a colour", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("%q is not a colour", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Hex writes the colour as #rrggbb.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the WCAG 2 relative luminance, from 0 (black) to 1 (white).
func (c RGB) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Contrast is the WCAG contrast ratio between two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TextOn returns the text colour, white or black, that reads best on a
// background.
func TextOn(bg RGB) RGB {
	if Contrast(bg, White) >= Contrast(bg, Black) {
		return White
	}
	return Black
}
