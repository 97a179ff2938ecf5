package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// TestHalfConfiguredWriteGateSaysWhatIsMissing starts the binary with only one of the
// two write settings: it serves, offers no write tool, and logs one line naming the
// missing setting.
func TestHalfConfiguredWriteGateSaysWhatIsMissing(t *testing.T) {
	cases := []struct {
		name    string
		env     []string
		args    []string
		missing string
	}{
		{"flag without allowlist", nil, []string{"--enable-write-tools"},
			"--write-tools (ZSCALER_MCP_WRITE_TOOLS) names no tool"},
		{"allowlist without flag", []string{"ZSCALER_MCP_WRITE_TOOLS= zia_delete_* , zia_create_*"}, nil,
			"--enable-write-tools (ZSCALER_MCP_WRITE_ENABLED) is not"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startStdio(t, cleanEnv(tc.env...), append([]string{"--demo"}, tc.args...)...)
			mustCall(t, s, "zia_get_activation_status", nil)

			var gate []string
			for _, l := range strings.Split(s.stderr.String(), "\n") {
				if strings.Contains(l, "write tools stay off") {
					gate = append(gate, l)
				}
			}
			require.Len(t, gate, 1, s.stderr.String())
			require.Contains(t, gate[0], "level=WARN")
			require.Contains(t, gate[0], tc.missing)

			listed, err := s.client.ListTools(context.Background(), mcp.ListToolsRequest{})
			require.NoError(t, err)
			require.NotEmpty(t, listed.Tools)
			for _, tool := range listed.Tools {
				require.NotRegexp(t, `^zia_(create|update|delete|activate|add|remove)_`, tool.Name)
			}
		})
	}
}
