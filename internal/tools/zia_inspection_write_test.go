package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The action parameter of sandbox and file type rules sets the field those families
// really have; the Python server sent "action", which the API does not know.
func TestSandboxAndFileTypeRulesRoundTrip(t *testing.T) {
	cases := []struct {
		noun, what, path, field, action string
		advanced                        map[string]any
		check                           func(t *testing.T, rule map[string]any)
	}{
		{"sandbox_rule", "sandbox rule", "/sandboxRules", "baRuleAction", "BLOCK",
			map[string]any{"first_time_enable": true, "first_time_operation": "QUARANTINE",
				"file_types": []any{"FTCATEGORY_ZIP"}, "labels": []any{"4338883"}},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, "QUARANTINE", rule["firstTimeOperation"])
				require.Equal(t, []any{"FTCATEGORY_ZIP"}, rule["fileTypes"])
				require.Equal(t, []string{"PCI-DSS"}, ziaNames(rule["labels"]))
			}},
		{"file_type_control_rule", "file type control rule", "/fileTypeRules",
			"filteringAction", "CAUTION",
			map[string]any{"operation": "UPLOAD", "fileTypes": `["FTCATEGORY_MS_EXCEL"]`,
				"protocols": []any{"HTTPS_RULE"}},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, "UPLOAD", rule["operation"])
				require.Equal(t, []any{"FTCATEGORY_MS_EXCEL"}, rule["fileTypes"],
					"a list given as JSON text")
			}},
	}
	for _, tc := range cases {
		t.Run(tc.noun, func(t *testing.T) {
			up, tenant := ziaSim(t)
			created := ziaMust(t, up, "zia_create_"+tc.noun, map[string]any{
				"name": "Test rule", "action": tc.action, "description": "from a test",
				"order": 2.0, "advanced": tc.advanced})
			require.NotContains(t, created, "ignored_fields")
			rule := ziaObj(t, created, "created")
			id := ziaID(rule["id"])
			require.Equal(t, tc.action, rule[tc.field])
			require.NotContains(t, rule, "action")
			require.Equal(t, "2", ziaID(rule["order"]))
			tc.check(t, rule)

			updated := ziaMust(t, up, "zia_update_"+tc.noun,
				map[string]any{"rule_id": id, "enabled": false})
			rule = ziaObj(t, updated, "updated")
			require.Equal(t, "DISABLED", rule["state"])
			require.Equal(t, tc.action, rule[tc.field], "an update keeps the action")
			require.Equal(t, "from a test", rule["description"])
			tc.check(t, rule)

			updated = ziaMust(t, up, "zia_update_"+tc.noun,
				map[string]any{"rule_id": id, "action": "ALLOW"})
			require.Equal(t, "ALLOW", ziaObj(t, updated, "updated")[tc.field])

			got := ziaMust(t, up, "zia_get_"+tc.noun, map[string]any{"rule_id": id})
			require.Equal(t, "DISABLED", got["state"])
			tc.check(t, got)

			res, err := ziaDescribeCall(t, up, "zia_delete_"+tc.noun, map[string]any{"rule_id": id})
			require.NoError(t, err)
			require.Equal(t, Resource{Type: tc.what, ID: id, Name: "Test rule"}, res)
			ziaMust(t, up, "zia_delete_"+tc.noun, map[string]any{"rule_id": id})
			_, err = ziaDo(t, up, "zia_get_"+tc.noun, map[string]any{"rule_id": id})
			requireKindOf(t, err, toolerr.NotFound)
			require.Equal(t, []string{"POST " + tc.path, "PUT " + tc.path + "/" + id,
				"PUT " + tc.path + "/" + id, "DELETE " + tc.path + "/" + id},
				ziaWritesTo(tenant, tc.path))
		})
	}
}

func TestSandboxActionIsItsOwnField(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_create_sandbox_rule", map[string]any{"name": "Twice",
		"action": "BLOCK", "advanced": map[string]any{"ba_rule_action": "ALLOW"}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `duplicates parameter "action"`)
	_, err = ziaDo(t, up, "zia_create_file_type_control_rule", map[string]any{"name": "Bad",
		"action": "ISOLATE"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes())
}

func TestDefaultSandboxRuleIsRefusedBeforeConfirmation(t *testing.T) {
	up, tenant := ziaSim(t)
	res, err := ziaDescribeCall(t, up, "zia_delete_sandbox_rule", map[string]any{"rule_id": "1694999"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "default rule")
	require.Equal(t, "Default BA Rule", res.Name)
	_, err = ziaDo(t, up, "zia_delete_sandbox_rule", map[string]any{"rule_id": "1694999"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes())
}
