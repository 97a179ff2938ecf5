package server

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// A confirmation binds the call as the tool performs it: an id in any spelling the
// tool accepts for the same object redeems the token, the prompt shows the id the API
// is sent, and another id is still refused.
func TestConfirmationTokenBindsTheIDAsSentToTheAPI(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	deletes := func() int {
		n := 0
		for _, r := range f.tenant.Requests() {
			if r.Method == http.MethodDelete && r.Path == "/zia/api/v1/timeIntervals/1004" {
				n++
			}
		}
		return n
	}

	for _, id := range []any{1004.0, " 01004 ", json.Number("1004")} {
		res := f.call(t, "zia_delete_time_interval", map[string]any{"interval_id": id})
		require.False(t, res.IsError, resultText(res))
		require.Contains(t, resultText(res),
			"\nCall: zia_delete_time_interval {\"interval_id\":\"1004\"}\n", "%#v", id)
		require.Equal(t, map[string]any{"interval_id": "1004"}, structured(t, res)["arguments"])
	}

	res := f.call(t, "zia_delete_time_interval", map[string]any{"interval_id": 1004.0})
	tok := token(t, res)

	res = f.call(t, "zia_delete_time_interval",
		map[string]any{"interval_id": "1003", "confirmation_token": tok})
	require.True(t, res.IsError, "another id is another call")
	require.Contains(t, resultText(res), "ConfirmationRejected: the token does not match this call")
	require.Zero(t, deletes())

	res = f.call(t, "zia_delete_time_interval",
		map[string]any{"interval_id": " 01004 ", "confirmation_token": tok})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, 1, deletes())
}
