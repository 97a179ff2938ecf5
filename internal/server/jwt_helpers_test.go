package server

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// testIssuer is a local identity provider publishing one EC key, for tests that need
// several authenticated clients.
type testIssuer struct {
	key *ecdsa.PrivateKey
	url string
}

func newTestIssuer(t *testing.T) *testIssuer {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	enc := base64.RawURLEncoding.EncodeToString
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]any{{
			"kty": "EC", "kid": "k1", "use": "sig", "crv": "P-256",
			"x": enc(key.X.FillBytes(make([]byte, 32))), "y": enc(key.Y.FillBytes(make([]byte, 32))),
		}}})
	}))
	t.Cleanup(srv.Close)
	return &testIssuer{key: key, url: srv.URL}
}

// auth is jwt mode trusting this issuer.
func (is *testIssuer) auth() config.Auth {
	return config.Auth{Mode: config.AuthModeJWT, Enabled: true, JWKSURI: is.url, Issuer: is.url,
		Audience: config.DefaultAuthAudience, Algorithms: []string{"ES256"}}
}

// bearer returns an Authorization header with a valid token for subject.
func (is *testIssuer) bearer(t *testing.T, subject string) map[string]string {
	t.Helper()
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"iss": is.url,
		"aud": config.DefaultAuthAudience, "sub": subject, "iat": now.Unix(),
		"exp": now.Add(time.Hour).Unix()})
	tok.Header["kid"] = "k1"
	s, err := tok.SignedString(is.key)
	require.NoError(t, err)
	return map[string]string{"Authorization": "Bearer " + s}
}
