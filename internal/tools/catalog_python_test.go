package tools

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// pythonCatalog is every ZIA and ZMS tool the Python server offers, by toolset, with its
// signature as the Python server declares it. Users switching servers keep their tool
// names, allowlists, disabled-tool patterns and saved arguments, so the served catalog
// must match it tool for tool, except where pythonDeviations says otherwise.
//
// A signature is the kind (R read, C create, U update, D delete), Q when the tool takes
// the JMESPath query, then each parameter: its name, ! when required or ? when not, its
// type (nothing for a string, i integer, b boolean, f number, [s] a list, [[s]] a list of
// tuples, {} an object), (A|B) for the values it lists and =value for its default. The
// Python server's delete tools also take kwargs, replaced here by confirmation_token.
var pythonCatalog = map[string]map[string]string{
	"zia_admin": {
		"zia_activate_configuration": "U",
		"zia_get_activation_status":  "R",
	},
	"zia_advanced_settings": {
		"zia_get_advanced_settings":    "R",
		"zia_update_advanced_settings": "U settings!{}",
	},
	"zia_atp_malware": {
		"zia_get_atp_malware_inspection":    "R",
		"zia_get_atp_malware_policy":        "R",
		"zia_get_atp_malware_protocols":     "R",
		"zia_get_malware_settings":          "R",
		"zia_update_atp_malware_inspection": "U inspect_inbound!b inspect_outbound!b",
		"zia_update_atp_malware_policy": "U block_unscannable_files!b " +
			"block_password_protected_archive_files!b",
		"zia_update_atp_malware_protocols": "U inspect_http!b inspect_ftp_over_http!b " +
			"inspect_ftp!b",
		"zia_update_malware_settings": "U settings!{}",
	},
	"zia_atp_policy": {
		"zia_add_atp_malicious_urls":         "C malicious_urls![s]",
		"zia_delete_atp_malicious_urls":      "D malicious_urls![s]",
		"zia_get_atp_security_exceptions":    "R",
		"zia_get_atp_settings":               "R",
		"zia_list_atp_malicious_urls":        "R Q",
		"zia_update_atp_security_exceptions": "U bypass_urls![s]",
		"zia_update_atp_settings":            "U settings!{}",
	},
	"zia_authentication_settings": {
		"zia_add_auth_exempt_urls":    "C exempt_urls![s]",
		"zia_delete_auth_exempt_urls": "D exempt_urls![s]",
		"zia_list_auth_exempt_urls":   "R Q",
	},
	"zia_cloud_app_control": {
		"zia_create_cloud_app_control_rule":  "C rule_type! " + pyRuleOptionalAction,
		"zia_delete_cloud_app_control_rule":  "D rule_id! rule_type!",
		"zia_get_cloud_app_control_rule":     "R rule_id! rule_type!",
		"zia_list_cloud_app_control_actions": "R Q rule_type! cloud_apps?[s]",
		"zia_list_cloud_app_control_rules":   "R Q rule_type!",
		"zia_list_cloud_app_policy":          "R Q " + pyAppPolicy,
		"zia_update_cloud_app_control_rule":  "U rule_id! rule_type! " + pyRuleUpdate,
	},
	"zia_cloud_firewall": {
		"zia_create_cloud_firewall_dns_rule": "C " + pyRuleCreate,
		"zia_create_cloud_firewall_ips_rule": "C " + pyRuleCreate,
		"zia_create_cloud_firewall_rule":     "C " + pyRuleCreate,
		"zia_create_ip_destination_group": "C name! type!(DSTN_IP|DSTN_FQDN|DSTN_DOMAIN|DSTN_OTHER) " +
			"description? addresses?[s] countries?[s] ip_categories?[s]",
		"zia_create_ip_source_group":         "C name! ip_addresses![s] description?",
		"zia_create_ips_signature_rule":      "C name! rule_text! description?",
		"zia_create_network_app_group":       "C name! network_applications![s] description?",
		"zia_create_network_service":         "C name! ports![[s]] description?",
		"zia_create_network_svc_group":       "C name! service_ids![s] description?",
		"zia_delete_cloud_firewall_dns_rule": "D rule_id!",
		"zia_delete_cloud_firewall_ips_rule": "D rule_id!",
		"zia_delete_cloud_firewall_rule":     "D rule_id!",
		"zia_delete_ip_destination_group":    "D group_id!",
		"zia_delete_ip_source_group":         "D group_id!",
		"zia_delete_ips_signature_rule":      "D rule_id!",
		"zia_delete_network_app_group":       "D group_id!",
		"zia_delete_network_service":         "D service_id!",
		"zia_delete_network_svc_group":       "D group_id!",
		"zia_get_cloud_firewall_dns_rule":    "R rule_id!",
		"zia_get_cloud_firewall_ips_rule":    "R rule_id!",
		"zia_get_cloud_firewall_rule":        "R rule_id!",
		"zia_get_ip_destination_group":       "R group_id!",
		"zia_get_ip_source_group":            "R group_id!",
		"zia_get_ips_signature_rule":         "R rule_id!",
		"zia_get_network_app":                "R app_id!",
		"zia_get_network_app_group":          "R group_id!",
		"zia_get_network_service":            "R service_id!",
		"zia_get_network_svc_group":          "R group_id!",
		"zia_list_cloud_firewall_dns_rules":  "R Q search?",
		"zia_list_cloud_firewall_ips_rules":  "R Q search?",
		"zia_list_cloud_firewall_rules":      "R Q search?",
		"zia_list_ip_destination_groups":     "R Q search?",
		"zia_list_ip_source_groups":          "R Q search?",
		"zia_list_ips_signature_rules":       "R Q search?",
		"zia_list_network_app_groups":        "R Q search?",
		"zia_list_network_apps":              "R Q search? locale?",
		"zia_list_network_services":          "R Q name? search? protocol?",
		"zia_list_network_svc_groups":        "R Q search?",
		"zia_update_cloud_firewall_dns_rule": "U rule_id! " + pyRuleUpdate,
		"zia_update_cloud_firewall_ips_rule": "U rule_id! " + pyRuleUpdate,
		"zia_update_cloud_firewall_rule":     "U rule_id! " + pyRuleUpdate,
		"zia_update_ip_destination_group": "U group_id! name! " +
			"type!(DSTN_IP|DSTN_FQDN|DSTN_DOMAIN|DSTN_OTHER) description? addresses?[s] " +
			"countries?[s] ip_categories?[s]",
		"zia_update_ip_source_group":    "U group_id! name! ip_addresses![s] description?",
		"zia_update_ips_signature_rule": "U rule_id! name? rule_text? description?",
		"zia_update_network_app_group": "U group_id! name! network_applications![s] " +
			"description?",
		"zia_update_network_service":   "U service_id! name! ports?[[s]] description?",
		"zia_update_network_svc_group": "U group_id! name! service_ids![s] description?",
	},
	"zia_devices": {
		"zia_list_device_groups": "R Q include_device_info?b include_pseudo_groups?b",
		"zia_list_devices":       "R Q name? user_ids?[s] include_all?b page?i page_size?i",
		"zia_list_devices_lite":  "R Q",
	},
	"zia_dlp": {
		"get_zia_dlp_dictionaries":    "R Q action?(read|read_lite)=read dict_id? search?",
		"get_zia_dlp_engines":         "R Q action?(read|read_lite)=read engine_id? search?",
		"zia_create_web_dlp_rule":     "C " + pyRuleOptionalAction,
		"zia_delete_web_dlp_rule":     "D rule_id!",
		"zia_get_web_dlp_rule":        "R rule_id!",
		"zia_list_web_dlp_rules":      "R Q search?",
		"zia_list_web_dlp_rules_lite": "R Q search?",
		"zia_update_web_dlp_rule":     "U rule_id! " + pyRuleUpdate,
	},
	"zia_file_type_control": {
		"zia_create_file_type_control_rule": "C " + pyRuleCreate,
		"zia_delete_file_type_control_rule": "D rule_id!",
		"zia_get_file_type_control_rule":    "R rule_id!",
		"zia_list_file_type_categories":     "R Q enums?b exclude_custom_file_types?b",
		"zia_list_file_type_control_rules":  "R Q search?",
		"zia_update_file_type_control_rule": "U rule_id! " + pyRuleUpdate,
	},
	"zia_locations": {
		"zia_create_gre_tunnel": "C static_ip_address! ip_unnumbered?b internal_ip_range? " +
			"comment?",
		"zia_create_location": "C name! country? tz? ip_addresses?[s] description? advanced?{}",
		"zia_create_static_ip": "C ip_address! comment? geo_override?b routable_ip?b " +
			"latitude?f longitude?f",
		"zia_create_vpn_credential": "C credential_type!(IP|UFQDN) pre_shared_key! ip_address? fqdn? " +
			"comments?",
		"zia_delete_gre_tunnel":     "D tunnel_id! static_ip_id!",
		"zia_delete_location":       "D location_id!",
		"zia_delete_static_ip":      "D static_ip_id!",
		"zia_delete_vpn_credential": "D credential_id!",
		"zia_geo_search": "R Q action!(geo_by_coordinates|geo_by_ip|city_prefix_search) " +
			"latitude?f longitude?f ip? prefix?",
		"zia_get_gre_tunnel":       "R tunnel_id!",
		"zia_get_location":         "R location_id!",
		"zia_get_location_group":   "R group_id!",
		"zia_get_static_ip":        "R static_ip_id!",
		"zia_get_vpn_credential":   "R credential_id!",
		"zia_list_gre_ranges":      "R Q internal_ip_range? static_ip? limit?i",
		"zia_list_gre_tunnels":     "R Q",
		"zia_list_location_groups": "R Q search? name?",
		"zia_list_locations":       "R Q search?",
		"zia_list_static_ips":      "R Q search?",
		"zia_list_vpn_credentials": "R Q search?",
		"zia_update_location": "U location_id! name! country? tz? ip_addresses?[s] " +
			"description? advanced?{}",
		"zia_update_static_ip": "U static_ip_id! comment? geo_override?b routable_ip?b " +
			"latitude?f longitude?f",
		"zia_update_vpn_credential": "U credential_id! pre_shared_key? comments?",
	},
	"zia_misc": {
		"zia_get_mobile_advanced_settings":    "R",
		"zia_update_mobile_advanced_settings": "U settings!{}",
	},
	"zia_rule_labels": {
		"zia_create_rule_label": "C name! description?",
		"zia_delete_rule_label": "D label_id!",
		"zia_get_rule_label":    "R label_id!",
		"zia_list_rule_labels":  "R Q search?",
		"zia_update_rule_label": "U label_id! name? description?",
	},
	"zia_sandbox": {
		"zia_create_sandbox_rule":             "C " + pyRuleCreate,
		"zia_delete_sandbox_rule":             "D rule_id!",
		"zia_get_sandbox_behavioral_analysis": "R",
		"zia_get_sandbox_file_hash_count":     "R",
		"zia_get_sandbox_quota":               "R",
		"zia_get_sandbox_report":              "R md5_hash! report_details?",
		"zia_get_sandbox_rule":                "R rule_id!",
		"zia_list_sandbox_rules":              "R Q search?",
		"zia_update_sandbox_rule":             "U rule_id! " + pyRuleUpdate,
	},
	"zia_shadow_it": {
		"zia_bulk_update_shadow_it_apps": "U sanction_state!(sanctioned|unsanctioned|any) " +
			"application_ids?[s] custom_tag_ids?[s]",
		"zia_list_shadow_it_apps":        "R Q page_number?i limit?i",
		"zia_list_shadow_it_custom_tags": "R Q",
	},
	"zia_ssl_inspection": {
		"zia_create_ssl_inspection_rule": "C " + pyRuleOptionalAction,
		"zia_delete_ssl_inspection_rule": "D rule_id!",
		"zia_get_ssl_inspection_rule":    "R rule_id!",
		"zia_list_cloud_app_ssl_policy":  "R Q " + pyAppPolicy,
		"zia_list_ssl_inspection_rules":  "R Q",
		"zia_update_ssl_inspection_rule": "U rule_id! " + pyRuleUpdate,
	},
	"zia_time_intervals": {
		"zia_create_time_interval": "C name! start_time!i end_time!i days_of_week![s]",
		"zia_delete_time_interval": "D interval_id!",
		"zia_get_time_interval":    "R interval_id!",
		"zia_list_time_intervals":  "R Q search? page?i page_size?i",
		"zia_update_time_interval": "U interval_id! name? start_time?i end_time?i " +
			"days_of_week?[s]",
	},
	"zia_url_categories": {
		"zia_add_urls_to_category": "U category_id! configured_name! urls![s]",
		"zia_create_url_category": "C configured_name! super_category! urls?[s] " +
			"description? keywords?[s] ip_ranges?[s] advanced?{}",
		"zia_delete_url_category":         "D category_id!",
		"zia_get_url_category":            "R category_id!",
		"zia_get_url_category_predefined": "R name!",
		"zia_list_url_categories": "R Q search? custom_only?b " +
			"type?(URL_CATEGORY|TLD_CATEGORY|ALL) contains_url?",
		"zia_remove_urls_from_category": "U category_id! configured_name! urls![s]",
		"zia_update_url_category": "U category_id! configured_name! urls?[s] description? " +
			"keywords?[s] ip_ranges?[s] advanced?{}",
		"zia_update_url_category_predefined": "U name! configured_name? urls?[s] " +
			"description? keywords?[s] ip_ranges?[s] advanced?{}",
		"zia_url_lookup": "R Q urls![s]",
	},
	"zia_url_filtering": {
		"zia_create_url_filtering_rule": "C " + pyRuleCreate,
		"zia_delete_url_filtering_rule": "D rule_id!",
		"zia_get_url_filtering_rule":    "R rule_id!",
		"zia_list_url_filtering_rules":  "R Q search?",
		"zia_update_url_filtering_rule": "U rule_id! " + pyRuleUpdate,
	},
	"zia_users": {
		"get_zia_user_departments": "R Q action?(read|read_lite)=read department_id? " +
			"limit_search?b search? page?i page_size?i " +
			"sort_by?(id|name|expiry|status|external_id|rank) sort_order?(asc|desc|rule_execution)",
		"get_zia_user_groups": "R Q group_id? name? search? defined_by? page?i page_size?i " +
			"sort_by?(id|name|expiry|status|external_id|rank|mod_time) " +
			"sort_order?(asc|desc|rule_execution)",
		"get_zia_users": "R Q user_id? name? dept? group? page?i page_size?i",
	},
	"zia_workload_groups": {
		"zia_get_workload_group":   "R group_id!",
		"zia_list_workload_groups": "R Q page?i page_size?i",
	},
	"zms": {
		"zms_get_agent_connection_status_statistics": "R search?",
		"zms_get_agent_group_totp_secrets":           "R eyez_id!",
		"zms_get_agent_version_statistics":           "R search?",
		"zms_get_metadata":                           "R",
		"zms_get_nonce":                              "R eyez_id!",
		"zms_get_resource_group_members":             "R Q group_id! " + pyZMSPage,
		"zms_get_resource_group_protection_status":   "R " + pyZMSPage,
		"zms_get_resource_protection_status":         "R " + pyZMSPage,
		"zms_list_agent_groups":                      "R Q " + pyZMSSortedPage,
		"zms_list_agents":                            "R Q " + pyZMSSortedPage,
		"zms_list_app_catalog": "R Q " + pyZMSPage + " name? category? " +
			"sort_by?(name|category|creation_time|modified_time) sort_order?",
		"zms_list_app_zones":            "R Q " + pyZMSPage + " name? sort_order?",
		"zms_list_default_policy_rules": "R Q " + pyZMSPage,
		"zms_list_nonces":               "R Q " + pyZMSSortedPage,
		"zms_list_policy_rules": "R Q " + pyZMSPage + " fetch_all?b=false name? " +
			"action?(ALLOW|BLOCK)",
		"zms_list_resource_groups": "R Q " + pyZMSPage + " name? resource_hostname?",
		"zms_list_resources": "R Q " + pyZMSPage + " include_deleted?b=false name? status? " +
			"resource_type?(VIRTUAL_MACHINE|CONTAINER|BARE_METAL) " +
			"cloud_provider?(AWS|AZURE|GCP|ON_PREMISES) cloud_region? platform_os?(LINUX|WINDOWS) " +
			"sort_order?",
		"zms_list_tag_keys": "R Q namespace_id! " + pyZMSPage + " key_name? sort_order?",
		"zms_list_tag_namespaces": "R Q " + pyZMSPage + " name? " +
			"origin?(CUSTOM|EXTERNAL|ML|UNKNOWN) sort_order?",
		"zms_list_tag_values": "R Q tag_id! namespace_origin! " + pyZMSPage +
			" name? sort_order?",
	},
}

