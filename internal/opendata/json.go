package opendata

import "unicode/utf8"

// appendJSON appends s as a JSON string escaped exactly as encoding/json
// escapes it by default: quote, backslash and control characters, the
// HTML characters <, > and &, U+2028 and U+2029, and each byte that is
// not UTF-8 as U+FFFD. Writing the datasets' strings by hand, rather than
// a json.Marshal for each, keeps them from allocating once a field.
func appendJSON(out []byte, s string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	last := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if !escaped(b) {
				i++
				continue
			}
			out = append(out, s[last:i]...)
			switch b {
			case '\\', '"':
				out = append(out, '\\', b)
			case '\b':
				out = append(out, `\b`...)
			case '\f':
				out = append(out, `\f`...)
			case '\n':
				out = append(out, `\n`...)
			case '\r':
				out = append(out, `\r`...)
			case '\t':
				out = append(out, `\t`...)
			default:
				out = append(out, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(append(out, s[last:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			out = append(append(out, s[last:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		last = i
	}
	return append(append(out, s[last:]...), '"')
}

// jsonSize is the length of s as appendJSON writes it.
func jsonSize(s string) int {
	n := 2
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case !escaped(b):
				n++
			case b == '\\' || b == '"' || b == '\b' || b == '\f' || b == '\n' || b == '\r' || b == '\t':
				n += 2
			default:
				n += 6
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			n += 6
		} else {
			n += size
		}
		i += size
	}
	return n
}

// escaped reports whether encoding/json escapes an ASCII byte.
func escaped(b byte) bool {
	return b < 0x20 || b == '"' || b == '\\' || b == '<' || b == '>' || b == '&'
}
