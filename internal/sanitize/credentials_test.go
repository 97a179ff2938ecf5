package sanitize

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCredentialsKeepLabelsAndReadableWords(t *testing.T) {
	cases := map[string]string{
		"Authorization: Bearer abcdefgh12345678":         "Authorization: Bearer ***REDACTED***",
		"basic dXNlcjpwYXNzd29yZA==":                     "basic ***REDACTED***",
		`{"access_token":"tok-123","x":1}`:               `{"access_token":"***REDACTED***","x":1}`,
		"grant_type=client_credentials&client_secret=s3": "grant_type=client_credentials&client_secret=***REDACTED***",
		"jwt eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl here":    "jwt ***REDACTED*** here",
		"a basic test of the Bearer of news":             "a basic test of the Bearer of news",
	}
	for in, want := range cases {
		require.Equal(t, want, Credentials(in), in)
	}
}
