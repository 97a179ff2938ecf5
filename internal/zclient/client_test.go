package zclient

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestClientIsCreatedLazilyAndFetchesOneToken(t *testing.T) {
	f := newFake(t)
	f.handle("/zia/api/v1/status", reply(http.StatusOK, `{"status":"ACTIVE"}`))
	c := newTestClient(t, f, nil)
	require.Zero(t, f.tokenCalls.Load(), "New must not authenticate")

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			v, err := c.ZIAGet(t.Context(), "/status", nil)
			if err == nil && v.(map[string]any)["status"] != "ACTIVE" {
				t.Errorf("unexpected reply %v", v)
			}
			if err != nil {
				t.Errorf("ZIAGet: %v", err)
			}
		})
	}
	wg.Wait()
	require.EqualValues(t, 1, f.tokenCalls.Load())
	require.EqualValues(t, 20, f.apiCalls.Load())
	require.Contains(t, f.agents[0], "zscaler-mcp/test")
}

func TestMissingCredentialsNameTheVariables(t *testing.T) {
	tests := []struct {
		name  string
		creds Credentials
		want  []string
	}{
		{"complete", testCreds(), nil},
		{"private key instead of secret",
			Credentials{ClientID: "id", PrivateKey: "key", VanityDomain: "acme"}, nil},
		{"empty", Credentials{}, []string{"ZSCALER_CLIENT_ID",
			"ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY", "ZSCALER_VANITY_DOMAIN"}},
		{"blank secret", Credentials{ClientID: "id", ClientSecret: "  ", VanityDomain: "acme"},
			[]string{"ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, MissingCredentials(tt.creds))
		})
	}

	f := newFake(t)
	c := newTestClient(t, f, func(o *Options) {
		o.Credentials = func() Credentials { return Credentials{ClientID: "id"} }
	})
	_, err := c.ZIAGet(t.Context(), "/status", nil)
	te := requireKind(t, err, toolerr.Configuration)
	require.Contains(t, te.Message, "ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY")
	require.Contains(t, te.Message, "ZSCALER_VANITY_DOMAIN")
	require.NotContains(t, te.Message, "ZSCALER_CLIENT_ID,")
	_, err = c.ZMS(t.Context(), "Q", "query Q { x }", nil)
	requireKind(t, err, toolerr.Configuration)
	require.Zero(t, f.tokenCalls.Load()+f.apiCalls.Load(), "no network call without credentials")
}

func TestBadSettingsAreRefusedBeforeAnyCall(t *testing.T) {
	tests := []struct {
		name  string
		creds func(*Credentials)
		env   map[string]string
		want  string
	}{
		{"vanity as URL", func(c *Credentials) { c.VanityDomain = "https://demo.zslogin.net" }, nil,
			"ZSCALER_VANITY_DOMAIN"},
		{"cloud with dots", func(c *Credentials) { c.Cloud = "beta.evil.com/x" }, nil, "ZSCALER_CLOUD"},
		{"unreadable key file", func(c *Credentials) { c.PrivateKey = "/nonexistent/key.pem" }, nil,
			"ZSCALER_PRIVATE_KEY"},
		{"not an RSA key", func(c *Credentials) {
			c.PrivateKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"
		}, nil, "ZSCALER_PRIVATE_KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			cr := testCreds()
			if tt.creds != nil {
				tt.creds(&cr)
			}
			c := newTestClient(t, f, func(o *Options) { o.Credentials = func() Credentials { return cr } })
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, err := c.ZIAGet(t.Context(), "/status", nil)
			te := requireKind(t, err, toolerr.Configuration)
			require.Contains(t, te.Message, tt.want)
			require.Zero(t, f.tokenCalls.Load()+f.apiCalls.Load())
		})
	}
}

func TestTokenRejectedIsPermissionDeniedWithoutSecrets(t *testing.T) {
	f := newFake(t)
	f.handleToken(reply(http.StatusUnauthorized,
		`{"error":"invalid_client","error_description":"secret `+testSecret+` is wrong"}`))
	c := newTestClient(t, f, nil)

	_, err := c.ZIAGet(t.Context(), "/status", nil)
	te := requireKind(t, err, toolerr.PermissionDenied)
	require.Contains(t, te.Message, "token endpoint rejected the OneAPI credentials")
	require.Contains(t, te.Message, "ZSCALER_CLIENT_SECRET")
	requireClean(t, te.Error())
	require.NotContains(t, te.Error(), testClientID)
	require.EqualValues(t, 1, f.tokenCalls.Load(), "a rejected token request is not retried")

	// A failed creation is not cached: the next call asks again.
	_, err = c.ZIAList(t.Context(), "/locations", nil)
	requireKind(t, err, toolerr.PermissionDenied)
	require.EqualValues(t, 2, f.tokenCalls.Load())
	require.Zero(t, f.apiCalls.Load())
	requireClean(t, c.logs.String())
}

func TestTokenEndpointUnreachable(t *testing.T) {
	f := newFake(t)
	dead := httptestClosedAddr(t)
	c := newTestClient(t, f, func(o *Options) {
		o.Transport = &rewriteTransport{target: dead, base: &http.Transport{}}
	})
	_, err := c.ZIAGet(t.Context(), "/status", nil)
	te := requireKind(t, err, toolerr.UpstreamUnavailable)
	require.Contains(t, te.Message, "connection refused by "+tokenHost)
	require.Contains(t, te.Message, "after 3 attempts")
}

