package simulator

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCustomIPSSignatureWrites(t *testing.T) {
	c := newRaw(t, startSim(t))
	const text = `alert tcp any any -> any 21 (msg:"FTP probe"; content:"USER root"; ` +
		`sid:1000200; rev:1;)`
	status, v := c.json(http.MethodPost, api+"/ipsSignatureRules",
		map[string]any{"name": "FTP root login", "ruleText": text, "enabled": true,
			"dynamicValidationRejected": true})
	require.Equal(t, http.StatusOK, status, "%v", v)
	sig := v.(map[string]any)
	require.Equal(t, true, sig["dynamicValidationSucceeded"])
	require.Equal(t, false, sig["dynamicValidationRejected"], "validation is the service's own")
	require.Positive(t, sig["ruleTextModTime"])
	require.NotContains(t, sig, "lastModifiedTime", "signatures carry ruleTextModTime instead")
	path := api + "/ipsSignatureRules/" + idKey(sig["id"])

	for name, body := range map[string]map[string]any{
		"duplicate sid": {"name": "Other", "ruleText": text},
		"long name": {"name": "A name of thirty-two characters!", "ruleText": `alert tcp any ` +
			`any -> any 1 (sid:1000201; rev:1;)`},
		"no rev":         {"name": "No rev", "ruleText": `alert tcp any any -> any 1 (sid:1000202;)`},
		"not an alert":   {"name": "Drop", "ruleText": `drop tcp any any -> any 1 (sid:1000203; rev:1;)`},
		"two lines":      {"name": "Lines", "ruleText": "alert tcp any any -> any 1\n(sid:1000204; rev:1;)"},
		"no rule text":   {"name": "Empty"},
		"text is a list": {"name": "List", "ruleText": []any{"alert"}},
	} {
		t.Run(name, func(t *testing.T) {
			status, _ := c.json(http.MethodPost, api+"/ipsSignatureRules", body)
			require.GreaterOrEqual(t, status, 400)
			require.Less(t, status, 500)
		})
	}

	// An update that keeps the text keeps its sid without counting itself a duplicate.
	sig["description"] = "updated"
	status, v = c.json(http.MethodPut, path, sig)
	require.Equal(t, http.StatusOK, status, "%v", v)
	require.Equal(t, "updated", v.(map[string]any)["description"])

	status, _ = c.json(http.MethodDelete, path, nil)
	require.Equal(t, http.StatusNoContent, status)
	status, _ = c.json(http.MethodGet, path, nil)
	require.Equal(t, http.StatusNotFound, status)
}

// The lists answer only the filters the API documents for them; others are ignored, as
// the real service ignores unknown parameters.
func TestListFiltersAreTheAPIs(t *testing.T) {
	c := newRaw(t, startSim(t))
	count := func(path string) int { return listLen(t, c, path) }
	for path, all := range map[string]int{
		"/staticIP": 16, "/firewallDnsRules": 6, "/firewallIpsRules": 4,
		"/firewallFilteringRules": 25, "/ipsSignatureRules": 4, "/locations/groups": 8,
	} {
		require.Equal(t, all, count(api+path+"?search=a"), "%s takes no search", path)
	}
	require.Equal(t, 1, count(api+"/firewallFilteringRules?ruleName=allow%20dn"))
	require.Equal(t, 1, count(api+"/staticIP?ipAddress=203.0.113.25"))
	require.Equal(t, 0, count(api+"/networkApplications?search=COLLABORATION"),
		"network applications are searched by description only")

	require.Equal(t, 3, count(api+"/users?name=garc"), "a user's name is matched partially")
	require.Equal(t, 1, count(api+"/departments?search=department%20fin"),
		"search covers comments")
	require.Equal(t, 0, count(api+"/departments?search=department%20fin&limitSearch=true"),
		"limitSearch narrows it to names")
	require.Equal(t, 1, count(api+"/departments?search=fin&limitSearch=true"))
}

func TestPredefinedURLCategoriesTakeTheTenantsEntries(t *testing.T) {
	c := newRaw(t, startSim(t))
	status, v := c.json(http.MethodGet, api+"/urlCategories/FINANCE", nil)
	require.Equal(t, http.StatusOK, status)
	cat := v.(map[string]any)
	cat["urls"] = []any{"bank.example"}
	cat["keywords"] = []any{"banking"}
	cat["configuredName"] = "My Finance"
	cat["superCategory"] = "SECURITY"
	status, v = c.json(http.MethodPut, api+"/urlCategories/FINANCE", cat)
	require.Equal(t, http.StatusOK, status, "%v", v)
	got := v.(map[string]any)
	require.Equal(t, []any{"bank.example"}, got["urls"])
	require.Equal(t, []any{"banking"}, got["keywords"])
	require.NotContains(t, got, "configuredName", "a predefined category has no name of its own")
	require.Equal(t, "BUSINESS_AND_ECONOMY", got["superCategory"], "nor another class")
	require.Equal(t, false, got["customCategory"])
}

func TestOddRecordsAreServedAsSeeded(t *testing.T) {
	c := newRaw(t, startSim(t))
	status, _, raw := c.do(http.MethodGet, api+"/firewallDnsRules", nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, string(raw), `"id":`+strconv.FormatInt(OddDNSRuleID, 10))
	require.Contains(t, string(raw), `"blockResponseCode":{"code":"REFUSED","ttlSeconds":30}`)
	require.Contains(t, string(raw), `"applications":"ALL"`)

	status, _, raw = c.do(http.MethodGet, api+"/departments?search=field", nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, string(raw), `"idpId":"scim:okta"`)

	out := c.gql(`query($customerId: ID!, $s: String) {
	  agents(customerId: $customerId, search: $s) { nodes { name hostOs privateIps } } }`, "",
		vars(map[string]any{"s": OddAgentName}))
	require.Equal(t, []any{map[string]any{"name": OddAgentName, "hostOs": nil,
		"privateIps": nil}}, dig(out, "data", "agents", "nodes"))
	out = c.gql(`query($customerId: ID!, $f: ResourceQueryFilter) {
	  resources(customerId: $customerId, filter: $f) { nodes { name localIps } } }`, "",
		vars(map[string]any{"f": map[string]any{"name": map[string]any{"equals": OddResourceName}}}))
	require.Equal(t, []any{map[string]any{"name": OddResourceName, "localIps": nil}},
		dig(out, "data", "resources", "nodes"))
}
