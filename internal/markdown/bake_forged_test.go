package markdown

import (
	"bytes"
	"testing"
)

// A body can spell the slot marker with a character reference (&#83; is
// 'S'): its source does not contain slotMark, so Bake goes ahead, but
// goldmark decodes the reference and the baked HTML has a marker that cut
// takes for a slot.
func TestBakeForgedSlot(t *testing.T) {
	m := New(Options{})
	forged := "zQengage&#83;LOTq"
	for _, tc := range []struct{ name, src string }{
		{"out of range", "Text " + forged + "d7" + forged + " and [a link](/a/).\n"},
		{"negative", "Text " + forged + "d-1" + forged + " and [a link](/a/).\n"},
		{"lone marker", "Text " + forged + " then [a link](/a/).\n"},
		// A link inside a picture's alt text shows its label's slot but
		// not its destination's. A forged marker makes the count right:
		// the picture's destination (0) twice, or the link's (1) in the
		// alt text.
		{"twice", "![alt [a link](/a/) " + forged + "d0" + forged + "](/img.png)\n"},
		{"stand-in", "![alt [a link](/a/) " + forged + "d1" + forged + "](/img.png)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := m.Parse([]byte(tc.src))
			var want bytes.Buffer
			if err := m.HTML(&want, plain, []string{"/resolved/"}, nil); err != nil {
				t.Fatal(err)
			}
			d := m.Parse([]byte(tc.src))
			m.Bake(d, nil)
			var got bytes.Buffer
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("HTML of baked %q panicked: %v", tc.src, r)
					}
				}()
				if err := m.HTML(&got, d, []string{"/resolved/"}, nil); err != nil {
					t.Fatal(err)
				}
			}()
			if got.String() != want.String() {
				t.Errorf("baked HTML differs\n got: %s\nwant: %s", got.String(), want.String())
			}
			if d.Baked() {
				t.Errorf("Bake baked %q, whose HTML has a slot marker of its own; want it rendered from its tree", tc.src)
			}
		})
	}
}
