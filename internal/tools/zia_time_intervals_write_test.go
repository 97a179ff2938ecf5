package tools

import (
	"maps"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestTimeIntervalRoundTrip(t *testing.T) {
	runCRUD(t, crudCase{
		noun: "time_interval", what: "time interval", idName: "interval_id",
		path: "/timeIntervals", name: "Late Shift",
		create: map[string]any{"name": "  Late Shift ", "start_time": 1080, "end_time": 1380,
			"days_of_week": `["mon", "Tuesday", "MON"]`},
		update: map[string]any{"end_time": 1439},
		check: func(t *testing.T, iv map[string]any) {
			require.Equal(t, "Late Shift", iv["name"], "the name is trimmed")
			require.Equal(t, []any{"MON", "TUE"}, iv["daysOfWeek"],
				"JSON text, any case and full names are understood; repeats are dropped")
			require.Equal(t, "1080", ziaID(iv["startTime"]))
		},
		updated: func(t *testing.T, iv map[string]any) {
			require.Equal(t, "1439", ziaID(iv["endTime"]))
		},
	})
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
		out := maps.Clone(valid)
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
		{"blank name", with("name", "   "), `"name" must not be blank`},
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

// A time interval rules use is refused before anybody is asked to confirm, naming the
// rules, cloud app control rules of any rule type included; once they let go, the
// delete goes ahead.
func TestTimeIntervalInUseIsRefusedBeforeTheConfirmation(t *testing.T) {
	up, tenant := ziaSim(t)
	id := ziaID(ziaObj(t, ziaMust(t, up, "zia_create_time_interval", map[string]any{
		"name": "Quiet hours", "start_time": 0, "end_time": 360,
		"days_of_week": []any{"SUN"}}), "created")["id"])
	window := map[string]any{"timeWindows": []any{id}}
	rule := ziaObj(t, ziaMust(t, up, "zia_create_cloud_app_control_rule", map[string]any{
		"rule_type": "FILE_SHARE", "name": "No sharing at night",
		"action": "DENY_FILE_SHARE_UPLOAD", "advanced": window}), "created")
	rid := ziaID(rule["id"])

	args := map[string]any{"interval_id": id}
	_, err := ziaDescribeCall(t, up, "zia_delete_time_interval", args)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `time interval `+id+` ("Quiet hours") is still used by `+
		`FILE_SHARE cloud app control rule `+rid+` ("No sharing at night"); nothing was deleted`)
	_, err = ziaDo(t, up, "zia_delete_time_interval", args)
	requireKindOf(t, err, toolerr.InvalidArgument)

	ziaMust(t, up, "zia_update_cloud_app_control_rule", map[string]any{"rule_type": "FILE_SHARE",
		"rule_id": rid, "advanced": map[string]any{"timeWindows": []any{}}})
	_, err = ziaDescribeCall(t, up, "zia_delete_time_interval", args)
	require.NoError(t, err)
	ziaMust(t, up, "zia_delete_time_interval", args)
	require.Equal(t, []string{"POST /timeIntervals", "DELETE /timeIntervals/" + id},
		ziaWritesTo(tenant, "/timeIntervals"))
}

// Once three rules are named the cloud app control policies, a read per rule type, are
// not read: the refusal is certain, and it says the count may be higher.
func TestTimeIntervalRefusalStopsReadingOnceThreeRulesAreNamed(t *testing.T) {
	up, tenant := ziaSim(t)
	window := map[string]any{"timeWindows": []any{"1001"}}
	for _, c := range []struct{ tool, action string }{
		{"zia_create_cloud_firewall_rule", "ALLOW"},
		{"zia_create_url_filtering_rule", "ALLOW"},
		{"zia_create_sandbox_rule", "ALLOW"},
		{"zia_create_web_dlp_rule", "ALLOW"},
	} {
		ziaMust(t, up, c.tool, map[string]any{"name": "Office hours", "action": c.action,
			"advanced": window})
	}
	tenant.ClearRequests()
	_, err := ziaDescribeCall(t, up, "zia_delete_time_interval",
		map[string]any{"interval_id": "1001"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `time interval 1001 ("Business Hours") is still used by `+
		`cloud firewall rule`)
	require.Contains(t, err.Error(), `URL filtering rule`)
	require.Contains(t, err.Error(), `sandbox rule`)
	require.Contains(t, err.Error(), `and at least 1 more; nothing was deleted`)
	for _, r := range tenant.Requests() {
		require.NotContains(t, r.Path, "/webApplicationRules")
	}
}
