package httpauth

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

func TestJWTModeChecksSignatureIssuerAudienceExpiryAndAlgorithm(t *testing.T) {
	rk, ek, other := testKeys(t)
	is := newIssuer(t)
	logger, logs := newLogger()
	a := newAuth(t, Options{Auth: jwtAuth(is.srv.URL+"/jwks", is.issuerURL), Logger: logger})
	aud := config.DefaultAuthAudience
	valid := func(edit func(jwt.MapClaims)) jwt.MapClaims { return is.claims(aud, edit) }

	cases := []struct {
		name   string
		token  string
		status int
		reason string
	}{
		{"RS256", sign(t, jwt.SigningMethodRS256, "rsa-1", rk, valid(nil)), http.StatusOK, ""},
		{"ES256", sign(t, jwt.SigningMethodES256, "ec-1", ek, valid(nil)), http.StatusOK, ""},
		{"audience list", sign(t, jwt.SigningMethodRS256, "rsa-1", rk,
			valid(func(c jwt.MapClaims) { c["aud"] = []string{"other", aud} })), http.StatusOK, ""},
		{"no kid", sign(t, jwt.SigningMethodRS256, "", rk, valid(nil)), http.StatusOK, ""},
		{"expired", sign(t, jwt.SigningMethodRS256, "rsa-1", rk,
			valid(func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Hour).Unix() })),
			http.StatusUnauthorized, "token expired"},
		{"wrongly signed", sign(t, jwt.SigningMethodRS256, "rsa-1", other, valid(nil)),
			http.StatusUnauthorized, "invalid token signature"},
		{"unknown key", sign(t, jwt.SigningMethodRS256, "rsa-9", other, valid(nil)),
			http.StatusUnauthorized, "unknown key"},
		{"other issuer", sign(t, jwt.SigningMethodRS256, "rsa-1", rk,
			valid(func(c jwt.MapClaims) { c["iss"] = "https://evil.example.com" })),
			http.StatusUnauthorized, "another issuer"},
		{"other audience", sign(t, jwt.SigningMethodRS256, "rsa-1", rk,
			valid(func(c jwt.MapClaims) { c["aud"] = "another-api" })),
			http.StatusUnauthorized, "another audience"},
		{"no expiry", sign(t, jwt.SigningMethodRS256, "rsa-1", rk,
			valid(func(c jwt.MapClaims) { delete(c, "exp") })),
			http.StatusUnauthorized, "required claim"},
		{"not yet valid", sign(t, jwt.SigningMethodRS256, "rsa-1", rk,
			valid(func(c jwt.MapClaims) { c["nbf"] = time.Now().Add(time.Hour).Unix() })),
			http.StatusUnauthorized, "not valid yet"},
		{"algorithm not allowed", sign(t, jwt.SigningMethodRS512, "rsa-1", rk, valid(nil)),
			http.StatusUnauthorized, "algorithm"},
		{"HMAC with the public key", sign(t, jwt.SigningMethodHS256, "rsa-1",
			rk.N.Bytes(), valid(nil)), http.StatusUnauthorized, "algorithm"},
		{"unsigned", sign(t, jwt.SigningMethodNone, "rsa-1", jwt.UnsafeAllowNoneSignatureType, valid(nil)),
			http.StatusUnauthorized, "algorithm"},
		{"garbage", "not.a.jwt", http.StatusUnauthorized, "malformed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(a, map[string]string{"Authorization": "Bearer " + tc.token})
			require.Equal(t, tc.status, rec.Code, rec.Body.String())
			if tc.status == http.StatusOK {
				require.Equal(t, "jwt|alice@example.com", rec.Body.String())
				return
			}
			require.Contains(t, rec.Body.String(), tc.reason)
			require.Equal(t, `Bearer realm="zscaler-mcp", error="invalid_token"`, rec.Header().Get("WWW-Authenticate"))
			sig := tc.token[strings.LastIndexByte(tc.token, '.')+1:]
			require.NotContains(t, rec.Body.String(), tc.token)
			require.NotContains(t, logs.String(), tc.token)
			if len(sig) > 8 {
				require.NotContains(t, logs.String(), sig)
			}
		})
	}

	rec := serve(a, nil)
	require.Equal(t, http.StatusUnauthorized, rec.Code)
	require.Contains(t, rec.Body.String(), "bearer token required")
	require.Equal(t, `Bearer realm="zscaler-mcp"`, rec.Header().Get("WWW-Authenticate"))

	// Unknown key ids refresh the key set at most once per gap, whatever their number.
	hits := is.jwksHits.Load()
	for range 5 {
		serve(a, map[string]string{"Authorization": "Bearer " +
			sign(t, jwt.SigningMethodRS256, "rsa-invented", other, valid(nil))})
	}
	require.LessOrEqual(t, is.jwksHits.Load()-hits, int64(1))
}

func TestJWTModeStartsWhenTheKeySetIsDown(t *testing.T) {
	rk, _, _ := testKeys(t)
	is := newIssuer(t)
	url := is.srv.URL
	is.srv.Close()
	logger, logs := newLogger()
	a := newAuth(t, Options{Auth: jwtAuth(url+"/jwks", is.issuerURL), Logger: logger})
	tok := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims(config.DefaultAuthAudience, nil))
	rec := serve(a, map[string]string{"Authorization": "Bearer " + tok})
	requireKeysUnavailable(t, rec)
	require.Contains(t, logs.String(), "cannot fetch the JSON Web Key Set")
	require.NotContains(t, logs.String(), tok[strings.LastIndexByte(tok, '.')+1:])
}

// requireKeysUnavailable checks the answer to a token that could not be checked for
// want of the issuer's keys: 503, a retry hint, a JSON-RPC body, and no challenge,
// since the token may well be good.
func requireKeysUnavailable(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	require.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
	require.Equal(t, "30", rec.Header().Get("Retry-After"))
	require.Empty(t, rec.Header().Get("WWW-Authenticate"))
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	require.Contains(t, rec.Body.String(), `"code":-32000`)
	require.Contains(t, rec.Body.String(), "Unavailable: cannot fetch the token issuer's signing keys")
}

func TestJWTModeAnswers503WhileTheKeySetFails(t *testing.T) {
	rk, _, other := testKeys(t)
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
	}))
	t.Cleanup(failing.Close)
	is := newIssuer(t)
	a := newAuth(t, Options{Auth: jwtAuth(failing.URL+"/jwks", is.issuerURL)})
	tok := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims(config.DefaultAuthAudience, nil))
	requireKeysUnavailable(t, serve(a, map[string]string{"Authorization": "Bearer " + tok}))

	// A token that is bad whatever the keys stays 401.
	rec := serve(a, map[string]string{"Authorization": "Bearer not.a.jwt"})
	require.Equal(t, http.StatusUnauthorized, rec.Code)

	// Once the issuer is down, keys already fetched still serve; a token naming
	// another key cannot be judged.
	b := newAuth(t, Options{Auth: jwtAuth(is.srv.URL+"/jwks", is.issuerURL)})
	is.srv.Close()
	require.Equal(t, http.StatusOK, serve(b, map[string]string{"Authorization": "Bearer " + tok}).Code)
	requireKeysUnavailable(t, serve(b, map[string]string{"Authorization": "Bearer " +
		sign(t, jwt.SigningMethodRS256, "rsa-2", other, is.claims(config.DefaultAuthAudience, nil))}))
}
