package simulator

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWritesLogAppliedChangesOnly(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	status, created := c.json(http.MethodPost, api+"/ruleLabels", map[string]any{"name": "Logged"})
	require.Equal(t, http.StatusOK, status)
	id := idKey(created.(map[string]any)["id"])
	c.json(http.MethodPost, api+"/ruleLabels", map[string]any{"name": "logged"}) // duplicate
	c.json(http.MethodPut, api+"/ruleLabels/"+id, map[string]any{"name": "Logged v2"})
	c.json(http.MethodPost, api+"/urlLookup", []string{"google.com"}) // a read
	c.json(http.MethodPost, api+"/staticIP/validate", map[string]any{"ipAddress": "192.0.2.9"})
	srv.Tenant.InjectFault(Fault{Method: http.MethodDelete, Times: 1, Status: 500})
	c.do(http.MethodDelete, api+"/ruleLabels/"+id, nil) // refused by a fault
	c.do(http.MethodDelete, api+"/ruleLabels/"+id, nil)
	c.do(http.MethodDelete, api+"/ruleLabels/"+id, nil) // already gone
	c.json(http.MethodPost, api+"/status/activate", map[string]any{})

	require.Equal(t, []Write{
		{Method: "POST", Path: api + "/ruleLabels", Collection: "ruleLabels", ID: id, Status: 200},
		{Method: "PUT", Path: api + "/ruleLabels/" + id, Collection: "ruleLabels", ID: id,
			Status: 200},
		{Method: "DELETE", Path: api + "/ruleLabels/" + id, Collection: "ruleLabels", ID: id,
			Status: 204},
		{Method: "POST", Path: api + "/status/activate", Collection: "status", Status: 200},
	}, srv.Tenant.Writes())

	srv.Tenant.Reset()
	require.Empty(t, srv.Tenant.Writes())
}

func TestRecommendedVIPsAreNearestFirst(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	status, body := c.json(http.MethodPost, api+"/staticIP", map[string]any{
		"ipAddress": "198.51.100.70", "geoOverride": true, "latitude": 47.37, "longitude": 8.54})
	require.Equal(t, http.StatusOK, status, "%v", body)

	status, body = c.json(http.MethodGet, api+"/vips/recommendedList?sourceIp=198.51.100.70", nil)
	require.Equal(t, http.StatusOK, status)
	list := body.([]any)
	require.Equal(t, "ZRH1", list[0].(map[string]any)["datacenter"],
		"a static IP is placed where its record says")
	require.Len(t, list, len(vips))

	status, _ = c.json(http.MethodGet, api+"/vips/recommendedList", nil)
	require.Equal(t, http.StatusBadRequest, status)
}
