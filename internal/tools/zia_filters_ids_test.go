package tools

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaOddRecords are list records as a tenant may return them: a usual one, one whose
// name is an object, one whose name is null, and one that is not an object at all.
func ziaOddRecords(name string) []any {
	return []any{
		map[string]any{"id": json.Number("1"), "name": name, "comment": "egress",
			"ipAddress": "203.0.113.9", "comments": "emea"},
		map[string]any{"id": json.Number("9007199254740993"),
			"name": map[string]any{"en": name}, "extra": []any{1.5, nil}},
		map[string]any{"id": json.Number("3"), "name": nil},
		"not an object",
	}
}

// Lists whose API has no search filter the records here; the filter is never sent, an
// odd record is never dropped without a search, and never breaks one.
func TestLocalSearchFiltersWithoutDroppingOddRecords(t *testing.T) {
	cases := []struct {
		tool, path, search string
		// query is what must be sent upstream with the search (and extra).
		query string
		extra map[string]any
	}{
		{"zia_list_cloud_firewall_dns_rules", "/firewallDnsRules", "RESOLV", "", nil},
		{"zia_list_cloud_firewall_ips_rules", "/firewallIpsRules", "resolv", "", nil},
		{"zia_list_ips_signature_rules", "/ipsSignatureRules", "resolv", "", nil},
		{"zia_list_static_ips", "/staticIP", "EGRESS", "", nil},
		{"zia_list_web_dlp_rules", "/webDlpRules", "resolv", "", nil},
		{"zia_list_web_dlp_rules_lite", "/webDlpRules/lite", "RESOLV", "", nil},
		{"zia_list_file_type_control_rules", "/fileTypeRules", "resolv", "", nil},
		{"get_zia_dlp_engines", "/dlpEngines", "resolv", "", nil},
		{"zia_list_location_groups", "/locations/groups", "emea", "name=resolvers",
			map[string]any{"name": "resolvers"}},
	}
	for _, tc := range cases {
		t.Run(tc.tool, func(t *testing.T) {
			items := ziaOddRecords("Resolvers")
			fake := &ziaFake{reply: func(ziaCall) (any, error) { return items, nil }}
			res, err := ziaRun(t, fake, tc.tool, nil)
			require.NoError(t, err)
			require.Equal(t, items, res.Value, "without a search every record comes back as given")

			args := map[string]any{"search": tc.search}
			for k, v := range tc.extra {
				args[k] = v
			}
			res, err = ziaRun(t, fake, tc.tool, args)
			require.NoError(t, err)
			require.Equal(t, []any{items[0]}, res.Value)
			calls := fake.Calls()
			require.Equal(t, tc.path, calls[1].Path)
			q, _ := url.ParseQuery(tc.query)
			require.Equal(t, q.Encode(), calls[1].Query.Encode(), "search is not sent upstream")
		})
	}
}

// The name filter of location groups is the API's, and the exact match is made sure
// of here: "Resolvers" must not return "Resolvers EMEA".
func TestLocationGroupNameIsExact(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return []any{map[string]any{"name": "Resolvers EMEA"}, map[string]any{"name": "resolvers"}}, nil
	}}
	res, err := ziaRun(t, fake, "zia_list_location_groups", map[string]any{"name": "Resolvers"})
	require.NoError(t, err)
	require.Equal(t, []any{map[string]any{"name": "resolvers"}}, res.Value)
}

