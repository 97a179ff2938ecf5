package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noBreakSpace is turned into a plain space: it renders as a space, but tokenisers and
// string comparisons treat it as something else, which makes look-alike names possible.
const noBreakSpace = '\u00a0'

// String returns s cleaned by all three stages: invisible characters (see [Invisible]),
// then markup (see the package documentation: HTML tags and comments, Markdown images
// and links), then code-fence info strings that name a chat role.
//
// Text that carries none of these is returned byte for byte, and a string that needs no
// change is returned as is; in particular "&", "<" and ">" in ordinary text are never
// escaped. The result is valid UTF-8, never longer than s, and String is idempotent:
// String(String(s)) == String(s). It is safe for multi-line text such as a confirmation
// prompt: line breaks, tabs and punctuation outside markup are kept.
func String(s string) string {
	i, mayMarkup := scan(s)
	if i >= 0 {
		s = clean(s, i)
		mayMarkup = mayHaveMarkup(s)
	}
	if !mayMarkup {
		return s
	}
	return markup(s)
}

// Invisible returns s with invisible characters removed: the first stage of [String],
// alone.
//
// Removed: control characters (Unicode category Cc) other than tab, line feed and
// carriage return; format characters (Cf: zero-width space and joiners, bidirectional
// embeddings, overrides and isolates, soft hyphen, byte order mark, the tag block
// U+E0000–U+E007F and others); private-use characters (Co); surrogates (Cs) and
// unassigned code points (Cn). U+00A0 becomes a plain space. Bytes that are not valid
// UTF-8 are dropped. All other text, including letters of any script, symbols and emoji,
// is returned byte for byte.
//
// A string that needs no change is returned as is, without allocating. Invisible is
// idempotent. The audit log uses it alone: it must keep a line readable, not judge
// markup.
func Invisible(s string) string {
	i := firstChange(s)
	if i < 0 {
		return s
	}
	return clean(s, i)
}

// clean does the work of Invisible on s, whose first i bytes need no change.
func clean(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiInvisible(c) {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// Invalid byte: dropped.
		case r == noBreakSpace:
			b.WriteByte(' ')
		case !IsInvisible(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstChange returns the byte offset of the first thing Invisible would change in s, or
// -1 when s is already clean. Pure ASCII without controls is settled byte by byte.
func firstChange(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiInvisible(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == noBreakSpace || IsInvisible(r) {
			return i
		}
		i += size
	}
	return -1
}

// scan is firstChange and mayHaveMarkup in one pass, for the common case of clean text.
// It returns the offset of the first thing Invisible would change, or -1, and when that
// is -1, whether s may hold markup. (When it is not, the markup test must be made on
// the cleaned text anyway.)
func scan(s string) (int, bool) {
	mayMarkup := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpecial[c] {
				if asciiInvisible(c) {
					return i, false
				}
				mayMarkup = mayMarkup || markupAt(s, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == noBreakSpace || IsInvisible(r) {
			return i, false
		}
		i += size
	}
	return -1, mayMarkup
}

// asciiSpecial marks the ASCII bytes scan looks at twice: the invisible controls and the
// first characters of markup.
var asciiSpecial = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = asciiInvisible(byte(c))
	}
	for _, c := range "<]`~" {
		t[c] = true
	}
	return t
}()

// asciiInvisible reports whether an ASCII byte is a control character other than tab,
// line feed and carriage return (DEL included).
func asciiInvisible(c byte) bool {
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
}

// visibleTables lists the Unicode groups Invisible keeps: letters, marks, numbers,
// punctuation, symbols and separators. Everything outside them belongs to the "Other"
// group (Cc, Cf, Cs, Co) or is unassigned (Cn), and Go has no table for Cn, so testing
// membership of the kept groups is both the simplest and the complete check.
var visibleTables = []*unicode.RangeTable{
	unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z,
}

// IsInvisible reports whether Invisible (and so String) removes the code point r: a
// control character other than tab, line feed and carriage return, or a format,
// private-use, surrogate or unassigned code point. Values outside the Unicode range are
// invisible too. U+00A0 is not invisible (it is replaced with a space rather than
// removed).
//
// It is exported so that code which must keep a value intact, such as the audit log,
// can escape exactly the characters this package would strip.
func IsInvisible(r rune) bool {
	if r < 0 {
		return true
	}
	if r < utf8.RuneSelf {
		return asciiInvisible(byte(r))
	}
	if r <= 0xff {
		// Latin-1: C1 controls and the soft hyphen are the only invisible ones.
		return r < 0xa0 || r == 0xad
	}
	if r > unicode.MaxRune {
		return true
	}
	return !unicode.In(r, visibleTables...)
}
