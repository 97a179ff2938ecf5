package httpauth

import (
	"encoding/base64"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
)

func basic(id, secret string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(id+":"+secret))
}

// tokenCalls counts the token requests the simulator received.
func tokenCalls(sim *simulator.Server) int {
	n := 0
	for _, r := range sim.Tenant.Requests() {
		if r.Path == "/oauth2/v1/token" {
			n++
		}
	}
	return n
}

func startSimulator(t *testing.T) *simulator.Server {
	t.Helper()
	sim, err := simulator.Start(simulator.New())
	require.NoError(t, err)
	t.Cleanup(func() { _ = sim.Close() })
	return sim
}

func TestZscalerModeChecksCredentialsAtTheTokenEndpoint(t *testing.T) {
	sim := startSimulator(t)
	logger, logs := newLogger()
	a := newAuth(t, Options{
		Auth: config.Auth{Mode: config.AuthModeZscaler},
		Tenant: Tenant{VanityDomain: simulator.DemoVanityDomain, Cloud: simulator.DemoCloud,
			Transport: simulator.Transport(sim.URL, nil)},
		Logger: logger,
	})
	good := basic(simulator.DemoClientID, simulator.DemoClientSecret)
	const wrongSecret = "wrong-secret-value-42"

	rec := serve(a, map[string]string{"Authorization": good})
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Equal(t, "zscaler|"+simulator.DemoClientID, rec.Body.String())
	require.Equal(t, 1, tokenCalls(sim))
	require.Equal(t, "demo.zsloginbeta.net", sim.Tenant.Requests()[0].OriginalHost,
		"the tenant's own token host, as the SDK names it")

	rec = serve(a, map[string]string{"Authorization": good})
	require.Equal(t, http.StatusOK, rec.Code)
	rec = serve(a, map[string]string{"X-Zscaler-Client-ID": simulator.DemoClientID,
		"X-Zscaler-Client-Secret": simulator.DemoClientSecret})
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, 1, tokenCalls(sim), "a good pair is cached for the token's life")

	for range 3 {
		rec = serve(a, map[string]string{"Authorization": basic(simulator.DemoClientID, wrongSecret)})
		require.Equal(t, http.StatusUnauthorized, rec.Code)
		require.Contains(t, rec.Body.String(), "invalid OneAPI client credentials")
		require.Equal(t, `Basic realm="zscaler-mcp", charset="UTF-8"`, rec.Header().Get("WWW-Authenticate"))
		require.NotContains(t, rec.Body.String(), wrongSecret)
	}
	require.Equal(t, 2, tokenCalls(sim), "a refused pair is remembered for a while")

	rec = serve(a, nil)
	require.Equal(t, http.StatusUnauthorized, rec.Code)
	require.Contains(t, rec.Body.String(), "X-Zscaler-Client-ID")
	rec = serve(a, map[string]string{"X-Zscaler-Client-ID": simulator.DemoClientID})
	require.Equal(t, http.StatusUnauthorized, rec.Code, "an id without a secret")

	require.NotContains(t, logs.String(), wrongSecret)
	require.NotContains(t, logs.String(), simulator.DemoClientSecret)
}

func TestZscalerModeUnderConcurrencyAndAfterExpiry(t *testing.T) {
	sim := startSimulator(t)
	z := newZscalerAuth(&http.Client{Transport: simulator.Transport(sim.URL, nil)},
		tokenURL(Tenant{VanityDomain: simulator.DemoVanityDomain, Cloud: simulator.DemoCloud}))
	a := &Authenticator{mode: config.AuthModeZscaler, check: z.check, stop: func() {},
		logger: slog.New(slog.DiscardHandler)}
	good := basic(simulator.DemoClientID, simulator.DemoClientSecret)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			require.Equal(t, http.StatusOK, serve(a, map[string]string{"Authorization": good}).Code)
		}()
	}
	wg.Wait()
	calls := tokenCalls(sim)

	// Once the token's life has passed, the pair is checked again.
	z.mu.Lock()
	z.now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	z.mu.Unlock()
	require.Equal(t, http.StatusOK, serve(a, map[string]string{"Authorization": good}).Code)
	require.Equal(t, calls+1, tokenCalls(sim))
}

func TestZscalerModeAnswers503WhenTheTokenEndpointIsDown(t *testing.T) {
	sim := startSimulator(t)
	url := sim.URL
	require.NoError(t, sim.Close())
	a := newAuth(t, Options{
		Auth:   config.Auth{Mode: config.AuthModeZscaler},
		Tenant: Tenant{VanityDomain: "acme", Transport: simulator.Transport(url, nil)},
	})
	rec := serve(a, map[string]string{"Authorization": basic("id", "secret-value")})
	require.Equal(t, http.StatusServiceUnavailable, rec.Code)
	require.Contains(t, rec.Body.String(), "cannot reach the OneAPI token endpoint")
}

func TestTokenURL(t *testing.T) {
	require.Equal(t, "https://acme.zslogin.net/oauth2/v1/token", tokenURL(Tenant{VanityDomain: "acme"}))
	require.Equal(t, "https://acme.zslogin.net/oauth2/v1/token",
		tokenURL(Tenant{VanityDomain: "acme", Cloud: "PRODUCTION"}))
	require.Equal(t, "https://acme.zsloginbeta.net/oauth2/v1/token",
		tokenURL(Tenant{VanityDomain: "acme", Cloud: "Beta"}))
}

func TestExpiresIn(t *testing.T) {
	require.Equal(t, 3600*time.Second, expiresIn([]byte(`3600`)))
	require.Equal(t, 3600*time.Second, expiresIn([]byte(`"3600"`)))
	require.Zero(t, expiresIn([]byte(`"soon"`)))
	require.Zero(t, expiresIn([]byte(`-5`)))
	require.Zero(t, expiresIn(nil))
}
