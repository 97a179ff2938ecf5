package simulator

import (
	"net/http"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDeviceGroupsShowWhatTheQueryAsksFor(t *testing.T) {
	c := newRaw(t, startSim(t))

	status, v := c.json(http.MethodGet, api+"/deviceGroups", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []string{"Windows", "iOS", "Android", "macOS", "Linux"}, listNames(v))
	require.NotContains(t, v.([]any)[0], "deviceCount", "device info only when asked for")

	_, v = c.json(http.MethodGet, api+"/deviceGroups?includePseudoGroups=true", nil)
	require.Contains(t, listNames(v), "Cloud Browser Isolation")
	require.NotContains(t, listNames(v), "IoT Devices")
	cbi := v.([]any)[5].(map[string]any)
	require.Nil(t, cbi["description"], "the odd record keeps its null")
	require.Contains(t, cbi, "extensions")

	_, v = c.json(http.MethodGet, api+"/deviceGroups?includeIOTGroups=true", nil)
	require.Contains(t, listNames(v), "IoT Devices")

	_, v = c.json(http.MethodGet, api+"/deviceGroups?includeDeviceInfo=true", nil)
	windows := v.([]any)[0].(map[string]any)
	require.Equal(t, int64(3), windows["deviceCount"])
	require.Equal(t, "WIN-001,WIN-006,WIN-011", windows["deviceNames"])

	status, _ = c.json(http.MethodPost, api+"/deviceGroups", map[string]any{"name": "x"})
	require.Equal(t, http.StatusMethodNotAllowed, status, "device groups are read-only")
	status, _ = c.json(http.MethodGet, api+"/deviceGroups/2218", nil)
	require.Equal(t, http.StatusNotFound, status, "the API has no single device group read")
}

func TestDevicesFiltersAndPaging(t *testing.T) {
	c := newRaw(t, startSim(t))
	requireCounts(t, c, api+"/deviceGroups/devices", []queryCount{
		{"everything but isolation sessions", "", 15},
		{"with isolation sessions", "?includeAll=true", 17},
		{"name is a prefix", "?name=mac", 3},
		{"os type", "?osType=IOS", 3},
		{"model", "?model=pixel", 3},
		{"device group", "?deviceGroupId=2222", 3},
		{"repeated user ids", "?userIds=165214801&userIds=165214804", 2},
		{"comma-separated user ids", "?userIds=165214801,165214804", 2},
		{"search across fields", "?search_all=ubuntu", 3},
		{"page", "?page=2&pageSize=10", 5},
		{"past the end", "?page=3&pageSize=10", 0},
	})

	status, v := c.json(http.MethodGet, api+"/deviceGroups/devices?pageSize=1001", nil)
	require.Equal(t, http.StatusBadRequest, status, "%v", v)
	status, _ = c.json(http.MethodGet, api+"/deviceGroups/devices?userIds=me", nil)
	require.Equal(t, http.StatusBadRequest, status)

	_, lite := c.json(http.MethodGet, api+"/deviceGroups/devices/lite?name=WIN-011", nil)
	require.Len(t, lite, 1)
	rec := lite.([]any)[0].(map[string]any)
	require.Equal(t, []string{"id", "name", "ownerName"}, recordKeys(rec), "lite is id, name, owner")
	require.Equal(t, BigDeviceID, rec["id"])
	status, _, body := c.do(http.MethodGet, api+"/deviceGroups/devices?name=WIN-011", nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, string(body), `"id":9007199254740995`, "64-bit ids are written exactly")
}

func recordKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
