package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The cloud firewall scenario: the reads with their filters, the seeded DNS rule of odd
// shape, and a round trip for every writable kind: the three rule families, IP source
// and destination groups, custom IPS signatures, network services and their groups, and
// network application groups.
func init() {
	addFamily("zia_cloud_firewall", slices.Concat(
		firewallReads(),
		firewallRuleRoundTrips(),
		ipGroupRoundTrips(),
		ipsSignatureRoundTrip(),
		networkServiceRoundTrips(),
		networkAppGroupRoundTrip(),
	)...)
}

// nameContains checks every record's name for a fragment, ignoring case.
func nameContains(fragment string) familyCheck {
	return listAll("named with "+fragment, func(r map[string]any) bool {
		name, _ := r["name"].(string)
		return strings.Contains(strings.ToLower(name), fragment)
	})
}

// roundTrip is the write round trip of one kind: create, read back, update, read back
// (the fields the update did not name kept), delete with confirmation, gone.
func roundTrip(noun, idParam, key string, create func(familyState) map[string]any,
	created familyCheck, update map[string]any, readBack familyCheck) []familyStep {
	return []familyStep{
		{Tool: "zia_create_" + noun, Args: create, Check: then(saveCreatedID(key), created)},
		{Tool: "zia_get_" + noun, Args: withID(idParam, key, nil), Check: created},
		{Tool: "zia_update_" + noun, Args: withID(idParam, key, update)},
		{Tool: "zia_get_" + noun, Args: withID(idParam, key, nil), Check: readBack},
		{Tool: "zia_delete_" + noun, Args: withID(idParam, key, nil)},
		{Tool: "zia_get_" + noun, Args: withID(idParam, key, nil), WantError: "NotFound"},
	}
}

// created checks a create result, or the object read back, for fields.
func created(want map[string]any) familyCheck {
	return func(t *testing.T, s familyState, v map[string]any) {
		t.Helper()
		if _, ok := v["created"]; ok {
			objectHas("created", want)(t, s, v)
			return
		}
		objectHas("", want)(t, s, v)
	}
}

var oddDNSRuleID = strconv.FormatInt(simulator.OddDNSRuleID, 10)

