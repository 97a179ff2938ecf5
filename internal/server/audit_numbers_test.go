package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The CALL line shows every number as the client wrote it, at any depth: a number the
// MCP library rounded is not logged as the id of another object.
func TestAuditLineShowsNumbersAsWritten(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	f.srv.registrar.audit.SetEnabled(true)
	cases := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"get_zia_users", map[string]any{"user_id": json.Number("9.007199254740993e15")},
			"{user_id: 9.007199254740993e15}"},
		{"get_zia_users", map[string]any{"user_id": json.Number("9007199254740993.0")},
			"{user_id: 9007199254740993.0}"},
		{"zia_create_cloud_firewall_rule", map[string]any{"name": "R",
			"advanced": map[string]any{"labels": []any{
				map[string]any{"id": json.Number("9.007199254740993e15")}}}},
			`{advanced: {labels: [{id: 9.007199254740993e15}]}, name: "R"}`},
		{"get_zia_users", map[string]any{"page": json.Number("1.50"),
			"page_size": json.Number("1E2")}, "{page: 1.50, page_size: 1E2}"},
		{"zia_get_rule_label", map[string]any{"label_id": json.Number("-0")},
			"{label_id: -0}"},
		{"zia_delete_vpn_credential", map[string]any{"credential_id": json.Number("1.5e3")},
			"{credential_id: 1.5e3}"},
		{"zia_no_such_tool", map[string]any{"id": json.Number("9.007199254740993e15")},
			"{id: 9.007199254740993e15}"},
	}
	for _, tc := range cases {
		at := f.mark()
		_, _ = f.client.CallTool(t.Context(), callRequest(tc.tool, tc.args))
		lines := f.since(at)
		require.NotEmpty(t, lines, tc.tool)
		require.Equal(t, "[TOOL CALL] "+tc.tool+" | args: "+tc.want, lines[0])
		require.True(t, strings.HasPrefix(lines[len(lines)-1], "[TOOL ERR]  "+tc.tool+" |") ||
			strings.HasPrefix(lines[len(lines)-1], "[TOOL OK]   "+tc.tool+" |"), lines)
	}
}

func callRequest(name string, args map[string]any) mcp.CallToolRequest {
	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments = name, args
	return req
}
