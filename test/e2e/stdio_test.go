package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// TestStdioDemoSession is the newcomer's path: the demo tenant over stdio, a client
// listing and calling ZIA and ZMS tools, and the audit trail on stderr.
func TestStdioDemoSession(t *testing.T) {
	s := startStdio(t, cleanEnv(), "--demo", "--log-tool-calls")

	listed, err := s.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(listed.Tools), 69, "5 meta + 44 ZIA + 20 ZMS read tools")

	// A ZIA list, narrowed with a search taken from the seeded data.
	all := records(t, mustCall(t, s, "zia_list_locations", nil))
	require.NotEmpty(t, all)
	name := all[0]["name"].(string)
	term := strings.ToLower(string([]rune(name)[:3]))
	found := records(t, mustCall(t, s, "zia_list_locations", map[string]any{"search": term}))
	require.NotEmpty(t, found)

	// An upstream error: the API answers 404 for an unknown location.
	missing, err := call(t, s.client, "zia_get_location", map[string]any{"location_id": "999999999"})
	require.NoError(t, err)
	require.True(t, missing.IsError)
	require.True(t, strings.HasPrefix(text(missing), "NotFound: "), text(missing))

	// A ZMS page with its page information.
	nodes, info := page(t, mustCall(t, s, "zms_list_agents", map[string]any{"page": 1, "page_size": 5}))
	require.Len(t, nodes, 5)
	require.Greater(t, info["totalCount"], 5.0)

	// A redacted argument: the audit log never shows values of *key* parameters.
	namespaces, _ := page(t, mustCall(t, s, "zms_list_tag_namespaces", nil))
	require.NotEmpty(t, namespaces)
	nsID := namespaces[0]["id"].(string)
	_, err = call(t, s.client, "zms_list_tag_keys", map[string]any{"namespace_id": nsID, "key_name": "env"})
	require.NoError(t, err)

	// A validation failure never reaches the API.
	invalid, err := call(t, s.client, "zms_list_agents", map[string]any{"page_size": 500})
	require.NoError(t, err)
	require.True(t, invalid.IsError)

	// An unknown tool.
	_, err = call(t, s.client, "zia_delete_everything", map[string]any{})
	require.Error(t, err)

	lines := s.stderr.waitAudit(t, 16)
	want := []string{
		`[TOOL CALL] zia_list_locations | args: {}`,
		fmt.Sprintf(`[TOOL OK]   zia_list_locations | Nms | %d items`, len(all)),
		fmt.Sprintf(`[TOOL CALL] zia_list_locations | args: {search: %q}`, term),
		fmt.Sprintf(`[TOOL OK]   zia_list_locations | Nms | %s`, items(len(found))),
		`[TOOL CALL] zia_get_location | args: {location_id: "999999999"}`,
		`[TOOL ERR]  zia_get_location | Nms | ` + text(missing),
		`[TOOL CALL] zms_list_agents | args: {page: 1, page_size: 5}`,
		`[TOOL OK]   zms_list_agents | Nms | 5 items`,
		`[TOOL CALL] zms_list_tag_namespaces | args: {}`,
		fmt.Sprintf(`[TOOL OK]   zms_list_tag_namespaces | Nms | %s`, items(len(namespaces))),
		fmt.Sprintf(`[TOOL CALL] zms_list_tag_keys | args: {key_name: "***REDACTED***", namespace_id: %q}`, nsID),
		`[TOOL OK]   zms_list_tag_keys | Nms |`,
		`[TOOL CALL] zms_list_agents | args: {page_size: 500}`,
		`[TOOL ERR]  zms_list_agents | Nms | InvalidArgument: parameter "page_size" must be at most 100, got 500`,
		`[TOOL CALL] zia_delete_everything | args: {}`,
		`[TOOL ERR]  zia_delete_everything | 0ms | UnknownTool: no such tool on this server; zscaler_list_toolsets shows what can be enabled`,
	}
	got := lines[len(lines)-len(want):]
	for i := range want {
		if strings.HasSuffix(want[i], "|") {
			require.True(t, strings.HasPrefix(normalize(got[i]), want[i]), "line %d: %q", i, got[i])
			continue
		}
		if strings.Contains(want[i], "| 0ms |") {
			require.Equal(t, want[i], got[i], "line %d", i)
			continue
		}
		require.Equal(t, want[i], normalize(got[i]), "line %d", i)
	}

	require.Contains(t, s.stderr.String(), "DEMO MODE", "the demo says its data is simulated")
	assertProtocolOnly(t, s.stdout.String())
}

func items(n int) string {
	if n == 1 {
		return "1 item"
	}
	return fmt.Sprintf("%d items", n)
}

func mustCall(t *testing.T, s *stdioServer, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	res, err := call(t, s.client, name, args)
	require.NoError(t, err)
	require.False(t, res.IsError, "%s: %s", name, text(res))
	return res
}

