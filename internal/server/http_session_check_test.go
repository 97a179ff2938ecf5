package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

const (
	listBody     = `{"jsonrpc":"2.0","id":7,"method":"tools/list"}`
	notifiedBody = `{"jsonrpc":"2.0","method":"notifications/initialized"}`
	modernList   = `{"jsonrpc":"2.0","id":8,"method":"tools/list","params":{"_meta":{` +
		`"io.modelcontextprotocol/protocolVersion":"2026-07-28",` +
		`"io.modelcontextprotocol/clientInfo":{"name":"t","version":"1"},` +
		`"io.modelcontextprotocol/clientCapabilities":{}}}}`
)

// refusal decodes a JSON-RPC error body written by the HTTP layer.
func refusal(t *testing.T, h http.Header, body string) (id any, message string) {
	t.Helper()
	require.Equal(t, "application/json", h.Get("Content-Type"), body)
	var msg struct {
		JSONRPC string `json:"jsonrpc"`
		ID      any    `json:"id"`
		Error   struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &msg), body)
	require.Equal(t, "2.0", msg.JSONRPC)
	require.Equal(t, -32000, msg.Error.Code)
	return msg.ID, msg.Error.Message
}

// openSession initializes a session and returns its id.
func openSession(t *testing.T, f *httpFixture) string {
	t.Helper()
	status, h, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody), authed(nil))
	require.Equal(t, http.StatusOK, status, body)
	sid := h.Get("Mcp-Session-Id")
	require.NotEmpty(t, sid)
	return sid
}

func TestHTTPPostsForUnknownSessionsGetJSONRPCErrors(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{})
	ended := openSession(t, f)
	status, _, _ := f.do(t, http.MethodDelete, "/mcp", nil,
		authed(map[string]string{"Mcp-Session-Id": ended}))
	require.Equal(t, http.StatusOK, status)

	cases := []struct {
		name, session, body string
		status              int
		id                  any
		message             string
	}{
		{"unknown id", "mcp-session-forged", listBody, http.StatusNotFound, 7.0, "unknown or terminated"},
		{"ended session", ended, listBody, http.StatusNotFound, 7.0, "unknown or terminated"},
		{"notification", "mcp-session-forged", notifiedBody, http.StatusNotFound, nil, "unknown"},
		{"client response", "mcp-session-forged", `{"jsonrpc":"2.0","id":3,"result":{}}`,
			http.StatusNotFound, 3.0, "unknown"},
		{"no id", "", listBody, http.StatusBadRequest, 7.0, "Mcp-Session-Id header required"},
		{"params not an object", "mcp-session-forged",
			`{"jsonrpc":"2.0","id":"a","method":"tools/list","params":[]}`,
			http.StatusNotFound, "a", "unknown"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hdr := authed(map[string]string{"Mcp-Protocol-Version": "2025-06-18"})
			if tc.session != "" {
				hdr["Mcp-Session-Id"] = tc.session
			}
			status, h, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(tc.body), hdr)
			require.Equal(t, tc.status, status, body)
			id, message := refusal(t, h, body)
			require.Equal(t, tc.id, id, "the request's id is echoed")
			require.Contains(t, message, tc.message)
		})
	}
	require.Contains(t, f.logs.String(), "HTTP request refused")
	require.Contains(t, f.logs.String(), "unknown or terminated session")
}

