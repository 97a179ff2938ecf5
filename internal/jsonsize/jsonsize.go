// Package jsonsize measures the compact JSON encoding of a value without building it.
// Results are bounded in bytes of JSON, and measuring is several times cheaper than
// encoding, so the size bound on a tool's result and the growth bound on a query's
// result both measure with it.
package jsonsize

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// Of returns the length of v's compact JSON encoding without HTML escaping, as the
// server writes results, without building it: cutting a long list needs the size of
// every record. Values of types other than the generic JSON ones are measured by
// encoding them.
func Of(v any) int {
	switch t := v.(type) {
	case nil:
		return 4
	case bool:
		if t {
			return 4
		}
		return 5
	case string:
		return stringSize(t)
	case json.Number:
		if t == "" {
			return 1 // encoding/json writes an empty Number as 0
		}
		return len(t)
	case float64:
		return floatSize(t)
	case int:
		return len(strconv.Itoa(t))
	case int64:
		return len(strconv.FormatInt(t, 10))
	case map[string]any:
		if t == nil {
			return 4
		}
		n := 2 + max(len(t)-1, 0) // braces and commas
		for k, e := range t {
			n += stringSize(k) + 1 + Of(e)
		}
		return n
	case []any:
		if t == nil {
			return 4
		}
		n := 2 + max(len(t)-1, 0)
		for _, e := range t {
			n += Of(e)
		}
		return n
	}
	return encodedSize(v)
}

// encodedSize encodes v as the server does (compact, without HTML escaping) and returns
// the length, or 0 when v cannot be encoded.
func encodedSize(v any) int {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return 0
	}
	return len(bytes.TrimRight(buf.Bytes(), "\n"))
}

// floatSize is the length of f as encoding/json writes it: plain decimal, or
// exponent form (1e+21, 1e-7) outside [1e-6, 1e21). NaN and infinities, which it
// refuses, never reach here from JSON.
func floatSize(f float64) int {
	var buf [32]byte
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(buf[:0], f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		return n - 1 // e-07 is written e-7
	}
	return len(b)
}

// String is Of for a string, such as an object's key, without boxing it in an
// interface, which would allocate.
func String(s string) int { return stringSize(s) }

// stringSize is the length of s as a JSON string without HTML escaping: quotes,
// two-byte escapes, \u00XX for other control characters, and six bytes for invalid
// UTF-8 (written as \ufffd) and for U+2028 and U+2029.
func stringSize(s string) int {
	n := 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' ||
				c == '\b' || c == '\f':
				n += 2
			case c < 0x20:
				n += 6
			default:
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			n += 6
		case r == '\u2028' || r == '\u2029':
			n += 6
		default:
			n += size
		}
		i += size
	}
	return n
}

// AtMost is Of for a value that may be far larger than anyone should encode, such as a
// query result repeating its records many times over: it stops counting once the size
// passes limit, and reports whether it stayed within it. The walk thus costs at most
// about limit, however large v is.
func AtMost(v any, limit int) (int, bool) {
	n := 0
	var walk func(v any) bool
	walk = func(v any) bool {
		switch t := v.(type) {
		case map[string]any:
			if t == nil {
				n += 4
				break
			}
			n += 2 + max(len(t)-1, 0)
			for k, e := range t {
				n += stringSize(k) + 1
				if n > limit || !walk(e) {
					return false
				}
			}
		case []any:
			if t == nil {
				n += 4
				break
			}
			n += 2 + max(len(t)-1, 0)
			for _, e := range t {
				if n > limit || !walk(e) {
					return false
				}
			}
		default:
			n += Of(t)
		}
		return n <= limit
	}
	ok := walk(v)
	return n, ok
}
