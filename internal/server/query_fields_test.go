package server

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// An agent used to the Python server writes snake_case field names and starts ZMS
// queries with "nodes"; both would quietly answer "nothing matches".
func TestQueryWithThePythonServersFieldNamesSaysWhatToWrite(t *testing.T) {
	locations := []any{
		map[string]any{"id": json.Number("1"), "name": "HQ", "authRequired": true,
			"ipAddresses": []any{"203.0.113.1"},
			"scopes":      []any{map[string]any{"Type": "LOCATION", "ScopeEntities": []any{}}}},
		map[string]any{"id": json.Number("2"), "name": "Branch", "authRequired": false},
	}
	list := testTool("t_locations", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.List(locations), nil
	})
	list.Lists = true
	page := testTool("t_agents", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Page(locations, map[string]any{"totalPages": json.Number("1")}), nil
	})
	page.Lists = true
	f := newFixture(t, nil, []tools.Tool{list, page}, nil)

	cases := []struct{ tool, query, want string }{
		{"t_locations", "[?auth_required].name", `write "authRequired"`},
		{"t_locations", "[].{id: id, ips: ip_addresses}", `write "ipAddresses"`},
		{"t_locations", "[].scopes[].type", `write "Type"`},
		{"t_locations", "[].scopes[].scope_entities", `write "ScopeEntities"`},
		{"t_agents", "nodes[].name", "drop the leading nodes"},
		{"t_agents", "pageInfo.totalPages", "pageInfo is returned beside its result"},
	}
	for _, tc := range cases {
		res, err := f.call(t, tc.tool, map[string]any{QueryParam: tc.query})
		require.NoError(t, err)
		require.True(t, res.IsError, "%s: %s", tc.query, resultText(res))
		require.Contains(t, resultText(res), "InvalidArgument: ")
		require.Contains(t, resultText(res), tc.want)
	}

	// A field that is simply absent (optional, or misremembered without a camelCase
	// twin) is JMESPath's null, as everywhere else.
	for _, q := range []string{"[?no_such_field].name", "[?authRequired].name",
		"[].nodes", "[].pageInfo"} {
		res, err := f.call(t, "t_locations", map[string]any{QueryParam: q})
		require.NoError(t, err)
		require.False(t, res.IsError, "%s: %s", q, resultText(res))
	}
	res, err := f.call(t, "t_agents", map[string]any{QueryParam: "[?authRequired].name"})
	require.NoError(t, err)
	require.JSONEq(t, `{"nodes":["HQ"],"pageInfo":{"totalPages":1}}`, resultText(res))
}
