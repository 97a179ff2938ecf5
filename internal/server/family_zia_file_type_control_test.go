package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The file type control scenario: the file type catalog and the rules, then a rule's
// round trip with its action sent as filteringAction.
func init() {
	addFamily("zia_file_type_control",
		familyStep{Tool: "zia_list_file_type_categories",
			Args: fixed(map[string]any{"enums": []any{"EXTERNALDLP"},
				"exclude_custom_file_types": true}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 11)
			}},
		familyStep{Tool: "zia_list_file_type_control_rules",
			Args: fixed(map[string]any{"search": "executables"}), Check: saveFirstID("seeded")},
		familyStep{Tool: "zia_get_file_type_control_rule", Args: withID("rule_id", "seeded", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Block executables", v["name"])
			}},
		familyStep{Tool: "zia_create_file_type_control_rule",
			Args: fixed(map[string]any{"name": "Round trip", "action": "BLOCK",
				"description": "made by a test", "advanced": map[string]any{
					"operation": "DOWNLOAD", "file_types": []any{"FTCATEGORY_ISO"},
					"protocols": []any{"HTTPS_RULE", "HTTP_RULE"}}}),
			Check: saveCreatedID("rule")},
		familyStep{Tool: "zia_get_file_type_control_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
				require.Equal(t, "BLOCK", v["filteringAction"])
				require.EqualValues(t, 1, v["order"], "a new rule goes to the top")
			}},
		familyStep{Tool: "zia_update_file_type_control_rule",
			Args: withID("rule_id", "rule", map[string]any{"action": "CAUTION",
				"name": "Round trip 2"})},
		familyStep{Tool: "zia_get_file_type_control_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip 2", v["name"])
				require.Equal(t, "CAUTION", v["filteringAction"])
				require.Equal(t, "made by a test", v["description"], "an update keeps other fields")
				require.Equal(t, "DOWNLOAD", v["operation"])
				require.Equal(t, []any{"FTCATEGORY_ISO"}, v["fileTypes"])
			}},
		familyStep{Tool: "zia_delete_file_type_control_rule", Args: withID("rule_id", "rule", nil)},
		familyStep{Tool: "zia_get_file_type_control_rule", Args: withID("rule_id", "rule", nil),
			WantError: "NotFound"},
	)
}
