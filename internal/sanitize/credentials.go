package sanitize

import "regexp"

// Redacted replaces a credential wherever the server removes one: audit arguments,
// error messages and upstream text.
const Redacted = "***REDACTED***"

// sensitiveWord matches the words that make a name sensitive.
const sensitiveWord = `(?:password|secret|token|key|credential)`

var (
	// authPattern finds HTTP authorization values: "Bearer eyJ…", "Basic dXNl…". A
	// token has at least 8 characters, so "basic test" stays readable.
	authPattern = regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}`)

	// jwtPattern finds JSON Web Tokens wherever they stand.
	jwtPattern = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`)

	// jsonMemberPattern finds string members with a sensitive name, possibly inside an
	// escaped JSON document: "access_token":"…" or \"client_secret\": \"…\".
	jsonMemberPattern = regexp.MustCompile(`(?i)(\\?"[A-Za-z0-9_.-]*` + sensitiveWord +
		`[A-Za-z0-9_.-]*\\?"\s*:\s*\\?")(?:[^"\\]|\\[^"])*`)

	// formFieldPattern finds query-string and form fields: client_secret=…, api-key=….
	formFieldPattern = regexp.MustCompile(`(?i)\b([A-Za-z0-9_.-]*` + sensitiveWord +
		`[A-Za-z0-9_.-]*=)[^\s&"',;]+`)
)

// Credentials replaces values that look like credentials in free text, keeping their
// labels so the text still says what kind of thing was there. It knows shapes, not
// values: callers also replace the secrets they know.
func Credentials(s string) string {
	s = authPattern.ReplaceAllString(s, "${1} "+Redacted)
	s = jwtPattern.ReplaceAllString(s, Redacted)
	s = jsonMemberPattern.ReplaceAllString(s, "${1}"+Redacted)
	return formFieldPattern.ReplaceAllString(s, "${1}"+Redacted)
}
