package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// TestReloadRotatesCredentialsForTheNextCall runs the real Zscaler client against the
// simulated tenant, which accepts only the new credentials: the call before the
// reload is refused, the one after it fetches a token with the new ones.
func TestReloadRotatesCredentialsForTheNextCall(t *testing.T) {
	tenant := simulator.New(simulator.WithClientCredentials("rotated-id", "rotated-secret"))
	sim, err := simulator.Start(tenant)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sim.Close() })

	dotenv := filepath.Join(t.TempDir(), ".env")
	base := []string{"ZSCALER_VANITY_DOMAIN=" + simulator.DemoVanityDomain,
		"ZSCALER_CLOUD=" + simulator.DemoCloud}
	writeDotenv(t, dotenv, append(base, "ZSCALER_CLIENT_ID=old-id",
		"ZSCALER_CLIENT_SECRET=old-secret")...)
	cfg, err := dotenvLoader(nil)(dotenv)
	require.NoError(t, err)
	cfg.DotenvPath = dotenv

	store := newCredStore(cfg.Credentials)
	client := zclient.New(zclient.Options{Credentials: store.get,
		Transport: simulator.Transport(sim.URL, nil), Logger: discard()})
	t.Cleanup(client.Close)
	logs := &bytes.Buffer{}
	logger, level := logTo(&lockedWriter{w: logs})
	r := newReloader(cfg, logger, level, audit.New(&bytes.Buffer{}), nil, store, client)
	r.load = dotenvLoader(nil)

	_, err = client.ZIAGet(t.Context(), "/status", nil)
	require.Error(t, err, "the tenant refuses the old credentials")

	writeDotenv(t, dotenv, append(base, "ZSCALER_CLIENT_ID=rotated-id",
		"ZSCALER_CLIENT_SECRET=rotated-secret")...)
	tenant.ClearRequests()
	out := r.reload(1)
	require.True(t, out.OK, out.Error)
	require.Empty(t, tenant.Requests(), "a reload itself calls nobody")

	_, err = client.ZIAGet(t.Context(), "/status", nil)
	require.NoError(t, err)
	tokens := 0
	for _, req := range tenant.Requests() {
		if strings.Contains(req.Path, "token") {
			tokens++
		}
	}
	require.Equal(t, 1, tokens, "the next call fetched one new token")
	require.NotContains(t, logs.String(), "rotated-secret")
}
