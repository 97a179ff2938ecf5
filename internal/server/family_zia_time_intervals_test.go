package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The time intervals scenario: a full write round trip.
func init() {
	addFamily("zia_time_intervals",
		familyStep{Tool: "zia_list_time_intervals", Args: fixed(map[string]any{"search": "hours"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 2)
			}},
		familyStep{Tool: "zia_create_time_interval",
			Args: fixed(map[string]any{"name": "Round trip", "start_time": 480, "end_time": 1020,
				"days_of_week": []any{"MON", "WED", "FRI"}}),
			Check: saveCreatedID("interval")},
		familyStep{Tool: "zia_get_time_interval", Args: withID("interval_id", "interval", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, "Round trip", v["name"])
				require.EqualValues(t, 480, v["startTime"])
			}},
		familyStep{Tool: "zia_update_time_interval",
			Args: withID("interval_id", "interval", map[string]any{"end_time": 1080,
				"days_of_week": `["EVERYDAY"]`})},
		familyStep{Tool: "zia_get_time_interval", Args: withID("interval_id", "interval", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.EqualValues(t, 1080, v["endTime"])
				require.Equal(t, []any{"EVERYDAY"}, v["daysOfWeek"])
				require.EqualValues(t, 480, v["startTime"], "an update keeps other fields")
				require.Equal(t, "Round trip", v["name"])
			}},
		familyStep{Tool: "zia_delete_time_interval", Args: withID("interval_id", "interval", nil)},
		familyStep{Tool: "zia_get_time_interval", Args: withID("interval_id", "interval", nil),
			WantError: "NotFound"},
	)
}
