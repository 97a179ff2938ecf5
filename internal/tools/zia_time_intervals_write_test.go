package tools

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestTimeIntervalRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_time_interval", map[string]any{
		"name": "  Late Shift ", "start_time": 1080, "end_time": 1380,
		"days_of_week": `["mon", "Tuesday", "MON"]`})
	iv := ziaObj(t, created, "created")
	require.Equal(t, "Late Shift", iv["name"], "the name is trimmed")
	require.Equal(t, []any{"MON", "TUE"}, iv["daysOfWeek"],
		"JSON text, any case and full names are understood; repeats are dropped")
	id := ziaID(iv["id"])

	updated := ziaMust(t, up, "zia_update_time_interval",
		map[string]any{"interval_id": id, "end_time": 1439})
	iv = ziaObj(t, updated, "updated")
	require.Equal(t, "1439", ziaID(iv["endTime"]))
	require.Equal(t, "1080", ziaID(iv["startTime"]), "fields not given keep their value")
	require.Equal(t, []any{"MON", "TUE"}, iv["daysOfWeek"])
	require.Equal(t, "Late Shift", iv["name"])

	res, err := ziaDescribeCall(t, up, "zia_delete_time_interval",
		map[string]any{"interval_id": id})
	require.NoError(t, err)
	require.Equal(t, Resource{Type: "time interval", ID: id, Name: "Late Shift"}, res)
	ziaMust(t, up, "zia_delete_time_interval", map[string]any{"interval_id": id})
	_, err = ziaDo(t, up, "zia_get_time_interval", map[string]any{"interval_id": id})
	requireKindOf(t, err, toolerr.NotFound)

	require.Equal(t, []string{"POST /timeIntervals", "PUT /timeIntervals/" + id,
		"DELETE /timeIntervals/" + id}, ziaWritesTo(tenant, "/timeIntervals"))
}

func TestTimeIntervalSixtyFourBitID(t *testing.T) {
	up, _ := ziaSim(t)
	big := strconv.FormatInt(simulator.BigTimeIntervalID, 10)
	updated := ziaMust(t, up, "zia_update_time_interval",
		map[string]any{"interval_id": big, "days_of_week": []any{"EVERYDAY"}})
	iv := ziaObj(t, updated, "updated")
	require.Equal(t, big, ziaID(iv["id"]))
	require.Equal(t, "After Hours Support", iv["name"])
}

func TestTimeIntervalArgumentsAreCheckedBeforeAnyCall(t *testing.T) {
	valid := map[string]any{"name": "Probe", "start_time": 0, "end_time": 60,
		"days_of_week": []any{"SUN"}}
	with := func(k string, v any) map[string]any {
		out := map[string]any{}
		for key, val := range valid {
			out[key] = val
		}
		out[k] = v
		return out
	}
	tests := []struct {
		name string
		args map[string]any
		want string
	}{
		{"minute past the day", with("end_time", 1440), `"end_time" must be at most 1439`},
		{"negative minute", with("start_time", -5), `"start_time" must be at least 0`},
		{"fractional minute", with("start_time", 1.5), `"start_time" must be an integer`},
		{"unknown day", with("days_of_week", []any{"MON", "FUNDAY"}),
			`item 2 ("FUNDAY") is not a day: use EVERYDAY, or some of SUN, MON`},
		{"every day and more", with("days_of_week", []any{"EVERYDAY", "MON"}),
			"give EVERYDAY alone"},
		{"no day", with("days_of_week", []any{}), "needs at least one day"},
		{"days as plain text", with("days_of_week", "MON"), "or one written as JSON text"},
		{"blank name", with("name", "   "), `"name" must not be empty`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := &ziaFake{}
			_, err := ziaDo(t, fake, "zia_create_time_interval", tc.args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), tc.want)
			require.Empty(t, fake.Calls(), "nothing reaches the API")
		})
	}

	fake := &ziaFake{}
	_, err := ziaDo(t, fake, "zia_update_time_interval", map[string]any{"interval_id": "7"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "nothing to change")
	_, err = ziaDo(t, fake, "zia_update_time_interval",
		map[string]any{"interval_id": "seven", "name": "x"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, fake.Calls())
}

func TestTimeIntervalInUseIsRefusedByTheAPI(t *testing.T) {
	up, _ := ziaSim(t)
	_, err := ziaDo(t, up, "zia_create_url_filtering_rule", map[string]any{
		"name": "Office hours", "action": "ALLOW",
		"advanced": map[string]any{"timeWindows": []any{1001.0}, "protocols": []any{"ANY_RULE"}}})
	require.NoError(t, err)
	_, err = ziaDo(t, up, "zia_delete_time_interval", map[string]any{"interval_id": "1001"})
	require.Error(t, err)
	require.Contains(t, err.Error(), "referenced by 1 rule")
}
