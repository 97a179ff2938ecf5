package tools

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaMustList runs a list tool that must succeed and returns its records.
func ziaMustList(t *testing.T, up Upstream, name string, raw map[string]any) []any {
	t.Helper()
	v, err := ziaDo(t, up, name, raw)
	require.NoError(t, err, name)
	items, ok := v.([]any)
	require.True(t, ok, "%s returned %T", name, v)
	return items
}

func TestDeviceListsAgainstTheSimulator(t *testing.T) {
	up, _ := ziaSim(t)

	groups := ziaMustList(t, up, "zia_list_device_groups", map[string]any{
		"include_pseudo_groups": true, "include_device_info": true})
	require.Len(t, groups, 7)
	cbi := groups[5].(map[string]any)
	require.Equal(t, "Cloud Browser Isolation", cbi["name"])
	require.Nil(t, cbi["description"], "an odd record is kept as the API gave it")
	require.Equal(t, map[string]any{"isolationProfile": "Default"}, cbi["extensions"])

	all := ziaMustList(t, up, "zia_list_devices", nil)
	require.Len(t, all, 15, "every page is read")
	page := ziaMustList(t, up, "zia_list_devices", map[string]any{"page": 2, "page_size": 10})
	require.Len(t, page, 5, "with page only that page, the last one being short")
	withCBI := ziaMustList(t, up, "zia_list_devices", map[string]any{"include_all": true})
	require.Len(t, withCBI, 17)

	owner := all[0].(map[string]any)["ownerUserId"]
	mine := ziaMustList(t, up, "zia_list_devices",
		map[string]any{"user_ids": []any{ziaID(owner)}})
	require.Len(t, mine, 1)

	big := ziaMustList(t, up, "zia_list_devices", map[string]any{"name": "win-011"})
	require.Len(t, big, 1)
	require.Equal(t, strconv.FormatInt(simulator.BigDeviceID, 10),
		ziaID(big[0].(map[string]any)["id"]), "64-bit ids keep every digit")

	lite := ziaMustList(t, up, "zia_list_devices_lite", nil)
	require.Len(t, lite, 15)
	require.Len(t, lite[0], 3, "id, name and owner")
}

func TestDeviceUserIDsMustBeUserIDs(t *testing.T) {
	tests := []struct{ id, want string }{
		{"jdoe", `"user_ids" must be a numeric id, got "jdoe"`},
		{"-5", `"user_ids" must be a numeric id above 0, got "-5"`},
		{"0", `"user_ids" must be a numeric id above 0, got "0"`},
		{"9223372036854775808", `"user_ids" got "9223372036854775808", which is beyond ` +
			`the 64-bit range of ZIA ids`},
	}
	for _, tc := range tests {
		fake := &ziaFake{}
		_, err := ziaDo(t, fake, "zia_list_devices",
			map[string]any{"user_ids": []any{"7", tc.id}})
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
		require.Empty(t, fake.Calls())
	}
}

func TestWorkloadGroupsAgainstTheSimulator(t *testing.T) {
	up, _ := ziaSim(t)
	groups := ziaMustList(t, up, "zia_list_workload_groups", nil)
	require.Len(t, groups, 5)
	one := ziaMust(t, up, "zia_get_workload_group", map[string]any{"group_id": 2461.0})
	expr := one["expressionJson"].(map[string]any)["expressionContainers"].([]any)
	require.Len(t, expr, 2, "the structured expression is returned whole")
	legacy := ziaMust(t, up, "zia_get_workload_group", map[string]any{"group_id": "2465"})
	require.Nil(t, legacy["expressionJson"], "an odd record is kept as the API gave it")
	_, err := ziaDo(t, up, "zia_get_workload_group", map[string]any{"group_id": "1"})
	requireKindOf(t, err, toolerr.NotFound)
}

func TestShadowITListsAgainstTheSimulator(t *testing.T) {
	up, _ := ziaSim(t)
	require.Len(t, ziaMustList(t, up, "zia_list_shadow_it_apps", nil), 24,
		"without paging the whole catalog")
	page := ziaMustList(t, up, "zia_list_shadow_it_apps",
		map[string]any{"page_number": 2, "limit": 10})
	require.Len(t, page, 4)
	require.Equal(t, strconv.FormatInt(simulator.BigCloudAppID, 10),
		ziaID(page[3].(map[string]any)["id"]))

	tags := ziaMustList(t, up, "zia_list_shadow_it_custom_tags", nil)
	require.Len(t, tags, 5)
	require.Equal(t, map[string]any{"id": json.Number("5"), "name": "Legacy",
		"extensions": map[string]any{"origin": "import"}}, tags[4])
}

func TestTimeIntervalListPagesAndSearch(t *testing.T) {
	up, _ := ziaSim(t)
	found := ziaMustList(t, up, "zia_list_time_intervals", map[string]any{"search": "hours"})
	require.Len(t, found, 2)
	page := ziaMustList(t, up, "zia_list_time_intervals", map[string]any{"page": 1,
		"page_size": 3})
	require.Len(t, page, 3)
}

func TestPageSizeAloneReturnsTheFirstPage(t *testing.T) {
	for _, name := range []string{"zia_list_devices", "zia_list_workload_groups",
		"zia_list_time_intervals"} {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, name, map[string]any{"page_size": 25.0})
		require.NoError(t, err)
		calls := fake.Calls()
		require.Len(t, calls, 1, name)
		require.Equal(t, "get", calls[0].Method, "%s reads one page", name)
		require.Equal(t, "page=1&pageSize=25", calls[0].Query.Encode(), name)
	}
}