// The parameters the Python server's tool families share.
const (
	pyRuleFields = "description? enabled?b=true order?i rank?i advanced?{}"
	// pyRuleCreate is a rule create whose action is required.
	pyRuleCreate = "name! action! " + pyRuleFields
	// pyRuleOptionalAction is a rule create whose action is optional.
	pyRuleOptionalAction = "name! action? " + pyRuleFields
	pyRuleUpdate         = "name? action? description? enabled?b order?i rank?i advanced?{}"
	pyAppPolicy          = "search? app_class? page?i page_size?i group_results?b"
	pyZMSPage            = "page_num?i=1 page_size?i=20"
	pyZMSSortedPage      = "page?i=1 page_size?i=20 search? sort? sort_dir?(ASC|DESC)"
)

// pyParam is one parameter of a Python signature.
type pyParam struct {
	name, typ, def string
	enum           []string
	required       bool
}

// pySig is a parsed Python signature.
type pySig struct {
	kind   Kind
	query  bool
	params map[string]pyParam
}

var pyParamPattern = regexp.MustCompile(
	`^([a-z0-9_]+)([!?])(|i|b|f|\[s\]|\[\[s\]\]|\{\})(?:\(([^)]+)\))?(?:=(.+))?$`)

func parsePySig(t *testing.T, tool, sig string) pySig {
	t.Helper()
	fields := strings.Fields(sig)
	kinds := map[string]Kind{"R": Read, "C": Create, "U": Update, "D": Delete}
	kind, ok := kinds[fields[0]]
	require.True(t, ok, "%s: signature starts with a kind: %q", tool, sig)
	out := pySig{kind: kind, params: map[string]pyParam{}}
	fields = fields[1:]
	if len(fields) > 0 && fields[0] == "Q" {
		out.query, fields = true, fields[1:]
	}
	for _, f := range fields {
		m := pyParamPattern.FindStringSubmatch(f)
		require.NotNil(t, m, "%s: bad parameter %q", tool, f)
		require.NotContains(t, out.params, m[1], "%s: %s twice", tool, m[1])
		p := pyParam{name: m[1], required: m[2] == "!", typ: m[3], def: m[5]}
		if m[4] != "" {
			p.enum = strings.Split(m[4], "|")
		}
		out.params[m[1]] = p
	}
	return out
}