func firewallReads() []familyStep {
	return []familyStep{
		{Tool: "zia_list_cloud_firewall_rules", Args: fixed(map[string]any{"search": "allow d"}),
			Check: then(listLen(1), saveID("fwrule", "name", "Allow DNS"))},
		{Tool: "zia_get_cloud_firewall_rule", Args: withID("rule_id", "fwrule", nil),
			Check: objectHas("", map[string]any{"srcIps": []any{"192.168.100.0/24"}})},
		{Tool: "zia_list_cloud_firewall_dns_rules", Check: then(listLen(6),
			listHas("name", simulator.OddDNSRuleName, func(t *testing.T, _ familyState,
				r map[string]any) {
				require.Nil(t, r["description"])
				require.Equal(t, map[string]any{"code": "REFUSED", "ttlSeconds": 30.0},
					r["blockResponseCode"])
				require.Equal(t, "ALL", r["applications"])
				require.Contains(t, r, "zeroTrustDnsFlags")
			}))},
		{Tool: "zia_list_cloud_firewall_dns_rules", Args: fixed(map[string]any{"search": "LEGACY"}),
			Check: then(listLen(1), nameContains("legacy"))},
		{Tool: "zia_get_cloud_firewall_dns_rule", Args: fixed(map[string]any{"rule_id": oddDNSRuleID}),
			Check: objectHas("", map[string]any{"name": simulator.OddDNSRuleName})},
		{Tool: "zia_list_cloud_firewall_ips_rules", Args: fixed(map[string]any{"search": "c2"}),
			Check: then(listLen(1), saveID("ipsrule", "name", "Reset C2 traffic"))},
		{Tool: "zia_get_cloud_firewall_ips_rule", Args: withID("rule_id", "ipsrule", nil),
			Check: objectHas("", map[string]any{"action": "BLOCK_RESET"})},
		{Tool: "zia_list_ip_source_groups", Args: fixed(map[string]any{"search": "vpn"}),
			Check: then(listLen(1), saveID("src", "name", "VPN Pool"))},
		{Tool: "zia_get_ip_source_group", Args: withID("group_id", "src", nil),
			Check: objectHas("", map[string]any{"ipAddresses": []any{"172.16.0.0/20"}})},
		{Tool: "zia_list_ip_destination_groups", Args: fixed(map[string]any{"search": "dns"}),
			Check: saveID("dst", "name", "Public DNS")},
		{Tool: "zia_get_ip_destination_group", Args: withID("group_id", "dst", nil),
			Check: objectHas("", map[string]any{"name": "Public DNS"})},
		{Tool: "zia_list_ips_signature_rules", Args: fixed(map[string]any{"search": "log4"}),
			Check: then(listLen(1), saveID("sig", "name", "Log4Shell JNDI"))},
		{Tool: "zia_get_ips_signature_rule", Args: withID("rule_id", "sig", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Contains(t, v["ruleText"], "sid:1000002;")
				require.Equal(t, "ADVANCED_SECURITY", v["category"].(map[string]any)["name"])
			}},
		{Tool: "zia_list_network_apps", Args: fixed(map[string]any{"search": "zoom",
			"locale": "en-US"}), Check: then(listLen(1), listHas("id", "ZOOM", nil))},
		{Tool: "zia_get_network_app", Args: fixed(map[string]any{"app_id": "ZOOM"}),
			Check: objectHas("", map[string]any{"parentCategory": "COLLABORATION"})},
		{Tool: "zia_list_network_app_groups", Args: fixed(map[string]any{"search": "office"}),
			Check: then(listLen(1), saveID("appgrp", "name", "Microsoft Office365"))},
		{Tool: "zia_get_network_app_group", Args: withID("group_id", "appgrp", nil),
			Check: objectHas("", map[string]any{"networkApplications": []any{"YAMMER",
				"OFFICE365", "OUTLOOK"}})},
		{Tool: "zia_list_network_services", Args: fixed(map[string]any{"search": "dns"}),
			Check: saveID("dnssvc", "name", "DNS")},
		{Tool: "zia_list_network_services", Args: fixed(map[string]any{"name": "postg"}),
			Check: then(listLen(1), nameContains("postgres"))},
		{Tool: "zia_get_network_service", Args: withID("service_id", "dnssvc", nil),
			Check: objectHas("", map[string]any{"type": "PREDEFINED"})},
		{Tool: "zia_list_network_svc_groups", Args: fixed(map[string]any{"search": "infra"}),
			Check: then(listLen(1), saveID("svcgrp", "name", "SG Infra"))},
		{Tool: "zia_get_network_svc_group", Args: withID("group_id", "svcgrp", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, v["services"], 3)
			}},
	}
}

func firewallRuleRoundTrips() []familyStep {
	fw := roundTrip("cloud_firewall_rule", "rule_id", "fw",
		func(s familyState) map[string]any {
			return map[string]any{"name": "Scenario allow DNS", "action": "ALLOW", "order": 2,
				"description": "first", "advanced": map[string]any{
					"src_ips": []any{"10.1.0.0/16"}, "nwServices": []any{s.str("dnssvc")}}}
		},
		created(map[string]any{"name": "Scenario allow DNS", "order": 2.0,
			"srcIps": []any{"10.1.0.0/16"}, "state": "ENABLED"}),
		map[string]any{"description": "second", "enabled": false},
		objectHas("", map[string]any{"name": "Scenario allow DNS", "description": "second",
			"state": "DISABLED", "order": 2.0, "srcIps": []any{"10.1.0.0/16"}}))
	dns := roundTrip("cloud_firewall_dns_rule", "rule_id", "dns", fixed(map[string]any{
		"name": "Scenario redirect", "action": "REDIR_REQ",
		"advanced": map[string]any{"redirectIp": "10.0.0.53"}}),
		created(map[string]any{"redirectIp": "10.0.0.53", "order": 1.0}),
		map[string]any{"description": "second", "rank": 5},
		objectHas("", map[string]any{"name": "Scenario redirect", "redirectIp": "10.0.0.53",
			"description": "second", "rank": 5.0, "action": "REDIR_REQ"}))
	ips := roundTrip("cloud_firewall_ips_rule", "rule_id", "ips", fixed(map[string]any{
		"name": "Scenario IPS", "action": "BLOCK_DROP", "description": "first",
		"advanced": map[string]any{"srcIps": []any{"10.2.0.0/16"}}}),
		created(map[string]any{"name": "Scenario IPS", "srcIps": []any{"10.2.0.0/16"}}),
		map[string]any{"action": "BLOCK_RESET"},
		objectHas("", map[string]any{"action": "BLOCK_RESET", "description": "first",
			"srcIps": []any{"10.2.0.0/16"}}))
	refusal := familyStep{Tool: "zia_delete_cloud_firewall_ips_rule",
		Args: fixed(map[string]any{"rule_id": "1692999"}), WantError: "InvalidArgument",
		Check: errorSays("default rule")}
	return slices.Concat(fw, dns, ips, []familyStep{refusal})
}

