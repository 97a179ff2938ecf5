package toolsets

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

func tool(name, toolset string) tools.Tool {
	return tools.Tool{Name: name, Toolset: toolset}
}

func TestEverythingIsSelectedByDefault(t *testing.T) {
	s, warnings := NewSelection(&config.Config{})
	require.Empty(t, warnings)
	for _, id := range IDs() {
		require.True(t, s.ToolsetSelected(id), id)
	}
	require.True(t, s.Offers(tool("zms_list_agents", "zms")))
}

func TestKeywordsAllAndDefaultSelectEverything(t *testing.T) {
	for _, kw := range []string{"all", "default"} {
		s, warnings := NewSelection(&config.Config{Toolsets: []string{"zia_users", kw}})
		require.Empty(t, warnings)
		require.True(t, s.ToolsetSelected("zms"), kw)
		require.False(t, s.Enable("zms"), "nothing to enable when everything is selected")
	}
}

func TestPrecedence(t *testing.T) {
	s, _ := NewSelection(&config.Config{
		Services:         []string{"zia", "zms"},
		DisabledServices: []string{"zms"},
		Toolsets:         []string{"zia_users", "zia_locations", "zms"},
		DisabledToolsets: []string{"zia_locations"},
		DisabledTools:    []string{"get_zia_user_*"},
	})
	require.True(t, s.Offers(tool("get_zia_users", "zia_users")))
	require.False(t, s.Offers(tool("get_zia_user_groups", "zia_users")), "disabled pattern")
	require.False(t, s.Offers(tool("zia_list_locations", "zia_locations")), "disabled toolset wins")
	require.False(t, s.Offers(tool("zms_list_agents", "zms")), "disabled service wins")
	require.False(t, s.Offers(tool("zia_list_rule_labels", "zia_rule_labels")), "not selected")
	require.True(t, s.Offers(tool("zscaler_list_toolsets", MetaToolset)), "meta is always on")
}

func TestDisabledToolPatternsApplyToMetaTools(t *testing.T) {
	s, _ := NewSelection(&config.Config{DisabledTools: []string{"zscaler_enable_*"}})
	require.False(t, s.Offers(tool("zscaler_enable_toolset", MetaToolset)))
	require.True(t, s.Offers(tool("zscaler_list_toolsets", MetaToolset)))
}

func TestUnknownIDsWarnAndListTheKnownOnes(t *testing.T) {
	_, warnings := NewSelection(&config.Config{
		Services: []string{"zpa"}, Toolsets: []string{"zia_nope"}, DisabledToolsets: []string{"zms_x"},
	})
	require.Len(t, warnings, 3)
	require.Contains(t, string(warnings[0]), `unknown service "zpa" ignored; known services: zia, zms`)
	require.Contains(t, string(warnings[1]), `unknown toolset "zia_nope" ignored; known toolsets: `)
	require.True(t, strings.Contains(string(warnings[1]), "zia_url_filtering"))
}

// A toolset named in --toolsets whose service is off serves nothing; saying so at start
// spares the user a hunt for why the tools are missing.
func TestSelectedToolsetOfDisabledServiceWarns(t *testing.T) {
	for _, cfg := range []*config.Config{
		{Services: []string{"zia"}, Toolsets: []string{"zms", "zia_users"}},
		{DisabledServices: []string{"zms"}, Toolsets: []string{"zms"}},
	} {
		_, warnings := NewSelection(cfg)
		require.Len(t, warnings, 1)
		require.Contains(t, string(warnings[0]),
			`toolset "zms" serves nothing: its service zms is not enabled`)
	}
	_, warnings := NewSelection(&config.Config{Services: []string{"zia"},
		DisabledToolsets: []string{"zms"}})
	require.Empty(t, warnings, "disabling a toolset of a disabled service is harmless")
}

func TestRuntimeEnable(t *testing.T) {
	s, _ := NewSelection(&config.Config{Toolsets: []string{"zia_users"}, DisabledToolsets: []string{"zia_dlp"},
		DisabledServices: []string{"zms"}})

	ok, reason := s.CanEnable("zia_locations")
	require.True(t, ok, reason)
	require.True(t, s.Enable("zia_locations"))
	require.False(t, s.Enable("zia_locations"), "second time: already enabled")
	require.True(t, s.ToolsetSelected("zia_locations"))

	ok, reason = s.CanEnable("zia_dlp")
	require.False(t, ok)
	require.Contains(t, reason, "disabled by the server's configuration")
	ok, reason = s.CanEnable("zms")
	require.False(t, ok)
	require.Contains(t, reason, "service zms is not enabled")
	ok, reason = s.CanEnable("nope")
	require.False(t, ok)
	require.Contains(t, reason, "unknown toolset")
}
