package sanitize

import (
	"regexp"
	"strings"
)

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

	// confirmationPattern finds this server's delete confirmation tokens,
	// "zc1.<expiry>.<nonce>.<mac>": a decimal expiry, then base64url parts of 22 and 43
	// characters (a 16-byte nonce, a SHA-256 MAC). Ordinary text never has that shape,
	// so nothing else is touched.
	confirmationPattern = regexp.MustCompile(
		`zc1\.[0-9]{1,19}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`)
)

// Credentials replaces values that look like credentials in free text, keeping their
// labels so the text still says what kind of thing was there. It knows shapes, not
// values: callers also replace the secrets they know.
func Credentials(s string) string {
	s = ConfirmationTokens(s)
	s = authPattern.ReplaceAllString(s, "${1} "+Redacted)
	s = jwtPattern.ReplaceAllString(s, Redacted)
	s = jsonMemberPattern.ReplaceAllString(s, "${1}"+Redacted)
	return formFieldPattern.ReplaceAllString(s, "${1}"+Redacted)
}

// ConfirmationTokens replaces every delete confirmation token in s with [Redacted],
// wherever it stands: an agent may paste one into any argument, such as a description,
// and arguments are redacted by name only otherwise. Text without a token is returned
// unchanged. A token split by invisible characters is found too; the string is then
// returned without its invisible characters, since the exact spelling matters less
// than keeping the token out.
func ConfirmationTokens(s string) string {
	if strings.Count(s, ".") < 3 {
		return s
	}
	s = confirmationPattern.ReplaceAllString(s, Redacted)
	if visible := Invisible(s); visible != s && confirmationPattern.MatchString(visible) {
		return confirmationPattern.ReplaceAllString(visible, Redacted)
	}
	return s
}
