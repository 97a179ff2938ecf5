package tools

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// ruleParams are the parameters of the rule families' create tools.
var ruleParams = []string{"action", "advanced", "description", "enabled", "name", "order", "rank"}

// updateOf is the parameters of an update: the id and the create fields.
func updateOf(id string, fields ...string) []string {
	out := append([]string{id}, fields...)
	sort.Strings(out)
	return out
}

// The ZIA write tools and their parameters, as the Python server names them. Update
// parameters follow the create ones, all optional; the Python server's add and remove
// URL tools also take configured_name, which changes nothing and is left out.
var ziaExpectedWriteParams = map[string][]string{
	"zia_activate_configuration": nil,

	"zia_create_location": {"advanced", "country", "description", "ip_addresses", "name", "tz"},
	"zia_update_location": updateOf("location_id", "advanced", "country", "description",
		"ip_addresses", "name", "tz"),
	"zia_delete_location": {"location_id"},
	"zia_create_static_ip": {"comment", "geo_override", "ip_address", "latitude", "longitude",
		"routable_ip"},
	"zia_update_static_ip": updateOf("static_ip_id", "comment", "geo_override", "latitude",
		"longitude", "routable_ip"),
	"zia_delete_static_ip": {"static_ip_id"},
	"zia_create_vpn_credential": {"comments", "credential_type", "fqdn", "ip_address",
		"pre_shared_key"},
	"zia_update_vpn_credential": updateOf("credential_id", "comments", "pre_shared_key"),
	"zia_delete_vpn_credential": {"credential_id"},
	"zia_create_gre_tunnel": {"comment", "internal_ip_range", "ip_unnumbered",
		"static_ip_address"},
	"zia_delete_gre_tunnel": {"static_ip_id", "tunnel_id"},

	"zia_create_url_category": {"advanced", "configured_name", "description", "ip_ranges",
		"keywords", "super_category", "urls"},
	"zia_update_url_category": updateOf("category_id", "advanced", "configured_name",
		"description", "ip_ranges", "keywords", "urls"),
	"zia_delete_url_category":       {"category_id"},
	"zia_add_urls_to_category":      {"category_id", "urls"},
	"zia_remove_urls_from_category": {"category_id", "urls"},
	// The Python server's configured_name is left out: predefined categories carry none.
	"zia_update_url_category_predefined": {"advanced", "description", "ip_ranges",
		"keywords", "name", "urls"},

	"zia_create_url_filtering_rule":      ruleParams,
	"zia_update_url_filtering_rule":      updateOf("rule_id", ruleParams...),
	"zia_delete_url_filtering_rule":      {"rule_id"},
	"zia_create_cloud_firewall_rule":     ruleParams,
	"zia_update_cloud_firewall_rule":     updateOf("rule_id", ruleParams...),
	"zia_delete_cloud_firewall_rule":     {"rule_id"},
	"zia_create_cloud_firewall_dns_rule": ruleParams,
	"zia_update_cloud_firewall_dns_rule": updateOf("rule_id", ruleParams...),
	"zia_delete_cloud_firewall_dns_rule": {"rule_id"},
	"zia_create_cloud_firewall_ips_rule": ruleParams,
	"zia_update_cloud_firewall_ips_rule": updateOf("rule_id", ruleParams...),
	"zia_delete_cloud_firewall_ips_rule": {"rule_id"},
	"zia_create_ips_signature_rule":      {"description", "name", "rule_text"},
	"zia_update_ips_signature_rule": updateOf("rule_id", "description", "name",
		"rule_text"),
	"zia_delete_ips_signature_rule": {"rule_id"},

	"zia_create_ip_source_group": {"description", "ip_addresses", "name"},
	"zia_update_ip_source_group": updateOf("group_id", "description", "ip_addresses", "name"),
	"zia_delete_ip_source_group": {"group_id"},
	"zia_create_ip_destination_group": {"addresses", "countries", "description",
		"ip_categories", "name", "type"},
	"zia_update_ip_destination_group": updateOf("group_id", "addresses", "countries",
		"description", "ip_categories", "name", "type"),
	"zia_delete_ip_destination_group": {"group_id"},
	"zia_create_network_service":      {"description", "name", "ports"},
	"zia_update_network_service":      updateOf("service_id", "description", "name", "ports"),
	"zia_delete_network_service":      {"service_id"},
	"zia_create_network_svc_group":    {"description", "name", "service_ids"},
	"zia_update_network_svc_group":    updateOf("group_id", "description", "name", "service_ids"),
	"zia_delete_network_svc_group":    {"group_id"},
	"zia_create_network_app_group":    {"description", "name", "network_applications"},
	"zia_update_network_app_group": updateOf("group_id", "description", "name",
		"network_applications"),
	"zia_delete_network_app_group": {"group_id"},

	"zia_create_rule_label": {"description", "name"},
	"zia_update_rule_label": updateOf("label_id", "description", "name"),
	"zia_delete_rule_label": {"label_id"},
}

