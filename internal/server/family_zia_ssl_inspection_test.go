package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The SSL inspection scenario: the rules and the cloud application catalog, then a
// rule's round trip, its action object built from the action parameter and advanced.
func init() {
	addFamily("zia_ssl_inspection",
		familyStep{Tool: "zia_list_ssl_inspection_rules", Check: saveFirstID("seeded")},
		familyStep{Tool: "zia_get_ssl_inspection_rule", Args: withID("rule_id", "seeded", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, true, v["predefined"])
				require.Equal(t, "DO_NOT_DECRYPT", v["action"].(map[string]any)["type"])
			}},
		familyStep{Tool: "zia_list_cloud_app_ssl_policy",
			Args: fixed(map[string]any{"search": "onedrive"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 2)
			}},
		familyStep{Tool: "zia_create_ssl_inspection_rule",
			Args: fixed(map[string]any{"name": "Round trip", "action": "DECRYPT",
				"description": "made by a test", "order": 2, "advanced": map[string]any{
					"decryptSubActions": map[string]any{"serverCertificates": "BLOCK",
						"minClientTLSVersion": "CLIENT_TLS_1_2",
						"minServerTLSVersion": "SERVER_TLS_1_2"},
					"cloud_applications": []any{"ONEDRIVE"}}}),
			Check: saveCreatedID("rule")},
		familyStep{Tool: "zia_get_ssl_inspection_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
				require.EqualValues(t, 2, v["order"])
				require.Equal(t, "DECRYPT", v["action"].(map[string]any)["type"])
			}},
		familyStep{Tool: "zia_update_ssl_inspection_rule",
			Args: withID("rule_id", "rule", map[string]any{"enabled": false,
				"advanced": map[string]any{"decrypt_sub_actions": map[string]any{
					"min_server_tls_version": "SERVER_TLS_1_3"}}})},
		familyStep{Tool: "zia_get_ssl_inspection_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "DISABLED", v["state"])
				require.Equal(t, "made by a test", v["description"], "an update keeps other fields")
				require.Equal(t, []any{"ONEDRIVE"}, v["cloudApplications"])
				sub := v["action"].(map[string]any)["decryptSubActions"].(map[string]any)
				require.Equal(t, "SERVER_TLS_1_3", sub["minServerTLSVersion"])
				require.Equal(t, "BLOCK", sub["serverCertificates"], "other settings stay")
			}},
		familyStep{Tool: "zia_delete_ssl_inspection_rule", Args: withID("rule_id", "rule", nil)},
		familyStep{Tool: "zia_get_ssl_inspection_rule", Args: withID("rule_id", "rule", nil),
			WantError: "NotFound"},
	)
}
