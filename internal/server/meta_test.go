package server

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func decode(t *testing.T, res *mcp.CallToolResult) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(resultText(res)), &v))
	return v
}

func listedNames(t *testing.T, f *fixture) map[string]bool {
	t.Helper()
	listed, err := f.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	names := map[string]bool{}
	for _, tool := range listed.Tools {
		names[tool.Name] = true
	}
	return names
}

func TestToolsetSelection(t *testing.T) {
	f := newFixture(t, &config.Config{Toolsets: []string{"zia_users"}}, nil, nil)
	names := listedNames(t, f)
	require.True(t, names["get_zia_users"])
	require.True(t, names["zscaler_enable_toolset"], "meta tools are always on")
	require.False(t, names["zia_list_locations"])
	require.False(t, names["zms_list_agents"])

	f = newFixture(t, &config.Config{Toolsets: []string{"default"}, DisabledServices: []string{"zms"}}, nil, nil)
	names = listedNames(t, f)
	require.True(t, names["zia_list_locations"], "default selects every toolset")
	require.False(t, names["zms_list_agents"], "disabled services win")

	f = newFixture(t, &config.Config{Services: []string{"zms"}, DisabledTools: []string{"zms_list_*"}}, nil, nil)
	names = listedNames(t, f)
	require.False(t, names["zia_list_locations"])
	require.False(t, names["zms_list_agents"])
	require.True(t, names["zms_get_metadata"])
}

func TestEnableToolsetRegistersAndNotifies(t *testing.T) {
	cfg := &config.Config{Toolsets: []string{"zia_users"}, DisabledTools: []string{"zia_get_location"}}
	f := newFixture(t, cfg, nil, nil)

	var notified atomic.Int32
	f.client.OnNotification(func(n mcp.JSONRPCNotification) {
		if n.Method == mcp.MethodNotificationToolsListChanged {
			notified.Add(1)
		}
	})

	res, err := f.call(t, "zscaler_enable_toolset", map[string]any{"toolset": "zia_locations"})
	require.NoError(t, err)
	require.False(t, res.IsError, resultText(res))
	out := decode(t, res).(map[string]any)
	require.Equal(t, "enabled", out["status"])
	require.Greater(t, out["newly_registered"], 5.0)

	names := listedNames(t, f)
	require.True(t, names["zia_list_locations"])
	require.False(t, names["zia_get_location"], "disabled-tool patterns still apply")
	require.Eventually(t, func() bool { return notified.Load() == 1 }, time.Second, 10*time.Millisecond,
		"one tools/list_changed notification for the whole toolset")

	res, err = f.call(t, "zscaler_enable_toolset", map[string]any{"toolset": "zia_locations"})
	require.NoError(t, err)
	require.Equal(t, "already_enabled", decode(t, res).(map[string]any)["status"])

	res, err = f.call(t, "zscaler_enable_toolset", map[string]any{"toolset": "zia_nope"})
	require.NoError(t, err)
	require.True(t, res.IsError)
	require.Contains(t, resultText(res), "InvalidArgument: cannot enable zia_nope: unknown toolset")
}

func TestEnableToolsetRespectsDisabledServicesAndToolsets(t *testing.T) {
	f := newFixture(t, &config.Config{
		Toolsets: []string{"zia_users"}, DisabledServices: []string{"zms"},
		DisabledToolsets: []string{"zia_locations"},
	}, nil, nil)
	for toolset, reason := range map[string]string{
		"zms":           "service zms is not enabled",
		"zia_locations": "disabled by the server's configuration",
	} {
		res, err := f.call(t, "zscaler_enable_toolset", map[string]any{"toolset": toolset})
		require.NoError(t, err)
		require.True(t, res.IsError)
		require.Contains(t, resultText(res), reason)
	}
	require.False(t, listedNames(t, f)["zms_list_agents"])
}

