package server

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The locations scenario: every read against the seeded tenant, then a write round
// trip for each writable object: static IP, VPN credential, location (on a static IP of
// its own) and GRE tunnel (which creates and deletes its static IP).
func init() {
	addFamily("zia_locations", slices.Concat(
		locationReads(),
		staticIPRoundTrip(),
		vpnCredentialRoundTrip(),
		locationRoundTrip(),
		greTunnelRoundTrip(),
	)...)
}

func locationReads() []familyStep {
	return []familyStep{
		{Tool: "zia_geo_search", Args: fixed(map[string]any{"action": "geo_by_coordinates",
			"latitude": 47.37, "longitude": 8.54}),
			Check: objectHas("", map[string]any{"cityName": "Zürich", "countryCode": "CH"})},
		{Tool: "zia_geo_search", Args: fixed(map[string]any{"action": "geo_by_ip",
			"ip": "203.0.113.10"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.NotEmpty(t, v["cityName"])
			}},
		{Tool: "zia_geo_search", Args: fixed(map[string]any{"action": "city_prefix_search",
			"prefix": "S"}),
			Check: then(listHas("cityName", "San Jose", nil), listHas("cityName", "Sydney", nil))},
		{Tool: "zia_list_locations", Args: fixed(map[string]any{"search": "office"}),
			Check: then(listAll("an office", func(r map[string]any) bool {
				return strings.Contains(strings.ToLower(r["name"].(string)), "office")
			}), saveID("london", "name", "London Office"))},
		{Tool: "zia_get_location", Args: withID("location_id", "london", nil),
			Check: objectHas("", map[string]any{"name": "London Office",
				"country": "UNITED_KINGDOM"})},
		{Tool: "zia_list_location_groups", Args: fixed(map[string]any{"name": "emea sites"}),
			Check: then(listLen(1), saveID("emea", "name", "EMEA Sites"))},
		{Tool: "zia_list_location_groups", Args: fixed(map[string]any{"search": "predefined"}),
			Check: then(listLen(6), listHas("name", "Guest Wifi Group", nil))},
		{Tool: "zia_get_location_group", Args: withID("group_id", "emea", nil),
			Check: objectHas("", map[string]any{"groupType": "STATIC_GROUP"})},
		{Tool: "zia_list_static_ips", Args: fixed(map[string]any{"search": "egress lond"}),
			Check: then(listLen(1), listHas("ipAddress", "203.0.113.14", nil))},
		{Tool: "zia_list_static_ips", Args: fixed(map[string]any{"search": "203.0.113.2"}),
			Check: then(listLen(6), saveID("sip20", "ipAddress", "203.0.113.20"))},
		{Tool: "zia_get_static_ip", Args: withID("static_ip_id", "sip20", nil),
			Check: objectHas("", map[string]any{"ipAddress": "203.0.113.20"})},
		{Tool: "zia_list_vpn_credentials", Args: fixed(map[string]any{"search": "site03@"}),
			Check: then(listLen(1), saveID("cred", "fqdn", "site03@acme.example"))},
		{Tool: "zia_get_vpn_credential", Args: withID("credential_id", "cred", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "UFQDN", v["type"])
				require.NotContains(t, v, "preSharedKey", "pre-shared keys are never returned")
			}},
		{Tool: "zia_list_gre_tunnels", Check: saveID("tunnel", "sourceIp", "203.0.113.11")},
		{Tool: "zia_get_gre_tunnel", Args: withID("tunnel_id", "tunnel", nil),
			Check: objectHas("", map[string]any{"comment": "GRE tunnel New York"})},
		{Tool: "zia_list_gre_ranges", Args: fixed(map[string]any{"static_ip": "203.0.113.20",
			"limit": 2}), Check: listLen(2)},
	}
}

func staticIPRoundTrip() []familyStep {
	return []familyStep{
		{Tool: "zia_create_static_ip",
			Args:  fixed(map[string]any{"ip_address": "198.51.100.7", "comment": "scenario egress"}),
			Check: saveCreatedID("sip")},
		{Tool: "zia_get_static_ip", Args: withID("static_ip_id", "sip", nil),
			Check: objectHas("", map[string]any{"ipAddress": "198.51.100.7",
				"comment": "scenario egress"})},
		{Tool: "zia_update_static_ip",
			Args:  withID("static_ip_id", "sip", map[string]any{"comment": "scenario egress 2"}),
			Check: objectHas("updated", map[string]any{"comment": "scenario egress 2"})},
		{Tool: "zia_get_static_ip", Args: withID("static_ip_id", "sip", nil),
			Check: objectHas("", map[string]any{"ipAddress": "198.51.100.7",
				"comment": "scenario egress 2", "routableIP": true})},
		{Tool: "zia_delete_static_ip", Args: withID("static_ip_id", "sip", nil)},
		{Tool: "zia_get_static_ip", Args: withID("static_ip_id", "sip", nil),
			WantError: "NotFound"},
	}
}

