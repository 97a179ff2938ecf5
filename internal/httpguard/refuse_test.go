package httpguard

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRefuseRequestEchoesAValidID(t *testing.T) {
	cases := []struct {
		id   json.RawMessage
		want string
	}{
		{json.RawMessage(`7`), `7`},
		{json.RawMessage(`"req-1"`), `"req-1"`},
		{nil, `null`},
		{json.RawMessage(`{bad`), `null`},
	}
	for _, tc := range cases {
		w := httptest.NewRecorder()
		RefuseRequest(w, http.StatusNotFound, tc.id, "Session not found")
		require.Equal(t, http.StatusNotFound, w.Code)
		require.Equal(t, "application/json", w.Header().Get("Content-Type"))
		var msg map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &msg))
		require.JSONEq(t, tc.want, string(msg["id"]))
		require.JSONEq(t, `{"code":-32000,"message":"Session not found"}`, string(msg["error"]))
	}
}
