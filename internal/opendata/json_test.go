package opendata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// jsonCases are strings that encoding/json escapes in every way it can.
var jsonCases = []string{
	"",
	"plain text",
	`A "quiet" room, C:\temp`,
	"Too noisy,\nand too early.\r\n\ttabbed\b\f",
	"\x00\x01\x1f\x7f",
	"<script>alert('x')</script> & more",
	"café crème — 4½ hours 🌙 夜の散歩",
	"line\u2028separator\u2029paragraph",
	"not UTF-8: \xff\xfe, cut short: \xe2\x80, alone: \x80",
	"https://example.org/book?a=1&b=2",
}

// TestAppendJSON checks that appendJSON writes what json.Marshal writes,
// and that jsonSize is its length.
func TestAppendJSON(t *testing.T) {
	cases := jsonCases
	for b := 0; b < 256; b++ {
		cases = append(cases, string([]byte{byte(b)}), "a"+string([]byte{byte(b)})+"z")
	}
	for _, s := range cases {
		checkJSON(t, s)
	}
}

func FuzzAppendJSON(f *testing.F) {
	for _, s := range jsonCases {
		f.Add(s)
	}
	f.Fuzz(checkJSON)
}

func checkJSON(t *testing.T, s string) {
	want, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	got := appendJSON([]byte("prefix"), s)
	if !bytes.Equal(got[len("prefix"):], want) || !bytes.HasPrefix(got, []byte("prefix")) {
		t.Errorf("appendJSON(%q):\ngot  %s\nwant %s", s, got, want)
	}
	if n := jsonSize(s); n != len(want) {
		t.Errorf("jsonSize(%q): got %d, want %d", s, n, len(want))
	}
}

// TestTableJSON checks a whole table against the same table written with
// encoding/json, and that the table's buffer is made once, at its size.
func TestTableJSON(t *testing.T) {
	tab := table{name: "test", columns: []string{"url", `odd "key"`, "text"}}
	for i, s := range jsonCases {
		tab.add(s, strings.Repeat("x", i), jsonCases[len(jsonCases)-1-i])
	}
	var want bytes.Buffer
	want.WriteString("[")
	for i := 0; i < len(tab.cells); i += len(tab.columns) {
		if i > 0 {
			want.WriteString(",")
		}
		want.WriteString("\n {")
		for j, col := range tab.columns {
			if j > 0 {
				want.WriteString(",")
			}
			k, _ := json.Marshal(col)
			v, _ := json.Marshal(tab.cells[i+j])
			want.Write(k)
			want.WriteString(":")
			want.Write(v)
		}
		want.WriteString("}")
	}
	want.WriteString("\n]\n")
	got := tab.json()
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("got\n%s\nwant\n%s", got, want.Bytes())
	}
	if len(got) != cap(got) {
		t.Errorf("got a buffer of %d octets for %d", cap(got), len(got))
	}
	var rows []map[string]string
	if err := json.Unmarshal(got, &rows); err != nil {
		t.Fatalf("does not parse: %v", err)
	}
	if len(rows) != len(jsonCases) {
		t.Errorf("got %d rows, want %d", len(rows), len(jsonCases))
	}
}
