package simulator

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWorkloadGroupsCarryTheirExpressions(t *testing.T) {
	c := newRaw(t, startSim(t))

	status, v := c.json(http.MethodGet, api+"/workloadGroups?page=1&pageSize=2", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []string{"Production VMs", "Shared Services"}, listNames(v))
	first := v.([]any)[0].(map[string]any)
	require.Contains(t, first["expression"], `VM.Environment="prod"`)
	containers := first["expressionJson"].(map[string]any)["expressionContainers"].([]any)
	require.Len(t, containers, 2)

	status, v = c.json(http.MethodGet, api+"/workloadGroups/2465", nil)
	require.Equal(t, http.StatusOK, status)
	legacy := v.(map[string]any)
	require.Nil(t, legacy["expressionJson"], "the odd record keeps its null")
	require.Nil(t, legacy["description"])

	tags := []any{}
	for i := range 9 {
		tags = append(tags, map[string]any{"key": "k", "value": string(rune('a' + i))})
	}
	status, v = c.json(http.MethodPost, api+"/workloadGroups", map[string]any{"name": "Too many",
		"expressionJson": map[string]any{"expressionContainers": []any{map[string]any{
			"tagType": "VM", "operator": "AND",
			"tagContainer": map[string]any{"operator": "OR", "tags": tags}}}}})
	require.Equal(t, http.StatusBadRequest, status, "%v", v)
}

// The workload group list's default page is 250 records, not the usual 100.
func TestWorkloadGroupsDefaultPageSize(t *testing.T) {
	c := newRaw(t, startSim(t))
	seeded := listLen(t, c, api+"/workloadGroups")
	for i := range 120 {
		status, v := c.json(http.MethodPost, api+"/workloadGroups",
			map[string]any{"name": fmt.Sprintf("Group %03d", i)})
		require.Equal(t, http.StatusOK, status, "%v", v)
	}

	require.Equal(t, seeded+120, listLen(t, c, api+"/workloadGroups?page=1"))
	require.Equal(t, 100, listLen(t, c, api+"/workloadGroups?page=1&pageSize=100"))
}
