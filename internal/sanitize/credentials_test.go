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

func TestConfirmationTokensAreRedactedWhereverTheyStand(t *testing.T) {
	const nonce, mac = "AbCdEfGhIjKlMnOpQrSt-_", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"
	tok := "zc1.1796292000." + nonce + "." + mac
	cases := map[string]string{
		tok:                                  Redacted,
		"please confirm: " + tok + " thanks": "please confirm: " + Redacted + " thanks",
		`{"note":"` + tok + `"}`:             `{"note":"` + Redacted + `"}`,
		"a " + tok + " and " + tok:           "a " + Redacted + " and " + Redacted,
		"x" + tok + "y":                      "x" + Redacted + "y",
		"zc1.1796292000.\u200b" + nonce + "." + mac: Redacted,
	}
	for in, want := range cases {
		require.Equal(t, want, ConfirmationTokens(in), in)
		require.Equal(t, want, Credentials(in), in)
	}

	// Ordinary text, and things merely resembling a token, come back byte for byte.
	for _, s := range []string{
		"", "zc1", "zc1.5", "version zc1.2.3.4 of the widget", "a.b.c.d",
		"zc1.1796292000." + nonce[:10] + "." + mac[:20], // too short to be a token
		"Zürich\u200b office, v1.2.3", "192.168.0.1", "example.com/a?x=1&y=2",
		"ZC1.1796292000." + nonce + "." + mac,
	} {
		require.Equal(t, s, ConfirmationTokens(s), s)
	}
}
