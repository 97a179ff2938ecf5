package simulator

// Records of unusual shape, as real tenants hold them after years of API changes: a
// null where a value is usual, an object where a string is usual, a string where a list
// or a number is usual, and fields no client knows. Clients must pass them through
// untouched and never fail a whole list for one of them.
const (
	// OddDNSRuleID is the id of the odd DNS rule: above 2^53, so a client that reads
	// ids as floats names another rule (2^53+3 rounds to 2^53+4).
	OddDNSRuleID int64 = 9007199254740995
	// OddDNSRuleName and OddDepartmentName name the odd records.
	OddDNSRuleName    = "Legacy resolver policy"
	OddDepartmentName = "Field Operations"
)

func seedOddShapes(s *seeder) {
	rule := merge(seedRule(s, 4, OddDNSRuleName, "BLOCK_WITH_RESPONSE", ""), record{
		"id": OddDNSRuleID, "description": nil, "protocols": nil, "redirectIp": "",
		"blockResponseCode": record{"code": "REFUSED", "ttlSeconds": 30},
		"applications":      "ALL", "capturePCAP": false, "srcIps": []any{},
		"destAddresses": []any{}, "resCategories": []any{}, "dnsRuleRequestTypes": []any{},
		"destIpCategories": []any{}, "destCountries": []any{}, "sourceCountries": []any{},
		"applicationGroups": []any{}, "srcIpGroups": []any{}, "destIpGroups": []any{},
		"srcIpv6Groups": []any{}, "destIpv6Groups": []any{}, "isWebEunEnabled": false,
		"defaultDnsRuleNameUsed": false, "dnsGateway": nil, "zpaIpGroup": nil,
		"zeroTrustDnsFlags": record{"dohBypass": true, "since": "2024-05"},
	})
	s.add("firewallDnsRules", rule)
	s.add("departments", record{"id": 68759399, "name": OddDepartmentName,
		"idpId": "scim:okta", "comments": nil, "deleted": false,
		"extensions": record{"source": "SCIM", "syncedAt": seedTime}})
}
