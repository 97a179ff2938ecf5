package server

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// localSearchNote is how a search parameter the API lacks says so in its description.
const localSearchNote = "on our side"

// ziaReads returns the requests of a call that read the ZIA API (token calls aside).
func ziaReads(reqs []simulator.Request) []simulator.Request {
	var out []simulator.Request
	for _, r := range reqs {
		if strings.HasPrefix(r.Path, "/zia/api/v1/") && r.Method == "GET" {
			out = append(out, r)
		}
	}
	return out
}

// Every ZIA list tool with a search parameter either sends it upstream on every read,
// so no full download is made, or says that it filters on our side; and it filters on
// our side only where the API (as the simulator serves it) ignores search.
func TestSearchGoesUpstreamWhereTheAPITakesIt(t *testing.T) {
	const needle = "qzxv"
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	walked := 0
	for _, tool := range tools.All(f.up) {
		var search *tools.Param
		for i, p := range tool.Params {
			if p.Name == "search" {
				search = &tool.Params[i]
			}
		}
		if tool.Service != tools.ServiceZIA || tool.Kind != tools.Read || search == nil {
			continue
		}
		walked++
		t.Run(tool.Name, func(t *testing.T) {
			f.tenant.ClearRequests()
			res := f.call(t, tool.Name, map[string]any{"search": needle})
			require.False(t, res.IsError, resultText(res))
			reads := ziaReads(f.tenant.Requests())
			require.NotEmpty(t, reads)

			if strings.Contains(search.Description, localSearchNote) {
				for _, r := range reads {
					require.NotContains(t, r.RawQuery, needle, "a local search is not sent")
					read := f.up.ZIAListUnpaged
					if strings.Contains(r.RawQuery, "page") {
						read = f.up.ZIAList
					}
					path := strings.TrimPrefix(r.Path, "/zia/api/v1")
					whole, err := read(context.Background(), path, nil)
					require.NoError(t, err)
					searched, err := read(context.Background(), path,
						url.Values{"search": {needle}})
					require.NoError(t, err)
					require.Equal(t, len(whole), len(searched),
						"%s filters on our side although %s takes search", tool.Name, r.Path)
				}
				return
			}
			for _, r := range reads {
				require.Contains(t, r.RawQuery, needle,
					"%s read %s without its search: a full download", tool.Name, r.Path)
			}
		})
	}
	require.Greater(t, walked, 20)
}

// The other filters the API documents go upstream as its query parameters.
func TestListFiltersGoUpstreamAsQueryParameters(t *testing.T) {
	cases := []struct {
		tool string
		args map[string]any
		want url.Values
	}{
		{"zia_list_url_categories", map[string]any{"custom_only": true, "type": "ALL"},
			url.Values{"customOnly": {"true"}, "type": {"ALL"}}},
		{"zia_list_network_services", map[string]any{"protocol": "TCP"},
			url.Values{"protocol": {"TCP"}}},
		{"zia_list_network_apps", map[string]any{"locale": "en-US"},
			url.Values{"locale": {"en-US"}}},
		{"get_zia_users", map[string]any{"name": "Liam", "dept": "Eng", "group": "Sales"},
			url.Values{"name": {"Liam"}, "dept": {"Eng"}, "group": {"Sales"}}},
		{"get_zia_user_groups", map[string]any{"defined_by": "SCIM", "sort_by": "name",
			"sort_order": "desc"},
			url.Values{"definedBy": {"SCIM"}, "sortBy": {"name"}, "sortOrder": {"desc"}}},
		{"get_zia_user_departments", map[string]any{"search": "fin", "limit_search": true},
			url.Values{"search": {"fin"}, "limitSearch": {"true"}}},
		{"zia_list_location_groups", map[string]any{"name": "Branches"},
			url.Values{"name": {"Branches"}}},
		{"zia_list_cloud_app_policy", map[string]any{"app_class": "web_mail"},
			url.Values{"appClass": {"WEB_MAIL"}}},
		{"zia_list_file_type_categories", map[string]any{"enums": []any{"ZSCALERDLP"},
			"exclude_custom_file_types": true},
			url.Values{"enums": {"ZSCALERDLP"}, "excludeCustomFileTypes": {"true"}}},
		{"zia_list_device_groups", map[string]any{"include_device_info": true},
			url.Values{"includeDeviceInfo": {"true"}}},
		{"zia_list_devices", map[string]any{"name": "mac", "user_ids": []any{"42"}},
			url.Values{"name": {"mac"}, "userIds": {"42"}}},
	}
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	for _, tc := range cases {
		t.Run(tc.tool, func(t *testing.T) {
			f.tenant.ClearRequests()
			res := f.call(t, tc.tool, tc.args)
			require.False(t, res.IsError, resultText(res))
			reads := ziaReads(f.tenant.Requests())
			require.NotEmpty(t, reads)
			for _, r := range reads {
				q, err := url.ParseQuery(r.RawQuery)
				require.NoError(t, err)
				for k, v := range tc.want {
					require.Equal(t, v, q[k], "%s %s?%s", tc.tool, r.Path, r.RawQuery)
				}
			}
		})
	}
}
