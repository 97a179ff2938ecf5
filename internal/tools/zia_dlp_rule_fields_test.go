package tools

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The advanced fields of web DLP rules that the API only takes in one form are put in
// that form, so the rule is created as meant rather than refused with "Request body
// is invalid.": severity and protocols in any case and short, references as bare ids.
func TestWebDLPRuleAdvancedFieldsInAPIForm(t *testing.T) {
	up, _ := ziaSim(t)
	created := ziaMust(t, up, "zia_create_web_dlp_rule", map[string]any{
		"name": "Card data", "action": "BLOCK",
		"advanced": map[string]any{"severity": "high", "protocols": []any{"https", "http_rule"},
			"auditor": float64(5), "icap_server": map[string]any{"id": "1"}},
	})
	rule := ziaObj(t, created, "created")
	require.Equal(t, "RULE_SEVERITY_HIGH", rule["severity"])
	require.Equal(t, []any{"HTTPS_RULE", "HTTP_RULE"}, rule["protocols"])
	require.Equal(t, json.Number("5"), ziaObj(t, rule, "auditor")["id"])
	require.Equal(t, json.Number("1"), ziaObj(t, rule, "icapServer")["id"])
	require.NotContains(t, created, "ignored_fields")

	updated := ziaMust(t, up, "zia_update_web_dlp_rule", map[string]any{
		"rule_id": ziaID(rule["id"]), "advanced": map[string]any{"severity": "Rule_Severity_Low"}})
	require.Equal(t, "RULE_SEVERITY_LOW", ziaObj(t, updated, "updated")["severity"])
}

// A severity that is none, or a reference without an id, is refused before anything is
// sent, with what the field takes.
func TestWebDLPRuleAdvancedFieldsRefused(t *testing.T) {
	cases := map[string]struct {
		advanced map[string]any
		want     string
	}{
		"unknown severity":  {map[string]any{"severity": "urgent"}, "RULE_SEVERITY_MEDIUM"},
		"severity not text": {map[string]any{"severity": 3}, "RULE_SEVERITY_HIGH"},
		"reference no id":   {map[string]any{"auditor": map[string]any{"name": "x"}}, "needs an id"},
		"reference text":    {map[string]any{"notificationTemplate": "default"}, "numeric id"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			up, tenant := ziaSim(t)
			_, err := ziaDo(t, up, "zia_create_web_dlp_rule",
				map[string]any{"name": "x", "advanced": c.advanced})
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), c.want)
			require.Empty(t, ziaWritesTo(tenant, "/webDlpRules"))
		})
	}
}
