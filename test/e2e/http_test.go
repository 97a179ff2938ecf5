package e2e

import (
	"context"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

func TestHTTPDemoSession(t *testing.T) {
	s := startHTTP(t, cleanEnv(), "--demo", "--log-tool-calls")

	resp, err := http.Get(s.url + "/health")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, `{"status":"ok"}`, string(body))
	require.Equal(t, "application/json", resp.Header.Get("Content-Type"))

	c := s.connect(t)
	listed, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(listed.Tools), 69)

	res, err := call(t, c, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	labels := records(t, res)
	require.Contains(t, text(res), `"id":9007199254740993`, "a 64-bit id keeps every digit")
	res, err = call(t, c, "zms_list_resources", map[string]any{"page_num": 1, "page_size": 3})
	require.NoError(t, err)
	nodes, _ := page(t, res)
	require.Len(t, nodes, 3)
	res, err = call(t, c, "zia_get_rule_label", map[string]any{"label_id": "nope"})
	require.NoError(t, err)
	require.True(t, res.IsError)

	lines := s.stderr.waitAudit(t, 6)
	want := []string{
		`[TOOL CALL] zia_list_rule_labels | args: {}`,
		`[TOOL OK]   zia_list_rule_labels | Nms | ` + items(len(labels)),
		`[TOOL CALL] zms_list_resources | args: {page_num: 1, page_size: 3}`,
		`[TOOL OK]   zms_list_resources | Nms | 3 items`,
		`[TOOL CALL] zia_get_rule_label | args: {label_id: "nope"}`,
		`[TOOL ERR]  zia_get_rule_label | Nms | ` + text(res),
	}
	for i := range want {
		require.Equal(t, want[i], normalize(lines[i]), "line %d", i)
	}
}

func TestHTTPRefusesForeignHostOnLoopback(t *testing.T) {
	s := startHTTP(t, cleanEnv(), "--demo")
	req, err := http.NewRequest(http.MethodPost, s.url+"/mcp", strings.NewReader(`{}`))
	require.NoError(t, err)
	req.Host = "evil.example.com"
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode, "DNS-rebinding protection on loopback")
}

func TestHTTPStopsCleanlyOnSIGTERM(t *testing.T) {
	s := startHTTP(t, cleanEnv(), "--demo")
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM))
	waited := make(chan error, 1)
	go func() { waited <- s.cmd.Wait() }()
	select {
	case err := <-waited:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("HTTP server did not stop")
	}
}

func TestHTTPRefusesForeignOriginAndOversizedBodies(t *testing.T) {
	s := startHTTP(t, cleanEnv(), "--demo")
	post := func(body string, header map[string]string) int {
		req, err := http.NewRequest(http.MethodPost, s.url+"/mcp", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	initBody := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
		`"capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`
	require.Equal(t, http.StatusForbidden, post(initBody, map[string]string{"Origin": "http://evil.example.com"}))
	require.Equal(t, http.StatusOK, post(initBody, map[string]string{"Origin": "http://localhost:3000"}))
	require.Equal(t, http.StatusRequestEntityTooLarge, post(strings.Repeat(" ", 5<<20)+initBody, nil))
}

// TestHTTPSIGTERMDeliversTheRunningCall stops the server while a slow call runs: the
// client still receives its result, both audit lines are written, the exit is clean.
func TestHTTPSIGTERMDeliversTheRunningCall(t *testing.T) {
	s := startHTTP(t, cleanEnv("ZSCALER_MCP_DEMO_LATENCY=1s"), "--demo", "--log-tool-calls")
	c := s.connect(t)

	type outcome struct {
		res *mcp.CallToolResult
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := call(t, c, "zia_get_activation_status", nil)
		done <- outcome{res, err}
	}()
	s.stderr.waitAudit(t, 1)
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM))

	got := <-done
	require.NoError(t, got.err)
	require.False(t, got.res.IsError, text(got.res))
	waited := make(chan error, 1)
	go func() { waited <- s.cmd.Wait() }()
	select {
	case err := <-waited:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("HTTP server did not stop")
	}
	lines := s.stderr.auditLines()
	require.Len(t, lines, 2)
	require.Regexp(t, `^\[TOOL OK\]   zia_get_activation_status \| \d+ms \| ok$`, lines[1])
}

func TestHTTPStreamsAndDeletesNeedALiveSession(t *testing.T) {
	s := startHTTP(t, cleanEnv(), "--demo")
	send := func(method, session string) int {
		req, err := http.NewRequest(method, s.url+"/mcp", nil)
		require.NoError(t, err)
		req.Header.Set("Accept", "text/event-stream")
		if session != "" {
			req.Header.Set("Mcp-Session-Id", session)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	require.Equal(t, http.StatusBadRequest, send(http.MethodGet, ""))
	require.Equal(t, http.StatusNotFound, send(http.MethodGet, "mcp-session-forged"))
	require.Equal(t, http.StatusBadRequest, send(http.MethodDelete, ""))
	require.Equal(t, http.StatusNotFound, send(http.MethodDelete, "mcp-session-forged"))
}
