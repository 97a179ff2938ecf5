package httpauth

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

func oidcOptions(is *issuer, edit func(*config.OIDC)) Options {
	o := config.OIDC{ConfigURL: is.srv.URL + "/.well-known/openid-configuration",
		BaseURL: "https://mcp.example.com/"}
	if edit != nil {
		edit(&o)
	}
	return Options{Auth: config.Auth{Mode: config.AuthModeOIDC, Algorithms: []string{"RS256"}, OIDC: o},
		Endpoint: "/mcp"}
}

func TestOIDCModePublishesMetadataAndChallenges(t *testing.T) {
	rk, _, other := testKeys(t)
	is := newIssuer(t)
	a := newAuth(t, oidcOptions(is, func(o *config.OIDC) { o.RequiredScopes = []string{"mcp:use"} }))

	const metadataURL = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
	routes := a.Routes()
	require.Contains(t, routes, "/.well-known/oauth-protected-resource/mcp")
	require.Contains(t, routes, "/.well-known/oauth-protected-resource")
	rec := httptest.NewRecorder()
	routes["/.well-known/oauth-protected-resource/mcp"].ServeHTTP(rec,
		httptest.NewRequest(http.MethodGet, "/.well-known/oauth-protected-resource/mcp", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	require.Equal(t, "https://mcp.example.com/mcp", doc["resource"])
	require.Equal(t, []any{is.issuerURL}, doc["authorization_servers"])
	require.Equal(t, []any{"mcp:use"}, doc["scopes_supported"])
	require.Equal(t, []any{"header"}, doc["bearer_methods_supported"])

	rec = serve(a, nil)
	require.Equal(t, http.StatusUnauthorized, rec.Code)
	require.Equal(t, `Bearer resource_metadata="`+metadataURL+`", scope="mcp:use"`,
		rec.Header().Get("WWW-Authenticate"))

	// Without a configured audience, tokens must be issued for the resource itself.
	aud := "https://mcp.example.com/mcp"
	withScope := func(c jwt.MapClaims) { c["scope"] = "openid mcp:use" }
	good := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims(aud, withScope))
	rec = serve(a, map[string]string{"Authorization": "Bearer " + good})
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Equal(t, "oidc|alice@example.com", rec.Body.String())

	scp := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims(aud, func(c jwt.MapClaims) {
		c["scp"] = []string{"mcp:use"}
	}))
	require.Equal(t, http.StatusOK, serve(a, map[string]string{"Authorization": "Bearer " + scp}).Code)

	noScope := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims(aud, nil))
	rec = serve(a, map[string]string{"Authorization": "Bearer " + noScope})
	require.Equal(t, http.StatusForbidden, rec.Code)
	require.Contains(t, rec.Header().Get("WWW-Authenticate"), `error="insufficient_scope"`)

	forged := sign(t, jwt.SigningMethodRS256, "rsa-1", other, is.claims(aud, withScope))
	rec = serve(a, map[string]string{"Authorization": "Bearer " + forged})
	require.Equal(t, http.StatusUnauthorized, rec.Code)
	require.Contains(t, rec.Header().Get("WWW-Authenticate"), `resource_metadata="`+metadataURL+`"`)
	require.Contains(t, rec.Header().Get("WWW-Authenticate"), `error="invalid_token"`)
	require.NotContains(t, rec.Body.String(), forged)

	wrongAud := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims("zscaler-mcp-server", withScope))
	require.Equal(t, http.StatusUnauthorized, serve(a, map[string]string{"Authorization": "Bearer " + wrongAud}).Code)
}

func TestOIDCModeAudienceFromClientID(t *testing.T) {
	rk, _, _ := testKeys(t)
	is := newIssuer(t)
	a := newAuth(t, oidcOptions(is, func(o *config.OIDC) { o.ClientID = "client-123" }))
	tok := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, is.claims("client-123", nil))
	require.Equal(t, http.StatusOK, serve(a, map[string]string{"Authorization": "Bearer " + tok}).Code)
}

func TestOIDCModeRefusesToStartOnABadDiscoveryDocument(t *testing.T) {
	is := newIssuerClaiming(t, "https://impostor.example.com")
	_, err := New(context.Background(), oidcOptions(is, nil))
	require.ErrorContains(t, err, "OIDCPROXY_CONFIG_URL")
	require.ErrorContains(t, err, "impostor")

	_, err = New(context.Background(), oidcOptions(is, func(o *config.OIDC) {
		o.ConfigURL = is.srv.URL + "/missing/.well-known/openid-configuration"
	}))
	require.ErrorContains(t, err, "HTTP 404")
}

func TestExpectedIssuer(t *testing.T) {
	cases := map[string]string{
		"https://idp.example.com/.well-known/openid-configuration":               "https://idp.example.com",
		"https://idp.example.com/realms/x/.well-known/openid-configuration":      "https://idp.example.com/realms/x",
		"https://idp.example.com/.well-known/oauth-authorization-server/tenant1": "https://idp.example.com/tenant1",
	}
	for in, want := range cases {
		got, ok := expectedIssuer(in)
		require.True(t, ok, in)
		require.Equal(t, want, got)
	}
	_, ok := expectedIssuer("https://idp.example.com/discovery.json")
	require.False(t, ok)
}

func TestOIDCModeAnswers503WhileTheKeySetFails(t *testing.T) {
	rk, _, _ := testKeys(t)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/jwks" {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"issuer": srv.URL, "jwks_uri": srv.URL + "/jwks"})
	}))
	t.Cleanup(srv.Close)
	a := newAuth(t, Options{Auth: config.Auth{Mode: config.AuthModeOIDC, Algorithms: []string{"RS256"},
		OIDC: config.OIDC{ConfigURL: srv.URL + "/.well-known/openid-configuration",
			BaseURL: "https://mcp.example.com"}}, Endpoint: "/mcp"})
	tok := sign(t, jwt.SigningMethodRS256, "rsa-1", rk, jwt.MapClaims{"iss": srv.URL,
		"aud": "https://mcp.example.com/mcp", "sub": "alice", "exp": time.Now().Add(time.Hour).Unix()})
	requireKeysUnavailable(t, serve(a, map[string]string{"Authorization": "Bearer " + tok}))
}
