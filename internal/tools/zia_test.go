package tools

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// ziaCall is one request a tool made of the fake upstream.
type ziaCall struct {
	// Method is list, unpaged, get or post.
	Method string
	Path   string
	Query  url.Values
	Body   any
}

// ziaFake is an Upstream that records every call and answers from reply, or with a
// small default record set when reply is nil or returns nothing.
type ziaFake struct {
	mu    sync.Mutex
	calls []ziaCall
	reply func(c ziaCall) (any, error)
}

func (f *ziaFake) do(c ziaCall) (any, error) {
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.mu.Unlock()
	if f.reply != nil {
		if v, err := f.reply(c); v != nil || err != nil {
			return v, err
		}
	}
	return ziaDefaultReply(c), nil
}

func ziaDefaultReply(c ziaCall) any {
	switch {
	case c.Path == "/urlCategories":
		return ziaCategoryFixture()
	case c.Method == "delete":
		return nil
	case c.Method == "post" || c.Method == "put":
		if body, ok := c.Body.(map[string]any); ok {
			echo := map[string]any{"id": json.Number("1")}
			for k, v := range body {
				echo[k] = v
			}
			return echo
		}
		out := []any{}
		for _, u := range c.Body.([]string) {
			out = append(out, map[string]any{"url": u, "urlClassifications": []any{"WEB_SEARCH"}})
		}
		return out
	case c.Method == "get" && c.Query.Get("page") == "" && !strings.HasPrefix(c.Path, "/region/search"):
		return map[string]any{"id": json.Number("1"), "name": "one"}
	}
	return []any{map[string]any{"id": json.Number("1"), "name": "one"}}
}

func ziaClone(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	return out
}

func (f *ziaFake) ZIAList(_ context.Context, path string, q url.Values) ([]any, error) {
	v, err := f.do(ziaCall{Method: "list", Path: path, Query: ziaClone(q)})
	items, _ := v.([]any)
	return items, err
}

func (f *ziaFake) ZIAListUnpaged(_ context.Context, path string, q url.Values) ([]any, error) {
	v, err := f.do(ziaCall{Method: "unpaged", Path: path, Query: ziaClone(q)})
	items, _ := v.([]any)
	return items, err
}

func (f *ziaFake) ZIAGet(_ context.Context, path string, q url.Values) (any, error) {
	return f.do(ziaCall{Method: "get", Path: path, Query: ziaClone(q)})
}

func (f *ziaFake) ZIAPostRead(_ context.Context, path string, body any) (any, error) {
	if ss, ok := body.([]string); ok {
		body = slices.Clone(ss)
	}
	return f.do(ziaCall{Method: "post", Path: path, Query: url.Values{}, Body: body})
}

func (f *ziaFake) ZIAWrite(_ context.Context, method, path string, body any) (any, error) {
	return f.do(ziaCall{Method: strings.ToLower(method), Path: path, Query: url.Values{}, Body: body})
}

func (f *ziaFake) ZMS(context.Context, string, string, map[string]any) (*zclient.GraphQLResult, error) {
	return nil, toolerr.New(toolerr.Internal, "not a ZMS test")
}

func (f *ziaFake) Calls() []ziaCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

// ziaKind returns the toolerr kind of err.
func ziaKind(err error) toolerr.Kind { return toolerr.As(err).Kind }

