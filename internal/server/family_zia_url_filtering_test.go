package server

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The URL filtering scenario: list with the API's search, read a seeded rule, then a
// rule's round trip: created at an order, disabled, deleted.
func init() {
	addFamily("zia_url_filtering",
		familyStep{Tool: "zia_list_url_filtering_rules", Args: fixed(map[string]any{"search": "gambl"}),
			Check: then(listLen(1), saveID("gambling", "name", "Block gambling"))},
		familyStep{Tool: "zia_get_url_filtering_rule", Args: withID("rule_id", "gambling", nil),
			Check: objectHas("", map[string]any{"action": "BLOCK",
				"urlCategories": []any{"GAMBLING"}})},
		familyStep{Tool: "zia_create_url_filtering_rule", Args: fixed(map[string]any{
			"name": "Scenario block", "action": "BLOCK", "description": "first", "order": 2,
			"advanced": map[string]any{"url_categories": []any{"CUSTOM_01"},
				"protocols": []any{"HTTPS_RULE"}}}),
			Check: then(saveCreatedID("rule"), objectHas("created", map[string]any{
				"order": 2.0, "rank": 7.0, "state": "ENABLED"}))},
		familyStep{Tool: "zia_get_url_filtering_rule", Args: withID("rule_id", "rule", nil),
			Check: objectHas("", map[string]any{"name": "Scenario block",
				"urlCategories": []any{"CUSTOM_01"}, "protocols": []any{"HTTPS_RULE"}})},
		familyStep{Tool: "zia_update_url_filtering_rule", Args: withID("rule_id", "rule",
			map[string]any{"enabled": false, "description": "second"})},
		familyStep{Tool: "zia_get_url_filtering_rule", Args: withID("rule_id", "rule", nil),
			Check: objectHas("", map[string]any{"name": "Scenario block", "state": "DISABLED",
				"description": "second", "order": 2.0, "action": "BLOCK",
				"urlCategories": []any{"CUSTOM_01"}, "protocols": []any{"HTTPS_RULE"}})},
		familyStep{Tool: "zia_list_url_filtering_rules",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 16)
				require.Equal(t, "Scenario block", recs[1]["name"], "listed in policy order")
			}},
		familyStep{Tool: "zia_delete_url_filtering_rule", Args: withID("rule_id", "rule", nil)},
		familyStep{Tool: "zia_get_url_filtering_rule", Args: withID("rule_id", "rule", nil),
			WantError: "NotFound"},
		familyStep{Tool: "zia_list_url_filtering_rules", Args: fixed(map[string]any{"search": "scenario"}),
			Check: listLen(0)},
		familyStep{Tool: "zia_list_url_filtering_rules", Args: fixed(map[string]any{"search": "BLOCK"}),
			Check: listAll("matched by name or description", func(r map[string]any) bool {
				s := strings.ToLower(r["name"].(string) + " " + r["description"].(string))
				return strings.Contains(s, "block")
			})},
	)
}
