package tools

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestBulkUpdateChangesTheListedApplications(t *testing.T) {
	up, tenant := ziaSim(t)
	big := strconv.FormatInt(simulator.BigCloudAppID, 10)
	res := ziaMust(t, up, "zia_bulk_update_shadow_it_apps", map[string]any{
		"sanction_state": "Unsanctioned", "application_ids": []any{655377.0, big, "655377"},
		"custom_tag_ids": `[2, "3"]`})

	updated := ziaObj(t, res, "updated")
	require.Equal(t, "UN_SANCTIONED", updated["sanctionedState"])
	require.Equal(t, []any{json.Number("655377"), json.Number(big)}, updated["applicationIds"],
		"ids are exact and given once")
	require.Equal(t, []map[string]any{
		{"id": json.Number("2"), "name": "Under Review"},
		{"id": json.Number("3"), "name": "Finance Tools"},
	}, updated["customTags"])
	require.Equal(t, `2 applications set to UN_SANCTIONED; their custom tags are now `+
		`"Under Review", "Finance Tools".`, res["summary"])
	require.Equal(t, ziaPendingNote, res["activation"])
	require.NotContains(t, res, "response", "the API answers without a body")

	for _, id := range []int64{655377, simulator.BigCloudAppID} {
		state, tags, found := tenant.CloudApplicationState(id)
		require.True(t, found)
		require.Equal(t, "UN_SANCTIONED", state)
		require.Equal(t, []string{"2", "3"}, tags)
	}
	require.True(t, tenant.ActivationPending())

	res = ziaMust(t, up, "zia_bulk_update_shadow_it_apps", map[string]any{
		"sanction_state": "sanctioned", "application_ids": []any{"655380"}})
	require.Equal(t, "1 application set to SANCTIONED.", res["summary"])
	require.NotContains(t, ziaObj(t, res, "updated"), "customTags")
	state, tags, _ := tenant.CloudApplicationState(655380)
	require.Equal(t, "SANCTIONED", state)
	require.Empty(t, tags, "without custom_tag_ids the tags stay as they were")
}

func TestBulkUpdateSendsTheAPIShape(t *testing.T) {
	fake := &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Path == "/customTags" {
			return []any{map[string]any{"id": json.Number("4"), "name": "Ops"}}, nil
		}
		return nil, nil
	}}
	_, err := ziaDo(t, fake, "zia_bulk_update_shadow_it_apps", map[string]any{
		"sanction_state": "any", "application_ids": []any{"9007199254741001"},
		"custom_tag_ids": []any{4.0}})
	require.NoError(t, err)
	calls := fake.Calls()
	require.Len(t, calls, 2)
	require.Equal(t, "unpaged", calls[0].Method, "tags are checked first")
	require.Equal(t, "put", calls[1].Method)
	require.Equal(t, "/cloudApplications/bulkUpdate", calls[1].Path)
	body, err := json.Marshal(calls[1].Body)
	require.NoError(t, err)
	require.JSONEq(t, `{"sanctionedState":"ANY","applicationIds":[9007199254741001],
		"customTags":[{"id":4}]}`, string(body))
}

func TestBulkUpdateRefusals(t *testing.T) {
	tags := func(c ziaCall) (any, error) {
		if c.Path == "/customTags" {
			return []any{map[string]any{"id": json.Number("1"), "name": "Approved"},
				map[string]any{"id": json.Number("2"), "name": nil}}, nil
		}
		return nil, nil
	}
	tests := []struct {
		name  string
		args  map[string]any
		want  string
		calls int
	}{
		{"unknown state", map[string]any{"sanction_state": "blessed",
			"application_ids": []any{"1"}}, "must be one of sanctioned, unsanctioned, any", 0},
		{"no applications", map[string]any{"sanction_state": "any"},
			`"application_ids" is required`, 0},
		{"empty applications", map[string]any{"sanction_state": "any",
			"application_ids": []any{}}, "needs at least one application id", 0},
		{"application id not a number", map[string]any{"sanction_state": "any",
			"application_ids": []any{"Dropbox"}}, "must be a numeric id", 0},
		{"empty tags", map[string]any{"sanction_state": "any", "application_ids": []any{"1"},
			"custom_tag_ids": []any{}}, "leave it out", 0},
		{"unknown tag", map[string]any{"sanction_state": "any", "application_ids": []any{"1"},
			"custom_tag_ids": []any{"9"}},
			"custom tag 9 does not exist; nothing was changed. Tags: 1 (Approved), 2 ()", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := &ziaFake{reply: tags}
			_, err := ziaDo(t, fake, "zia_bulk_update_shadow_it_apps", tc.args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), tc.want)
			require.Len(t, fake.Calls(), tc.calls, "nothing is changed")
		})
	}
}

func TestUnknownApplicationIsRefusedByTheAPI(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_bulk_update_shadow_it_apps", map[string]any{
		"sanction_state": "unsanctioned", "application_ids": []any{"655377", "1"}})
	require.Error(t, err)
	require.Contains(t, err.Error(), "Invalid application id: 1")
	state, _, _ := tenant.CloudApplicationState(655377)
	require.Equal(t, "SANCTIONED", state, "a refused request changes nothing")
	require.False(t, tenant.ActivationPending())
}
