package tools

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestZIAGetUsersByIDIsAOneItemList(t *testing.T) {
	user := map[string]any{"id": json.Number("165214882"), "name": "Jane Doe"}
	fake := &ziaFake{reply: func(ziaCall) (any, error) { return user, nil }}
	res, err := ziaRun(t, fake, "get_zia_users",
		map[string]any{"user_id": 165214882.0})
	require.NoError(t, err)
	require.Equal(t, []any{user}, res.Value)
	require.Equal(t, 1, res.Items)

	calls := fake.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, "get", calls[0].Method)
	require.Equal(t, "/users/165214882", calls[0].Path)
}

func TestZIAUserToolsFetchOneObjectAsList(t *testing.T) {
	cases := []struct {
		tool string
		args map[string]any
		path string
	}{
		{"get_zia_user_groups", map[string]any{"group_id": "24326814"}, "/groups/24326814"},
		{"get_zia_user_departments", map[string]any{"department_id": "68"}, "/departments/68"},
		{"get_zia_user_departments", map[string]any{"department_id": "68", "action": "read_lite"},
			"/departments/lite/68"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			fake := &ziaFake{}
			res, err := ziaRun(t, fake, tc.tool, tc.args)
			require.NoError(t, err)
			require.Equal(t, 1, res.Items)
			require.Equal(t, tc.path, fake.Calls()[0].Path)
		})
	}
}

func TestZIAUserToolsReadOnePageWhenAsked(t *testing.T) {
	for _, tc := range []struct{ tool, path string }{
		{"get_zia_users", "/users"},
		{"get_zia_user_groups", "/groups"},
		{"get_zia_user_departments", "/departments"},
	} {
		t.Run(tc.tool, func(t *testing.T) {
			fake := &ziaFake{}
			res, err := ziaRun(t, fake, tc.tool,
				map[string]any{"page": 2.0, "page_size": 50.0})
			require.NoError(t, err)
			require.Equal(t, 1, res.Items)
			calls := fake.Calls()
			require.Equal(t, "get", calls[0].Method)
			require.Equal(t, tc.path, calls[0].Path)
			require.Equal(t, "page=2&pageSize=50", calls[0].Query.Encode())
		})
	}
}

func TestZIAUserToolsBoundPageSize(t *testing.T) {
	_, err := ziaRun(t, &ziaFake{}, "get_zia_users", map[string]any{"page": 1.0, "page_size": 1001.0})
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Contains(t, err.Error(), "page_size")
}

func TestZIAUserPageThatIsNotAListIsAnUpstreamFault(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) { return map[string]any{"oops": true}, nil }}
	_, err := ziaRun(t, fake, "get_zia_users", map[string]any{"page": 1.0})
	require.Equal(t, toolerr.UpstreamUnavailable, ziaKind(err))
}

func TestZIAGetUserGroupsFiltersNameOnOurSide(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return []any{
			map[string]any{"name": "Engineering"},
			map[string]any{"name": "Sales Engineering"},
			map[string]any{"name": "Sales"},
		}, nil
	}}
	res, err := ziaRun(t, fake, "get_zia_user_groups", map[string]any{"name": "ENG"})
	require.NoError(t, err)
	require.Equal(t, 2, res.Items)
	require.Empty(t, fake.Calls()[0].Query)

	// A page read is filtered too.
	res, err = ziaRun(t, fake, "get_zia_user_groups", map[string]any{"name": "sales", "page": 1.0})
	require.NoError(t, err)
	require.Equal(t, 2, res.Items)
}
