package tools

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestZIAGeoSearchChecksParametersPerAction(t *testing.T) {
	cases := []struct {
		args    map[string]any
		missing string
	}{
		{map[string]any{"action": "geo_by_coordinates", "latitude": 10.0}, "longitude"},
		{map[string]any{"action": "geo_by_coordinates", "longitude": 10.0}, "latitude"},
		{map[string]any{"action": "geo_by_coordinates", "ip": "203.0.113.7"}, "latitude"},
		{map[string]any{"action": "geo_by_ip", "prefix": "San"}, "ip"},
		{map[string]any{"action": "city_prefix_search"}, "prefix"},
		{map[string]any{"action": "city_prefix_search", "prefix": "  "}, "prefix"},
		{map[string]any{"action": "geo_by_ip", "ip": "not-an-ip"}, "ip"},
		{map[string]any{"action": "somewhere"}, "action"},
		{map[string]any{}, "action"},
	}
	for _, tc := range cases {
		t.Run(tc.missing, func(t *testing.T) {
			fake := &ziaFake{}
			_, err := ziaRun(t, fake, "zia_geo_search", tc.args)
			require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
			require.Contains(t, err.Error(), `"`+tc.missing+`"`)
			require.Empty(t, fake.Calls())
		})
	}
}

// A parameter of another lookup would change nothing, so it is refused rather than
// silently dropped.
func TestZIAGeoSearchRefusesTheParametersOfOtherActions(t *testing.T) {
	cases := []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"action": "geo_by_ip", "ip": "8.8.8.8", "latitude": 1.0},
			`parameter "latitude" is for action geo_by_coordinates and does not apply to geo_by_ip`},
		{map[string]any{"action": "city_prefix_search", "prefix": "San", "ip": "8.8.8.8"},
			`parameter "ip" is for action geo_by_ip and does not apply to city_prefix_search`},
		{map[string]any{"action": "geo_by_coordinates", "latitude": 1.0, "longitude": 2.0,
			"prefix": "San"}, `parameter "prefix" is for action city_prefix_search`},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, "zia_geo_search", tc.args)
		require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
		require.Contains(t, err.Error(), tc.want)
		require.Empty(t, fake.Calls())
	}
}

func TestZIAGeoSearchActions(t *testing.T) {
	city := map[string]any{"cityGeoId": json.Number("5391959"), "cityName": "San Francisco"}
	fake := &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Path == "/region/search" {
			return []any{city, city}, nil
		}
		return city, nil
	}}

	res, err := ziaRun(t, fake, "zia_geo_search",
		map[string]any{"action": "geo_by_ip", "ip": " 2001:db8::1 "})
	require.NoError(t, err)
	require.Equal(t, city, res.Value)
	require.Equal(t, "/region/byIPAddress/2001:db8::1", fake.Calls()[0].Path)

	res, err = ziaRun(t, fake, "zia_geo_search",
		map[string]any{"action": "city_prefix_search", "prefix": "San"})
	require.NoError(t, err)
	require.Equal(t, 2, res.Items)
	require.Equal(t, "prefix=San", fake.Calls()[1].Query.Encode())

	// Zero is a real coordinate, not a missing one.
	_, err = ziaRun(t, fake, "zia_geo_search",
		map[string]any{"action": "geo_by_coordinates", "latitude": 0.0, "longitude": 0.0})
	require.NoError(t, err)
	require.Equal(t, "latitude=0&longitude=0", fake.Calls()[2].Query.Encode())
}

func TestZIAGeoSearchBoundsCoordinates(t *testing.T) {
	_, err := ziaRun(t, &ziaFake{}, "zia_geo_search",
		map[string]any{"action": "geo_by_coordinates", "latitude": 91.0, "longitude": 0.0})
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Contains(t, err.Error(), "latitude")
}

func TestZIAListLocationGroupsKeepsTheExactName(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return []any{
			map[string]any{"id": json.Number("1"), "name": "Corporate User Traffic Group"},
			map[string]any{"id": json.Number("2"), "name": "Corporate"},
		}, nil
	}}
	res, err := ziaRun(t, fake, "zia_list_location_groups", map[string]any{"name": "corporate"})
	require.NoError(t, err)
	require.Equal(t, 1, res.Items)
	require.Equal(t, "Corporate", res.Value.([]any)[0].(map[string]any)["name"])
	require.Equal(t, "name=corporate", fake.Calls()[0].Query.Encode())

	res, err = ziaRun(t, fake, "zia_list_location_groups", nil)
	require.NoError(t, err)
	require.Equal(t, 2, res.Items)
}
