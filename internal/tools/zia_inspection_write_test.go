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
