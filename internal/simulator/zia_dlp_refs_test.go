package simulator

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// The single references of a web DLP rule are objects on the wire; the API cannot
// decode a bare id there and refuses the body, as it does any value of the wrong type.
func TestWebDLPRuleSingleReferencesAreObjects(t *testing.T) {
	c := newRaw(t, startSim(t))
	for _, field := range []string{"auditor", "notificationTemplate", "icapServer"} {
		t.Run(field, func(t *testing.T) {
			status, v := c.json(http.MethodPost, api+"/webDlpRules",
				map[string]any{"name": "bare " + field, field: 5})
			require.Equal(t, http.StatusBadRequest, status)
			require.Contains(t, v.(map[string]any)["message"], "Request body is invalid")

			status, v = c.json(http.MethodPost, api+"/webDlpRules",
				map[string]any{"name": "ref " + field, field: map[string]any{"id": 5}})
			require.Equal(t, http.StatusOK, status, "%v", v)
		})
	}
}