func ipGroupRoundTrips() []familyStep {
	src := roundTrip("ip_source_group", "group_id", "srcgrp", fixed(map[string]any{
		"name": "Scenario sources", "ip_addresses": []any{"10.8.0.0/16"}, "description": "first"}),
		created(map[string]any{"name": "Scenario sources", "ipAddresses": []any{"10.8.0.0/16"}}),
		map[string]any{"description": "second"},
		objectHas("", map[string]any{"description": "second", "ipAddresses": []any{"10.8.0.0/16"}}))
	dst := roundTrip("ip_destination_group", "group_id", "dstgrp", fixed(map[string]any{
		"name": "Scenario partners", "type": "DSTN_FQDN",
		"addresses": []any{"api.partner.example"}, "description": "first"}),
		created(map[string]any{"type": "DSTN_FQDN", "addresses": []any{"api.partner.example"}}),
		map[string]any{"addresses": []any{"api.partner.example", "sso.partner.example"}},
		objectHas("", map[string]any{"type": "DSTN_FQDN", "description": "first",
			"addresses": []any{"api.partner.example", "sso.partner.example"}}))
	return slices.Concat(src, dst)
}

func ipsSignatureRoundTrip() []familyStep {
	const v1 = `alert tcp any any -> any 445 (msg:"Scenario SMB"; content:"|FF|SMB"; ` +
		`sid:1000101; rev:1;)`
	const v2 = `alert tcp any any -> any 445 (msg:"Scenario SMB"; content:"|FF|SMB|72|"; ` +
		`sid:1000101; rev:2;)`
	refusals := []familyStep{
		{Tool: "zia_create_ips_signature_rule", Args: fixed(map[string]any{
			"name": strings.Repeat("n", 32), "rule_text": v1}),
			WantError: "InvalidArgument", Check: errorSays("at most 31")},
		{Tool: "zia_create_ips_signature_rule", Args: fixed(map[string]any{
			"name": "No sid", "rule_text": `alert tcp any any -> any 445 (msg:"x"; rev:1;)`}),
			WantError: "InvalidArgument", Check: errorSays("sid option")},
	}
	trip := roundTrip("ips_signature_rule", "rule_id", "mysig", fixed(map[string]any{
		"name": "Scenario SMB probe", "rule_text": v1, "description": "first"}),
		created(map[string]any{"name": "Scenario SMB probe", "ruleText": v1}),
		map[string]any{"rule_text": v2},
		objectHas("", map[string]any{"name": "Scenario SMB probe", "ruleText": v2,
			"description": "first"}))
	return slices.Concat(refusals, trip)
}