// The ZIA read tools and their parameters, as the Python server names them. Files of
// newer toolsets add theirs in an init function.
var ziaExpectedParams = map[string][]string{
	"zia_get_activation_status":         nil,
	"zia_geo_search":                    {"action", "ip", "latitude", "longitude", "prefix"},
	"zia_list_gre_ranges":               {"internal_ip_range", "limit", "static_ip"},
	"zia_list_gre_tunnels":              nil,
	"zia_get_gre_tunnel":                {"tunnel_id"},
	"zia_list_locations":                {"search"},
	"zia_get_location":                  {"location_id"},
	"zia_list_location_groups":          {"name", "search"},
	"zia_get_location_group":            {"group_id"},
	"zia_list_static_ips":               {"search"},
	"zia_get_static_ip":                 {"static_ip_id"},
	"zia_list_vpn_credentials":          {"search"},
	"zia_get_vpn_credential":            {"credential_id"},
	"zia_list_url_categories":           {"contains_url", "custom_only", "search", "type"},
	"zia_url_lookup":                    {"urls"},
	"zia_get_url_category":              {"category_id"},
	"zia_get_url_category_predefined":   {"name"},
	"zia_list_url_filtering_rules":      {"search"},
	"zia_get_url_filtering_rule":        {"rule_id"},
	"zia_list_cloud_firewall_rules":     {"search"},
	"zia_get_cloud_firewall_rule":       {"rule_id"},
	"zia_list_cloud_firewall_dns_rules": {"search"},
	"zia_get_cloud_firewall_dns_rule":   {"rule_id"},
	"zia_list_cloud_firewall_ips_rules": {"search"},
	"zia_get_cloud_firewall_ips_rule":   {"rule_id"},
	"zia_list_ip_destination_groups":    {"search"},
	"zia_get_ip_destination_group":      {"group_id"},
	"zia_list_ip_source_groups":         {"search"},
	"zia_get_ip_source_group":           {"group_id"},
	"zia_list_ips_signature_rules":      {"search"},
	"zia_get_ips_signature_rule":        {"rule_id"},
	"zia_list_network_app_groups":       {"search"},
	"zia_get_network_app_group":         {"group_id"},
	"zia_list_network_apps":             {"locale", "search"},
	"zia_get_network_app":               {"app_id"},
	"zia_list_network_services":         {"name", "protocol", "search"},
	"zia_get_network_service":           {"service_id"},
	"zia_list_network_svc_groups":       {"search"},
	"zia_get_network_svc_group":         {"group_id"},
	"zia_list_rule_labels":              {"search"},
	"zia_get_rule_label":                {"label_id"},
	"get_zia_users":                     {"dept", "group", "name", "page", "page_size", "user_id"},
	"get_zia_user_groups": {"defined_by", "group_id", "name", "page", "page_size", "search",
		"sort_by", "sort_order"},
	"get_zia_user_departments": {"action", "department_id", "limit_search", "page", "page_size",
		"search", "sort_by", "sort_order"},
}

func TestZIACatalogMatchesThePythonServer(t *testing.T) {
	all := ziaTools(&ziaFake{})
	seen := map[string]bool{}
	for _, tool := range all {
		require.False(t, seen[tool.Name], "duplicate tool %s", tool.Name)
		seen[tool.Name] = true

		want, known := ziaExpectedParams[tool.Name]
		require.True(t, known, "unexpected tool %s", tool.Name)
		requireParamNames(t, tool, want)

		require.NotEmpty(t, tool.Title, tool.Name)
		require.NotEmpty(t, tool.Description, tool.Name)
		require.True(t, strings.HasPrefix(tool.Toolset, "zia_"), "%s has toolset %q", tool.Name,
			tool.Toolset)
		require.Equal(t, ServiceZIA, tool.Service, tool.Name)
		require.Equal(t, Read, tool.Kind, tool.Name)
		require.NotNil(t, tool.Handler, tool.Name)
		if strings.HasPrefix(tool.Name, "zia_get_") && len(tool.Params) == 1 {
			require.True(t, tool.Params[0].Required, "%s id must be required", tool.Name)
		}
	}
}

// requireParamNames checks that tool takes exactly the parameters want, sorted, each
// described, and that every *_id parameter is an ID.
func requireParamNames(t *testing.T, tool Tool, want []string) {
	t.Helper()
	var got []string
	for _, p := range tool.Params {
		got = append(got, p.Name)
		require.NotEmpty(t, p.Description, "%s.%s has no description", tool.Name, p.Name)
		if strings.HasSuffix(p.Name, "_id") {
			require.Equal(t, ID, p.Type, "%s.%s should be an ID", tool.Name, p.Name)
		}
	}
	sort.Strings(got)
	require.Equal(t, want, got, "parameters of %s", tool.Name)
}

// ziaRoute is what one tool call should ask of the API.
type ziaRoute struct {
	args   map[string]any
	method string
	path   string
	query  string
}

