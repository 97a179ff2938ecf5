package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The rule label scenario: list and read a seeded label, then a full write round trip.
func init() {
	addFamily("zia_rule_labels",
		familyStep{Tool: "zia_list_rule_labels", Check: saveFirstID("seeded")},
		familyStep{Tool: "zia_get_rule_label", Args: withID("label_id", "seeded", nil)},
		familyStep{Tool: "zia_create_rule_label",
			Args:  fixed(map[string]any{"name": "Round trip", "description": "made by a test"}),
			Check: saveCreatedID("label")},
		familyStep{Tool: "zia_get_rule_label", Args: withID("label_id", "label", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
			}},
		familyStep{Tool: "zia_update_rule_label",
			Args: withID("label_id", "label", map[string]any{"name": "Round trip 2"})},
		familyStep{Tool: "zia_get_rule_label", Args: withID("label_id", "label", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip 2", v["name"])
				require.Equal(t, "made by a test", v["description"], "an update keeps other fields")
			}},
		familyStep{Tool: "zia_delete_rule_label", Args: withID("label_id", "label", nil)},
		familyStep{Tool: "zia_get_rule_label", Args: withID("label_id", "label", nil),
			WantError: "NotFound"},
	)
}
