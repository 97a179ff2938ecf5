package server

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/toolsets"
)

// servableTools is every tool the server can serve: the meta tools and the whole
// catalog, reads and writes.
func servableTools() []tools.Tool {
	return append(MetaTools(), tools.All(nil)...)
}

// newFullFixture serves every tool: every toolset, writes on and allowed.
func newFullFixture(t *testing.T) *fixture {
	t.Helper()
	cfg := &config.Config{Writes: config.Writes{Enabled: true, Tools: []string{"*"}}}
	return newFixture(t, cfg, nil, nil)
}

// listedTools returns the tools the server lists.
func listedTools(t *testing.T, f *fixture) []mcp.Tool {
	t.Helper()
	listed, err := f.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	return listed.Tools
}

// wireTools returns the tools of a tools/list answer as the JSON the server writes,
// by name: mcp-go's client types hold only the schema fields they know, so a key such
// as a top-level anyOf would not survive decoding into them.
func wireTools(t *testing.T, f *fixture) map[string]map[string]any {
	t.Helper()
	reply := f.srv.MCP().HandleMessage(context.Background(),
		[]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`))
	raw, err := json.Marshal(reply)
	require.NoError(t, err)
	var answer struct {
		Result struct {
			Tools []map[string]any `json:"tools"`
		} `json:"result"`
	}
	require.NoError(t, json.Unmarshal(raw, &answer))
	out := make(map[string]map[string]any, len(answer.Result.Tools))
	for _, tool := range answer.Result.Tools {
		name, _ := tool["name"].(string)
		out[name] = tool
	}
	require.NotEmpty(t, out, "tools/list answered %s", raw)
	return out
}

// TestRegistry checks every tool the server can serve against the rules an agent and
// its user rely on, as the tools are listed to clients.
func TestRegistry(t *testing.T) {
	all := servableTools()
	byName := map[string]tools.Tool{}
	for _, tool := range all {
		_, dup := byName[tool.Name]
		require.False(t, dup, "two tools are named %s", tool.Name)
		byName[tool.Name] = tool
	}

	f := newFullFixture(t)
	listed := listedTools(t, f)
	wire := wireTools(t, f)
	require.Len(t, listed, len(all), "with everything enabled, every tool is served")
	require.Len(t, wire, len(all))
	for _, served := range listed {
		tool, ok := byName[served.Name]
		require.True(t, ok, "%s is served but not in the catalog", served.Name)
		checkServedTool(t, tool, served, wire[served.Name])
	}
	require.False(t, *findTool(t, listed, "zscaler_enable_toolset").Annotations.ReadOnlyHint,
		"enabling a toolset changes the server, so it is not read-only")
}

func checkServedTool(t *testing.T, tool tools.Tool, served mcp.Tool, wire map[string]any) {
	t.Helper()
	name := tool.Name
	require.NotEmpty(t, served.Title, "%s has no title", name)
	require.NotEmpty(t, served.Description, "%s has no description", name)
	_, ok := toolsets.Lookup(tool.Toolset)
	require.True(t, ok, "%s belongs to toolset %q, which the catalog does not know", name, tool.Toolset)

	a := served.Annotations
	for hint, v := range map[string]*bool{"readOnlyHint": a.ReadOnlyHint,
		"destructiveHint": a.DestructiveHint, "idempotentHint": a.IdempotentHint,
		"openWorldHint": a.OpenWorldHint} {
		require.NotNil(t, v, "%s does not set %s", name, hint)
	}
	require.Equal(t, tool.Kind == tools.Read, *a.ReadOnlyHint, "%s: read-only hint and kind", name)
	if *a.ReadOnlyHint {
		require.False(t, *a.DestructiveHint, "read-only tool %s is marked destructive", name)
	}
	require.True(t, !tool.Lists || tool.Kind == tools.Read, "%s lists records but is a write", name)

	schema, _ := wire["inputSchema"].(map[string]any)
	require.Equal(t, "object", schema["type"], name)
	for _, combinator := range []string{"oneOf", "anyOf", "allOf"} {
		require.NotContains(t, schema, combinator,
			"%s: many clients refuse a top-level %s in an input schema", name, combinator)
	}
	props, _ := schema["properties"].(map[string]any)
	require.Len(t, props, len(served.InputSchema.Properties), name)
	for param, p := range props {
		desc, _ := p.(map[string]any)["description"].(string)
		require.NotEmpty(t, desc, "%s.%s has no description", name, param)
	}
	for _, p := range tool.Params {
		require.NotContains(t, []string{QueryParam, TokenParam}, p.Name,
			"%s declares %s, which the registrar adds itself", name, p.Name)
	}
	_, hasQuery := served.InputSchema.Properties[QueryParam]
	require.Equal(t, tool.Lists, hasQuery, "%s: query is served exactly on list tools", name)
	_, hasToken := served.InputSchema.Properties[TokenParam]
	require.Equal(t, tool.Kind == tools.Delete, hasToken,
		"%s: confirmation_token is served exactly on deletes", name)
}
