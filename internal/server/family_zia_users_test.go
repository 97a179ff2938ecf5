package server

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
)

// The users scenario: the three legacy tools list with the API's filters, read one page
// or one record, and refuse list filters next to an id, which would change nothing.
func init() {
	deptStarts := func(prefix string) familyCheck {
		return listAll("in a department starting with "+prefix, func(r map[string]any) bool {
			d, _ := r["department"].(map[string]any)
			name, _ := d["name"].(string)
			return strings.HasPrefix(name, prefix)
		})
	}
	addFamily("zia_users",
		familyStep{Tool: "get_zia_users", Args: fixed(map[string]any{"name": "garcía"}),
			Check: then(listLen(3), nameContains("garcía"), saveID("user", "name", "Liam García"))},
		familyStep{Tool: "get_zia_users", Args: withID("user_id", "user", nil),
			Check: then(listLen(1), listHas("email", "liam.garcia@acme.example", nil))},
		familyStep{Tool: "get_zia_users", Args: withID("user_id", "user",
			map[string]any{"dept": "Eng"}), WantError: "InvalidArgument",
			Check: errorSays("dept does not apply")},
		familyStep{Tool: "get_zia_users", Args: fixed(map[string]any{"dept": "Eng"}),
			Check: then(listLen(5), deptStarts("Engineering"))},
		familyStep{Tool: "get_zia_users", Args: fixed(map[string]any{"page": 2, "page_size": 25}),
			Check: listLen(25)},
		familyStep{Tool: "get_zia_users", Args: fixed(map[string]any{"page_size": 7}),
			Check: listLen(7)},
		familyStep{Tool: "get_zia_users", Check: listLen(60)},

		familyStep{Tool: "get_zia_user_groups", Args: fixed(map[string]any{"name": "sales"}),
			Check: then(listLen(2), saveID("group", "name", "Sales EMEA"))},
		familyStep{Tool: "get_zia_user_groups", Args: withID("group_id", "group", nil),
			Check: then(listLen(1), listHas("name", "Sales EMEA", nil))},
		familyStep{Tool: "get_zia_user_groups", Args: fixed(map[string]any{"search": "admin",
			"sort_by": "name", "sort_order": "desc"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				var names []string
				for _, r := range records(t, v) {
					names = append(names, r["name"].(string))
				}
				require.Equal(t, []string{"Service Admin", "IT Admins"}, names)
			}},
		familyStep{Tool: "get_zia_user_groups", Args: fixed(map[string]any{"page": 1,
			"page_size": 4, "sort_by": "name"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				recs := records(t, v)
				require.Len(t, recs, 4)
				require.True(t, sort.SliceIsSorted(recs, func(i, j int) bool {
					return strings.ToLower(recs[i]["name"].(string)) <
						strings.ToLower(recs[j]["name"].(string))
				}))
			}},

		familyStep{Tool: "get_zia_user_departments", Args: fixed(map[string]any{"search": "field"}),
			Check: then(listLen(1), listHas("name", simulator.OddDepartmentName,
				func(t *testing.T, _ familyState, r map[string]any) {
					require.Equal(t, "scim:okta", r["idpId"], "an odd field is kept as given")
					require.Nil(t, r["comments"])
				}))},
		familyStep{Tool: "get_zia_user_departments", Args: fixed(map[string]any{"search": "marketing"}),
			Check: listLen(1)},
		familyStep{Tool: "get_zia_user_departments", Args: fixed(map[string]any{
			"search": "department", "limit_search": true}), Check: listLen(0)},
		familyStep{Tool: "get_zia_user_departments", Args: fixed(map[string]any{
			"limit_search": true}), WantError: "InvalidArgument", Check: errorSays("give search")},
		familyStep{Tool: "get_zia_user_departments", Args: fixed(map[string]any{
			"action": "read_lite", "search": "fin"}),
			Check: then(listLen(1), saveID("dept", "name", "Finance"),
				func(t *testing.T, _ familyState, v map[string]any) {
					require.NotContains(t, records(t, v)[0], "comments", "lite records")
				})},
		familyStep{Tool: "get_zia_user_departments", Args: withID("department_id", "dept", nil),
			Check: then(listLen(1), listHas("comments", "Department Finance", nil))},
	)
}
