package audit

import (
	"regexp"
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
	// Controls first become spaces, so sanitize.String does not delete them and glue
	// the words on either side together.
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = sanitize.String(s)
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
	return bound(scrubCredentials(scrub(text, secrets)), maxTextRunes)
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

// sensitiveWord matches the words that make a name sensitive; the credential patterns
// below embed it so they agree with IsSensitiveName.
const sensitiveWord = `(?:password|secret|token|key|credential)`

var (
	// bearerPattern finds HTTP authorization values: "Bearer eyJ…", "Basic dXNl…". A
	// token has at least 8 characters, so "basic test" stays readable.
	bearerPattern = regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}`)

	// jsonMemberPattern finds string members with a sensitive name, possibly inside an
	// escaped JSON document: "access_token":"…" or \"client_secret\": \"…\".
	jsonMemberPattern = regexp.MustCompile(`(?i)(\\?"[A-Za-z0-9_.-]*` + sensitiveWord +
		`[A-Za-z0-9_.-]*\\?"\s*:\s*\\?")(?:[^"\\]|\\[^"])*`)

	// formFieldPattern finds query-string and form fields: client_secret=…, api-key=….
	formFieldPattern = regexp.MustCompile(`(?i)\b([A-Za-z0-9_.-]*` + sensitiveWord +
		`[A-Za-z0-9_.-]*=)[^\s&"',;]+`)
)

// scrubCredentials replaces values that look like credentials, keeping their labels
// so the message still says what kind of thing was there.
func scrubCredentials(s string) string {
	s = bearerPattern.ReplaceAllString(s, "${1} "+Redacted)
	s = jsonMemberPattern.ReplaceAllString(s, "${1}"+Redacted)
	return formFieldPattern.ReplaceAllString(s, "${1}"+Redacted)
}