func TestHTTPPostsThatNeedNoSessionPass(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{})
	live := openSession(t, f)
	modern := map[string]string{"Mcp-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/list"}

	cases := []struct {
		name, body string
		header     map[string]string
		want       int
	}{
		{"live session", listBody, map[string]string{"Mcp-Session-Id": live,
			"Mcp-Protocol-Version": "2025-06-18"}, http.StatusOK},
		{"initialize with a stale id starts anew", initBody,
			map[string]string{"Mcp-Session-Id": "mcp-session-forged"}, http.StatusOK},
		{"2026-07-28 without a session", modernList, modern, http.StatusOK},
		{"2026-07-28 ignores a session id", modernList,
			merge(modern, map[string]string{"Mcp-Session-Id": "mcp-session-forged"}), http.StatusOK},
		{"ping response without a session", `{"jsonrpc":"2.0","id":3,"result":{}}`, nil,
			http.StatusAccepted},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(tc.body),
				authed(tc.header))
			require.Equal(t, tc.want, status, body)
			if tc.body == modernList {
				require.Contains(t, body, `"tools"`)
			}
		})
	}

	// Not JSON: mcp-go's own parse error, not a session refusal.
	status, _, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader("{"),
		authed(map[string]string{"Mcp-Session-Id": "mcp-session-forged"}))
	require.Equal(t, http.StatusBadRequest, status)
	require.NotContains(t, body, "session")

	// A 2026-07-28 client has no GET stream; mcp-go says so instead of asking for a session.
	status, _, body = f.do(t, http.MethodGet, "/mcp", nil,
		authed(map[string]string{"Mcp-Protocol-Version": "2026-07-28"}))
	require.Equal(t, http.StatusMethodNotAllowed, status, body)
}

func merge(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func TestHTTPSessionsBelongToTheClientThatOpenedThem(t *testing.T) {
	is := newTestIssuer(t)
	f := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{Auth: is.auth()}})
	alice, bob := is.bearer(t, "alice@example.com"), is.bearer(t, "bob@example.com")
	v := map[string]string{"Mcp-Protocol-Version": "2025-06-18"}

	status, h, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody), alice)
	require.Equal(t, http.StatusOK, status, body)
	sid := h.Get("Mcp-Session-Id")
	require.NotEmpty(t, sid)
	withSession := func(who map[string]string) map[string]string {
		return merge(merge(who, v), map[string]string{"Mcp-Session-Id": sid})
	}

	cases := []struct{ name, method, body string }{
		{"request", http.MethodPost, listBody},
		{"notification", http.MethodPost, notifiedBody},
		{"client response", http.MethodPost, `{"jsonrpc":"2.0","id":3,"result":{"x":1}}`},
		{"stream", http.MethodGet, ""},
		{"session end", http.MethodDelete, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, h, body := f.doWithin(t, 10*time.Second, tc.method, "/mcp",
				strings.NewReader(tc.body), withSession(bob))
			require.Equal(t, http.StatusNotFound, status, body)
			_, message := refusal(t, h, body)
			require.Equal(t, msgSessionUnknown, message, "the same answer as for an unknown id")
		})
	}

	// The owner's session survived the attempts, including the DELETE.
	status, _, body = f.do(t, http.MethodPost, "/mcp", strings.NewReader(listBody), withSession(alice))
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, `"tools"`)

	logs := f.logs.String()
	require.Contains(t, logs, "session opened by another client")
	require.Contains(t, logs, "subject=bob@example.com")
	require.NotContains(t, logs, bob["Authorization"][len("Bearer "):], "no token in the log")
	require.NotContains(t, logs, sid, "no session id in the log")
}

func TestHTTPSessionsOfTheOneAnonymousClient(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{Auth: config.Auth{Mode: config.AuthModeNone}}})
	status, h, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody), nil)
	require.Equal(t, http.StatusOK, status, body)
	status, _, body = f.do(t, http.MethodPost, "/mcp", strings.NewReader(listBody),
		map[string]string{"Mcp-Session-Id": h.Get("Mcp-Session-Id"), "Mcp-Protocol-Version": "2025-06-18"})
	require.Equal(t, http.StatusOK, status, body)
}

// doWithin is do for a request that must be answered, not turned into a stream: it
// gives up after limit instead of waiting for the stream to end.
func (f *httpFixture) doWithin(t *testing.T, limit time.Duration, method, path string,
	body io.Reader, header map[string]string) (int, http.Header, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, f.url+path, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err, "the response ended (status %d)", resp.StatusCode)
	return resp.StatusCode, resp.Header, string(b)
}
