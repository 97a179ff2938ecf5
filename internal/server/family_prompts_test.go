package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// deletePrompts says, for every delete tool, what its confirmation prompt must call the
// resource and which argument identifies it, so that the human asked to confirm sees
// what goes: a GRE tunnel deletion names the tunnel, not only its static IP.
var deletePrompts = map[string]struct{ kind, idArg string }{
	"zia_delete_atp_malicious_urls":      {"malicious URL denylist entr", "malicious_urls"},
	"zia_delete_auth_exempt_urls":        {"authentication exempt list entr", "exempt_urls"},
	"zia_delete_cloud_app_control_rule":  {"cloud app control rule", "rule_id"},
	"zia_delete_cloud_firewall_dns_rule": {"firewall DNS rule", "rule_id"},
	"zia_delete_cloud_firewall_ips_rule": {"firewall IPS rule", "rule_id"},
	"zia_delete_cloud_firewall_rule":     {"cloud firewall rule", "rule_id"},
	"zia_delete_file_type_control_rule":  {"file type control rule", "rule_id"},
	"zia_delete_gre_tunnel":              {"GRE tunnel", "tunnel_id"},
	"zia_delete_ip_destination_group":    {"IP destination group", "group_id"},
	"zia_delete_ip_source_group":         {"IP source group", "group_id"},
	"zia_delete_ips_signature_rule":      {"custom IPS signature", "rule_id"},
	"zia_delete_location":                {"location", "location_id"},
	"zia_delete_network_app_group":       {"network application group", "group_id"},
	"zia_delete_network_service":         {"network service", "service_id"},
	"zia_delete_network_svc_group":       {"network service group", "group_id"},
	"zia_delete_rule_label":              {"rule label", "label_id"},
	"zia_delete_sandbox_rule":            {"sandbox rule", "rule_id"},
	"zia_delete_ssl_inspection_rule":     {"SSL inspection rule", "rule_id"},
	"zia_delete_static_ip":               {"static IP", "static_ip_id"},
	"zia_delete_time_interval":           {"time interval", "interval_id"},
	"zia_delete_url_category":            {"URL category", "category_id"},
	"zia_delete_url_filtering_rule":      {"URL filtering rule", "rule_id"},
	"zia_delete_vpn_credential":          {"VPN credential", "credential_id"},
	"zia_delete_web_dlp_rule":            {"web DLP rule", "rule_id"},
}

func TestEveryDeleteToolHasItsPromptDescribed(t *testing.T) {
	for name, del := range deleteTools() {
		if del {
			require.Contains(t, deletePrompts, name)
		}
	}
	require.Len(t, deletePrompts, 24)
}

// checkPromptNames checks that a delete's confirmation prompt names the resource the
// call deletes: its kind, the id the call gives and, for an object, its name as the
// tenant holds it.
func checkPromptNames(t *testing.T, tool string, args map[string]any,
	res *mcp.CallToolResult) {
	t.Helper()
	want, ok := deletePrompts[tool]
	require.True(t, ok, "%s has no expected prompt", tool)
	resource, _ := res.StructuredContent.(map[string]any)["resource"].(map[string]any)
	require.NotNil(t, resource, "%s: the prompt names a resource", tool)

	require.Contains(t, resource["type"], want.kind, "%s: resource type", tool)
	id := args[want.idArg]
	if list, isList := id.([]any); isList {
		id = list[0]
	} else {
		require.NotEmpty(t, resource["name"], "%s: the prompt shows the name it read", tool)
	}
	require.Contains(t, fmt.Sprint(resource["id"]), strings.TrimSpace(fmt.Sprint(id)),
		"%s: the prompt shows the id given in %s", tool, want.idArg)
	require.Contains(t, resultText(res), fmt.Sprint(resource["id"]), "%s: the text too", tool)
}
