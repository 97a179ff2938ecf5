package e2e

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// writeName matches the names of the tools that change the tenant.
var writeName = regexp.MustCompile(`^zia_(create|update|delete|add|remove|activate)_`)

// servedWrites lists the tools and returns the write tools among them, by name.
func servedWrites(t *testing.T, c *client.Client) map[string]mcp.Tool {
	t.Helper()
	listed, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	out := map[string]mcp.Tool{}
	for _, tool := range listed.Tools {
		readOnly := tool.Annotations.ReadOnlyHint != nil && *tool.Annotations.ReadOnlyHint
		if writeName.MatchString(tool.Name) {
			require.False(t, readOnly, "%s changes the tenant", tool.Name)
			out[tool.Name] = tool
			continue
		}
		if tool.Name != "zscaler_enable_toolset" {
			require.True(t, readOnly, "%s only reads", tool.Name)
		}
	}
	return out
}

func names(m map[string]mcp.Tool) []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func served(t *testing.T, c *client.Client, name string) bool {
	t.Helper()
	listed, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	for _, tool := range listed.Tools {
		if tool.Name == name {
			return true
		}
	}
	return false
}

// unknownTool calls a tool the server must not know, and checks its audit lines.
func unknownTool(t *testing.T, s *stdioServer, name string, args map[string]any,
	argsText string) {
	t.Helper()
	from := mark(t, s.client, s.stderr)
	_, err := call(t, s.client, name, args)
	require.Error(t, err, "%s is not served", name)
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] `+name+` | args: `+argsText,
		`[TOOL ERR]  `+name+` | 0ms | UnknownTool: no such tool on this server; `+
			`zscaler_list_toolsets shows what can be enabled`)
}

// TestWriteGateServesTheAllowlistOnly opens the gate through the environment with
// patterns padded with spaces: exactly the matching write tools are served, with
// annotations that tell a client what they do, and every other write tool is unknown.
func TestWriteGateServesTheAllowlistOnly(t *testing.T) {
	s := startStdio(t, writeEnv(labelWrites), "--demo", "--log-tool-calls")

	writes := servedWrites(t, s.client)
	require.Equal(t, []string{"zia_activate_configuration", "zia_create_rule_label",
		"zia_delete_rule_label", "zia_update_rule_label"}, names(writes))

	destructive := func(name string) bool {
		h := writes[name].Annotations.DestructiveHint
		require.NotNil(t, h, name)
		return *h
	}
	require.False(t, destructive("zia_create_rule_label"), "a create destroys nothing")
	require.True(t, destructive("zia_update_rule_label"))
	require.True(t, destructive("zia_delete_rule_label"))
	require.True(t, destructive("zia_activate_configuration"))

	del := writes["zia_delete_rule_label"].InputSchema
	require.Contains(t, del.Properties, "confirmation_token")
	require.Contains(t, del.Properties, "label_id")
	require.Equal(t, []string{"label_id"}, del.Required, "the token is optional")
	for _, name := range []string{"zia_create_rule_label", "zia_update_rule_label"} {
		require.NotContains(t, writes[name].InputSchema.Properties, "confirmation_token", name)
	}

	unknownTool(t, s, "zia_create_location", map[string]any{"name": "Branch"}, `{name: "Branch"}`)
	unknownTool(t, s, "zia_delete_location", map[string]any{"location_id": "1"},
		`{location_id: "1"}`)

	res := mustCall(t, s, "zscaler_get_toolset_tools", map[string]any{"toolset": "zia_locations"})
	var found bool
	for _, row := range records(t, res) {
		if row["name"] == "zia_create_location" {
			found = true
			require.Equal(t, false, row["available"])
			require.Equal(t, "this write tool is not in the server's --write-tools allowlist",
				row["unavailable_reason"])
		}
	}
	require.True(t, found, text(res))
	require.Contains(t, s.stderr.String(),
		`registered="[zia_activate_configuration zia_create_rule_label zia_delete_rule_label `+
			`zia_update_rule_label]"`, "the start-up log names the served write tools")
}

// TestWriteGateHoldsForToolsetsEnabledAtRuntime opens the gate with flags, serves one
// toolset, and disables deletes by pattern: enabling toolsets at runtime brings in their
// reads and the allowlisted writes only, and a disabled tool stays off although the
// allowlist names it.
func TestWriteGateHoldsForToolsetsEnabledAtRuntime(t *testing.T) {
	s := startStdio(t, cleanEnv(), "--demo", "--log-tool-calls", "--toolsets", "zia_admin",
		"--enable-write-tools", "--write-tools", labelWrites, "--disabled-tools", "zia_delete_*")
	var changed atomic.Int32
	s.client.OnNotification(func(n mcp.JSONRPCNotification) {
		if n.Method == string(mcp.MethodNotificationToolsListChanged) {
			changed.Add(1)
		}
	})

	require.Equal(t, []string{"zia_activate_configuration"}, names(servedWrites(t, s.client)))
	require.False(t, served(t, s.client, "zia_list_rule_labels"))

	mustCall(t, s, "zscaler_enable_toolset", map[string]any{"toolset": "zia_rule_labels"})
	require.Equal(t, []string{"zia_activate_configuration", "zia_create_rule_label",
		"zia_update_rule_label"}, names(servedWrites(t, s.client)),
		"the allowlist names the delete, but --disabled-tools wins")
	require.True(t, served(t, s.client, "zia_list_rule_labels"))
	unknownTool(t, s, "zia_delete_rule_label", map[string]any{"label_id": "4338885"},
		`{label_id: "4338885"}`)

	rows := records(t, mustCall(t, s, "zscaler_get_toolset_tools",
		map[string]any{"toolset": "zia_rule_labels"}))
	for _, row := range rows {
		if row["name"] == "zia_delete_rule_label" {
			require.Equal(t, "disabled by a disabled-tools pattern", row["unavailable_reason"])
		}
	}

	mustCall(t, s, "zscaler_enable_toolset", map[string]any{"toolset": "zia_locations"})
	require.True(t, served(t, s.client, "zia_list_locations"), "reads come with the toolset")
	require.Equal(t, []string{"zia_activate_configuration", "zia_create_rule_label",
		"zia_update_rule_label"}, names(servedWrites(t, s.client)),
		"enabling a toolset brings in no write tool the allowlist does not name")
	unknownTool(t, s, "zia_create_location", map[string]any{"name": "Branch"}, `{name: "Branch"}`)

	// The served writes work: the gate let them through, not merely listed them.
	id := createLabel(t, s.client, "Runtime toolset label")
	require.True(t, labelExists(t, s.client, id))
	require.Eventually(t, func() bool { return changed.Load() >= 2 }, testWait, pollEvery,
		"clients are told the tool list changed")
	require.False(t, strings.Contains(s.stderr.String(), "refused to register"),
		"nothing tried to register a gated tool:\n%s", s.stderr.String())
}
