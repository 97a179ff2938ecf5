package config

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const testAPIKey = "k3y-0123456789-abcdef"

// httpEnv is a streamable HTTP configuration on loopback with an API key, plus extra.
func httpEnv(extra map[string]string) map[string]string {
	m := map[string]string{EnvTransport: TransportStreamableHTTP, EnvAuthAPIKey: testAPIKey}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func loadErr(t *testing.T, env map[string]string) *Error {
	t.Helper()
	_, err := Load(mapSource(env))
	require.Error(t, err)
	var ce *Error
	require.ErrorAs(t, err, &ce)
	return ce
}

func TestHTTPBindRules(t *testing.T) {
	cases := []struct {
		name    string
		env     map[string]string
		setting string
		want    string
	}{
		{"plaintext on a public address", httpEnv(map[string]string{EnvHost: "10.1.2.3"}),
			EnvHost, "ZSCALER_MCP_ALLOW_HTTP=true"},
		{"any-address without hosts", httpEnv(map[string]string{EnvHost: "0.0.0.0", EnvAllowHTTP: "true"}),
			EnvAllowedHosts, "binding 0.0.0.0"},
		{"IPv6 any-address without hosts", httpEnv(map[string]string{EnvHost: "[::]", EnvAllowHTTP: "1"}),
			EnvAllowedHosts, "binding ::"},
		{"bad host entry", httpEnv(map[string]string{EnvAllowedHosts: "ok.example.com,bad host"}),
			EnvAllowedHosts, `"bad host"`},
		{"bad origin", httpEnv(map[string]string{EnvAllowedOrigins: "app.example.com"}),
			EnvAllowedOrigins, `"app.example.com"`},
		{"bad source", httpEnv(map[string]string{EnvAllowedSourceIPs: "10.0.0.0/40"}),
			EnvAllowedSourceIPs, `"10.0.0.0/40"`},
		{"body bound", httpEnv(map[string]string{EnvMaxRequestBytes: "-1"}),
			EnvMaxRequestBytes, "above zero"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ce := loadErr(t, tc.env)
			require.Equal(t, tc.setting, ce.Setting)
			require.Contains(t, ce.Error(), tc.want)
		})
	}

	for _, env := range []map[string]string{
		httpEnv(nil),
		httpEnv(map[string]string{EnvHost: "::1"}),
		httpEnv(map[string]string{EnvHost: "localhost"}),
		httpEnv(map[string]string{EnvHost: "10.1.2.3", EnvAllowHTTP: "true"}),
		httpEnv(map[string]string{EnvHost: "0.0.0.0", EnvAllowHTTP: "yes", EnvAllowedHosts: "*.example.com"}),
		// The HTTP-only rules do not apply to stdio.
		{EnvHost: "0.0.0.0", EnvAllowedHosts: "bad host"},
	} {
		_, err := Load(mapSource(env))
		require.NoError(t, err, env)
	}
}

func TestHTTPTLSFilesAreCheckedAtStart(t *testing.T) {
	dir := t.TempDir()
	cert, key := writeTestCert(t, dir)
	other, _ := writeTestCert(t, t.TempDir())

	cfg, err := Load(mapSource(httpEnv(map[string]string{
		EnvHost: "10.1.2.3", EnvTLSCertFile: cert, EnvTLSKeyFile: key})))
	require.NoError(t, err, "TLS allows a public bind")
	require.Equal(t, cert, cfg.HTTP.TLSCertFile)

	ce := loadErr(t, httpEnv(map[string]string{EnvTLSCertFile: cert}))
	require.Contains(t, ce.Error(), "or neither")

	ce = loadErr(t, httpEnv(map[string]string{
		EnvTLSCertFile: filepath.Join(dir, "missing.pem"), EnvTLSKeyFile: key}))
	require.Equal(t, EnvTLSCertFile, ce.Setting)
	require.Contains(t, ce.Error(), "no such file")

	ce = loadErr(t, httpEnv(map[string]string{EnvTLSCertFile: cert, EnvTLSKeyFile: dir + "/nope"}))
	require.Equal(t, EnvTLSKeyFile, ce.Setting)

	ce = loadErr(t, httpEnv(map[string]string{EnvTLSCertFile: other, EnvTLSKeyFile: key}))
	require.Contains(t, ce.Error(), "does not hold a PEM certificate that matches")
	keyPEM, err := os.ReadFile(key)
	require.NoError(t, err)
	require.NotContains(t, ce.Error(), string(keyPEM[30:60]), "key material never in errors")
}

