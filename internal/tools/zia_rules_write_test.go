package tools

import (
	"cmp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// Every rule family takes the same round trip. The action parameter sets the field
// each family really has (field, when not "action"): the Python server sent "action"
// to sandbox and file type rules, which the API does not know.
func TestRuleWriteRoundTrips(t *testing.T) {
	big := strconv.FormatInt(simulator.BigRuleLabelID, 10)
	cases := []struct {
		noun, what, path, action, field string
		advanced                        map[string]any
		check                           func(t *testing.T, rule map[string]any)
	}{
		{"url_filtering_rule", "URL filtering rule", "/urlFilteringRules", "BLOCK", "",
			map[string]any{"url_categories": []any{"GAMBLING"}, "protocols": "[\"HTTPS_RULE\"]"},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, []any{"GAMBLING"}, rule["urlCategories"])
				require.Equal(t, []any{"HTTPS_RULE"}, rule["protocols"], "a list given as JSON text")
			}},
		{"cloud_firewall_rule", "cloud firewall rule", "/firewallFilteringRules", "BLOCK_DROP", "",
			map[string]any{"nw_services": []any{774007.0}, "srcIps": []any{"10.0.0.0/8"},
				"labels": []any{big}},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, []string{"SSH"}, ziaNames(rule["nwServices"]))
				require.Equal(t, []any{"10.0.0.0/8"}, rule["srcIps"])
				labels := rule["labels"].([]any)
				require.Equal(t, big, ziaID(labels[0].(map[string]any)["id"]),
					"a 64-bit reference id keeps every digit")
			}},
		{"cloud_firewall_dns_rule", "firewall DNS rule", "/firewallDnsRules", "REDIR_REQ", "",
			map[string]any{"redirect_ip": "192.0.2.53"},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, "192.0.2.53", rule["redirectIp"])
			}},
		{"cloud_firewall_ips_rule", "firewall IPS rule", "/firewallIpsRules", "BLOCK_RESET", "",
			map[string]any{"src_ips": []any{"10.1.0.0/16"}},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, []any{"10.1.0.0/16"}, rule["srcIps"])
			}},
		{"sandbox_rule", "sandbox rule", "/sandboxRules", "BLOCK", "baRuleAction",
			map[string]any{"first_time_enable": true, "first_time_operation": "QUARANTINE",
				"file_types": []any{"FTCATEGORY_ZIP"}, "labels": []any{"4338883"}},
			func(t *testing.T, rule map[string]any) {
				require.Equal(t, "QUARANTINE", rule["firstTimeOperation"])
				require.Equal(t, []any{"FTCATEGORY_ZIP"}, rule["fileTypes"])
				require.Equal(t, []string{"PCI-DSS"}, ziaNames(rule["labels"]))
			}},
		{"file_type_control_rule", "file type control rule", "/fileTypeRules", "CAUTION",
			"filteringAction",
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
			field := cmp.Or(tc.field, "action")
			created := ziaMust(t, up, "zia_create_"+tc.noun, map[string]any{
				"name": "Test rule", "action": tc.action, "description": "from a test",
				"order": 2.0, "advanced": tc.advanced})
			require.NotContains(t, created, "ignored_fields")
			rule := ziaObj(t, created, "created")
			id := ziaID(rule["id"])
			require.Equal(t, "ENABLED", rule["state"], "new rules are enabled")
			require.Equal(t, "7", ziaID(rule["rank"]), "rank defaults to 7")
			require.Equal(t, tc.action, rule[field])
			if field != "action" {
				require.NotContains(t, rule, "action")
			}
			tc.check(t, rule)

			updated := ziaMust(t, up, "zia_update_"+tc.noun,
				map[string]any{"rule_id": id, "enabled": false})
			rule = ziaObj(t, updated, "updated")
			require.Equal(t, "DISABLED", rule["state"])
			require.Equal(t, "Test rule", rule["name"])
			require.Equal(t, tc.action, rule[field], "an update keeps the action")
			require.Equal(t, "from a test", rule["description"])
			require.Equal(t, "2", ziaID(rule["order"]))
			tc.check(t, rule)

			updated = ziaMust(t, up, "zia_update_"+tc.noun,
				map[string]any{"rule_id": id, "action": "ALLOW"})
			require.Equal(t, "ALLOW", ziaObj(t, updated, "updated")[field])

			got := ziaMust(t, up, "zia_get_"+tc.noun, map[string]any{"rule_id": id})
			require.Equal(t, "DISABLED", got["state"])
			tc.check(t, got)

			ziaMustDelete(t, up, tc.noun, map[string]any{"rule_id": id},
				Resource{Type: tc.what, ID: id, Name: "Test rule"})
			require.Equal(t, []string{"POST " + tc.path, "PUT " + tc.path + "/" + id,
				"PUT " + tc.path + "/" + id, "DELETE " + tc.path + "/" + id},
				ziaWritesTo(tenant, tc.path))
		})
	}
}

