package tools

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Cloud app control actions are spelled in capitals by the API; an action given in
// another case is the same action, on create and update, through the action parameter
// and through advanced.actions.
func TestCloudAppRuleActionsIgnoreCase(t *testing.T) {
	up, _ := ziaSim(t)
	created := ziaMust(t, up, "zia_create_cloud_app_control_rule", map[string]any{
		"rule_type": "webmail", "name": "Mail send off", "action": "block_webmail_send"})
	rule := ziaObj(t, created, "created")
	require.Equal(t, []any{"BLOCK_WEBMAIL_SEND"}, rule["actions"])

	updated := ziaMust(t, up, "zia_update_cloud_app_control_rule", map[string]any{
		"rule_type": "WEBMAIL", "rule_id": ziaID(rule["id"]),
		"advanced": map[string]any{"actions": []any{"Allow_Webmail_View", " block_webmail_send"}}})
	require.Equal(t, []any{"ALLOW_WEBMAIL_VIEW", "BLOCK_WEBMAIL_SEND"},
		ziaObj(t, updated, "updated")["actions"])
}
