package simulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSeedCounts(t *testing.T) {
	want := map[string]int{
		"locations": 29, "locationGroups": 8, "urlCategories": 40, "urlFilteringRules": 15,
		"firewallFilteringRules": 25, "firewallDnsRules": 6, "firewallIpsRules": 4,
		"ipsSignatureRules": 4, "networkServices": 30, "networkServiceGroups": 5,
		"ipSourceGroups": 6, "ipDestinationGroups": 6, "networkApplications": 21,
		"networkApplicationGroups": 4, "ruleLabels": 15, "users": 60, "groups": 15,
		"departments": 11, "staticIP": 16, "greTunnels": 6, "vpnCredentials": 16,
		"dlpDictionaries": 16, "dlpEngines": 9, "webDlpRules": 5, "webApplicationRules": 7,
		"sslInspectionRules": 6, "sandboxRules": 4, "fileTypeRules": 4, "fileTypeCategories": 19,
		"zms.agents": 30, "zms.agentGroups": 6, "zms.nonces": 8, "zms.resources": 40,
		"zms.resourceGroups": 10, "zms.policyRules": 12, "zms.defaultPolicyRules": 4,
		"zms.appZones": 6, "zms.tagNamespaces": 4, "zms.tagKeys": 10, "zms.tagValues": 25,
		"zms.appCatalog": 15, "zms.totpSecrets": 6,
		"deviceGroups": 8, "devices": 17, "workloadGroups": 5, "timeIntervals": 5,
		"cloudApplications": 24, "customTags": 5,
	}
	require.Equal(t, want, New().Counts())
	require.Len(t, CollectionNames(), 31)
}

// allZIA fetches every collection's list raw.
func allZIA(t *testing.T, c *rawClient) string {
	t.Helper()
	var b strings.Builder
	for _, name := range CollectionNames() {
		path := api + "/" + name
		switch name {
		case "locationGroups":
			path = api + "/locations/groups"
		case "urlCategories":
			path += "?type=ALL"
		case "webApplicationRules":
			// Cloud app control rules are listed per rule type.
			path = api + "/cloudApplications/policy"
			for _, typ := range CloudAppRuleTypes() {
				_, _, raw := c.do(http.MethodGet, api+"/webApplicationRules/"+typ, nil)
				b.Write(raw)
			}
		case "locations":
			path = api + "/locations/36788941/sublocations"
			_, _, raw := c.do(http.MethodGet, api+"/locations", nil)
			b.Write(raw)
		}
		status, _, raw := c.do(http.MethodGet, path, nil)
		require.Equal(t, http.StatusOK, status, name)
		b.Write(raw)
	}
	return b.String()
}

const zmsEverything = `query($customerId: ID!) {
  agents(customerId: $customerId, pageSize: 100) { nodes { name eyezId description agentGroupName } }
  agentGroups(customerId: $customerId, pageSize: 100) { nodes { name eyezId description } }
  nonces(customerId: $customerId, pageSize: 100) { nodes { eyezId name key } }
  resources(customerId: $customerId, pageSize: 100, includeDeleted: true) { nodes { id name resourceHostname } }
  resourceGroups(customerId: $customerId, pageSize: 100) { nodes { id name description } }
  policyRules(customerId: $customerId, fetchAll: true) { nodes { id name description } }
  defaultPolicyRules(customerId: $customerId) { nodes { id name description } }
  appZones(customerId: $customerId, pageSize: 100) { nodes { id appZoneName description } }
  tagNamespaces(customerId: $customerId) { nodes { id name description } }
  appCatalog(customerId: $customerId, pageSize: 100) { nodes { id name } }
  metadata(customerId: $customerId)
}`

func allZMS(t *testing.T, c *rawClient) string {
	t.Helper()
	status, _, raw := c.do(http.MethodPost, zmsPath, map[string]any{"query": strings.Replace(
		zmsEverything, "metadata(customerId: $customerId)", "", 1),
		"variables": map[string]any{"customerId": DemoCustomerID}})
	require.Equal(t, http.StatusOK, status)
	require.NotContains(t, string(raw), `"errors"`)
	return string(raw)
}

func TestSeedIsDeterministic(t *testing.T) {
	a, b := newRaw(t, startSim(t)), newRaw(t, startSim(t))
	require.Equal(t, allZIA(t, a), allZIA(t, b))
	require.Equal(t, allZMS(t, a), allZMS(t, b))
}

// stringsIn decodes JSON documents written back to back and joins every string value.
func stringsIn(t *testing.T, raw string) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(raw))
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x)
			b.WriteByte('\n')
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for dec.More() {
		var v any
		require.NoError(t, dec.Decode(&v))
		walk(v)
	}
	return b.String()
}

func TestSeedCarriesHostileAndNonASCIIText(t *testing.T) {
	c := newRaw(t, startSim(t))
	rawZIA := allZIA(t, c)
	zia, zms := stringsIn(t, rawZIA), stringsIn(t, allZMS(t, c))
	for _, in := range Injections() {
		require.True(t, strings.Contains(zia, in.Payload), "ZIA lacks the %s payload", in.Kind)
		require.True(t, strings.Contains(zms, in.Payload), "ZMS lacks the %s payload", in.Kind)
	}
	require.Len(t, InjectionPayloads(), len(Injections()))
	for _, s := range LegitimateTexts() {
		require.True(t, strings.Contains(zia, s), "ZIA lacks the legitimate text %q", s)
		require.True(t, strings.Contains(zms, s), "ZMS lacks the legitimate text %q", s)
	}
	for _, s := range []string{"Zürich", "東京", "São Paulo", "✓", "\u200b", "\u202e", "\u2066",
		"\U000E0041", "<script>", "onerror", "<!--", "](https://", "![", "```system"} {
		require.True(t, strings.Contains(zia, s), "ZIA lacks %q", s)
	}
	require.Contains(t, rawZIA, `"id":9007199254740993`)
}
