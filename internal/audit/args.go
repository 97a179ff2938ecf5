package audit

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// appendArgs renders args as described in the package documentation, redacting as it
// goes (the same rules as Redact, without building a copy).
func appendArgs(b []byte, args map[string]any, secrets []string) []byte {
	r := argRenderer{secrets: secrets}
	return r.object(b, args, 0)
}

type argRenderer struct {
	secrets []string
}

func (r argRenderer) object(b []byte, m map[string]any, depth int) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendKey(b, sanitize.ConfirmationTokens(scrub(k, r.secrets)))
		b = append(b, ": "...)
		if redacts(k, m[k]) {
			b = appendQuoted(b, Redacted)
			continue
		}
		b = r.value(b, m[k], depth+1)
	}
	return append(b, '}')
}

func (r argRenderer) value(b []byte, v any, depth int) []byte {
	if depth > sanitize.MaxDepth {
		return appendQuoted(b, sanitize.TruncatedValue)
	}
	switch t := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, t)
	case string:
		return appendQuoted(b, sanitize.ConfirmationTokens(scrub(t, r.secrets)))
	case json.Number:
		return appendNumber(b, t)
	case float64:
		return appendFloat(b, t, 64)
	case float32:
		return appendFloat(b, float64(t), 32)
	case map[string]any:
		if t == nil {
			return append(b, "null"...)
		}
		return r.object(b, t, depth)
	case []any:
		if t == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, e := range t {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = r.value(b, e, depth+1)
		}
		return append(b, ']')
	}
	generic, err := sanitize.Generic(v)
	if err != nil {
		return appendQuoted(b, unencodable(v))
	}
	return r.value(b, generic, depth)
}

// appendNumber writes a json.Number as given when it is a valid JSON number, and quoted
// otherwise: a json.Number built by hand can hold any text, and it must not be able to
// break the line's structure.
func appendNumber(b []byte, n json.Number) []byte {
	s := string(n)
	if s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && json.Valid([]byte(s)) {
		return append(b, s...)
	}
	return appendQuoted(b, s)
}

// appendFloat writes f the way encoding/json does: plain decimal notation (1, 1000000,
// 0.25) from 1e-6 up to 1e21, exponent form outside that range. NaN and infinities,
// which JSON lacks, are quoted.
func appendFloat(b []byte, f float64, bits int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return appendQuoted(b, strconv.FormatFloat(f, 'g', -1, bits))
	}
	abs := math.Abs(f)
	if abs == 0 || (abs >= 1e-6 && abs < 1e21) {
		return strconv.AppendFloat(b, f, 'f', -1, bits)
	}
	// Tiny or huge fractions: exponent form, with "e-07" shortened to "e-7" as JSON does.
	s := strconv.FormatFloat(f, 'e', -1, bits)
	if i := strings.Index(s, "e-0"); i >= 0 {
		s = s[:i+2] + s[i+3:]
	}
	return append(b, s...)
}

// appendKey writes a key bare when it is a plain identifier, quoted otherwise.
func appendKey(b []byte, k string) []byte {
	if isPlainKey(k) {
		return append(b, k...)
	}
	return appendQuoted(b, k)
}

func isPlainKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '_' || c == '.' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}

const hexDigits = "0123456789abcdef"

// appendQuoted writes s as a JSON string without HTML escaping. Invisible characters are
// written as \u escapes rather than raw, so the value is preserved exactly but cannot
// hide in, or rearrange, the line. Invalid UTF-8 becomes \ufffd, as in encoding/json.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, `\n`...)
			case c == '\r':
				b = append(b, `\r`...)
			case c == '\t':
				b = append(b, `\t`...)
			case c < 0x20 || c == 0x7f:
				b = appendUEscape(b, rune(c))
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case escapedRune(r):
			b = appendUEscape(b, r)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// escapedRune reports whether a non-ASCII rune is written as an escape: anything the
// sanitize package would strip, the no-break space (a look-alike of a plain space) and
// the Unicode line and paragraph separators (line breaks to some readers).
func escapedRune(r rune) bool {
	return r == '\u00a0' || r == '\u2028' || r == '\u2029' || sanitize.IsInvisible(r)
}

// appendUEscape writes r as \uXXXX, or as a UTF-16 surrogate pair beyond the BMP.
func appendUEscape(b []byte, r rune) []byte {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return appendUEscape(appendUEscape(b, hi), lo)
	}
	return append(b, '\\', 'u',
		hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}