func TestNewRulesGoToTheTopUnlessOrdered(t *testing.T) {
	up, _ := ziaSim(t)
	created := ziaMust(t, up, "zia_create_url_filtering_rule",
		map[string]any{"name": "Top", "action": "ALLOW"})
	require.Equal(t, "1", ziaID(ziaObj(t, created, "created")["order"]))
}

func TestRuleAdvancedFieldsAreChecked(t *testing.T) {
	up, tenant := ziaSim(t)
	cases := []struct {
		advanced map[string]any
		want     string
	}{
		{map[string]any{"name": "other"}, `duplicates parameter "name"`},
		{map[string]any{"state": "DISABLED"}, "set by the tool itself"},
		{map[string]any{"id": 5.0}, "set by the tool itself"},
		{map[string]any{"locations": []any{"HQ"}}, "numeric id"},
		{map[string]any{"locations": "HQ"}, "list of ids"},
		{map[string]any{"labels": []any{1e17}}, "whole numbers in plain digits, or strings"},
		{map[string]any{"src_ips": []any{"10.0.0.0/8"}, "srcIps": []any{"10.0.0.0/8"}},
			"given twice"},
	}
	for _, tc := range cases {
		_, err := ziaDo(t, up, "zia_create_cloud_firewall_rule", map[string]any{
			"name": "Refused", "action": "ALLOW", "advanced": tc.advanced})
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
	}
	require.Empty(t, tenant.Writes(), "no refused call reaches the tenant")

	created := ziaMust(t, up, "zia_create_cloud_firewall_rule", map[string]any{
		"name": "Typo", "action": "ALLOW",
		"advanced": map[string]any{"enable_full_loging": true, "enable_full_logging": true}})
	require.Equal(t, []string{"enableFullLoging"}, created["ignored_fields"],
		"a field the API does not know is reported, not silently dropped")
	require.Equal(t, true, ziaObj(t, created, "created")["enableFullLogging"])
}

func TestDefaultRulesCannotBeDeleted(t *testing.T) {
	up, tenant := ziaSim(t)
	rules, err := ziaDo(t, up, "zia_list_cloud_firewall_rules", nil)
	require.NoError(t, err)
	var defaultID string
	for _, r := range rules.([]any) {
		if r.(map[string]any)["defaultRule"] == true {
			defaultID = ziaID(r.(map[string]any)["id"])
		}
	}
	require.NotEmpty(t, defaultID)
	_, err = ziaDo(t, up, "zia_delete_cloud_firewall_rule", map[string]any{"rule_id": defaultID})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes())
}

