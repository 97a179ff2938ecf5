package tools

import (
	"maps"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// decryptSettings are DECRYPT settings as a Python-era agent writes them, in snake case.
func decryptSettings() map[string]any {
	return map[string]any{"decrypt_sub_actions": map[string]any{
		"server_certificates": "BLOCK", "min_client_tls_version": "CLIENT_TLS_1_2",
		"min_server_tls_version": "SERVER_TLS_1_2", "ocsp_check": true},
		"url_categories": []any{"NEWS_AND_MEDIA"}, "show_eunatp": false}
}

// The action parameter becomes the type of the API's action object, and the action's
// settings given in advanced go inside it.
func TestSSLInspectionRuleRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_ssl_inspection_rule", map[string]any{
		"name": "Inspect news", "action": "decrypt", "description": "from a test",
		"order": 3.0, "advanced": decryptSettings()})
	require.NotContains(t, created, "ignored_fields", "action settings are not top-level fields")
	rule := ziaObj(t, created, "created")
	id := ziaID(rule["id"])
	action := rule["action"].(map[string]any)
	require.Equal(t, "DECRYPT", action["type"])
	require.Equal(t, false, action["showEUNATP"])
	sub := action["decryptSubActions"].(map[string]any)
	require.Equal(t, "BLOCK", sub["serverCertificates"])
	require.Equal(t, "CLIENT_TLS_1_2", sub["minClientTLSVersion"])
	require.Equal(t, []any{"NEWS_AND_MEDIA"}, rule["urlCategories"])

	// An update of another field keeps the action whole.
	updated := ziaMust(t, up, "zia_update_ssl_inspection_rule",
		map[string]any{"rule_id": id, "description": "changed"})
	rule = ziaObj(t, updated, "updated")
	require.Equal(t, action, rule["action"])
	require.Equal(t, "Inspect news", rule["name"])

	// A setting alone changes that setting and keeps the others of its block.
	updated = ziaMust(t, up, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": id,
		"advanced": map[string]any{"decryptSubActions": map[string]any{"http2Enabled": true}}})
	sub = ziaObj(t, updated, "updated")["action"].(map[string]any)["decryptSubActions"].(map[string]any)
	require.Equal(t, true, sub["http2Enabled"])
	require.Equal(t, "BLOCK", sub["serverCertificates"])

	// A new type starts afresh: BLOCK takes no settings block.
	updated = ziaMust(t, up, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": id,
		"action": "BLOCK", "advanced": map[string]any{"showEUN": true}})
	action = ziaObj(t, updated, "updated")["action"].(map[string]any)
	require.Equal(t, "BLOCK", action["type"])
	require.Equal(t, true, action["showEUN"])
	require.NotContains(t, action, "decryptSubActions")

	got := ziaMust(t, up, "zia_get_ssl_inspection_rule", map[string]any{"rule_id": id})
	require.Equal(t, "changed", got["description"])
	require.Equal(t, "BLOCK", got["action"].(map[string]any)["type"])

	ziaMustDelete(t, up, "ssl_inspection_rule", map[string]any{"rule_id": id},
		Resource{Type: "SSL inspection rule", ID: id, Name: "Inspect news"})
	require.Len(t, ziaWritesTo(tenant, "/sslInspectionRules"), 5)

	// A seeded rule carrying a 64-bit label id goes back whole and exact.
	updated = ziaMust(t, up, "zia_update_ssl_inspection_rule",
		map[string]any{"rule_id": "184202", "enabled": false})
	rule = ziaObj(t, updated, "updated")
	require.Equal(t, "9007199254740993", ziaID(rule["labels"].([]any)[0].(map[string]any)["id"]))
	require.Equal(t, "DECRYPT", rule["action"].(map[string]any)["type"])
}

