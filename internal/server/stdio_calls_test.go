package server

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestResponseIDRecognisesOnlyResponses(t *testing.T) {
	cases := []struct {
		line string
		key  string
		ok   bool
	}{
		{`{"jsonrpc":"2.0","id":7,"result":{"content":[]}}`, "float64:7", true},
		{`{"jsonrpc":"2.0","id":"a-1","error":{"code":-32602}}`, "string:a-1", true},
		{`{"jsonrpc":"2.0","id":3,"method":"elicitation/create","params":{}}`, "", false},
		{`{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}`, "", false},
		{`not json`, "", false},
	}
	for _, tc := range cases {
		key, ok := responseID([]byte(tc.line))
		require.Equal(t, tc.ok, ok, tc.line)
		require.Equal(t, tc.key, key, tc.line)
	}
}

func TestTrackerFollowsCallsThroughTheWatcher(t *testing.T) {
	calls := newCallTracker()
	calls.requested([]byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}`))
	calls.requested([]byte(`{"jsonrpc":"2.0","id":"1","method":"tools/call","params":{"name":"y"}}`))
	calls.requested([]byte(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}`))
	require.False(t, calls.waitIdle(10*time.Millisecond))

	var out bytes.Buffer
	w := &responseWatcher{out: &out, calls: calls}
	// A response split across writes, then one whose id is a string.
	_, _ = w.Write([]byte(`{"jsonrpc":"2.0","id":1,"res`))
	_, _ = w.Write([]byte(`ult":{}}` + "\n" + `{"jsonrpc":"2.0","id":"1","result":{}}` + "\n"))
	require.True(t, calls.waitIdle(10*time.Millisecond))
	require.Equal(t, 2, bytes.Count(out.Bytes(), []byte("\n")), "output passes through unchanged")
}

func TestTrackerCountsReusedIDs(t *testing.T) {
	calls := newCallTracker()
	line := []byte(`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"x"}}`)
	calls.requested(line)
	calls.requested(line)
	key, _ := responseID([]byte(`{"jsonrpc":"2.0","id":5,"result":{}}`))
	calls.answered(key)
	require.False(t, calls.waitIdle(10*time.Millisecond), "one of two calls with id 5 is still running")
	calls.answered(key)
	require.True(t, calls.waitIdle(10*time.Millisecond))
}
