package colour

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#005eb8", "#ffffff", 6.38},  // NHS blue
		{"#767676", "#ffffff", 4.54},  // the lightest grey that passes AA on white
		{"#ffeb3b", "#212b32", 11.81}, // the focus style: yellow with dark text
	}
	for _, tt := range tests {
		a, err := Parse(tt.a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(tt.b)
		if err != nil {
			t.Fatal(err)
		}
		if got := Contrast(a, b); math.Abs(got-tt.want) > 0.05 {
			t.Errorf("Contrast(%s, %s): got %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
		if Contrast(a, b) != Contrast(b, a) {
			t.Errorf("Contrast(%s, %s) is not symmetric", tt.a, tt.b)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"#005eb8", "#005eb8", true},
		{"#05B", "#0055bb", true},
		{" #FFFFFF ", "#ffffff", true},
		{"005eb8", "", false},
		{"#12345", "", false},
		{"#gggggg", "", false},
		{"blue", "", false},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("Parse(%q): got error %v, want ok %v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && c.Hex() != tt.want {
			t.Errorf("Parse(%q): got %s, want %s", tt.in, c.Hex(), tt.want)
		}
	}
}

func TestTextOn(t *testing.T) {
	for _, tt := range []struct{ bg, want string }{{"#005eb8", "#ffffff"}, {"#ffeb3b", "#000000"}, {"#330072", "#ffffff"}} {
		bg, _ := Parse(tt.bg)
		if got := TextOn(bg).Hex(); got != tt.want {
			t.Errorf("TextOn(%s): got %s, want %s", tt.bg, got, tt.want)
		}
	}
}
