package tools

import (
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// pythonCatalog is every ZIA and ZMS tool the Python server offers, by toolset. Users
// switching servers keep their tool names, allowlists and disabled-tool patterns, so the
// served catalog must match it name for name.
var pythonCatalog = map[string][]string{
	"zia_admin": {
		"zia_activate_configuration", "zia_get_activation_status",
	},
	"zia_advanced_settings": {
		"zia_get_advanced_settings", "zia_update_advanced_settings",
	},
	"zia_atp_malware": {
		"zia_get_atp_malware_inspection", "zia_get_atp_malware_policy",
		"zia_get_atp_malware_protocols", "zia_get_malware_settings",
		"zia_update_atp_malware_inspection", "zia_update_atp_malware_policy",
		"zia_update_atp_malware_protocols", "zia_update_malware_settings",
	},
	"zia_atp_policy": {
		"zia_add_atp_malicious_urls", "zia_delete_atp_malicious_urls",
		"zia_get_atp_security_exceptions", "zia_get_atp_settings", "zia_list_atp_malicious_urls",
		"zia_update_atp_security_exceptions", "zia_update_atp_settings",
	},
	"zia_authentication_settings": {
		"zia_add_auth_exempt_urls", "zia_delete_auth_exempt_urls", "zia_list_auth_exempt_urls",
	},
	"zia_cloud_app_control": {
		"zia_create_cloud_app_control_rule", "zia_delete_cloud_app_control_rule",
		"zia_get_cloud_app_control_rule", "zia_list_cloud_app_control_actions",
		"zia_list_cloud_app_control_rules", "zia_list_cloud_app_policy",
		"zia_update_cloud_app_control_rule",
	},
	"zia_cloud_firewall": {
		"zia_create_cloud_firewall_dns_rule", "zia_create_cloud_firewall_ips_rule",
		"zia_create_cloud_firewall_rule", "zia_create_ip_destination_group",
		"zia_create_ip_source_group", "zia_create_ips_signature_rule",
		"zia_create_network_app_group", "zia_create_network_service", "zia_create_network_svc_group",
		"zia_delete_cloud_firewall_dns_rule", "zia_delete_cloud_firewall_ips_rule",
		"zia_delete_cloud_firewall_rule", "zia_delete_ip_destination_group",
		"zia_delete_ip_source_group", "zia_delete_ips_signature_rule",
		"zia_delete_network_app_group", "zia_delete_network_service", "zia_delete_network_svc_group",
		"zia_get_cloud_firewall_dns_rule", "zia_get_cloud_firewall_ips_rule",
		"zia_get_cloud_firewall_rule", "zia_get_ip_destination_group", "zia_get_ip_source_group",
		"zia_get_ips_signature_rule", "zia_get_network_app", "zia_get_network_app_group",
		"zia_get_network_service", "zia_get_network_svc_group", "zia_list_cloud_firewall_dns_rules",
		"zia_list_cloud_firewall_ips_rules", "zia_list_cloud_firewall_rules",
		"zia_list_ip_destination_groups", "zia_list_ip_source_groups",
		"zia_list_ips_signature_rules", "zia_list_network_app_groups", "zia_list_network_apps",
		"zia_list_network_services", "zia_list_network_svc_groups",
		"zia_update_cloud_firewall_dns_rule", "zia_update_cloud_firewall_ips_rule",
		"zia_update_cloud_firewall_rule", "zia_update_ip_destination_group",
		"zia_update_ip_source_group", "zia_update_ips_signature_rule",
		"zia_update_network_app_group", "zia_update_network_service", "zia_update_network_svc_group",
	},
	"zia_devices": {
		"zia_list_device_groups", "zia_list_devices", "zia_list_devices_lite",
	},
	"zia_dlp": {
		"get_zia_dlp_dictionaries", "get_zia_dlp_engines", "zia_create_web_dlp_rule",
		"zia_delete_web_dlp_rule", "zia_get_web_dlp_rule", "zia_list_web_dlp_rules",
		"zia_list_web_dlp_rules_lite", "zia_update_web_dlp_rule",
	},
	"zia_file_type_control": {
		"zia_create_file_type_control_rule", "zia_delete_file_type_control_rule",
		"zia_get_file_type_control_rule", "zia_list_file_type_categories",
		"zia_list_file_type_control_rules", "zia_update_file_type_control_rule",
	},
	"zia_locations": {
		"zia_create_gre_tunnel", "zia_create_location", "zia_create_static_ip",
		"zia_create_vpn_credential", "zia_delete_gre_tunnel", "zia_delete_location",
		"zia_delete_static_ip", "zia_delete_vpn_credential", "zia_geo_search", "zia_get_gre_tunnel",
		"zia_get_location", "zia_get_location_group", "zia_get_static_ip", "zia_get_vpn_credential",
		"zia_list_gre_ranges", "zia_list_gre_tunnels", "zia_list_location_groups",
		"zia_list_locations", "zia_list_static_ips", "zia_list_vpn_credentials",
		"zia_update_location", "zia_update_static_ip", "zia_update_vpn_credential",
	},
	"zia_misc": {
		"zia_get_mobile_advanced_settings", "zia_update_mobile_advanced_settings",
	},
	"zia_rule_labels": {
		"zia_create_rule_label", "zia_delete_rule_label", "zia_get_rule_label",
		"zia_list_rule_labels", "zia_update_rule_label",
	},
	"zia_sandbox": {
		"zia_create_sandbox_rule", "zia_delete_sandbox_rule", "zia_get_sandbox_behavioral_analysis",
		"zia_get_sandbox_file_hash_count", "zia_get_sandbox_quota", "zia_get_sandbox_report",
		"zia_get_sandbox_rule", "zia_list_sandbox_rules", "zia_update_sandbox_rule",
	},
	"zia_shadow_it": {
		"zia_bulk_update_shadow_it_apps", "zia_list_shadow_it_apps",
		"zia_list_shadow_it_custom_tags",
	},
	"zia_ssl_inspection": {
		"zia_create_ssl_inspection_rule", "zia_delete_ssl_inspection_rule",
		"zia_get_ssl_inspection_rule", "zia_list_cloud_app_ssl_policy",
		"zia_list_ssl_inspection_rules", "zia_update_ssl_inspection_rule",
	},
	"zia_time_intervals": {
		"zia_create_time_interval", "zia_delete_time_interval", "zia_get_time_interval",
		"zia_list_time_intervals", "zia_update_time_interval",
	},
	"zia_url_categories": {
		"zia_add_urls_to_category", "zia_create_url_category", "zia_delete_url_category",
		"zia_get_url_category", "zia_get_url_category_predefined", "zia_list_url_categories",
		"zia_remove_urls_from_category", "zia_update_url_category",
		"zia_update_url_category_predefined", "zia_url_lookup",
	},
	"zia_url_filtering": {
		"zia_create_url_filtering_rule", "zia_delete_url_filtering_rule",
		"zia_get_url_filtering_rule", "zia_list_url_filtering_rules",
		"zia_update_url_filtering_rule",
	},
	"zia_users": {
		"get_zia_user_departments", "get_zia_user_groups", "get_zia_users",
	},
	"zia_workload_groups": {
		"zia_get_workload_group", "zia_list_workload_groups",
	},
	"zms": {
		"zms_get_agent_connection_status_statistics", "zms_get_agent_group_totp_secrets",
		"zms_get_agent_version_statistics", "zms_get_metadata", "zms_get_nonce",
		"zms_get_resource_group_members", "zms_get_resource_group_protection_status",
		"zms_get_resource_protection_status", "zms_list_agent_groups", "zms_list_agents",
		"zms_list_app_catalog", "zms_list_app_zones", "zms_list_default_policy_rules",
		"zms_list_nonces", "zms_list_policy_rules", "zms_list_resource_groups", "zms_list_resources",
		"zms_list_tag_keys", "zms_list_tag_namespaces", "zms_list_tag_values",
	},
}

func TestCatalogMatchesThePythonServerNameForName(t *testing.T) {
	got := map[string][]string{}
	for _, tool := range All(&ziaFake{}) {
		got[tool.Toolset] = append(got[tool.Toolset], tool.Name)
	}
	for toolset, names := range got {
		sort.Strings(names)
		want := slices.Clone(pythonCatalog[toolset])
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