// What the API would refuse about an action is refused before any request, saying
// what is needed.
func TestSSLInspectionActionIsChecked(t *testing.T) {
	up, tenant := ziaSim(t)
	cases := []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"action": "DECRYPT"}, "decryptSubActions with serverCertificates, " +
			"minClientTLSVersion, minServerTLSVersion"},
		{map[string]any{"action": "DECRYPT", "advanced": map[string]any{"decryptSubActions": map[string]any{
			"serverCertificates": "BLOCK"}}}, "with minClientTLSVersion, minServerTLSVersion"},
		{map[string]any{"action": "DO_NOT_DECRYPT"}, "needs doNotDecryptSubActions"},
		{map[string]any{"action": "DO_NOT_DECRYPT", "advanced": map[string]any{
			"doNotDecryptSubActions": map[string]any{"bypassOtherPolicies": false}}},
			"needs serverCertificates, minTLSVersion"},
		{map[string]any{"action": "DO_NOT_DECRYPT", "advanced": map[string]any{
			"doNotDecryptSubActions": map[string]any{"bypassOtherPolicies": true,
				"minTLSVersion": "SERVER_TLS_1_2"}}}, "takes no serverCertificates or minTLSVersion"},
		{map[string]any{"action": "BLOCK", "advanced": map[string]any{
			"doNotDecryptSubActions": map[string]any{"bypassOtherPolicies": true}}},
			"BLOCK takes no doNotDecryptSubActions"},
		{map[string]any{"action": "BLOCK", "advanced": map[string]any{
			"decryptSubActions": map[string]any{"min_tls": "x"}}}, `has no field "min_tls"`},
		{map[string]any{"action": "BLOCK", "advanced": map[string]any{
			"decryptSubActions": "BLOCK"}}, "must be an object"},
		{map[string]any{"action": "BLOCK", "advanced": map[string]any{
			"action": map[string]any{"type": "BLOCK"}}}, `duplicates parameter "action"`},
		{map[string]any{"action": "INSPECT"}, "must be one of DECRYPT, DO_NOT_DECRYPT, BLOCK"},
		{map[string]any{}, `"action" is required`},
	}
	for _, tc := range cases {
		args := map[string]any{"name": "Refused"}
		maps.Copy(args, tc.args)
		_, err := ziaDo(t, up, "zia_create_ssl_inspection_rule", args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
	}
	// On update, keeping the type keeps the settings, so a DECRYPT rule can change
	// its type's settings one at a time, but cannot lose a required one.
	_, err := ziaDo(t, up, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": "184202",
		"advanced": map[string]any{"decryptSubActions": map[string]any{"minServerTLSVersion": ""}}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes())
}

// Predefined SSL rules are read-only and the default rule stays; both are refused
// without a request or a question.
func TestSSLInspectionPredefinedRulesAreRefused(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": "184200",
		"description": "mine"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(),
		`"Zscaler Recommended Exemptions" is a predefined rule, which cannot be changed`)
	_, err = ziaDescribeCall(t, up, "zia_delete_ssl_inspection_rule", map[string]any{"rule_id": "184200"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	_, err = ziaDescribeCall(t, up, "zia_delete_ssl_inspection_rule", map[string]any{"rule_id": "184199"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "default rule")
	require.Empty(t, tenant.Writes())

	// The default rule's action may change.
	updated := ziaMust(t, up, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": "184199",
		"action": "DO_NOT_DECRYPT", "advanced": map[string]any{
			"do_not_decrypt_sub_actions": map[string]any{"bypass_other_policies": true}}})
	require.Equal(t, "DO_NOT_DECRYPT", ziaObj(t, updated, "updated")["action"].(map[string]any)["type"])
}

// A rule whose action is not an object (a shape this server does not expect) can still
// be given a new action, but not settings for an action it cannot read.
func TestSSLInspectionOddActionShapes(t *testing.T) {
	fake := &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Method == "get" {
			return map[string]any{"id": "7", "name": "Odd", "action": "DECRYPT"}, nil
		}
		return nil, nil
	}}
	_, err := ziaDo(t, fake, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": "7",
		"advanced": map[string]any{"showEUN": true}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "give action as well")

	updated := ziaMust(t, fake, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": "7",
		"action": "BLOCK"})
	require.Equal(t, map[string]any{"type": "BLOCK"}, ziaObj(t, updated, "updated")["action"])
	calls := fake.Calls()
	require.Equal(t, "put", calls[len(calls)-1].Method)
}
