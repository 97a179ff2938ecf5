package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

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

// Enum fields given in advanced go out in the API's capitals; a value the API does not
// have is refused naming the field, with the value likely meant, rather than sent for
// the API to answer "Request body is invalid.".
func TestAdvancedEnumFieldsInTheAPISpelling(t *testing.T) {
	up, tenant := ziaSim(t)
	got, err := ziaDo(t, up, "zia_create_sandbox_rule", map[string]any{"name": "Quarantine new",
		"action": "BLOCK", "advanced": map[string]any{"first_time_enable": true,
			"first_time_operation": "quarantine", "protocols": []any{"https_rule"}}})
	require.NoError(t, err)
	rule := got.(map[string]any)["created"].(map[string]any)
	require.Equal(t, "QUARANTINE", rule["firstTimeOperation"])
	require.Equal(t, []any{"HTTPS_RULE"}, rule["protocols"])

	got, err = ziaDo(t, up, "zia_create_file_type_control_rule", map[string]any{
		"name": "Uploads", "action": "BLOCK", "advanced": map[string]any{"operation": "upload",
			"file_types": []any{"FTCATEGORY_ZIP"}}})
	require.NoError(t, err)
	require.Equal(t, "UPLOAD", got.(map[string]any)["created"].(map[string]any)["operation"])
	writes := len(tenant.Writes())

	cases := []struct {
		tool string
		adv  map[string]any
		want string
	}{
		{"zia_create_sandbox_rule", map[string]any{"baPolicyCategories": []any{"RANSOMWARE"}},
			`advanced field "baPolicyCategories" got "RANSOMWARE"; did you mean "RANSOMWARE_BLOCK"?`},
		{"zia_create_file_type_control_rule", map[string]any{"operation": "COPY"},
			`advanced field "operation" got "COPY"; it must be one of UPLOAD, DOWNLOAD`},
		{"zia_create_web_dlp_rule", map[string]any{"protocols": []any{"https", "ftps"}},
			`advanced field "protocols" got "FTPS"`},
	}
	for _, tc := range cases {
		_, err := ziaDo(t, up, tc.tool, map[string]any{"name": "Bad", "action": "BLOCK",
			"advanced": tc.adv})
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.ErrorContains(t, err, tc.want, tc.tool)
	}
	require.Len(t, tenant.Writes(), writes, "nothing refused is sent")
}
