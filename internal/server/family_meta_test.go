package server

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolsets"
)

// The server's own tools against the simulated tenant: the connectivity check reaches
// the token endpoint and every enabled service, and the catalog tools describe what is
// served.
func init() {
	addFamily(toolsets.MetaToolset,
		familyStep{Tool: "zscaler_check_connectivity",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, true, v["connected"], "%v", v)
				services, _ := v["services"].(map[string]any)
				require.Contains(t, services, "zia")
				require.Contains(t, services, "zms")
			}},
		familyStep{Tool: "zscaler_get_available_services",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.NotEmpty(t, v)
			}},
		familyStep{Tool: "zscaler_list_toolsets",
			Args:  fixed(map[string]any{"name_contains": "rule_labels"}),
			Check: listHas("id", "zia_rule_labels", nil)},
		familyStep{Tool: "zscaler_get_toolset_tools",
			Args:  fixed(map[string]any{"toolset": "zia_rule_labels"}),
			Check: listHas("name", "zia_list_rule_labels", nil)},
		familyStep{Tool: "zscaler_enable_toolset",
			Args:  fixed(map[string]any{"toolset": "zia_rule_labels"}),
			Check: objectHas("", map[string]any{"toolset": "zia_rule_labels"})},
	)
}
