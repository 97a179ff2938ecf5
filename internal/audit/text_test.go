package audit

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// errLine returns the text after the duration on the ERR line logged for kind, message.
func errLine(t *testing.T, l *Logger, kind, message string) string {
	t.Helper()
	var buf strings.Builder
	l.SetWriter(&buf)
	l.Err("t", 7*time.Millisecond, kind, message)
	line := buf.String()
	const prefix = "[TOOL ERR]  t | 7ms | "
	require.True(t, strings.HasPrefix(line, prefix), line)
	require.Equal(t, 1, strings.Count(line, "\n"), line)
	return strings.TrimSuffix(strings.TrimPrefix(line, prefix), "\n")
}

func TestErrorTextIsOneCleanLine(t *testing.T) {
	tests := []struct {
		name, kind, message, want string
	}{
		{"plain", "NotFound", "location 42 not found", "NotFound: location 42 not found"},
		{"multi-line collapsed", "UpstreamUnavailable", "bad gateway\r\n\r\n<html>\n\t<body>",
			"UpstreamUnavailable: bad gateway <html> <body>"},
		{"controls become spaces", "Internal", "a\x00b\x1b[31mc\x7fd",
			"Internal: a b [31mc d"},
		{"invisible characters stripped", "Internal", "ig\u200bnore\u202e me\u00a0now",
			"Internal: ignore me now"},
		{"unicode separators", "Internal", "a\u2028b\u2029c\u0085d", "Internal: a b c d"},
		{"surrounding space trimmed", " Internal\n", "  msg  ", "Internal: msg"},
		{"empty kind", "", "boom", "Error: boom"},
		{"empty message", "Cancelled", "", "Cancelled"},
		{"html and ampersands literal", "InvalidArgument", `x < 10 & y > "2"`,
			`InvalidArgument: x < 10 & y > "2"`},
	}
	l := New(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, errLine(t, l, tt.kind, tt.message))
		})
	}
}

func TestErrorTextIsBounded(t *testing.T) {
	l := New(nil)
	long := strings.Repeat("ü", 1000)
	got := errLine(t, l, "Internal", long)
	require.Equal(t, maxTextRunes, utf8.RuneCountInString(got))
	require.True(t, strings.HasSuffix(got, "…"))
	require.True(t, strings.HasPrefix(got, "Internal: üüü"))

	exact := strings.Repeat("x", maxTextRunes-len("Internal: "))
	require.Equal(t, "Internal: "+exact, errLine(t, l, "Internal", exact))
	require.True(t, strings.HasSuffix(errLine(t, l, "Internal", exact+"y"), "x…"))
}

func TestErrorTextRedactsCredentials(t *testing.T) {
	tests := []struct {
		name, message, want string
	}{
		{"bearer header", "request with Authorization: Bearer eyJhbGciOi.J9x-y_z= rejected",
			"request with Authorization: Bearer ***REDACTED*** rejected"},
		{"basic header", "sent basic dXNlcjpwYXNz", "sent basic ***REDACTED***"},
		{"json body", `token endpoint said {"access_token":"abc.def","expires_in":3600}`,
			`token endpoint said {"access_token":"***REDACTED***","expires_in":3600}`},
		{"json with spaces", `{"client_secret" : "s3cr3t", "id": "x"}`,
			`{"client_secret" : "***REDACTED***", "id": "x"}`},
		{"escaped json", `body: "{\"refresh_token\":\"r1\\/2\",\"a\":1}"`,
			`body: "{\"refresh_token\":\"***REDACTED***\",\"a\":1}"`},
		{"form body", "POST grant_type=client_credentials&client_secret=s3cr3t&x=1",
			"POST grant_type=client_credentials&client_secret=***REDACTED***&x=1"},
		{"query string", "GET /api?apiKey=AbC123;other", "GET /api?apiKey=***REDACTED***;other"},
		{"innocent text kept", "token expired for key rotation", "token expired for key rotation"},
	}
	l := New(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, "Internal: "+tt.want, errLine(t, l, "Internal", tt.message))
		})
	}
}

func TestErrorTextSecretSplitByInvisibleCharacter(t *testing.T) {
	l := New(nil)
	l.AddSecret("s3cr3tvalue")
	require.Equal(t, "Internal: leaked ***REDACTED*** here",
		errLine(t, l, "Internal", "leaked s3cr\u200b3tvalue here"))
}
