package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The DLP scenario: dictionaries and engines (list, lite, one by id, search), web DLP
// rules (list, lite, get), then a web DLP rule write round trip.
func init() {
	addFamily("zia_dlp",
		familyStep{Tool: "get_zia_dlp_dictionaries", Check: saveFirstID("dict")},
		familyStep{Tool: "get_zia_dlp_dictionaries",
			Args: fixed(map[string]any{"action": "read_lite", "search": "passport"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 1)
				require.Equal(t, "Passport Numbers", recs[0]["name"])
				require.NotContains(t, recs[0], "hierarchicalIdentifiers", "lite is ids and names")
			}},
		familyStep{Tool: "get_zia_dlp_dictionaries",
			Args: fixed(map[string]any{"dict_id": "9007199254741001"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 1)
				require.Equal(t, "東京 Customer IDs", recs[0]["name"])
			}},
		familyStep{Tool: "get_zia_dlp_engines", Args: fixed(map[string]any{"search": "pci"}),
			Check: func(t *testing.T, s familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 2)
				s["engine"] = recs[0]["id"]
			}},
		familyStep{Tool: "get_zia_dlp_engines", Args: withID("engine_id", "engine", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 1)
			}},
		familyStep{Tool: "zia_list_web_dlp_rules", Check: saveFirstID("seeded")},
		familyStep{Tool: "zia_list_web_dlp_rules_lite", Args: fixed(map[string]any{"search": "PCI"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 1)
			}},
		familyStep{Tool: "zia_get_web_dlp_rule", Args: withID("rule_id", "seeded", nil)},
		familyStep{Tool: "zia_create_web_dlp_rule",
			Args: fixed(map[string]any{"name": "Round trip",
				"action": "BLOCK", "description": "made by a test",
				"advanced": map[string]any{"dlp_engines": []any{"60"},
					"severity": "RULE_SEVERITY_LOW"}}),
			Check: saveCreatedID("rule")},
		familyStep{Tool: "zia_get_web_dlp_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
				require.Equal(t, "BLOCK", v["action"])
			}},
		familyStep{Tool: "zia_update_web_dlp_rule",
			Args: withID("rule_id", "rule", map[string]any{"name": "Round trip 2"})},
		familyStep{Tool: "zia_get_web_dlp_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip 2", v["name"])
				require.Equal(t, "made by a test", v["description"], "an update keeps other fields")
				require.Equal(t, "RULE_SEVERITY_LOW", v["severity"])
				require.Equal(t, "BLOCK", v["action"])
			}},
		familyStep{Tool: "zia_delete_web_dlp_rule", Args: withID("rule_id", "rule", nil)},
		familyStep{Tool: "zia_get_web_dlp_rule", Args: withID("rule_id", "rule", nil),
			WantError: "NotFound"},
	)
}