func TestAuthModeDetectionAndRequirements(t *testing.T) {
	base := map[string]string{EnvTransport: TransportStreamableHTTP}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	jwt := map[string]string{EnvAuthJWKSURI: "https://idp.example.com/jwks.json",
		EnvAuthIssuer: "https://idp.example.com/"}
	oidc := map[string]string{EnvOIDCConfigURL: "https://idp.example.com/.well-known/openid-configuration",
		EnvOIDCBaseURL: "https://mcp.example.com"}

	detected := []struct {
		env  map[string]string
		mode string
	}{
		{with(map[string]string{EnvAuthAPIKey: testAPIKey}), AuthModeAPIKey},
		{with(jwt), AuthModeJWT},
		{with(oidc), AuthModeOIDC},
		{with(map[string]string{EnvAuthMode: "oidcproxy", EnvOIDCConfigURL: oidc[EnvOIDCConfigURL],
			EnvOIDCBaseURL: oidc[EnvOIDCBaseURL]}), AuthModeOIDC},
		{with(map[string]string{EnvAuthMode: "Zscaler", EnvVanityDomain: "acme"}), AuthModeZscaler},
		{with(map[string]string{EnvAuthMode: "none"}), AuthModeNone},
		{with(map[string]string{EnvAuthEnabled: "false"}), AuthModeNone},
		{with(map[string]string{EnvDemo: "true"}), AuthModeNone},
		{with(map[string]string{EnvDemo: "true", EnvAuthAPIKey: testAPIKey}), AuthModeAPIKey},
		{with(map[string]string{EnvDemo: "true", EnvAuthMode: "zscaler"}), AuthModeZscaler},
	}
	for _, tc := range detected {
		cfg, err := Load(mapSource(tc.env))
		require.NoError(t, err, tc.env)
		require.Equal(t, tc.mode, cfg.HTTP.Auth.Mode, tc.env)
	}

	refused := []struct {
		name    string
		env     map[string]string
		setting string
		want    string
	}{
		{"nothing configured", with(nil), EnvAuthMode, "ZSCALER_MCP_AUTH_JWKS_URI and ZSCALER_MCP_AUTH_ISSUER"},
		{"OneAPI credentials are no auth configuration", with(map[string]string{
			EnvVanityDomain: "acme", EnvClientID: "id", EnvClientSecret: "secret-value"}),
			EnvAuthMode, "none is configured"},
		{"demo on a public bind", with(map[string]string{EnvDemo: "1", EnvHost: "10.0.0.1", EnvAllowHTTP: "1"}),
			EnvAuthMode, "none is configured"},
		{"ambiguous", with(map[string]string{EnvAuthAPIKey: testAPIKey, EnvAuthJWKSURI: jwt[EnvAuthJWKSURI]}),
			EnvAuthMode, "(api-key, jwt)"},
		{"unknown mode", with(map[string]string{EnvAuthMode: "magic"}), EnvAuthMode, `"magic"`},
		{"none off loopback", with(map[string]string{EnvAuthMode: "none", EnvHost: "10.0.0.1", EnvAllowHTTP: "1"}),
			EnvAuthMode, "only allowed on a loopback bind"},
		{"disabled off loopback", with(map[string]string{EnvAuthEnabled: "no", EnvHost: "10.0.0.1", EnvAllowHTTP: "1"}),
			EnvAuthEnabled, "only allowed on a loopback bind"},
		{"disabled but a mode chosen", with(map[string]string{EnvAuthEnabled: "false", EnvAuthMode: "jwt"}),
			EnvAuthEnabled, "conflicts with ZSCALER_MCP_AUTH_MODE=jwt"},
		{"short key", with(map[string]string{EnvAuthAPIKey: "hunter2"}), EnvAuthAPIKey, "too short"},
		{"key reuses the client secret", with(map[string]string{EnvAuthAPIKey: testAPIKey,
			EnvClientID: "id", EnvClientSecret: testAPIKey, EnvVanityDomain: "acme"}),
			EnvAuthAPIKey, "has the same value as ZSCALER_CLIENT_SECRET"},
		{"key reuses the secret, spaced", with(map[string]string{EnvAuthAPIKey: testAPIKey + " ",
			EnvClientSecret: " " + testAPIKey}), EnvAuthAPIKey, "ZSCALER_CLIENT_SECRET"},
		{"key reuses the private key", with(map[string]string{EnvAuthMode: "api-key",
			EnvAuthAPIKey: testAPIKey, EnvPrivateKey: testAPIKey}),
			EnvAuthAPIKey, "has the same value as ZSCALER_PRIVATE_KEY"},
		{"api-key without key", with(map[string]string{EnvAuthMode: "api-key"}), EnvAuthAPIKey, "--generate-auth-token"},
		{"jwt without issuer", with(map[string]string{EnvAuthJWKSURI: jwt[EnvAuthJWKSURI]}), EnvAuthIssuer, "not set"},
		{"jwt without keys", with(map[string]string{EnvAuthMode: "jwt"}), EnvAuthJWKSURI, "not set"},
		{"jwks over http", with(map[string]string{EnvAuthJWKSURI: "http://idp.example.com/jwks", EnvAuthIssuer: "x"}),
			EnvAuthJWKSURI, "must use https"},
		{"jwks URL with password", with(map[string]string{EnvAuthJWKSURI: "https://u:pa55word@idp.example.com/jwks",
			EnvAuthIssuer: "x"}), EnvAuthJWKSURI, "must not carry credentials"},
		{"HMAC algorithm", with(map[string]string{EnvAuthJWKSURI: jwt[EnvAuthJWKSURI], EnvAuthIssuer: "x",
			EnvAuthAlgorithms: "RS256,HS256"}), EnvAuthAlgorithms, `"HS256"`},
		{"alg none", with(map[string]string{EnvAuthJWKSURI: jwt[EnvAuthJWKSURI], EnvAuthIssuer: "x",
			EnvAuthAlgorithms: "none"}), EnvAuthAlgorithms, "never none"},
		{"oidc without base URL", with(map[string]string{EnvOIDCConfigURL: oidc[EnvOIDCConfigURL]}),
			EnvOIDCBaseURL, "not set"},
		{"oidc base URL with query", with(map[string]string{EnvOIDCConfigURL: oidc[EnvOIDCConfigURL],
			EnvOIDCBaseURL: "https://mcp.example.com/?x=1"}), EnvOIDCBaseURL, "query"},
		{"zscaler without vanity", with(map[string]string{EnvAuthMode: "zscaler"}), EnvVanityDomain, "token endpoint"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			ce := loadErr(t, tc.env)
			require.Equal(t, tc.setting, ce.Setting)
			require.Contains(t, ce.Error(), tc.want)
			require.NotContains(t, ce.Error(), "hunter2")
			require.NotContains(t, ce.Error(), "pa55word")
			require.NotContains(t, ce.Error(), testAPIKey)
		})
	}

	cfg, err := Load(mapSource(with(map[string]string{EnvAuthAPIKey: testAPIKey,
		EnvClientSecret: testAPIKey + "x", EnvPrivateKey: "x" + testAPIKey})))
	require.NoError(t, err, "a key of its own is fine")
	require.Equal(t, AuthModeAPIKey, cfg.HTTP.Auth.Mode)

	cfg, err = Load(mapSource(with(map[string]string{EnvAuthJWKSURI: "http://127.0.0.1:9/jwks",
		EnvAuthIssuer: "iss", EnvAuthAlgorithms: "rs256, eddsa"})))
	require.NoError(t, err, "plain http to a local issuer is allowed")
	require.Equal(t, []string{"RS256", "EdDSA"}, cfg.HTTP.Auth.Algorithms)
	require.Equal(t, DefaultAuthAudience, cfg.HTTP.Auth.Audience)

	cfg, err = Load(mapSource(map[string]string{EnvAuthAPIKey: "short"}))
	require.NoError(t, err, "stdio never authenticates, so HTTP auth settings are not checked")
	require.Empty(t, cfg.HTTP.Auth.Mode)
}

// writeTestCert writes a self-signed certificate and its key as PEM files into dir.
func writeTestCert(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "localhost"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		DNSNames:     []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600))
	return certFile, keyFile
}
