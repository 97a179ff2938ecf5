package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// labelWrites is the allowlist most write tests serve: the rule label tools and
// activation, spelled with the spaces a hand-edited setting tends to have.
const labelWrites = " zia_*_rule_label , zia_activate_configuration "

// writeEnv is a clean environment with the write gate open for patterns.
func writeEnv(patterns string, extra ...string) []string {
	return cleanEnv(append([]string{"ZSCALER_MCP_WRITE_ENABLED=true",
		"ZSCALER_MCP_WRITE_TOOLS=" + patterns}, extra...)...)
}

// elicitFunc lets a function answer the server's elicitation requests.
type elicitFunc func(ctx context.Context,
	req mcp.ElicitationRequest) (*mcp.ElicitationResult, error)

func (f elicitFunc) Elicit(ctx context.Context,
	req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	return f(ctx, req)
}

func answer(action mcp.ElicitationResponseAction, content any) *mcp.ElicitationResult {
	return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{
		Action: action, Content: content}}
}

// failed calls a tool that must answer with an error result.
func failed(t *testing.T, c *client.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	res, err := call(t, c, name, args)
	require.NoError(t, err)
	require.True(t, res.IsError, "%s should fail: %s", name, text(res))
	return res
}

// object decodes a result's structured content.
func object(t *testing.T, r *mcp.CallToolResult) map[string]any {
	t.Helper()
	raw, err := json.Marshal(r.StructuredContent)
	require.NoError(t, err)
	var out map[string]any
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	require.NoError(t, d.Decode(&out), string(raw))
	return out
}

// createLabel creates a rule label and returns its id.
func createLabel(t *testing.T, c *client.Client, name string) string {
	t.Helper()
	res := mustOK(t, c, "zia_create_rule_label", map[string]any{"name": name})
	created, _ := object(t, res)["created"].(map[string]any)
	require.NotNil(t, created, text(res))
	id, _ := created["id"].(json.Number)
	require.NotEmpty(t, id, text(res))
	return id.String()
}

// labelExists reads the label through the read tool: present, or NotFound.
func labelExists(t *testing.T, c *client.Client, id string) bool {
	t.Helper()
	res, err := call(t, c, "zia_get_rule_label", map[string]any{"label_id": id})
	require.NoError(t, err)
	if !res.IsError {
		return true
	}
	require.True(t, strings.HasPrefix(text(res), "NotFound: "), text(res))
	return false
}

// labelCount lists the tenant's rule labels.
func labelCount(t *testing.T, c *client.Client) int {
	t.Helper()
	return len(records(t, mustOK(t, c, "zia_list_rule_labels", nil)))
}

// confirmation is a confirmation prompt's token.
type confirmation struct{ value, id string }

// prompt checks that res is a confirmation prompt that deleted nothing, and returns its
// token.
func prompt(t *testing.T, res *mcp.CallToolResult) confirmation {
	t.Helper()
	require.False(t, res.IsError, text(res))
	require.True(t, strings.HasPrefix(text(res), "CONFIRMATION REQUIRED: nothing has been deleted."),
		text(res))
	v := object(t, res)
	require.Equal(t, "confirmation_required", v["status"])
	tok := confirmation{value: v["confirmation_token"].(string), id: v["token_id"].(string)}
	require.Regexp(t, `^[0-9a-f]{12}$`, tok.id)
	require.Contains(t, text(res), tok.value, "the prompt shows the token it asks to send back")
	return tok
}

// freshPrompt checks that a rejected token's result says why and carries a new
// confirmation, and returns the new token.
func freshPrompt(t *testing.T, res *mcp.CallToolResult, reason string) confirmation {
	t.Helper()
	require.True(t, res.IsError, text(res))
	require.Len(t, res.Content, 2, "the reason, then a new prompt")
	first := res.Content[0].(mcp.TextContent).Text
	require.True(t, strings.HasPrefix(first, "ConfirmationRejected: "+reason), first)
	second := res.Content[1].(mcp.TextContent).Text
	require.True(t, strings.HasPrefix(second,
		"CONFIRMATION REQUIRED: nothing has been deleted."), second)
	i := strings.Index(second, "zc1.")
	require.GreaterOrEqual(t, i, 0, second)
	value := strings.Fields(second[i:])[0]
	id := strings.TrimSuffix(first[strings.LastIndex(first, "(token id ")+len("(token id "):], ")")
	require.Regexp(t, `^[0-9a-f]{12}$`, id, first)
	return confirmation{value: value, id: id}
}

// auditFrom waits for len(want) audit lines after the first from, and compares them
// with want, durations normalized to Nms unless want expects 0ms.
func auditFrom(t *testing.T, stderr *lockedBuffer, from int, want ...string) {
	t.Helper()
	lines := stderr.waitAudit(t, from+len(want))
	got := make([]string, 0, len(want))
	for i, l := range lines[from : from+len(want)] {
		if !strings.Contains(want[i], "| 0ms |") {
			l = normalize(l)
		}
		got = append(got, l)
	}
	require.Equal(t, want, got)
}

// waitUntil sleeps until the wall clock has passed at, by a small margin.
func waitUntil(at time.Time) {
	if d := time.Until(at); d > 0 {
		time.Sleep(d)
	}
	time.Sleep(50 * time.Millisecond)
}

// How long to wait for something another process does, and how often to look.
const (
	testWait  = 5 * time.Second
	pollEvery = 10 * time.Millisecond
)

var marks atomic.Int64

// mark returns the number of audit lines written so far. Lines of calls that have
// returned may still be on their way through the pipe, so mark makes a call of its own
// with a unique argument and waits for its lines: everything before them is in. It
// expects no other call to run meanwhile.
func mark(t *testing.T, c *client.Client, stderr *lockedBuffer) int {
	t.Helper()
	tag := fmt.Sprintf("mark-%d", marks.Add(1))
	mustOK(t, c, "zscaler_list_toolsets", map[string]any{"name_contains": tag})
	call := `[TOOL CALL] zscaler_list_toolsets | args: {name_contains: "` + tag + `"}`
	var end int
	require.Eventually(t, func() bool {
		lines := stderr.auditLines()
		for i, l := range lines {
			if l == call && i+1 < len(lines) &&
				strings.HasPrefix(lines[i+1], "[TOOL OK]   zscaler_list_toolsets |") {
				end = i + 2
				return true
			}
		}
		return false
	}, testWait, pollEvery, "no audit lines for %s:\n%s", tag, stderr.String())
	return end
}