// pyTypes says which of our parameter types may stand for a Python type.
var pyTypes = map[string][]ParamType{
	"":      {String, ID},
	"i":     {Integer},
	"b":     {Boolean},
	"f":     {Number},
	"[s]":   {StringList, IDList},
	"[[s]]": {StringTuples},
	"{}":    {JSONObject},
}

func TestCatalogMatchesThePythonServerNameForName(t *testing.T) {
	got := map[string][]string{}
	for _, tool := range All(&ziaFake{}) {
		got[tool.Toolset] = append(got[tool.Toolset], tool.Name)
	}
	for toolset, names := range got {
		sort.Strings(names)
		var want []string
		for name := range pythonCatalog[toolset] {
			want = append(want, name)
		}
		sort.Strings(want)
		require.Equal(t, want, names, "tools of %s", toolset)
	}
	for toolset := range pythonCatalog {
		_, served := got[toolset]
		require.True(t, served, "toolset %s serves no tools", toolset)
	}

	total := 0
	for _, names := range got {
		total += len(names)
	}
	require.Equal(t, 186, total, "166 ZIA tools and 20 ZMS tools")
}

// pyDeviation is a deliberate difference from a Python signature and the page of docs/
// that tells a switching user about it, by naming every string in mentions.
type pyDeviation struct {
	// what is "gone" (the parameter is not taken), "required" (it is required here),
	// "type" (it takes another type), "enum" (it takes other values) or "query" (the
	// tool takes query here too).
	what     string
	doc      string
	mentions []string
}