func TestListToolsetsAndToolsetTools(t *testing.T) {
	f := newFixture(t, &config.Config{Toolsets: []string{"zia_users"}}, nil, nil)

	res, err := f.call(t, "zscaler_list_toolsets", map[string]any{"service": "zia", "name_contains": "USERS"})
	require.NoError(t, err)
	rows := decode(t, res).([]any)
	require.Len(t, rows, 1)
	row := rows[0].(map[string]any)
	require.Equal(t, "zia_users", row["id"])
	require.Equal(t, true, row["currently_enabled"])
	require.Equal(t, 3.0, row["tool_count"])

	res, err = f.call(t, "zscaler_list_toolsets", map[string]any{"service": "zpa"})
	require.NoError(t, err)
	require.True(t, res.IsError, "an unknown service must not look like one without toolsets")
	require.Contains(t, resultText(res), "zia, zms")

	res, err = f.call(t, "zscaler_get_toolset_tools", map[string]any{"toolset": "zia_locations"})
	require.NoError(t, err)
	rows = decode(t, res).([]any)
	require.NotEmpty(t, rows)
	byName := map[string]map[string]any{}
	for _, r := range rows {
		row := r.(map[string]any)
		byName[row["name"].(string)] = row
	}
	list := byName["zia_list_locations"]
	require.Equal(t, false, list["available"])
	require.Contains(t, list["unavailable_reason"], "zscaler_enable_toolset")
	require.Equal(t, "read", list["type"])
	require.Equal(t, "write", byName["zia_create_location"]["type"])

	res, err = f.call(t, "zscaler_get_toolset_tools", map[string]any{"toolset": "nope"})
	require.NoError(t, err)
	require.True(t, res.IsError)
}

func TestAvailableServices(t *testing.T) {
	f := newFixture(t, &config.Config{DisabledServices: []string{"zms"}, DisabledTools: []string{"zia_get_*"}}, nil, nil)
	res, err := f.call(t, "zscaler_get_available_services", nil)
	require.NoError(t, err)
	out := decode(t, res).(map[string]any)
	enabled := out["enabled_services"].(map[string]any)
	require.Contains(t, enabled, "zia")
	require.NotContains(t, enabled, "zms")
	require.Equal(t, []any{"zms"}, out["disabled_services"])
	require.Equal(t, []any{"zia_get_*"}, out["disabled_tool_patterns"])
	zia := enabled["zia"].(map[string]any)["tool_count"].(float64)
	require.Greater(t, zia, 20.0)
}

func TestCheckConnectivityReportsEachStep(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	res, err := f.call(t, "zscaler_check_connectivity", nil)
	require.NoError(t, err)
	out := decode(t, res).(map[string]any)
	require.Equal(t, true, out["connected"])
	services := out["services"].(map[string]any)
	require.Equal(t, true, services["zia"].(map[string]any)["ok"])
	require.Equal(t, true, services["zms"].(map[string]any)["ok"])

	up := &fakeUpstream{err: toolerr.New(toolerr.Configuration, "missing ZSCALER_CLIENT_ID")}
	f = newFixture(t, nil, nil, up)
	res, err = f.call(t, "zscaler_check_connectivity", nil)
	require.NoError(t, err)
	out = decode(t, res).(map[string]any)
	require.Equal(t, false, out["connected"])
	require.Equal(t, "Configuration: missing ZSCALER_CLIENT_ID", out["token"].(map[string]any)["error"])
}

// A configured secret quoted in a failed step's reason (a vanity domain set to the
// secret, in a host name) is scrubbed like any failed call's text.
func TestCheckConnectivityScrubsSecretsFromReasons(t *testing.T) {
	const secret = "SuperSecretValue-XYZ-123"
	up := &fakeUpstream{err: toolerr.New(toolerr.UpstreamUnavailable,
		"cannot resolve %s.zslogin.net", secret)}
	f := newFixture(t, nil, nil, up)
	f.srv.registrar.audit.AddSecret(secret)

	res, err := f.call(t, "zscaler_check_connectivity", nil)
	require.NoError(t, err)
	require.NotContains(t, resultText(res), secret)
	out := decode(t, res).(map[string]any)
	require.Equal(t, "UpstreamUnavailable: cannot resolve ***REDACTED***.zslogin.net",
		out["token"].(map[string]any)["error"])
}

// The toolset tools match ids in any case; an unknown one must not come back in lower
// case, where redaction, which matches a secret as spelled, would no longer find it.
func TestUnknownToolsetsAreQuotedAsGivenSoSecretsStayRedacted(t *testing.T) {
	const secret = "SuperS3cretValue-xyz123456"
	f := newFixture(t, nil, nil, nil)
	f.srv.registrar.audit.AddSecret(secret)

	for _, tool := range []string{"zscaler_enable_toolset", "zscaler_get_toolset_tools"} {
		before := len(f.audit.lines())
		res, err := f.call(t, tool, map[string]any{"toolset": secret})
		require.NoError(t, err)
		require.True(t, res.IsError, tool)
		require.Contains(t, resultText(res), `unknown toolset "***REDACTED***"`, tool)
		require.NotContains(t, strings.ToLower(resultText(res)), strings.ToLower(secret), tool)
		log := strings.ToLower(strings.Join(f.audit.lines()[before:], "\n"))
		require.NotContains(t, log, strings.ToLower(secret), tool)
	}
}
