package httpauth

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// logBuffer is a goroutine-safe log sink.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newLogger() (*slog.Logger, *logBuffer) {
	buf := &logBuffer{}
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

var (
	keysOnce         sync.Once
	rsaKey, rsaOther *rsa.PrivateKey
	ecKey            *ecdsa.PrivateKey
	errKeyGeneration error
)

// testKeys returns the issuer's RSA and EC keys and an RSA key nobody publishes.
func testKeys(t *testing.T) (*rsa.PrivateKey, *ecdsa.PrivateKey, *rsa.PrivateKey) {
	t.Helper()
	keysOnce.Do(func() {
		if rsaKey, errKeyGeneration = rsa.GenerateKey(rand.Reader, 2048); errKeyGeneration != nil {
			return
		}
		if rsaOther, errKeyGeneration = rsa.GenerateKey(rand.Reader, 2048); errKeyGeneration != nil {
			return
		}
		ecKey, errKeyGeneration = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	})
	require.NoError(t, errKeyGeneration)
	return rsaKey, ecKey, rsaOther
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// issuer is a local identity provider: a discovery document and a key set.
type issuer struct {
	srv       *httptest.Server
	jwksHits  atomic.Int64
	issuerURL string // what the discovery document claims
}

func newIssuer(t *testing.T) *issuer { return newIssuerClaiming(t, "") }

// newIssuerClaiming starts an issuer whose discovery document names claimed as the
// issuer; "" means its own URL, as it should.
func newIssuerClaiming(t *testing.T, claimed string) *issuer {
	t.Helper()
	rk, ek, _ := testKeys(t)
	is := &issuer{}
	mux := http.NewServeMux()
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, _ *http.Request) {
		is.jwksHits.Add(1)
		x, y := ek.X.FillBytes(make([]byte, 32)), ek.Y.FillBytes(make([]byte, 32))
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]any{
			{"kty": "RSA", "kid": "rsa-1", "use": "sig", "alg": "RS256",
				"n": b64(rk.N.Bytes()), "e": b64(big.NewInt(int64(rk.E)).Bytes())},
			{"kty": "EC", "kid": "ec-1", "use": "sig", "crv": "P-256", "x": b64(x), "y": b64(y)},
		}})
	})
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{
			"issuer": is.issuerURL, "jwks_uri": is.srv.URL + "/jwks",
			"authorization_endpoint": is.srv.URL + "/authorize", "token_endpoint": is.srv.URL + "/token",
		})
	})
	// Start only once is.srv and is.issuerURL are set: the handlers read them.
	is.srv = httptest.NewUnstartedServer(mux)
	is.issuerURL = claimed
	if claimed == "" {
		is.issuerURL = "http://" + is.srv.Listener.Addr().String()
	}
	is.srv.Start()
	t.Cleanup(is.srv.Close)
	return is
}

// claims are valid claims for the issuer and audience, changed by edit.
func (is *issuer) claims(aud string, edit func(jwt.MapClaims)) jwt.MapClaims {
	now := time.Now()
	c := jwt.MapClaims{"iss": is.issuerURL, "aud": aud, "sub": "alice@example.com",
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	if edit != nil {
		edit(c)
	}
	return c
}

func sign(t *testing.T, method jwt.SigningMethod, kid string, key any, c jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, c)
	if kid != "" {
		tok.Header["kid"] = kid
	}
	s, err := tok.SignedString(key)
	require.NoError(t, err)
	return s
}

// serve runs one request through a's middleware and returns the recorder.
func serve(a *Authenticator, header map[string]string) *httptest.ResponseRecorder {
	h := a.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := IdentityFrom(r.Context())
		_, _ = w.Write([]byte(id.Mode + "|" + id.Subject))
	}))
	req := httptest.NewRequest(http.MethodPost, "/mcp", nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func newAuth(t *testing.T, o Options) *Authenticator {
	t.Helper()
	a, err := New(context.Background(), o)
	require.NoError(t, err)
	t.Cleanup(a.Close)
	return a
}

func jwtAuth(jwksURL, iss string) config.Auth {
	return config.Auth{Mode: config.AuthModeJWT, Enabled: true, JWKSURI: jwksURL, Issuer: iss,
		Audience: config.DefaultAuthAudience, Algorithms: []string{"RS256", "ES256"}}
}
