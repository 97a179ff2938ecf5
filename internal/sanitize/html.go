package sanitize

import (
	stdhtml "html"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html/atom"
)

// policy removes every element, attribute and comment and keeps the text between tags.
// The content of script, style, title, iframe, object, noscript and similar elements
// goes with them: it is code or metadata, never text a reader sees. A bluemonday policy
// is safe for concurrent use once built.
var policy = bluemonday.StrictPolicy()

// Placeholders hide from the HTML tokenizer the characters it would otherwise rewrite.
// They are private-use code points, which Invisible has already removed from the input,
// so they cannot collide with real text.
const (
	// ampHolder stands for "&": the tokenizer decodes entities, so "&amp;" would come
	// back as "&" and "&lt;b&gt;" as a tag.
	ampHolder = "\uE000"
	// crHolder stands for "\r": the tokenizer turns "\r\n" and "\r" into "\n".
	crHolder = "\uE001"
	// ltHolder stands for a "<" that is text rather than the start of markup.
	ltHolder = "\uE002"
)

// restore turns the placeholders back into the characters they stand for.
var restore = strings.NewReplacer(ampHolder, "&", crHolder, "\r", ltHolder, "<")

// autolinkPattern matches a CommonMark autolink at the start of the text: a web or FTP
// address or an e-mail address in angle brackets, as in "Jane <jane@example.com>". It
// is text, not a tag. The characters allowed leave no room for attributes.
var autolinkPattern = regexp.MustCompile(`^<(?:(?i:https?|ftp)://[^\s<>"'\x60]+|` +
	`(?i:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>`)

// stripHTML removes HTML tags, comments and the like with the sanitizer and returns the
// text between them exactly as written: no character of it is escaped or decoded.
//
// The sanitizer escapes the text it keeps, and its tokenizer first decodes entities
// and normalises line breaks. So before it runs, every "&", "\r" and every "<" that does
// not start markup is swapped for a placeholder; afterwards the output is unescaped,
// which undoes exactly the sanitizer's own escaping since no "&" of the input is left
// in it, and the placeholders are swapped back.
func stripHTML(s string) string {
	if tagStart(s, 0) < 0 {
		return s
	}
	protected, markup := protect(s)
	if !markup {
		return s
	}
	return restore.Replace(stdhtml.UnescapeString(policy.Sanitize(protected)))
}

// protect swaps the characters the tokenizer must not see for placeholders and reports
// whether any "<" is left to start markup.
func protect(s string) (string, bool) {
	lastGT := strings.LastIndexByte(s, '>')
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	markup := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString(ampHolder)
		case '\r':
			b.WriteString(crHolder)
		case '<':
			if isTagStart(s, i) && !literalTag(s, i, lastGT) {
				b.WriteByte(c)
				markup = true
			} else {
				b.WriteString(ltHolder)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), markup
}

// tagStart returns the index of the first "<" at or after from that starts markup for
// an HTML tokenizer (see isTagStart), or -1.
func tagStart(s string, from int) int {
	for i := from; i < len(s); i++ {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if isTagStart(s, i) {
			return i
		}
	}
	return -1
}

// isTagStart reports whether the "<" at s[i] is followed by what makes an HTML
// tokenizer read a tag, an end tag, a comment or a declaration: an ASCII letter, "/",
// "!" or "?". Any other "<", as in "size < 10MB" or "<3", is text.
func isTagStart(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	return c == '/' || c == '!' || c == '?' || ('a' <= c|0x20 && c|0x20 <= 'z')
}

// literalTag reports whether a tag-like "<" at s[i] is nevertheless text: the start of
// an autolink, or an unterminated "tag" (no ">" anywhere after it) whose name is not an
// HTML element or attribute name, as in "if x<y then". An unterminated "<script" or
// "<!--" stays markup: a browser or Markdown renderer would hide what follows it.
func literalTag(s string, i, lastGT int) bool {
	if autolinkPattern.MatchString(s[i:]) {
		return true
	}
	if lastGT > i {
		return false
	}
	j := i + 1
	if s[j] == '!' || s[j] == '?' {
		return false
	}
	if s[j] == '/' {
		j++
	}
	k := j
	for k < len(s) && isAlnum(s[k]) {
		k++
	}
	return atom.Lookup([]byte(strings.ToLower(s[j:k]))) == 0
}

func isAlnum(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c|0x20 && c|0x20 <= 'z')
}
