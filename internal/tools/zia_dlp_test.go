package tools

import (
	"encoding/json"
	"maps"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func init() {
	maps.Copy(ziaExpectedParams, map[string][]string{
		"get_zia_dlp_dictionaries":           {"action", "dict_id", "search"},
		"get_zia_dlp_engines":                {"action", "engine_id", "search"},
		"zia_list_web_dlp_rules":             {"search"},
		"zia_list_web_dlp_rules_lite":        {"search"},
		"zia_get_web_dlp_rule":               {"rule_id"},
		"zia_list_cloud_app_control_actions": {"cloud_apps", "rule_type"},
		"zia_list_cloud_app_control_rules":   {"rule_type"},
		"zia_get_cloud_app_control_rule":     {"rule_id", "rule_type"},
		"zia_list_cloud_app_policy": {"app_class", "group_results", "page", "page_size",
			"search"},
	})
	maps.Copy(ziaRoutes, map[string]ziaRoute{
		"get_zia_dlp_dictionaries": {map[string]any{"action": "read_lite", "search": "cred"},
			"list", "/dlpDictionaries/lite", "search=cred"},
		// The engine and web DLP rule lists take no search: it is applied here.
		"get_zia_dlp_engines": {map[string]any{"search": "pci"}, "list", "/dlpEngines", ""},
		"zia_list_web_dlp_rules": {map[string]any{"search": "pci"}, "list", "/webDlpRules",
			""},
		"zia_list_web_dlp_rules_lite": {map[string]any{"search": "pci"}, "list",
			"/webDlpRules/lite", ""},
		"zia_get_web_dlp_rule": {map[string]any{"rule_id": 1695000.0}, "get",
			"/webDlpRules/1695000", ""},
		"zia_list_cloud_app_control_actions": {map[string]any{"rule_type": "webmail",
			"cloud_apps": []any{"GOOGLE_WEBMAIL"}}, "post",
			"/webApplicationRules/WEBMAIL/availableActions", ""},
		"zia_list_cloud_app_control_rules": {map[string]any{"rule_type": "FILE_SHARE"},
			"unpaged", "/webApplicationRules/FILE_SHARE", ""},
		"zia_get_cloud_app_control_rule": {map[string]any{"rule_type": "AI_ML",
			"rule_id": "9007199254741003"}, "get", "/webApplicationRules/AI_ML/9007199254741003", ""},
		"zia_list_cloud_app_policy": {map[string]any{"search": "drop", "app_class": "FILE_SHARE",
			"group_results": true, "page": 2.0, "page_size": 50.0}, "get",
			"/cloudApplications/policy",
			"appClass=FILE_SHARE&groupResults=true&page=2&pageSize=50&search=drop"},
	})
	cac := append([]string{"rule_type"}, ruleParams...)
	maps.Copy(ziaExpectedWriteParams, map[string][]string{
		"zia_create_web_dlp_rule":           ruleParams,
		"zia_update_web_dlp_rule":           updateOf("rule_id", ruleParams...),
		"zia_delete_web_dlp_rule":           {"rule_id"},
		"zia_create_cloud_app_control_rule": updateOf(cac[0], cac[1:]...),
		"zia_update_cloud_app_control_rule": updateOf("rule_id", cac...),
		"zia_delete_cloud_app_control_rule": {"rule_id", "rule_type"},
	})
}

func TestDLPCatalogGetsOneObjectByID(t *testing.T) {
	fake := &ziaFake{}
	for _, action := range []string{"read", "read_lite"} {
		res, err := ziaRun(t, fake, "get_zia_dlp_dictionaries",
			map[string]any{"dict_id": "9007199254741001", "action": action})
		require.NoError(t, err)
		require.True(t, res.IsList(), "one object still comes as a list")
		require.Equal(t, 1, res.Items)
	}
	calls := fake.Calls()
	require.Len(t, calls, 2)
	for _, c := range calls {
		require.Equal(t, "get", c.Method)
		require.Equal(t, "/dlpDictionaries/9007199254741001", c.Path,
			"a 64-bit id keeps every digit, and the whole record is read")
	}

	_, err := ziaRun(t, fake, "get_zia_dlp_engines", map[string]any{"engine_id": "PCI"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "engine_id")
	require.Len(t, fake.Calls(), 2, "a bad id reaches nobody")
}

func TestDLPListsKeepOddRecords(t *testing.T) {
	odd := map[string]any{"id": json.Number("1695004"), "name": "Executable uploads",
		"severity": nil, "receiver": map[string]any{"id": json.Number("2201")},
		"cloudApplications": "GITHUB"}
	fake := &ziaFake{reply: func(ziaCall) (any, error) { return []any{odd}, nil }}
	for _, name := range []string{"zia_list_web_dlp_rules", "zia_list_web_dlp_rules_lite",
		"get_zia_dlp_dictionaries", "get_zia_dlp_engines"} {
		res, err := ziaRun(t, fake, name, nil)
		require.NoError(t, err, name)
		require.Equal(t, []any{odd}, res.Value, name)
	}
}

func TestCloudAppRuleTypeIsChecked(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_list_cloud_app_control_rules",
		map[string]any{"rule_type": "WEB_MAIL"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `did you mean "WEBMAIL"?`, "the message names the type meant")
	_, err = ziaRun(t, fake, "zia_get_cloud_app_control_rule", map[string]any{"rule_id": "1"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, fake.Calls())
}

func TestCloudAppControlActionsBody(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return []any{"ALLOW_AI_ML_WEB_USE", "DENY_AI_ML_WEB_USE"}, nil
	}}
	res, err := ziaRun(t, fake, "zia_list_cloud_app_control_actions",
		map[string]any{"rule_type": "AI_ML"})
	require.NoError(t, err)
	require.Equal(t, 2, res.Items)
	_, err = ziaRun(t, fake, "zia_list_cloud_app_control_actions",
		map[string]any{"rule_type": "AI_ML", "cloud_apps": []any{"CHATGPT_AI"}})
	require.NoError(t, err)
	_, err = ziaRun(t, fake, "zia_list_cloud_app_control_actions",
		map[string]any{"rule_type": "AI_ML", "cloud_apps": `["CHATGPT_AI", " GOOGLE_GEMINI"]`})
	require.NoError(t, err, "a list written as JSON text")
	calls := fake.Calls()
	require.Equal(t, map[string]any{"type": "AI_ML"}, calls[0].Body)
	require.Equal(t, map[string]any{"type": "AI_ML", "cloudApps": []string{"CHATGPT_AI"}},
		calls[1].Body)
	require.Equal(t, map[string]any{"type": "AI_ML",
		"cloudApps": []string{"CHATGPT_AI", "GOOGLE_GEMINI"}}, calls[2].Body)
}

func TestCloudAppPolicyPaging(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_list_cloud_app_policy",
		map[string]any{"page_size": 200.0, "group_results": false})
	require.NoError(t, err)
	calls := fake.Calls()
	require.Equal(t, "get", calls[0].Method, "a page size alone reads the first page")
	require.Equal(t, "groupResults=false&page=1&pageSize=200", calls[0].Query.Encode())
}

func TestCloudAppControlRuleRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_create_cloud_app_control_rule",
		map[string]any{"rule_type": "WEBMAIL", "name": "No actions"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "zia_list_cloud_app_control_actions")
	_, err = ziaDo(t, up, "zia_create_cloud_app_control_rule", map[string]any{
		"rule_type": "WEBMAIL", "name": "Twice", "action": "BLOCK_WEBMAIL_SEND",
		"advanced": map[string]any{"actions": []any{"ALLOW_WEBMAIL_VIEW"}}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `parameter "action"`)
	_, err = ziaDo(t, up, "zia_create_cloud_app_control_rule", map[string]any{
		"rule_type": "WEBMAIL", "name": "Retyped", "action": "BLOCK_WEBMAIL_SEND",
		"advanced": map[string]any{"type": "FILE_SHARE"}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes(), "no refused call reaches the tenant")

	created := ziaMust(t, up, "zia_create_cloud_app_control_rule", map[string]any{
		"rule_type": "webmail", "name": "Gmail read only", "description": "from a test",
		"advanced": map[string]any{"actions": `["ALLOW_WEBMAIL_VIEW", "BLOCK_WEBMAIL_SEND"]`,
			"applications": []any{"GOOGLE_WEBMAIL"}}})
	rule := ziaObj(t, created, "created")
	id := ziaID(rule["id"])
	require.Equal(t, "WEBMAIL", rule["type"])
	require.Equal(t, "1", ziaID(rule["order"]), "a new rule goes to the top of its type")
	require.Equal(t, []any{"ALLOW_WEBMAIL_VIEW", "BLOCK_WEBMAIL_SEND"}, rule["actions"])

	_, err = ziaDo(t, up, "zia_update_cloud_app_control_rule", map[string]any{
		"rule_type": "WEBMAIL", "rule_id": id, "advanced": map[string]any{"type": "AI_ML"}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	_, err = ziaDo(t, up, "zia_update_cloud_app_control_rule",
		map[string]any{"rule_type": "WEBMAIL", "rule_id": id})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "nothing to change")

	updated := ziaMust(t, up, "zia_update_cloud_app_control_rule", map[string]any{
		"rule_type": "WEBMAIL", "rule_id": id, "action": "BLOCK_WEBMAIL_VIEW"})
	rule = ziaObj(t, updated, "updated")
	require.Equal(t, []any{"BLOCK_WEBMAIL_VIEW"}, rule["actions"], "action replaces the list")
	require.Equal(t, []any{"GOOGLE_WEBMAIL"}, rule["applications"], "other fields are kept")
	require.Equal(t, "from a test", rule["description"])

	_, err = ziaDo(t, up, "zia_get_cloud_app_control_rule",
		map[string]any{"rule_type": "FILE_SHARE", "rule_id": id})
	requireKindOf(t, err, toolerr.NotFound)

	deleted := ziaMustDelete(t, up, "cloud_app_control_rule",
		map[string]any{"rule_type": "WEBMAIL", "rule_id": id},
		Resource{Type: "WEBMAIL cloud app control rule", ID: id, Name: "Gmail read only"})
	require.Equal(t, []any{map[string]any{"type": "WEBMAIL cloud app control rule", "id": id}},
		deleted["deleted"])
	path := "/webApplicationRules/WEBMAIL"
	require.Equal(t, []string{"POST " + path, "PUT " + path + "/" + id,
		"DELETE " + path + "/" + id}, ziaWritesTo(tenant, path))
}

func TestCloudAppControlRuleKeepsBigIDs(t *testing.T) {
	up, _ := ziaSim(t)
	big := strconv.FormatInt(simulator.BigCloudAppRuleID, 10)
	got := ziaMust(t, up, "zia_get_cloud_app_control_rule",
		map[string]any{"rule_type": "WEBMAIL", "rule_id": big})
	require.Equal(t, big, ziaID(got["id"]))
	updated := ziaMust(t, up, "zia_update_cloud_app_control_rule",
		map[string]any{"rule_type": "WEBMAIL", "rule_id": big, "rank": 3.0})
	require.Equal(t, big, ziaID(ziaObj(t, updated, "updated")["id"]))
}

func TestWebDLPRuleRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_web_dlp_rule", map[string]any{
		"name": "Cards out", "order": 2.0,
		"advanced": map[string]any{"dlp_engines": []any{60.0, "17"},
			"protocols": []any{"HTTPS_RULE"}, "severity": "RULE_SEVERITY_HIGH"}})
	rule := ziaObj(t, created, "created")
	id := ziaID(rule["id"])
	require.Equal(t, "ALLOW", rule["action"], "without an action the API allows")
	require.Equal(t, []string{"PCI", "PCI strict"}, ziaNames(rule["dlpEngines"]))

	updated := ziaMust(t, up, "zia_update_web_dlp_rule",
		map[string]any{"rule_id": id, "action": "block", "enabled": false})
	rule = ziaObj(t, updated, "updated")
	require.Equal(t, "BLOCK", rule["action"])
	require.Equal(t, "DISABLED", rule["state"])
	require.Equal(t, "RULE_SEVERITY_HIGH", rule["severity"], "other fields are kept")

	odd := ziaMust(t, up, "zia_update_web_dlp_rule",
		map[string]any{"rule_id": 1695004.0, "description": "still odd"})
	require.Equal(t, "still odd", ziaObj(t, odd, "updated")["description"],
		"a rule with nulls can be sent back whole")

	ziaMust(t, up, "zia_delete_web_dlp_rule", map[string]any{"rule_id": id})
	_, err := ziaDo(t, up, "zia_get_web_dlp_rule", map[string]any{"rule_id": id})
	requireKindOf(t, err, toolerr.NotFound)
	require.Len(t, ziaWritesTo(tenant, "/webDlpRules"), 4)
}