// Numeric ids are checked before any call and sent in plain decimal with every digit,
// whether they come as strings or JSON numbers.
func TestNumericIDsAreSentInPlainDecimal(t *testing.T) {
	const big = "9007199254740993"
	cases := []struct {
		tool, param string
		id          any
		path        string
	}{
		{"zia_get_rule_label", "label_id", big, "/ruleLabels/" + big},
		{"zia_get_rule_label", "label_id", json.Number(big), "/ruleLabels/" + big},
		{"zia_get_rule_label", "label_id", " 0042 ", "/ruleLabels/42"},
		{"zia_get_location", "location_id", 36788941.0, "/locations/36788941"},
		{"zia_get_location", "location_id", "-3", "/locations/-3"},
		{"zia_get_ips_signature_rule", "rule_id", big, "/ipsSignatureRules/" + big},
		{"zia_get_cloud_firewall_dns_rule", "rule_id", big, "/firewallDnsRules/" + big},
		{"get_zia_users", "user_id", json.Number(big), "/users/" + big},
		{"get_zia_user_groups", "group_id", "007", "/groups/7"},
		{"get_zia_user_departments", "department_id", big, "/departments/" + big},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, tc.tool, map[string]any{tc.param: tc.id})
		require.NoError(t, err, "%s %v", tc.tool, tc.id)
		require.Equal(t, tc.path, fake.Calls()[0].Path, "%s %v", tc.tool, tc.id)
	}

	for _, id := range []any{"12abc", "1e3", "4.2", 9007199254740994.0, 1.5} {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, "zia_get_static_ip", map[string]any{"static_ip_id": id})
		require.Equal(t, toolerr.InvalidArgument, ziaKind(err), "%v", id)
		require.Empty(t, fake.Calls(), "%v is refused before any call", id)
	}
	// String ids stay as they are: URL categories and network applications.
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_get_url_category", map[string]any{"category_id": "CUSTOM_01"})
	require.NoError(t, err)
	require.Equal(t, "/urlCategories/CUSTOM_01", fake.Calls()[0].Path)
}

func TestUserToolsRefuseListFiltersNextToAnID(t *testing.T) {
	cases := []struct {
		tool string
		args map[string]any
		says string
	}{
		{"get_zia_users", map[string]any{"user_id": "1", "page": 2.0}, "page does not apply"},
		{"get_zia_user_groups", map[string]any{"group_id": "1", "search": "x", "name": "y"},
			"name, search does not apply"},
		{"get_zia_user_departments", map[string]any{"department_id": "1", "sort_by": "name"},
			"sort_by does not apply"},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, tc.tool, tc.args)
		require.Equal(t, toolerr.InvalidArgument, ziaKind(err), tc.tool)
		require.Contains(t, err.Error(), tc.says)
		require.Empty(t, fake.Calls())
	}
	// The lite projection is how a department is read, not a list filter.
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "get_zia_user_departments",
		map[string]any{"department_id": "1", "action": "read_lite"})
	require.NoError(t, err)
}

func TestUserToolsPageSizeAloneReadsTheFirstPage(t *testing.T) {
	for _, tool := range []string{"get_zia_users", "get_zia_user_groups", "get_zia_user_departments"} {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, tool, map[string]any{"page_size": 5.0})
		require.NoError(t, err)
		calls := fake.Calls()
		require.Len(t, calls, 1, "one page, not every page")
		require.Equal(t, "get", calls[0].Method)
		require.Equal(t, "page=1&pageSize=5", calls[0].Query.Encode())
	}
}

func TestLimitSearchNeedsSearch(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "get_zia_user_departments", map[string]any{"limit_search": true})
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Empty(t, fake.Calls())

	_, err = ziaRun(t, fake, "get_zia_user_departments",
		map[string]any{"limit_search": true, "search": "fin"})
	require.NoError(t, err)
	require.Equal(t, "limitSearch=true&search=fin", fake.Calls()[0].Query.Encode())
}

// The city search is paged by the API; every page is read.
func TestCityPrefixSearchReadsEveryPage(t *testing.T) {
	fake := &ziaFake{}
	res, err := ziaRun(t, fake, "zia_geo_search",
		map[string]any{"action": "city_prefix_search", "prefix": "S"})
	require.NoError(t, err)
	require.True(t, res.IsList())
	require.Equal(t, "list", fake.Calls()[0].Method)
}
