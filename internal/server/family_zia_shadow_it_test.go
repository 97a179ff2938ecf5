package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The shadow IT scenario: find an application and a tag, sanction and tag the
// application, and read the catalog back. The API reads applications as id and name
// only, so the result of the update is what says the state changed.
func init() {
	addFamily("zia_shadow_it",
		familyStep{Tool: "zia_list_shadow_it_apps",
			Args: fixed(map[string]any{"page_number": 0, "limit": 5}),
			Check: func(t *testing.T, s familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 5)
				s["app"], s["appName"] = recs[3]["id"], recs[3]["name"]
			}},
		familyStep{Tool: "zia_list_shadow_it_custom_tags", Check: saveFirstID("tag")},
		familyStep{Tool: "zia_bulk_update_shadow_it_apps",
			Args: func(s familyState) map[string]any {
				return map[string]any{"sanction_state": "sanctioned",
					"application_ids": []any{s.str("app")},
					"custom_tag_ids":  []any{s.str("tag")}}
			},
			Check: func(t *testing.T, s familyState, v map[string]any) {
				updated, ok := v["updated"].(map[string]any)
				require.True(t, ok, "%v", v)
				require.Equal(t, "SANCTIONED", updated["sanctionedState"])
				require.Equal(t, []any{s["app"]}, updated["applicationIds"])
				require.Contains(t, v["summary"], "1 application set to SANCTIONED")
				require.Contains(t, v, "activation")
			}},
		familyStep{Tool: "zia_list_shadow_it_apps",
			Check: func(t *testing.T, s familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 24)
				require.Equal(t, s["appName"], recs[3]["name"], "the catalog is unchanged")
			}},
	)
}