var ziaRoutes = map[string]ziaRoute{
	"zia_get_activation_status": {nil, "get", "/status", ""},
	"zia_geo_search": {map[string]any{"action": "geo_by_coordinates", "latitude": 37.5,
		"longitude": -122.25}, "get", "/region/byGeoCoordinates", "latitude=37.5&longitude=-122.25"},
	"zia_list_gre_ranges": {map[string]any{"internal_ip_range": "172.17.0.0",
		"static_ip": "203.0.113.1", "limit": 5.0}, "unpaged",
		"/greTunnels/availableInternalIpRanges",
		"internalIpRange=172.17.0.0&limit=5&staticIp=203.0.113.1"},
	"zia_list_gre_tunnels": {nil, "list", "/greTunnels", ""},
	"zia_get_gre_tunnel":   {map[string]any{"tunnel_id": 42.0}, "get", "/greTunnels/42", ""},
	"zia_list_locations":   {map[string]any{"search": "HQ"}, "list", "/locations", "search=HQ"},
	"zia_get_location":     {map[string]any{"location_id": "36788941"}, "get", "/locations/36788941", ""},
	"zia_list_location_groups": {map[string]any{"search": "Corp", "name": "Corporate"}, "list",
		"/locations/groups", "name=Corporate"},
	"zia_get_location_group": {map[string]any{"group_id": 7.0}, "get", "/locations/groups/7", ""},
	"zia_list_static_ips":    {map[string]any{"search": "203."}, "list", "/staticIP", ""},
	"zia_get_static_ip":      {map[string]any{"static_ip_id": "5"}, "get", "/staticIP/5", ""},
	"zia_list_vpn_credentials": {map[string]any{"search": "branch"}, "list", "/vpnCredentials",
		"search=branch"},
	"zia_get_vpn_credential": {map[string]any{"credential_id": 9.0}, "get", "/vpnCredentials/9", ""},
	"zia_list_url_categories": {map[string]any{"custom_only": true, "type": "ALL"}, "unpaged",
		"/urlCategories", "customOnly=true&type=ALL"},
	"zia_url_lookup":       {map[string]any{"urls": []any{"google.com"}}, "post", "/urlLookup", ""},
	"zia_get_url_category": {map[string]any{"category_id": "CUSTOM_01"}, "get", "/urlCategories/CUSTOM_01", ""},
	"zia_get_url_category_predefined": {map[string]any{"name": "WEB_SEARCH"}, "unpaged",
		"/urlCategories", "type=ALL"},
	"zia_list_url_filtering_rules": {map[string]any{"search": "adult"}, "unpaged",
		"/urlFilteringRules", "search=adult"},
	"zia_get_url_filtering_rule": {map[string]any{"rule_id": 1690943.0}, "get",
		"/urlFilteringRules/1690943", ""},
	"zia_list_cloud_firewall_rules": {map[string]any{"search": "DNS"}, "list",
		"/firewallFilteringRules", "pageSize=5000&ruleName=DNS"},
	"zia_get_cloud_firewall_rule": {map[string]any{"rule_id": "11"}, "get", "/firewallFilteringRules/11", ""},
	"zia_list_cloud_firewall_dns_rules": {map[string]any{"search": "dns"}, "list", "/firewallDnsRules",
		""},
	"zia_get_cloud_firewall_dns_rule": {map[string]any{"rule_id": "12"}, "get", "/firewallDnsRules/12", ""},
	"zia_list_cloud_firewall_ips_rules": {map[string]any{"search": "ips"}, "list", "/firewallIpsRules",
		""},
	"zia_get_cloud_firewall_ips_rule": {map[string]any{"rule_id": "13"}, "get", "/firewallIpsRules/13", ""},
	"zia_list_ip_destination_groups": {map[string]any{"search": "DST"}, "unpaged", "/ipDestinationGroups",
		"search=DST"},
	"zia_get_ip_destination_group": {map[string]any{"group_id": "14"}, "get", "/ipDestinationGroups/14", ""},
	"zia_list_ip_source_groups": {map[string]any{"search": "SRC"}, "unpaged", "/ipSourceGroups",
		"search=SRC"},
	"zia_get_ip_source_group":      {map[string]any{"group_id": "15"}, "get", "/ipSourceGroups/15", ""},
	"zia_list_ips_signature_rules": {nil, "list", "/ipsSignatureRules", ""},
	"zia_get_ips_signature_rule":   {map[string]any{"rule_id": "16"}, "get", "/ipsSignatureRules/16", ""},
	"zia_list_network_app_groups": {map[string]any{"search": "Office"}, "list",
		"/networkApplicationGroups", "search=Office"},
	"zia_get_network_app_group": {map[string]any{"group_id": "17"}, "get", "/networkApplicationGroups/17", ""},
	"zia_list_network_apps": {map[string]any{"search": "APNS", "locale": "en-US"}, "list",
		"/networkApplications", "locale=en-US&search=APNS"},
	"zia_get_network_app": {map[string]any{"app_id": "A/B"}, "get", "/networkApplications/A%2FB", ""},
	"zia_list_network_services": {map[string]any{"search": "DNS", "protocol": "TCP"}, "list",
		"/networkServices", "protocol=TCP&search=DNS"},
	"zia_get_network_service": {map[string]any{"service_id": 774003.0}, "get", "/networkServices/774003", ""},
	"zia_list_network_svc_groups": {map[string]any{"search": "SG"}, "list", "/networkServiceGroups",
		"search=SG"},
	"zia_get_network_svc_group": {map[string]any{"group_id": "18"}, "get", "/networkServiceGroups/18", ""},
	"zia_list_rule_labels":      {map[string]any{"search": "L1"}, "list", "/ruleLabels", "search=L1"},
	"zia_get_rule_label":        {map[string]any{"label_id": "19"}, "get", "/ruleLabels/19", ""},
	"get_zia_users": {map[string]any{"name": "Jane", "dept": "Eng", "group": "Admins"}, "list",
		"/users", "dept=Eng&group=Admins&name=Jane"},
	"get_zia_user_groups": {map[string]any{"search": "Eng", "defined_by": "SCIM",
		"sort_by": "mod_time", "sort_order": "rule_execution"}, "list", "/groups",
		"definedBy=SCIM&search=Eng&sortBy=modTime&sortOrder=ruleExecution"},
	"get_zia_user_departments": {map[string]any{"action": "read_lite", "search": "Fin",
		"limit_search": true, "sort_by": "external_id", "sort_order": "asc"}, "list",
		"/departments/lite", "limitSearch=true&search=Fin&sortBy=externalId&sortOrder=asc"},
}

