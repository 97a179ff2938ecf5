package config

import (
	"bytes"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func mapSource(m map[string]string) Source {
	return func(name string) (string, bool) {
		v, ok := m[name]
		return v, ok
	}
}

func TestLoadDefaults(t *testing.T) {
	cfg, err := Load(mapSource(nil))
	require.NoError(t, err)
	require.Equal(t, TransportStdio, cfg.Transport)
	require.Equal(t, "127.0.0.1:8000", cfg.Addr())
	require.False(t, cfg.LogToolCalls)
	require.False(t, cfg.Demo)
	require.Equal(t, DefaultShutdownTimeout, cfg.ShutdownTimeout)
	require.Nil(t, cfg.Toolsets)
}

func TestParseBoolSpellings(t *testing.T) {
	for _, s := range []string{"true", "TRUE", "1", "yes", "Yes", "on", "ON", " true "} {
		b, err := ParseBool(s)
		require.NoError(t, err, s)
		require.True(t, b, s)
	}
	for _, s := range []string{"false", "False", "0", "no", "NO", "off", "Off"} {
		b, err := ParseBool(s)
		require.NoError(t, err, s)
		require.False(t, b, s)
	}
	for _, s := range []string{"y", "enable", "2", "truthy"} {
		_, err := ParseBool(s)
		require.Error(t, err, s)
	}
}

func TestLoadRejectsBadValuesNamingSettingAndValue(t *testing.T) {
	cases := []struct {
		env, value, want string
	}{
		{EnvLogToolCalls, "maybe", `ZSCALER_MCP_LOG_TOOL_CALLS="maybe"`},
		{EnvDebug, "2", `ZSCALER_MCP_DEBUG="2"`},
		{EnvTransport, "sse2", `ZSCALER_MCP_TRANSPORT="sse2"`},
		{EnvPort, "80a", `ZSCALER_MCP_PORT="80a"`},
		{EnvPort, "70000", `ZSCALER_MCP_PORT="70000"`},
		{EnvPort, "0", `ZSCALER_MCP_PORT="0"`},
		{EnvDisabledTools, "zia_[list", `ZSCALER_MCP_DISABLED_TOOLS="zia_[list"`},
		{EnvShutdownTimeout, "soon", `ZSCALER_MCP_SHUTDOWN_TIMEOUT="soon"`},
		{EnvShutdownTimeout, "1e10", `ZSCALER_MCP_SHUTDOWN_TIMEOUT="1e10"`},
		{EnvShutdownTimeout, "Inf", `ZSCALER_MCP_SHUTDOWN_TIMEOUT="Inf"`},
		{EnvDemoLatency, "-1s", `ZSCALER_MCP_DEMO_LATENCY="-1s"`},
	}
	for _, tc := range cases {
		t.Run(tc.env+"="+tc.value, func(t *testing.T) {
			_, err := Load(mapSource(map[string]string{tc.env: tc.value}))
			require.Error(t, err)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestLoadParsesEverySetting(t *testing.T) {
	cfg, err := Load(mapSource(map[string]string{
		EnvTransport:        "Streamable-HTTP",
		EnvHost:             "0.0.0.0",
		EnvPort:             "9000",
		EnvAllowHTTP:        "true",
		EnvAllowedHosts:     "MCP.example.com, *.example.org",
		EnvAuthAPIKey:       "0123456789abcdef-key",
		EnvServices:         "ZIA, zms ,",
		EnvDisabledServices: "zms",
		EnvToolsets:         "zia_users,zia_locations",
		EnvDisabledToolsets: "zia_users",
		EnvDisabledTools:    "zia_get_*, Zms_List?",
		EnvLogToolCalls:     "on",
		EnvAuditLogFile:     "/tmp/audit.log",
		EnvDebug:            "yes",
		EnvDemo:             "1",
		EnvShutdownTimeout:  "2.5",
		EnvClientID:         "id",
		EnvClientSecret:     "s3cret-value",
		EnvVanityDomain:     "acme",
		EnvCloud:            "beta",
		EnvCustomerID:       "123",
	}))
	require.NoError(t, err)
	require.Equal(t, TransportStreamableHTTP, cfg.Transport)
	require.Equal(t, "0.0.0.0:9000", cfg.Addr())
	require.Equal(t, []string{"mcp.example.com", "*.example.org"}, cfg.HTTP.AllowedHosts)
	require.Equal(t, AuthModeAPIKey, cfg.HTTP.Auth.Mode, "detected from the key")
	require.Equal(t, []string{"zia", "zms"}, cfg.Services)
	require.Equal(t, []string{"zms"}, cfg.DisabledServices)
	require.Equal(t, []string{"zia_users", "zia_locations"}, cfg.Toolsets)
	require.Equal(t, []string{"zia_get_*", "Zms_List?"}, cfg.DisabledTools, "patterns keep their case")
	require.True(t, cfg.LogToolCalls)
	require.True(t, cfg.Debug)
	require.True(t, cfg.Demo)
	require.Equal(t, 2500*time.Millisecond, cfg.ShutdownTimeout)
	require.Equal(t, "s3cret-value", cfg.Credentials.ClientSecret)
}

func TestConfigRenderingHidesSecrets(t *testing.T) {
	cfg, err := Load(mapSource(map[string]string{
		EnvClientID:     "my-client",
		EnvClientSecret: "s3cret-value",
		EnvPrivateKey:   "-----BEGIN PRIVATE KEY-----abc",
	}))
	require.NoError(t, err)
	out := cfg.String()
	require.Contains(t, out, "my-client")
	require.NotContains(t, out, "s3cret-value")
	require.NotContains(t, out, "PRIVATE KEY")
	require.Contains(t, out, "client_secret_set=true")
}

func TestConfigLogsListsWithSeparators(t *testing.T) {
	cfg, err := Load(mapSource(map[string]string{
		EnvServices: "zia,zms", EnvDisabledTools: "zia_get_*", EnvToolsets: ""}))
	require.NoError(t, err)
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("starting", "config", cfg)
	require.Contains(t, buf.String(), ` config.services="zia, zms" `)
	require.Contains(t, buf.String(), ` config.disabled_tools=zia_get_* `)
	require.Contains(t, buf.String(), ` config.toolsets="" `)
}

func TestMatchToolPattern(t *testing.T) {
	require.True(t, MatchToolPattern("zia_get_*", "zia_get_location"))
	require.False(t, MatchToolPattern("zia_get_*", "get_zia_users"))
	require.True(t, MatchToolPattern("zms_list_?gents", "zms_list_agents"))
	require.True(t, MatchToolPattern("zia_list_[!u]*", "zia_list_locations"))
	require.False(t, MatchToolPattern("zia_list_[!l]*", "zia_list_locations"))
	require.False(t, MatchToolPattern("zia_[", "zia_["))
}

func TestIsLoopbackHost(t *testing.T) {
	for _, h := range []string{"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"} {
		require.True(t, IsLoopbackHost(h), h)
	}
	for _, h := range []string{"0.0.0.0", "::", "example.com", "10.0.0.1", "localhost.evil.com", ""} {
		require.False(t, IsLoopbackHost(h), h)
	}
}

// TestLoadEndpointReadsOnlyWhereTheServerListens: the probe's settings are validated,
// the others are not read at all.
func TestLoadEndpointReadsOnlyWhereTheServerListens(t *testing.T) {
	src := func(env map[string]string) Source {
		return func(name string) (string, bool) { v, ok := env[name]; return v, ok }
	}
	cfg, err := LoadEndpoint(src(map[string]string{EnvTransport: "SSE", EnvHost: "[::1]",
		EnvPort: "9000", EnvTLSCertFile: "/tls/cert.pem", EnvDebug: "maybe",
		EnvAuthMode: "nope"}))
	require.NoError(t, err)
	require.Equal(t, &Config{Transport: TransportSSE, Host: "::1", Port: 9000,
		HTTP: HTTP{TLSCertFile: "/tls/cert.pem"}}, cfg)

	for _, env := range []map[string]string{
		{EnvTransport: "htp"},
		{EnvPort: "0"},
		{EnvHost: "a/b"},
	} {
		_, err := LoadEndpoint(src(env))
		var ce *Error
		require.ErrorAs(t, err, &ce, "%v", env)
	}
}