// pythonDeviations are keyed by tool, or by tool and parameter ("tool.param"). A
// deviation the catalog does not have, or one its page does not mention, fails the test
// as surely as an undocumented difference does.
var pythonDeviations = map[string]pyDeviation{
	"zia_add_urls_to_category.configured_name": {"gone", "docs/migrating.md",
		[]string{"`configured_name`", "`zia_add_urls_to_category`"}},
	"zia_remove_urls_from_category.configured_name": {"gone", "docs/migrating.md",
		[]string{"`configured_name`", "`zia_remove_urls_from_category`"}},
	"zia_update_url_category_predefined.configured_name": {"gone", "docs/migrating.md",
		[]string{"`configured_name`", "`zia_update_url_category_predefined`"}},
	"zia_create_ssl_inspection_rule.action": {"required", "docs/migrating.md",
		[]string{"`action` to create an SSL inspection rule"}},
	"zia_bulk_update_shadow_it_apps.application_ids": {"required", "docs/migrating.md",
		[]string{"`application_ids`", "`zia_bulk_update_shadow_it_apps`"}},
	"zia_list_file_type_categories.enums": {"type", "docs/migrating.md",
		[]string{"`enums` of `zia_list_file_type_categories`"}},
	"zms_list_resources.resource_type": {"enum", "docs/migrating.md",
		[]string{"ZMS `resource_type` takes the API's values"}},
	"zia_get_sandbox_quota": {"query", "docs/migrating.md",
		[]string{"`zia_get_sandbox_quota`", "`query`"}},
	"zms_get_resource_protection_status": {"query", "docs/migrating.md",
		[]string{"`zms_get_resource_protection_status`", "`query`"}},
	"zms_get_resource_group_protection_status": {"query", "docs/migrating.md",
		[]string{"`zms_get_resource_group_protection_status`", "`query`"}},
}