func TestZIAToolsCallTheRightEndpoint(t *testing.T) {
	for _, tool := range ziaTools(&ziaFake{}) {
		_, ok := ziaRoutes[tool.Name]
		require.True(t, ok, "no route case for %s", tool.Name)
	}
	for name, want := range ziaRoutes {
		t.Run(name, func(t *testing.T) {
			fake := &ziaFake{}
			_, err := ziaRun(t, fake, name, want.args)
			require.NoError(t, err)
			calls := fake.Calls()
			require.Len(t, calls, 1)
			require.Equal(t, want.method, calls[0].Method)
			require.Equal(t, want.path, calls[0].Path)
			require.Equal(t, want.query, calls[0].Query.Encode())
		})
	}
}

func TestZIAListsReturnRecordsUntouched(t *testing.T) {
	record := map[string]any{"id": json.Number("36788941"), "name": "HQ",
		"dynamiclocationGroups": []any{map[string]any{"id": json.Number("24326828")}}}
	fake := &ziaFake{reply: func(ziaCall) (any, error) { return []any{record}, nil }}
	res, err := ziaRun(t, fake, "zia_list_locations", nil)
	require.NoError(t, err)
	require.Equal(t, 1, res.Items)
	require.Equal(t, []any{record}, res.Value)
}

func TestZIAEmptyListIsAnEmptyList(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) { return []any{}, nil }}
	res, err := ziaRun(t, fake, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	require.Equal(t, []any{}, res.Value)
	require.True(t, res.IsList())
}

func TestZIAGetReturnsTheObject(t *testing.T) {
	res, err := ziaRun(t, &ziaFake{}, "zia_get_rule_label", map[string]any{"label_id": "1"})
	require.NoError(t, err)
	require.False(t, res.IsList())
	require.Equal(t, map[string]any{"id": json.Number("1"), "name": "one"}, res.Value)
}

func TestZIAUpstreamErrorsPassThrough(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return nil, toolerr.New(toolerr.NotFound, "no such rule label")
	}}
	_, err := ziaRun(t, fake, "zia_get_rule_label", map[string]any{"label_id": "404"})
	require.Equal(t, toolerr.NotFound, ziaKind(err))

	_, err = ziaRun(t, fake, "zia_list_rule_labels", nil)
	require.Equal(t, toolerr.NotFound, ziaKind(err))
}

func TestZIAGetNeedsItsID(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_get_location", nil)
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Contains(t, err.Error(), "location_id")
	require.Empty(t, fake.Calls())
}