func networkServiceRoundTrips() []familyStep {
	svc := []familyStep{
		{Tool: "zia_create_network_service", Args: fixed(map[string]any{"name": "Scenario app",
			"description": "first",
			"ports":       []any{[]any{"dest", "tcp", "8443"}, []any{"dest", "udp", 9000, 9010}}}),
			Check: then(saveCreatedID("svc"), objectHas("created", map[string]any{
				"destTcpPorts": []any{map[string]any{"start": 8443.0}},
				"destUdpPorts": []any{map[string]any{"start": 9000.0, "end": 9010.0}}}))},
		{Tool: "zia_get_network_service", Args: withID("service_id", "svc", nil),
			Check: objectHas("", map[string]any{"name": "Scenario app", "type": "CUSTOM"})},
		{Tool: "zia_update_network_service",
			Args: withID("service_id", "svc", map[string]any{"description": "second"})},
		{Tool: "zia_get_network_service", Args: withID("service_id", "svc", nil),
			Check: objectHas("", map[string]any{"description": "second",
				"destTcpPorts": []any{map[string]any{"start": 8443.0}}})},
	}
	group := roundTrip("network_svc_group", "group_id", "grp",
		func(s familyState) map[string]any {
			return map[string]any{"name": "Scenario services", "service_ids": []any{s.str("svc")}}
		},
		func(t *testing.T, s familyState, v map[string]any) {
			obj, _ := v["created"].(map[string]any)
			if obj == nil {
				obj = v
			}
			services, _ := obj["services"].([]any)
			require.Len(t, services, 1)
			require.Equal(t, "Scenario app", services[0].(map[string]any)["name"])
		},
		map[string]any{"description": "second"},
		func(t *testing.T, _ familyState, v map[string]any) {
			require.Equal(t, "second", v["description"])
			require.Len(t, v["services"], 1, "the members are kept")
		})
	end := []familyStep{
		{Tool: "zia_delete_network_service", Args: withID("service_id", "svc", nil)},
		{Tool: "zia_get_network_service", Args: withID("service_id", "svc", nil),
			WantError: "NotFound"},
	}
	return slices.Concat(svc, group, end)
}

func networkAppGroupRoundTrip() []familyStep {
	return roundTrip("network_app_group", "group_id", "apps", fixed(map[string]any{
		"name": "Scenario apps", "network_applications": []any{"SLACK", "ZOOM"},
		"description": "first"}),
		created(map[string]any{"networkApplications": []any{"SLACK", "ZOOM"}}),
		map[string]any{"network_applications": []any{"SLACK"}},
		objectHas("", map[string]any{"networkApplications": []any{"SLACK"},
			"description": "first", "name": "Scenario apps"}))
}

// TestOddRecordsComeBackAsTheAPIGaveThem reads the seeded records of unusual shape
// through the whole server: a 64-bit id keeps every digit in the text the agent reads,
// and nulls, objects where strings are usual and unknown fields pass untouched.
func TestOddRecordsComeBackAsTheAPIGaveThem(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	res := f.call(t, "zia_list_cloud_firewall_dns_rules", nil)
	require.False(t, res.IsError, resultText(res))
	text := resultText(res)
	require.Contains(t, text, `"id":`+oddDNSRuleID)
	require.Contains(t, text, `"blockResponseCode":{"code":"REFUSED","ttlSeconds":30}`)
	require.Contains(t, text, `"zeroTrustDnsFlags":{"dohBypass":true,"since":"2024-05"}`)

	for _, id := range []any{oddDNSRuleID, " " + oddDNSRuleID + " "} {
		res = f.call(t, "zia_get_cloud_firewall_dns_rule", map[string]any{"rule_id": id})
		require.False(t, res.IsError, resultText(res))
		require.Contains(t, resultText(res), `"id":`+oddDNSRuleID)
		require.Contains(t, resultText(res), `"description":null`)
	}

	// Sent as a JSON number in plain digits, the id keeps every digit; written with an
	// exponent, it could be a rounded neighbour and is refused, asking for plain digits.
	res = f.call(t, "zia_get_cloud_firewall_dns_rule",
		map[string]any{"rule_id": json.Number(oddDNSRuleID)})
	require.False(t, res.IsError, resultText(res))
	require.Contains(t, resultText(res), `"id":`+oddDNSRuleID)
	res = f.call(t, "zia_get_cloud_firewall_dns_rule",
		map[string]any{"rule_id": json.Number("9.007199254740995e15")})
	require.True(t, res.IsError)
	require.Contains(t, resultText(res), "must be an id in plain digits")

	res = f.call(t, "get_zia_user_departments", map[string]any{"search": "field"})
	require.False(t, res.IsError, resultText(res))
	require.Contains(t, resultText(res), `"idpId":"scim:okta"`)
	require.Contains(t, resultText(res), `"comments":null`)
	require.Contains(t, resultText(res), `"extensions":{"source":"SCIM","syncedAt":1767225600}`)
}
