package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The devices scenario: the groups with and without their devices, then the devices
// found through a filter, one page of them, and the light list.
func init() {
	addFamily("zia_devices",
		familyStep{Tool: "zia_list_device_groups",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 5, "OS groups only unless asked for more")
			}},
		familyStep{Tool: "zia_list_device_groups",
			Args: fixed(map[string]any{"include_device_info": true, "include_pseudo_groups": true}),
			Check: func(t *testing.T, s familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 7)
				require.EqualValues(t, 3, recs[0]["deviceCount"])
				s["group"] = recs[0]["name"]
			}},
		familyStep{Tool: "zia_list_devices_lite", Check: saveFirstID("device")},
		familyStep{Tool: "zia_list_devices", Args: fixed(map[string]any{"name": "WIN"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				for _, d := range records(t, v) {
					require.Equal(t, "WINDOWS_OS", d["osType"])
				}
				require.Len(t, records(t, v), 3)
			}},
		familyStep{Tool: "zia_list_devices",
			Args: fixed(map[string]any{"page": 2, "page_size": 10, "include_all": true}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Len(t, records(t, v), 7, "the last page is short")
			}},
	)
}