// A delete the tenant would refuse is refused when the confirmation is prepared, so no
// person is asked to approve something that cannot happen.
func TestUndeletableObjectsAreRefusedBeforeConfirmation(t *testing.T) {
	up, _ := ziaSim(t)
	rules, err := ziaDo(t, up, "zia_list_cloud_firewall_rules", nil)
	require.NoError(t, err)
	var defaultID, predefinedID, customID string
	for _, r := range rules.([]any) {
		rule := r.(map[string]any)
		switch {
		case rule["defaultRule"] == true:
			defaultID = ziaID(rule["id"])
		case rule["predefined"] == true:
			predefinedID = ziaID(rule["id"])
		default:
			customID = ziaID(rule["id"])
		}
	}
	require.NotEmpty(t, defaultID)
	require.NotEmpty(t, predefinedID)

	for _, id := range []string{defaultID, predefinedID} {
		res, err := ziaDescribeCall(t, up, "zia_delete_cloud_firewall_rule",
			map[string]any{"rule_id": id})
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), "cannot be deleted")
		require.Equal(t, id, res.ID)
	}
	res, err := ziaDescribeCall(t, up, "zia_delete_url_category",
		map[string]any{"category_id": "FINANCE"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Equal(t, "FINANCE", res.ID)

	res, err = ziaDescribeCall(t, up, "zia_delete_cloud_firewall_rule",
		map[string]any{"rule_id": customID})
	require.NoError(t, err, "an ordinary rule is described for the confirmation")
	require.NotEmpty(t, res.Name)
}

// An update that gives every field its current value sends nothing, so nothing is
// staged for activation.
func TestRuleUpdateThatChangesNothingIsNotSent(t *testing.T) {
	up, tenant := ziaSim(t)
	rules, err := ziaDo(t, up, "zia_list_sandbox_rules", nil)
	require.NoError(t, err)
	rule := rules.([]any)[0].(map[string]any)

	got, err := ziaDo(t, up, "zia_update_sandbox_rule", map[string]any{
		"rule_id": ziaID(rule["id"]), "description": rule["description"], "rank": rule["rank"]})
	require.NoError(t, err)
	require.Contains(t, got.(map[string]any)["message"], "Nothing was changed")
	require.Empty(t, tenant.Writes(), "nothing is sent, so nothing waits for activation")

	_, err = ziaDo(t, up, "zia_update_sandbox_rule", map[string]any{
		"rule_id": ziaID(rule["id"]), "description": "changed"})
	require.NoError(t, err)
	require.Len(t, tenant.Writes(), 1)
}

// The API keeps a default rule's name and order whatever an update says; the update
// is refused rather than answered as if it had renamed or moved the rule.
func TestDefaultRuleKeepsItsNameAndOrder(t *testing.T) {
	up, tenant := ziaSim(t)
	rules, err := ziaDo(t, up, "zia_list_sandbox_rules", nil)
	require.NoError(t, err)
	var def map[string]any
	for _, r := range rules.([]any) {
		if r.(map[string]any)["defaultRule"] == true {
			def = r.(map[string]any)
		}
	}
	require.NotNil(t, def)
	id := ziaID(def["id"])

	for _, args := range []map[string]any{{"name": "My default"}, {"order": 1},
		{"name": "My default", "rank": 3}} {
		args["rule_id"] = id
		_, err := ziaDo(t, up, "zia_update_sandbox_rule", args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.ErrorContains(t, err, "is the default rule, whose")
	}
	require.Empty(t, tenant.Writes())

	_, err = ziaDo(t, up, "zia_update_sandbox_rule", map[string]any{"rule_id": id, "rank": 3,
		"name": def["name"]})
	require.NoError(t, err, "its other fields, and its own name, are fine")
	require.Len(t, tenant.Writes(), 1)
}

// A blank rule name is refused here, naming the parameter, on creates and updates.
func TestRuleNameMustNotBeBlank(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_create_url_filtering_rule", map[string]any{"name": "  ",
		"action": "BLOCK"})
	require.EqualError(t, err, `InvalidArgument: parameter "name" must not be blank`)
	_, err = ziaDo(t, up, "zia_update_cloud_app_control_rule", map[string]any{
		"rule_type": "WEBMAIL", "rule_id": "1696000", "name": ""})
	require.EqualError(t, err, `InvalidArgument: parameter "name" must not be blank`)
	require.Empty(t, tenant.Writes())
}
