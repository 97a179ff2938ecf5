package simulator

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCloudAppsLitePages(t *testing.T) {
	c := newRaw(t, startSim(t))
	requireCounts(t, c, api+"/cloudApplications/lite", []queryCount{
		{"no paging returns everything", "", 24},
		{"first page counts from 0", "?pageNumber=0&limit=10", 10},
		{"last page is short", "?pageNumber=2&limit=10", 4},
		{"past the end", "?pageNumber=3&limit=10", 0},
		{"the Go SDK spelling", "?PageNumber=1&limit=20", 4},
		{"limit alone is the first page", "?limit=5", 5},
	})
	_, v := c.json(http.MethodGet, api+"/cloudApplications/lite?limit=1", nil)
	require.Equal(t, []any{map[string]any{"id": int64(655377), "name": "Sharepoint Online"}}, v,
		"applications are read as id and name only")
	status, _ := c.json(http.MethodGet, api+"/cloudApplications/lite?pageNumber=-1", nil)
	require.Equal(t, http.StatusBadRequest, status)

	_, tags := c.json(http.MethodGet, api+"/customTags", nil)
	require.Len(t, tags, 5)
	require.Contains(t, tags.([]any)[4], "extensions", "the odd tag keeps its extra field")
}

func TestCloudAppsBulkUpdate(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	status, v := c.json(http.MethodPut, api+"/cloudApplications/bulkUpdate", map[string]any{
		"sanctionedState": "SANCTIONED", "applicationIds": []any{655380, BigCloudAppID},
		"customTags": []any{map[string]any{"id": "2"}, map[string]any{"id": 3}}})
	require.Equal(t, http.StatusNoContent, status, "%v", v)
	require.True(t, srv.Tenant.ActivationPending())
	for _, id := range []int64{655380, BigCloudAppID} {
		state, tags, found := srv.Tenant.CloudApplicationState(id)
		require.True(t, found)
		require.Equal(t, "SANCTIONED", state)
		require.Equal(t, []string{"2", "3"}, tags)
	}
	state, tags, _ := srv.Tenant.CloudApplicationState(655381)
	require.Equal(t, "UN_SANCTIONED", state, "applications not named are left alone")
	require.Empty(t, tags)

	tests := []struct {
		name string
		body any
	}{
		{"unknown state", map[string]any{"sanctionedState": "BLESSED", "applicationIds": []any{655380}}},
		{"unknown application", map[string]any{"sanctionedState": "ANY", "applicationIds": []any{1}}},
		{"unknown tag", map[string]any{"applicationIds": []any{655380},
			"customTags": []any{map[string]any{"id": 99}}}},
		{"ids as text", map[string]any{"applicationIds": []any{"655380"}}},
		{"not an object", []any{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, v := c.json(http.MethodPut, api+"/cloudApplications/bulkUpdate", tc.body)
			require.Equal(t, http.StatusBadRequest, status, "%v", v)
		})
	}
	state, _, _ = srv.Tenant.CloudApplicationState(655380)
	require.Equal(t, "SANCTIONED", state, "refused requests change nothing")
	status, _ = c.json(http.MethodPost, api+"/cloudApplications/bulkUpdate", map[string]any{})
	require.Equal(t, http.StatusMethodNotAllowed, status)

	for _, w := range srv.Tenant.Writes() {
		require.Empty(t, w.ID, "a bulk update names no single object")
	}
}
