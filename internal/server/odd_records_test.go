package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// oddRecord is a record of unexpected shape planted in one collection, and the tools
// that must return it whole: a list tool (with its arguments) and a get tool.
type oddRecord struct {
	collection string
	raw        string
	list       string
	listArgs   map[string]any
	get, idArg string
}

// oddRecords hold objects where strings are usual, strings where lists or numbers are
// usual, nulls, fields no client knows, and ids above 2^53 (2^53+5 rounds to 2^53+4 as
// a float).
var oddRecords = []oddRecord{
	{collection: "users", list: "get_zia_users", get: "get_zia_users", idArg: "user_id",
		raw: `{"id":9007199254740997,"name":"Odd Person","email":null,` +
			`"groups":"ALL","department":{"id":"d-7","name":null},` +
			`"comments":{"note":"imported"},"adminUser":"yes","futureField":[1,2.5,{"k":null}]}`},
	{collection: "networkServices", list: "zia_list_network_services",
		get: "zia_get_network_service", idArg: "service_id",
		raw: `{"id":9007199254740999,"name":"Odd service","type":null,` +
			`"destTcpPorts":"80-90","srcTcpPorts":[{"start":"1"}],` +
			`"description":{"text":"legacy"},"tag":12,"extra":{"nested":[null]}}`},
	{collection: "firewallFilteringRules", list: "zia_list_cloud_firewall_rules",
		get: "zia_get_cloud_firewall_rule", idArg: "rule_id",
		raw: `{"id":9007199254741001,"name":"Odd firewall rule","order":"7",` +
			`"action":{"type":"ALLOW"},"state":null,"nwServices":"ANY",` +
			`"labels":[{"id":1}],"description":123456789012345678,"unknownKey":true}`},
	{collection: "urlFilteringRules", list: "zia_list_url_filtering_rules",
		get: "zia_get_url_filtering_rule", idArg: "rule_id",
		raw: `{"id":9007199254741003,"name":"Odd URL rule","order":null,` +
			`"protocols":"ANY_RULE","urlCategories":[{"id":"OTHER"}],"rank":"high",` +
			`"cbiProfile":"none","newFeature":{"enabled":true}}`},
	{collection: "staticIP", list: "zia_list_static_ips",
		listArgs: map[string]any{"search": "legacy uplink"},
		get:      "zia_get_static_ip", idArg: "static_ip_id",
		raw: `{"id":9007199254741007,"ipAddress":{"v4":"198.51.100.9"},` +
			`"comment":"Legacy uplink","latitude":"47.4","city":null,"routableIP":"yes"}`},
	{collection: "sslInspectionRules", list: "zia_list_ssl_inspection_rules",
		get: "zia_get_ssl_inspection_rule", idArg: "rule_id",
		raw: `{"id":9007199254741009,"name":"Odd SSL rule","order":3,"action":"DECRYPT",` +
			`"urlCategories":null,"platforms":"ALL","futureFlag":{"x":[1]}}`},
	{collection: "webDlpRules", list: "zia_list_web_dlp_rules",
		get: "zia_get_web_dlp_rule", idArg: "rule_id",
		raw: `{"id":9007199254741011,"name":"Odd DLP rule","order":2,"action":null,` +
			`"dlpEngines":"ALL","auditor":"compliance-team","matchOnly":"sometimes"}`},
	{collection: "dlpDictionaries", list: "get_zia_dlp_dictionaries",
		get: "get_zia_dlp_dictionaries", idArg: "dict_id",
		raw: `{"id":9007199254741013,"name":"Odd dictionary","phrases":"top secret",` +
			`"patterns":[{"pattern":null}],"custom":"true","confidenceThreshold":7}`},
	{collection: "timeIntervals", list: "zia_list_time_intervals",
		get: "zia_get_time_interval", idArg: "interval_id",
		raw: `{"id":9007199254741005,"name":"Odd interval","startTime":"09:00",` +
			`"endTime":null,"daysOfWeek":"EVERYDAY","owner":{"id":1}}`},
}

// A record the API returns in a shape the tools do not expect is passed on whole, in
// the list and by id, and never fails the list it is in.
func TestOddRecordsAreReturnedWhole(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	for _, odd := range oddRecords {
		_, err := f.tenant.PlantRecord(odd.collection, odd.raw)
		require.NoError(t, err, odd.collection)
	}
	for _, odd := range oddRecords {
		t.Run(odd.collection, func(t *testing.T) {
			want := exactJSON(t, odd.raw).(map[string]any)
			id := want["id"].(json.Number).String()

			res := f.call(t, odd.list, odd.listArgs)
			require.False(t, res.IsError, "%s: %s", odd.list, resultText(res))
			list, ok := resultJSON(t, res).(map[string]any)["result"].([]any)
			require.True(t, ok, "%s returns a list", odd.list)
			if odd.listArgs == nil {
				require.Greater(t, len(list), 1, "the other records are there too")
			}
			var got any
			for _, r := range list {
				if m, _ := r.(map[string]any); fmt.Sprint(m["id"]) == id {
					got = m
				}
			}
			require.Equal(t, want, got, "%s keeps the odd record as the API gave it", odd.list)

			f.tenant.ClearRequests()
			res = f.call(t, odd.get, map[string]any{odd.idArg: id})
			require.False(t, res.IsError, "%s: %s", odd.get, resultText(res))
			got = resultJSON(t, res)
			if m, isObj := got.(map[string]any); isObj && m["result"] != nil {
				got = m["result"].([]any)[0] // the legacy tools answer a list of one
			}
			require.Equal(t, want, got, "%s returns the odd record whole", odd.get)
			reqs := f.tenant.Requests()
			require.NotEmpty(t, reqs)
			require.Contains(t, reqs[len(reqs)-1].Path, "/"+id, "the id sent in plain decimal")
		})
	}
}

// resultJSON decodes the JSON text block of a result (the last one: a banner may come
// first) keeping every digit; the structured content reaches a Go client as floats.
func resultJSON(t *testing.T, res *mcp.CallToolResult) any {
	t.Helper()
	require.NotEmpty(t, res.Content)
	tc, ok := res.Content[len(res.Content)-1].(mcp.TextContent)
	require.True(t, ok, "the last block is text")
	wrapped := tc.Text
	if !strings.HasPrefix(wrapped, "{") {
		wrapped = `{"result":` + wrapped + "}"
	}
	return exactJSON(t, wrapped)
}

// exactJSON decodes raw keeping every digit of its numbers.
func exactJSON(t *testing.T, raw string) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
	dec.UseNumber()
	var out any
	require.NoError(t, dec.Decode(&out))
	return out
}
