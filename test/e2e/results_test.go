package e2e

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestQueryAndResultLimitThroughTheBinary narrows a list with a query, then lowers the
// result size limit with a reload and sees the next long result cut with its marker
// first, all as an agent and its operator would.
func TestQueryAndResultLimitThroughTheBinary(t *testing.T) {
	env, dir := lifecycleEnv(t)
	dotenv := dotenvFile(t, "ZSCALER_MCP_LOG_TOOL_CALLS=true")
	s := startStdio(t, env, "--demo", "--dotenv-path", dotenv)
	pidFileOf(t, dir, s.cmd.Process.Pid)

	all := records(t, mustCall(t, s, "zia_list_url_categories", nil))
	require.Greater(t, len(all), 10)
	narrowed := records(t, mustCall(t, s, "zia_list_url_categories",
		map[string]any{"query": "[?customCategory].{id: id, name: configuredName}"}))
	require.NotEmpty(t, narrowed)
	require.Less(t, len(narrowed), len(all))
	for _, r := range narrowed {
		require.Len(t, r, 2, "only the fields asked for")
	}
	lines := s.stderr.waitAudit(t, 4)
	require.Regexp(t, `\| \d+ items \(`+strconv.Itoa(len(all))+` before query\)$`, lines[3])

	rewrite(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS=true", "ZSCALER_MCP_MAX_RESULT_BYTES=4096")
	status, stdout, stderr := run(t, env, "reload")
	require.Equal(t, 0, status, stderr)
	require.Contains(t, stdout, "result size limit 4096 bytes")

	res := mustCall(t, s, "zia_list_url_categories", nil)
	raw := text(res)
	require.LessOrEqual(t, len(raw), 4096)
	var cut struct {
		Truncated struct {
			Records struct{ Returned, Omitted int }
			Message string
		}
		Result []map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &cut), raw)
	require.Regexp(t, `^\{"truncated":`, raw, "the marker comes first")
	require.Len(t, cut.Result, cut.Truncated.Records.Returned)
	require.Equal(t, len(all), cut.Truncated.Records.Returned+cut.Truncated.Records.Omitted)
	require.Contains(t, cut.Truncated.Message, "narrow the call")
	lines = s.stderr.waitAudit(t, 6)
	require.Regexp(t, `\| \d+ items? \(`+strconv.Itoa(len(all))+` before cut\)$`, lines[5])
}