// ziaWriteKinds gives the kind of the write tools whose verb does not tell it as the
// Python server declares it (some zia_add_* tools are creates); the catalog files of
// other toolsets add theirs in an init function.
var ziaWriteKinds = map[string]Kind{}

// ziaUpdateRequired lists, per update tool, the parameters other than ids it requires
// as the Python server does (a singleton's settings, a list it replaces).
var ziaUpdateRequired = map[string][]string{}

// ziaUpdateKey names the updates that find their object by a parameter other than an
// id, which they require like an id.
var ziaUpdateKey = map[string]string{"zia_update_url_category_predefined": "name"}

func TestZIAWriteCatalogMatchesThePythonServer(t *testing.T) {
	reads := map[string]bool{}
	for _, tool := range ziaTools(&ziaFake{}) {
		reads[tool.Name] = true
	}
	all := ziaWriteTools(&ziaFake{})
	require.Len(t, all, len(ziaExpectedWriteParams))
	seen := map[string]bool{}
	for _, tool := range all {
		require.False(t, seen[tool.Name] || reads[tool.Name], "duplicate tool %s", tool.Name)
		seen[tool.Name] = true

		want, known := ziaExpectedWriteParams[tool.Name]
		require.True(t, known, "unexpected tool %s", tool.Name)
		requireParamNames(t, tool, want)
		for _, p := range tool.Params {
			if strings.HasSuffix(p.Name, "_id") {
				require.True(t, p.Required, "%s.%s: a write names its object", tool.Name, p.Name)
			}
		}

		require.NotEmpty(t, tool.Title, tool.Name)
		if tool.Name != "zia_activate_configuration" {
			require.Contains(t, tool.Description, ziaStagedHint, "%s tells changes are staged",
				tool.Name)
		}
		require.True(t, strings.HasPrefix(tool.Toolset, "zia_"), "%s has toolset %q", tool.Name,
			tool.Toolset)
		require.Equal(t, ServiceZIA, tool.Service, tool.Name)
		require.NotNil(t, tool.Handler, tool.Name)
		require.True(t, tool.Kind.IsWrite(), tool.Name)

		verb, _, _ := strings.Cut(strings.TrimPrefix(tool.Name, "zia_"), "_")
		if kind, ok := ziaWriteKinds[tool.Name]; ok {
			verb = kind.String()
		}
		switch verb {
		case "create":
			require.Equal(t, Create, tool.Kind, tool.Name)
		case "delete":
			require.Equal(t, Delete, tool.Kind, tool.Name)
			require.NotNil(t, tool.Describe, "%s names what it deletes", tool.Name)
		default:
			require.Equal(t, Update, tool.Kind, tool.Name)
		}
		if tool.Kind != Delete {
			require.Nil(t, tool.Describe, tool.Name)
		}
		if strings.HasPrefix(tool.Name, "zia_update_") {
			for _, p := range tool.Params {
				// Cloud app control rules are named by their rule type and id together.
				required := strings.HasSuffix(p.Name, "_id") || p.Name == "rule_type" ||
					ziaUpdateKey[tool.Name] == p.Name ||
					slices.Contains(ziaUpdateRequired[tool.Name], p.Name)
				require.True(t, p.Required == required,
					"%s.%s: an update requires its id and only what ziaUpdateRequired names",
					tool.Name, p.Name)
				require.Nil(t, p.Default, "%s.%s: an update changes only what is given",
					tool.Name, p.Name)
			}
		}
	}
}

func TestDeleteToolsLeaveTheConfirmationParameterToTheRegistrar(t *testing.T) {
	for _, tool := range ziaWriteTools(&ziaFake{}) {
		require.False(t, slices.ContainsFunc(tool.Params, func(p Param) bool {
			return strings.Contains(p.Name, "confirm")
		}), tool.Name)
	}
}

func TestAllIncludesTheWriteTools(t *testing.T) {
	names := map[string]bool{}
	for _, tool := range All(&ziaFake{}) {
		require.False(t, names[tool.Name], "duplicate %s", tool.Name)
		names[tool.Name] = true
	}
	for name := range ziaExpectedWriteParams {
		require.True(t, names[name], name)
	}
}
