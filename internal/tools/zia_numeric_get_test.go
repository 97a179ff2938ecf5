package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The get tools of numeric collections read the same id the update and delete tools
// of the collection act on: "0042" is object 42, and an id that is no number is
// refused before any request, rather than sent to draw a "not found".
func TestNumericGetToolsReadTheIDTheWriteToolsUse(t *testing.T) {
	cases := []struct{ tool, param, id string }{
		{"zia_get_time_interval", "interval_id", "1001"},
		{"zia_get_workload_group", "group_id", "2461"},
		{"zia_get_web_dlp_rule", "rule_id", "1695004"},
	}
	for _, c := range cases {
		t.Run(c.tool, func(t *testing.T) {
			up, tenant := ziaSim(t)
			got := ziaMust(t, up, c.tool, map[string]any{c.param: "00" + c.id})
			require.Equal(t, c.id, ziaID(got["id"]))

			tenant.ClearRequests()
			_, err := ziaDo(t, up, c.tool, map[string]any{c.param: "abc"})
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), c.param)
			require.Empty(t, tenant.Requests(), "nothing is sent for an id that is no number")
		})
	}
}
