package toolsets

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

func writeTool(name string, kind tools.Kind) tools.Tool {
	return tools.Tool{Name: name, Toolset: "zia_rule_labels", Service: tools.ServiceZIA, Kind: kind}
}

func TestWriteGateRefusalsNameTheMissingSetting(t *testing.T) {
	del := writeTool("zia_delete_rule_label", tools.Delete)
	read := writeTool("zia_list_rule_labels", tools.Read)
	meta := tools.Tool{Name: "zscaler_enable_toolset", Toolset: MetaToolset,
		Service: tools.ServiceMeta, Kind: tools.Create}

	cases := []struct {
		name    string
		writes  config.Writes
		offered bool
		reason  string
		warning string
	}{
		{"off", config.Writes{}, false, "write tools are off", ""},
		{"switch only", config.Writes{Enabled: true}, false, "--write-tools is empty",
			"write tools stay off: --enable-write-tools (ZSCALER_MCP_WRITE_ENABLED) is set " +
				"but --write-tools (ZSCALER_MCP_WRITE_TOOLS) names no tool"},
		{"list only", config.Writes{Tools: []string{"zia_*"}}, false, "write tools are off",
			"write tools stay off: --write-tools (ZSCALER_MCP_WRITE_TOOLS) is set " +
				"but --enable-write-tools (ZSCALER_MCP_WRITE_ENABLED) is not"},
		{"other pattern", config.Writes{Enabled: true, Tools: []string{"zia_create_*"}}, false,
			"not in the server's --write-tools allowlist", ""},
		{"both", config.Writes{Enabled: true, Tools: []string{"zia_create_*", "zia_delete_rule_*"}}, true, "", ""},
	}
	for _, tc := range cases {
		s, warnings := NewSelection(&config.Config{Writes: tc.writes})
		require.Equal(t, tc.offered, s.Offers(del), tc.name)
		require.Equal(t, tc.offered, s.WriteAllowed(del), tc.name)
		require.True(t, s.Offers(read), "%s: reads never need the gate", tc.name)
		require.True(t, s.Offers(meta), "%s: enabling a toolset is not a tenant write", tc.name)
		if tc.reason == "" {
			require.Empty(t, s.Unavailable(del), tc.name)
		} else {
			require.Contains(t, s.Unavailable(del), tc.reason, tc.name)
		}
		if tc.warning == "" {
			require.Empty(t, warnings, tc.name)
		} else {
			require.Equal(t, []Warning{Warning(tc.warning)}, warnings, tc.name)
		}
	}
}

func TestDisabledToolsWinOverTheWriteAllowlist(t *testing.T) {
	s, _ := NewSelection(&config.Config{
		DisabledTools: []string{"zia_delete_*"},
		Writes:        config.Writes{Enabled: true, Tools: []string{"*"}},
	})
	require.False(t, s.Offers(writeTool("zia_delete_rule_label", tools.Delete)))
	require.Equal(t, "disabled by a disabled-tools pattern",
		s.Unavailable(writeTool("zia_delete_rule_label", tools.Delete)))
	require.True(t, s.Offers(writeTool("zia_create_rule_label", tools.Create)))
}
