package simulator

import (
	"maps"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTimeIntervalCRUD(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	status, v := c.json(http.MethodGet, api+"/timeIntervals?search=hours", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []string{"Business Hours", "After Hours Support"}, listNames(v))

	status, v = c.json(http.MethodPost, api+"/timeIntervals", map[string]any{
		"name": "Late Shift", "startTime": 1080, "endTime": 1380, "daysOfWeek": []any{"MON"}})
	require.Equal(t, http.StatusOK, status, "%v", v)
	created := v.(map[string]any)
	path := api + "/timeIntervals/" + idKey(created["id"])
	require.True(t, srv.Tenant.ActivationPending())

	status, v = c.json(http.MethodPut, path, map[string]any{"name": "Late Shift",
		"startTime": 1080, "endTime": 1400, "daysOfWeek": []any{"MON", "TUE"}})
	require.Equal(t, http.StatusOK, status, "%v", v)
	require.Equal(t, int64(1400), v.(map[string]any)["endTime"])
	require.Equal(t, []any{"MON", "TUE"}, v.(map[string]any)["daysOfWeek"])

	status, _ = c.json(http.MethodDelete, path, nil)
	require.Equal(t, http.StatusNoContent, status)
	status, _ = c.json(http.MethodGet, path, nil)
	require.Equal(t, http.StatusNotFound, status)

	status, v = c.json(http.MethodGet, api+"/timeIntervals/9007199254740997", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, BigTimeIntervalID, v.(map[string]any)["id"])
}

func TestTimeIntervalRefusals(t *testing.T) {
	c := newRaw(t, startSim(t))
	good := func(change map[string]any) map[string]any {
		body := map[string]any{"name": "Probe", "startTime": 0, "endTime": 60,
			"daysOfWeek": []any{"SUN"}}
		maps.Copy(body, change)
		return body
	}
	tests := []struct {
		name   string
		body   map[string]any
		status int
	}{
		{"unknown day", good(map[string]any{"daysOfWeek": []any{"FUNDAY"}}), http.StatusBadRequest},
		{"no day", good(map[string]any{"daysOfWeek": []any{}}), http.StatusBadRequest},
		{"minute out of range", good(map[string]any{"endTime": 1440}), http.StatusBadRequest},
		{"negative minute", good(map[string]any{"startTime": -1}), http.StatusBadRequest},
		{"time as text", good(map[string]any{"startTime": "08:00"}), http.StatusBadRequest},
		{"no name", good(map[string]any{"name": ""}), http.StatusBadRequest},
		{"duplicate name", good(map[string]any{"name": "weekend"}), http.StatusConflict},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, v := c.json(http.MethodPost, api+"/timeIntervals", tc.body)
			require.Equal(t, tc.status, status, "%v", v)
		})
	}
}

// An interval any rule family uses as a time window is kept, cloud app control and web
// DLP rules included.
func TestTimeIntervalInUseIsNotDeleted(t *testing.T) {
	window := []any{map[string]any{"id": 1001}}
	tests := []struct {
		name, path string
		rule       map[string]any
	}{
		{"URL filtering rule", "/urlFilteringRules", map[string]any{"action": "ALLOW",
			"protocols": []any{"ANY_RULE"}}},
		{"web DLP rule", "/webDlpRules", map[string]any{"action": "ALLOW"}},
		{"cloud app control rule", "/webApplicationRules/WEBMAIL", map[string]any{
			"type": "WEBMAIL", "actions": []any{"ALLOW_WEBMAIL_VIEW"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newRaw(t, startSim(t))
			body := map[string]any{"name": "Office hours only", "order": 1,
				"timeWindows": window}
			maps.Copy(body, tc.rule)
			status, v := c.json(http.MethodPost, api+tc.path, body)
			require.Equal(t, http.StatusOK, status, "%v", v)
			status, v = c.json(http.MethodDelete, api+"/timeIntervals/1001", nil)
			require.Equal(t, http.StatusConflict, status, "%v", v)
		})
	}
}
