package simulator

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// A planted record comes back from the list and by id byte for byte, whatever its
// shape, and the default seed does not carry it.
func TestPlantRecordIsServedAsGiven(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	raw := `{"id":9007199254740997,"name":{"en":"Odd label"},"description":null,` +
		`"networkApplications":"ALL","futureField":[1,{"x":true}]}`
	_, err := srv.Tenant.PlantRecord("networkApplicationGroups", raw)
	require.NoError(t, err)

	status, _, body := c.do(http.MethodGet, ziaPrefix+"/networkApplicationGroups/9007199254740997", nil)
	require.Equal(t, http.StatusOK, status)
	require.JSONEq(t, raw, string(body))
	require.Contains(t, string(body), "9007199254740997", "every digit of the id kept")

	status, _, body = c.do(http.MethodGet, ziaPrefix+"/networkApplicationGroups", nil)
	require.Equal(t, http.StatusOK, status)
	require.True(t, bytes.Contains(body, []byte(`"futureField":[1,{"x":true}]`)), "%s", body)

	srv.Tenant.Reset()
	status, _, _ = c.do(http.MethodGet, ziaPrefix+"/networkApplicationGroups/9007199254740997", nil)
	require.Equal(t, http.StatusNotFound, status, "Reset drops planted records")
}

func TestPlantRecordRefusesWhatCannotBeServed(t *testing.T) {
	tenant := New()
	for name, tc := range map[string]struct{ coll, raw string }{
		"not JSON":           {"networkApplicationGroups", `{"id":`},
		"not an object":      {"networkApplicationGroups", `[{"id":1}]`},
		"no id":              {"networkApplicationGroups", `{"name":"x"}`},
		"unknown collection": {"noSuchThing", `{"id":1}`},
		"duplicate id":       {"networkApplicationGroups", `{"id":1}`},
	} {
		t.Run(name, func(t *testing.T) {
			if name == "duplicate id" {
				_, err := tenant.PlantRecord(tc.coll, tc.raw)
				require.NoError(t, err)
			}
			_, err := tenant.PlantRecord(tc.coll, tc.raw)
			require.Error(t, err)
		})
	}
}
