package server

import (
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The sandbox scenario: quota, hash lists and reports, then a sandbox rule's round trip.
func init() {
	addFamily("zia_sandbox",
		familyStep{Tool: "zia_get_sandbox_quota",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				quota := records(t, v)
				require.Len(t, quota, 1)
				require.EqualValues(t, 3000, quota[0]["allowed"])
			}},
		familyStep{Tool: "zia_get_sandbox_behavioral_analysis",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, v["md5HashValueList"], 3)
			}},
		familyStep{Tool: "zia_get_sandbox_file_hash_count",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.EqualValues(t, 2, v["deniedFileHashesCount"])
			}},
		familyStep{Tool: "zia_get_sandbox_report",
			Args: fixed(map[string]any{"md5_hash": simulator.EICARMD5}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				summary := v["Summary"].(map[string]any)
				require.Equal(t, "MALICIOUS", summary["Classification"].(map[string]any)["Type"])
			}},
		familyStep{Tool: "zia_get_sandbox_report",
			Args: fixed(map[string]any{"md5_hash": "0123456789abcdef0123456789abcdef",
				"report_details": "full"}),
			WantError: "NotFound"},
		familyStep{Tool: "zia_list_sandbox_rules", Check: saveFirstID("seeded")},
		familyStep{Tool: "zia_get_sandbox_rule", Args: withID("rule_id", "seeded", nil)},
		familyStep{Tool: "zia_create_sandbox_rule",
			Args: fixed(map[string]any{"name": "Round trip", "action": "BLOCK",
				"description": "made by a test", "advanced": map[string]any{
					"first_time_enable": true, "first_time_operation": "ALLOW_SCAN",
					"file_types": []any{"FTCATEGORY_ZIP"}}}),
			Check: saveCreatedID("rule")},
		familyStep{Tool: "zia_get_sandbox_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
				require.Equal(t, "BLOCK", v["baRuleAction"])
			}},
		familyStep{Tool: "zia_update_sandbox_rule",
			Args: withID("rule_id", "rule", map[string]any{"action": "ALLOW", "rank": 5})},
		familyStep{Tool: "zia_get_sandbox_rule", Args: withID("rule_id", "rule", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "ALLOW", v["baRuleAction"])
				require.EqualValues(t, 5, v["rank"])
				require.Equal(t, "Round trip", v["name"], "an update keeps other fields")
				require.Equal(t, "made by a test", v["description"])
				require.Equal(t, "ALLOW_SCAN", v["firstTimeOperation"])
				require.Equal(t, []any{"FTCATEGORY_ZIP"}, v["fileTypes"])
			}},
		familyStep{Tool: "zia_delete_sandbox_rule", Args: withID("rule_id", "rule", nil)},
		familyStep{Tool: "zia_get_sandbox_rule", Args: withID("rule_id", "rule", nil),
			WantError: "NotFound"},
	)
}

// A sandbox report quotes the analysed file, whose text may address the agent: the
// result opens with the banner and the planted text arrives cleaned.
func TestSandboxReportOpensWithTheBanner(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	res := f.call(t, "zia_get_sandbox_report", map[string]any{
		"md5_hash": "9E107D9D372BB6826BD81D3542A419D6", "report_details": "full"})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, sanitize.ExternalContentBanner, res.Content[0].(mcp.TextContent).Text)
	full := structured(t, res)["Full Details"].(map[string]any)
	macro := full["SystemSummary"].([]any)[1].(map[string]any)["Signature"].(string)
	require.Contains(t, macro, "Macro writes a script")
	require.NotContains(t, macro, "```system", "a code fence planted in the report")
	hide := full["Stealth"].([]any)[0].(map[string]any)["Signature"].(string)
	require.Contains(t, hide, "Hides the document window.")
	require.NotContains(t, hide, "<!--", "an HTML comment planted in the report")
}
