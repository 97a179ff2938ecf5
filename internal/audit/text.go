package audit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// maxTextRunes bounds the free text of an OK or ERR line; upstream errors can quote
// whole response bodies.
const maxTextRunes = 300

// ellipsis marks text that was cut.
const ellipsis = "…"

// oneLine makes s safe to place inside a single log line: control characters (line
// breaks and tabs included) and other spacing collapse into one space, invisible
// characters are stripped, and surrounding space is trimmed.
func oneLine(s string) string {
	// Controls first become spaces, so sanitize.Invisible does not delete them and glue
	// the words on either side together.
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = sanitize.Invisible(s)
	if !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// needsCollapse reports whether s has leading, trailing or repeated spacing, or spacing
// other than a plain space.
func needsCollapse(s string) bool {
	prevSpace := true // so a leading space counts
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return true
		}
		prevSpace = space
	}
	return prevSpace && s != ""
}

// bound cuts s to at most limit runes, the last of them an ellipsis.
func bound(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	n := 0
	for i := range s {
		if n == limit-1 {
			return s[:i] + ellipsis
		}
		n++
	}
	return s
}

// errorText renders "Kind: message" for the ERR line.
func errorText(kind, message string, secrets []string) string {
	// Registered secrets are replaced before and after cleaning: before, in case
	// cleaning would alter a secret's own spelling; after, in case invisible characters
	// were splitting an occurrence.
	kind = oneLine(scrub(kind, secrets))
	if kind == "" {
		kind = "Error"
	}
	text := kind
	if message = oneLine(scrub(message, secrets)); message != "" {
		text += ": " + message
	}
	return bound(sanitize.Credentials(scrub(text, secrets)), maxTextRunes)
}

// scrub replaces every registered secret in s with Redacted. secrets is longest first.
func scrub(s string, secrets []string) string {
	for _, secret := range secrets {
		if strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, Redacted)
		}
	}
	return s
}
