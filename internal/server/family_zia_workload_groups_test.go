package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The workload groups scenario: list them and read one with its tag expression.
func init() {
	addFamily("zia_workload_groups",
		familyStep{Tool: "zia_list_workload_groups", Check: saveFirstID("group")},
		familyStep{Tool: "zia_list_workload_groups",
			Args: fixed(map[string]any{"page": 2, "page_size": 3}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 2)
			}},
		familyStep{Tool: "zia_get_workload_group", Args: withID("group_id", "group", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Production VMs", v["name"])
				require.NotEmpty(t, v["expression"])
				require.Contains(t, v, "expressionJson")
			}},
		familyStep{Tool: "zia_get_workload_group",
			Args: fixed(map[string]any{"group_id": "404"}), WantError: "NotFound"},
	)
}
