package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The cloud app control scenario: the application catalog and the actions of a rule
// type, the rules of a type, then a rule write round trip in the FILE_SHARE policy.
func init() {
	byType := func(key string, extra map[string]any) func(s familyState) map[string]any {
		args := map[string]any{"rule_type": "FILE_SHARE"}
		for k, v := range extra {
			args[k] = v
		}
		return withID("rule_id", key, args)
	}
	addFamily("zia_cloud_app_control",
		familyStep{Tool: "zia_list_cloud_app_policy",
			Args: fixed(map[string]any{"app_class": "FILE_SHARE", "search": "box"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 2, "Box and Dropbox")
				require.Equal(t, "FILE_SHARE", recs[0]["parent"])
			}},
		familyStep{Tool: "zia_list_cloud_app_control_actions",
			Args: fixed(map[string]any{"rule_type": "FILE_SHARE", "cloud_apps": []any{"BOX"}}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Contains(t, v["result"], "DENY_FILE_SHARE_UPLOAD")
			}},
		familyStep{Tool: "zia_list_cloud_app_control_rules",
			Args: fixed(map[string]any{"rule_type": "FILE_SHARE"}), Check: saveFirstID("seeded")},
		familyStep{Tool: "zia_get_cloud_app_control_rule", Args: byType("seeded", nil)},
		familyStep{Tool: "zia_list_cloud_app_control_rules",
			Args:      fixed(map[string]any{"rule_type": "WEB_MAIL"}),
			WantError: "InvalidArgument",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Contains(t, v["error"], `did you mean "WEBMAIL"?`, "the error names the type meant")
			}},
		familyStep{Tool: "zia_create_cloud_app_control_rule",
			Args: fixed(map[string]any{"rule_type": "FILE_SHARE", "name": "Round trip",
				"description": "made by a test", "order": 2,
				"advanced": map[string]any{
					"actions":      []any{"ALLOW_FILE_SHARE_VIEW", "DENY_FILE_SHARE_UPLOAD"},
					"applications": []any{"BOX"}}}),
			Check: saveCreatedID("rule")},
		familyStep{Tool: "zia_get_cloud_app_control_rule", Args: byType("rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
				require.Equal(t, "FILE_SHARE", v["type"])
				require.EqualValues(t, 2, v["order"])
			}},
		familyStep{Tool: "zia_update_cloud_app_control_rule",
			Args: byType("rule", map[string]any{"name": "Round trip 2",
				"action": "CAUTION_FILE_SHARE_VIEW"})},
		familyStep{Tool: "zia_get_cloud_app_control_rule", Args: byType("rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip 2", v["name"])
				require.Equal(t, []any{"CAUTION_FILE_SHARE_VIEW"}, v["actions"])
				require.Equal(t, "made by a test", v["description"], "an update keeps other fields")
				require.Equal(t, []any{"BOX"}, v["applications"])
			}},
		familyStep{Tool: "zia_delete_cloud_app_control_rule", Args: byType("rule", nil)},
		familyStep{Tool: "zia_get_cloud_app_control_rule", Args: byType("rule", nil),
			WantError: "NotFound"},
	)
}