// assertProtocolOnly checks that every line the server wrote to stdout is a JSON-RPC
// message.
func assertProtocolOnly(t *testing.T, stdout string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var msg map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &msg), "non-protocol output on stdout: %q", line)
		require.Equal(t, "2.0", msg["jsonrpc"], line)
	}
}

func TestStdioWithoutCredentialsNamesTheMissingVariables(t *testing.T) {
	s := startStdio(t, cleanEnv("ZSCALER_MCP_LOG_TOOL_CALLS=true"))

	res, err := call(t, s.client, "zia_list_locations", nil)
	require.NoError(t, err)
	require.True(t, res.IsError)
	for _, name := range []string{"ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_VANITY_DOMAIN"} {
		require.Contains(t, text(res), name)
	}
	require.True(t, strings.HasPrefix(text(res), "Configuration: "), text(res))

	lines := s.stderr.waitAudit(t, 2)
	require.Equal(t, `[TOOL CALL] zia_list_locations | args: {}`, lines[0])
	require.Equal(t, `[TOOL ERR]  zia_list_locations | Nms | `+text(res), normalize(lines[1]))
}

func TestStdioZMSWithoutCustomerIDNamesTheVariable(t *testing.T) {
	s := startStdio(t, cleanEnv(
		"ZSCALER_CLIENT_ID=id", "ZSCALER_CLIENT_SECRET=secret", "ZSCALER_VANITY_DOMAIN=acme"))
	res, err := call(t, s.client, "zms_list_agents", nil)
	require.NoError(t, err)
	require.True(t, res.IsError)
	require.Contains(t, text(res), "ZSCALER_CUSTOMER_ID")
	require.NotContains(t, text(res), "secret")
}

func TestStdioAuditOffByDefault(t *testing.T) {
	s := startStdio(t, cleanEnv(), "--demo")
	mustCall(t, s, "zia_get_activation_status", nil)
	time.Sleep(200 * time.Millisecond)
	require.Empty(t, s.stderr.auditLines())
}

// TestSIGTERMDrainsInFlightCall stops the server while a slow call runs: the call
// completes, both audit lines are written, and the process exits cleanly.
func TestSIGTERMDrainsInFlightCall(t *testing.T) {
	s := startStdio(t, cleanEnv("ZSCALER_MCP_DEMO_LATENCY=1s"), "--demo", "--log-tool-calls")

	done := make(chan *mcp.CallToolResult, 1)
	go func() {
		res, _ := call(t, s.client, "zia_get_activation_status", nil)
		done <- res
	}()
	s.stderr.waitAudit(t, 1)
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM))

	waited := make(chan error, 1)
	go func() { waited <- s.cmd.Wait() }()
	select {
	case err := <-waited:
		require.NoError(t, err, "clean exit after the drain")
	case <-time.After(15 * time.Second):
		t.Fatal("server did not exit after SIGTERM")
	}

	lines := s.stderr.auditLines()
	require.Len(t, lines, 2, s.stderr.String())
	require.Regexp(t, `^\[TOOL OK\]   zia_get_activation_status \| \d+ms \| ok$`, lines[1])
	select {
	case res := <-done:
		require.NotNil(t, res)
		require.False(t, res.IsError)
	case <-time.After(5 * time.Second):
		t.Fatal("the in-flight call got no response")
	}
}

// TestEndOfInputDrainsRunningCalls pipes a whole session into the server: the input
// ends while the calls still run or wait for a worker, and every call must still be
// answered and audited.
func TestEndOfInputDrainsRunningCalls(t *testing.T) {
	const calls = 20
	lines := []string{
		`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
			`"capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}`,
		`{"jsonrpc":"2.0","method":"notifications/initialized"}`,
	}
	tools := []string{"zia_list_locations", "zms_list_agents", "zia_get_activation_status", "zia_list_rule_labels"}
	for i := 1; i <= calls; i++ {
		lines = append(lines, fmt.Sprintf(
			`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":%q,"arguments":{}}}`,
			i, tools[i%len(tools)]))
	}
	cmd := exec.Command(binary, "--demo", "--log-tool-calls")
	cmd.Env = cleanEnv("ZSCALER_MCP_DEMO_LATENCY=300ms")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())

	answered := map[float64]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var msg struct {
			ID     float64        `json:"id"`
			Result map[string]any `json:"result"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &msg), line)
		require.NotEqual(t, true, msg.Result["isError"], line)
		answered[msg.ID] = true
	}
	require.Len(t, answered, calls+1, "initialize and every call answered")
	audit := stderr.auditLines()
	require.Len(t, audit, 2*calls)
	oks := 0
	for _, l := range audit {
		if strings.HasPrefix(l, "[TOOL OK]   ") {
			oks++
		}
	}
	require.Equal(t, calls, oks)
}