func TestCheckTokenMeasuresATokenCall(t *testing.T) {
	f := newFake(t)
	c := newTestClient(t, f, nil)
	d, err := c.CheckToken(t.Context())
	require.NoError(t, err)
	require.Positive(t, d)
	require.EqualValues(t, 1, f.tokenCalls.Load())

	d, err = c.CheckToken(t.Context())
	require.NoError(t, err)
	require.Positive(t, d)
	require.EqualValues(t, 2, f.tokenCalls.Load(), "a cached client asks for a fresh token")

	f.handleToken(reply(http.StatusForbidden, `{"error":"unauthorized_client"}`))
	_, err = c.CheckToken(t.Context())
	requireKind(t, err, toolerr.PermissionDenied)
}

func TestResetCredentialsRereadsSettings(t *testing.T) {
	f := newFake(t)
	f.handle("/zia/api/v1/status", reply(http.StatusOK, `{"status":"ACTIVE"}`))
	var mu sync.Mutex
	cr := testCreds()
	c := newTestClient(t, f, func(o *Options) {
		o.Credentials = func() Credentials { mu.Lock(); defer mu.Unlock(); return cr }
	})
	_, err := c.ZIAGet(t.Context(), "/status", nil)
	require.NoError(t, err)

	mu.Lock()
	cr.ClientSecret = "wrong-secret"
	mu.Unlock()
	_, err = c.ZIAGet(t.Context(), "/status", nil)
	require.NoError(t, err, "the cached client keeps working until reset")

	c.ResetCredentials()
	_, err = c.ZIAGet(t.Context(), "/status", nil)
	requireKind(t, err, toolerr.PermissionDenied)
	require.EqualValues(t, 2, f.tokenCalls.Load())
}

func TestCloseEndsLaterCalls(t *testing.T) {
	f := newFake(t)
	f.handle("/zia/api/v1/status", reply(http.StatusOK, `{}`))
	c := newTestClient(t, f, nil)
	_, err := c.ZIAGet(t.Context(), "/status", nil)
	require.NoError(t, err)
	c.Close()
	_, err = c.ZIAGet(t.Context(), "/status", nil)
	requireKind(t, err, toolerr.Cancelled)
}

func TestPrivateKeyAuthentication(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	der, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	keyPEM := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	keyFile := filepath.Join(t.TempDir(), "key.pem")
	require.NoError(t, os.WriteFile(keyFile, []byte(keyPEM), 0o600))

	for name, setting := range map[string]string{"inline": keyPEM, "file": keyFile} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t)
			f.handle("/zia/api/v1/status", reply(http.StatusOK, `{"status":"ACTIVE"}`))
			cr := testCreds()
			cr.ClientSecret = ""
			cr.PrivateKey = setting
			c := newTestClient(t, f, func(o *Options) { o.Credentials = func() Credentials { return cr } })
			_, err := c.ZIAGet(t.Context(), "/status", nil)
			require.NoError(t, err)
			f.mu.Lock()
			defer f.mu.Unlock()
			form := url.Values(f.forms[0])
			require.Equal(t, "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
				form.Get("client_assertion_type"))
			require.Empty(t, form.Get("client_secret"))
		})
	}
}

func TestConcurrentCallsAndReloads(t *testing.T) {
	f := newFake(t)
	f.handle("/zia/api/v1/status", reply(http.StatusOK, `{"status":"ACTIVE"}`))
	f.handle("/zia/api/v1/locations", reply(http.StatusOK, `[{"id":1},{"id":2}]`))
	f.handle("/zms/graphql", reply(http.StatusOK, `{"data":{"agents":{"nodes":[]}}}`))
	c := newTestClient(t, f, nil)

	ctx := ctxTimeout(t, 20*time.Second)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			for j := range 10 {
				var err error
				switch (i + j) % 3 {
				case 0:
					_, err = c.ZIAGet(ctx, "/status", nil)
				case 1:
					_, err = c.ZIAList(ctx, "/locations", nil)
				default:
					_, err = c.ZMS(ctx, "Agents", "query Agents { agents { nodes { id } } }", nil)
				}
				if err != nil {
					t.Errorf("call %d/%d: %v", i, j, err)
				}
			}
		})
	}
	wg.Go(func() {
		for range 3 {
			time.Sleep(5 * time.Millisecond)
			c.ResetCredentials()
		}
	})
	wg.Wait()
	require.EqualValues(t, 160, f.apiCalls.Load())
	require.LessOrEqual(t, f.tokenCalls.Load(), int32(4))
}

func TestCancelWhileWaitingForCreation(t *testing.T) {
	f := newFake(t)
	release := make(chan struct{})
	f.handleToken(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		writeJSON(w, http.StatusOK, `{"access_token":"`+testToken+`","expires_in":3600}`)
	})
	defer close(release)
	c := newTestClient(t, f, nil)
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.ZIAGet(ctx, "/status", nil)
	requireKind(t, err, toolerr.Cancelled)
	require.Less(t, time.Since(start), time.Second)
}