// pyUpdatesOptional is what docs/migrating.md says of the Python server's updates that
// require fields other than the id: here every update changes only what it is given.
const pyUpdatesOptional = "Update parameters other than the id are therefore optional"

// The catalog's signatures are the Python server's: every tool's kind, whether it takes
// query, and each parameter's name, required-ness, type, values and default, so that a
// switching user's saved calls, allowlists and prompts keep working. Ids are accepted
// as strings or JSON numbers (ID and IDList), as the Python server's string ids and
// agents' numbers.
func TestCatalogMatchesThePythonSignatures(t *testing.T) {
	migrating, err := os.ReadFile("../../docs/migrating.md")
	require.NoError(t, err)
	used := map[string]bool{}
	deviation := func(key, what string) bool {
		d, ok := pythonDeviations[key]
		if ok && d.what == what {
			used[key] = true
			return true
		}
		return false
	}
	for _, tool := range All(&ziaFake{}) {
		sig := parsePySig(t, tool.Name, pythonCatalog[tool.Toolset][tool.Name])
		require.Equal(t, sig.kind, tool.Kind, "kind of %s", tool.Name)
		if !deviation(tool.Name, "query") {
			require.Equal(t, sig.query, tool.Lists, "%s takes query as the Python server", tool.Name)
		}
		ours := map[string]Param{}
		for _, p := range tool.Params {
			key := tool.Name + "." + p.Name
			ours[p.Name] = p
			py, ok := sig.params[p.Name]
			require.True(t, ok, "%s is not a parameter of the Python server", key)
			switch {
			case py.required == p.Required, deviation(key, "required") && p.Required:
			case tool.Kind == Update && py.required:
				require.True(t, strings.Contains(flat(migrating), pyUpdatesOptional),
					"%s is optional: docs/migrating.md must say why", key)
			default:
				require.Fail(t, "required-ness differs", "%s: Python required=%v", key,
					py.required)
			}
			if !deviation(key, "type") {
				require.Contains(t, pyTypes[py.typ], p.Type, "type of %s", key)
			}
			if len(py.enum) > 0 && len(p.Enum) > 0 && !deviation(key, "enum") {
				for _, v := range py.enum {
					require.True(t, slices.ContainsFunc(p.Enum, func(e string) bool {
						return strings.EqualFold(e, v)
					}), "%s takes the Python server's value %s", key, v)
				}
			}
			if py.def != "" {
				require.Equal(t, py.def, fmt.Sprint(p.Default), "default of %s", key)
			}
			if strings.HasSuffix(p.Name, "_id") {
				require.Equal(t, ID, p.Type, "%s takes a string or a number", key)
			}
			if strings.HasSuffix(p.Name, "_ids") {
				require.Equal(t, IDList, p.Type, "%s takes strings or numbers", key)
			}
		}
		for name := range sig.params {
			if _, ok := ours[name]; ok {
				continue
			}
			key := tool.Name + "." + name
			require.True(t, deviation(key, "gone"), "%s is missing", key)
			require.NotEmpty(t, tool.Retired[name],
				"%s: a call that still gives it is told what to do instead", key)
		}
		for name := range tool.Retired {
			_, python := sig.params[name]
			_, served := ours[name]
			require.True(t, python && !served, "%s.%s is retired but was never a Python "+
				"parameter, or is still served", tool.Name, name)
		}
	}
	for key, d := range pythonDeviations {
		require.True(t, used[key], "deviation %s (%s) is not in the catalog", key, d.what)
		page, err := os.ReadFile("../../" + d.doc)
		require.NoError(t, err)
		for _, m := range d.mentions {
			require.True(t, strings.Contains(flat(page), m), "%s must tell of %s by naming %s",
				d.doc, key, m)
		}
	}
}

// flat returns a page's text with every run of white space made one space, so that a
// phrase is found across line breaks.
func flat(page []byte) string { return strings.Join(strings.Fields(string(page)), " ") }