func vpnCredentialRoundTrip() []familyStep {
	return []familyStep{
		{Tool: "zia_create_vpn_credential", Args: fixed(map[string]any{
			"credential_type": "UFQDN", "fqdn": "scenario@example.com",
			"pre_shared_key": "scenario-psk-0001", "comments": "first"}),
			Check: then(saveCreatedID("vpn"), func(t *testing.T, _ familyState, v map[string]any) {
				require.NotContains(t, v["created"], "preSharedKey")
			})},
		{Tool: "zia_get_vpn_credential", Args: withID("credential_id", "vpn", nil),
			Check: objectHas("", map[string]any{"fqdn": "scenario@example.com",
				"comments": "first"})},
		{Tool: "zia_update_vpn_credential",
			Args: withID("credential_id", "vpn", map[string]any{"comments": "second"})},
		{Tool: "zia_get_vpn_credential", Args: withID("credential_id", "vpn", nil),
			Check: objectHas("", map[string]any{"fqdn": "scenario@example.com",
				"type": "UFQDN", "comments": "second"})},
		{Tool: "zia_delete_vpn_credential", Args: withID("credential_id", "vpn", nil)},
		{Tool: "zia_get_vpn_credential", Args: withID("credential_id", "vpn", nil),
			WantError: "NotFound"},
	}
}

func locationRoundTrip() []familyStep {
	return []familyStep{
		{Tool: "zia_create_static_ip", Args: fixed(map[string]any{"ip_address": "198.51.100.8"}),
			Check: saveCreatedID("locip")},
		{Tool: "zia_create_location", Args: fixed(map[string]any{"name": "Scenario Branch",
			"country": "SWITZERLAND", "tz": "SWITZERLAND_EUROPE_ZURICH",
			"ip_addresses": []any{"198.51.100.8"}, "description": "first",
			"advanced": map[string]any{"xff_forward_enabled": true}}),
			Check: saveCreatedID("loc")},
		{Tool: "zia_get_location", Args: withID("location_id", "loc", nil),
			Check: objectHas("", map[string]any{"name": "Scenario Branch",
				"ipAddresses": []any{"198.51.100.8"}, "xffForwardEnabled": true})},
		{Tool: "zia_update_location",
			Args: withID("location_id", "loc", map[string]any{"description": "second"})},
		{Tool: "zia_get_location", Args: withID("location_id", "loc", nil),
			Check: objectHas("", map[string]any{"name": "Scenario Branch", "description": "second",
				"country": "SWITZERLAND", "ipAddresses": []any{"198.51.100.8"},
				"xffForwardEnabled": true})},
		{Tool: "zia_delete_location", Args: withID("location_id", "loc", nil)},
		{Tool: "zia_get_location", Args: withID("location_id", "loc", nil),
			WantError: "NotFound"},
		{Tool: "zia_delete_static_ip", Args: withID("static_ip_id", "locip", nil)},
	}
}

func greTunnelRoundTrip() []familyStep {
	return []familyStep{
		{Tool: "zia_create_gre_tunnel", Args: fixed(map[string]any{
			"static_ip_address": "198.51.100.9", "comment": "scenario tunnel"}),
			Check: then(saveCreatedID("gre"), func(t *testing.T, s familyState, v map[string]any) {
				sip, ok := v["static_ip"].(map[string]any)
				require.True(t, ok, "the result names the tunnel's static IP: %v", v)
				require.Equal(t, true, sip["created"])
				s["greip"] = sip["id"]
			})},
		{Tool: "zia_get_gre_tunnel", Args: withID("tunnel_id", "gre", nil),
			Check: objectHas("", map[string]any{"sourceIp": "198.51.100.9",
				"comment": "scenario tunnel", "ipUnnumbered": false})},
		{Tool: "zia_list_static_ips", Args: fixed(map[string]any{"search": "198.51.100.9"}),
			Check: listHas("comment", "scenario tunnel", nil)},
		{Tool: "zia_delete_gre_tunnel",
			Args: argsOf(map[string]string{"tunnel_id": "gre", "static_ip_id": "greip"}, nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, v["deleted"], 2, "the tunnel and its static IP: %v", v)
			}},
		{Tool: "zia_get_gre_tunnel", Args: withID("tunnel_id", "gre", nil),
			WantError: "NotFound"},
		{Tool: "zia_get_static_ip", Args: withID("static_ip_id", "greip", nil),
			WantError: "NotFound"},
	}
}

// TestGRETunnelDeletePromptNamesTheTunnel shows that the confirmation asks about the
// tunnel, by its id and source address, and mentions the static IP deleted with it;
// the Python server's prompt named the static IP's id as if it were the tunnel.
func TestGRETunnelDeletePromptNamesTheTunnel(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	res := f.call(t, "zia_create_gre_tunnel", map[string]any{"static_ip_address": "198.51.100.50"})
	require.False(t, res.IsError, resultText(res))
	created := structured(t, res)
	s := familyState{"tunnel": created["created"].(map[string]any)["id"],
		"static": created["static_ip"].(map[string]any)["id"]}
	tunnelID, staticID := s.str("tunnel"), s.str("static")
	require.NotEqual(t, tunnelID, staticID)

	res = f.call(t, "zia_delete_gre_tunnel",
		map[string]any{"tunnel_id": tunnelID, "static_ip_id": staticID})
	require.True(t, isPrompt(res), resultText(res))
	resource := structured(t, res)["resource"].(map[string]any)
	require.Equal(t, "GRE tunnel", resource["type"])
	require.Equal(t, tunnelID, resource["id"])
	require.Equal(t, "from 198.51.100.50; static IP "+staticID+" is deleted with it",
		resource["name"])
	require.Contains(t, resultText(res), "GRE tunnel "+tunnelID)
}
