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

// TestQueryOnNestedDataThroughTheBinary runs, on the simulated tenant's own records,
// the two things a query on nested data needs: a list nested inside lists is cut
// where its entries are, and a field misspelled for the objects it is read from (the
// scopes of URL categories have Type, the categories themselves type) is refused.
func TestQueryOnNestedDataThroughTheBinary(t *testing.T) {
	env, _ := lifecycleEnv(t, "ZSCALER_MCP_MAX_RESULT_BYTES=4096",
		"ZSCALER_MCP_LOG_TOOL_CALLS=true")
	s := startStdio(t, env, "--demo")

	raw := text(mustCall(t, s, "zia_list_locations",
		map[string]any{"query": "[[[].to_string(@)]]"}))
	require.LessOrEqual(t, len(raw), 4096)
	var cut struct {
		Truncated struct {
			Fields []struct {
				Path              string
				Returned, Omitted int
			}
		}
		Result [][][]string
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &cut), raw)
	require.Len(t, cut.Truncated.Fields, 1, raw)
	f := cut.Truncated.Fields[0]
	require.Equal(t, "[0][0]", f.Path)
	require.Positive(t, f.Returned, "the innermost list keeps what fits")
	require.Len(t, cut.Result[0][0], f.Returned)
	lines := s.stderr.waitAudit(t, 2)
	require.Regexp(t, `\| 1 item \(\[0\]\[0\] cut to \d+ of \d+, \d+ before query\)$`, lines[1])

	for _, q := range []string{"[].scopes[].type", "[?scopes[?type=='ORGANIZATION']].id"} {
		res, err := call(t, s.client, "zia_list_url_categories", map[string]any{"query": q})
		require.NoError(t, err)
		require.True(t, res.IsError, "%s: %s", q, text(res))
		require.Contains(t, text(res), `write "Type"`, q)
	}
	types := records(t, mustCall(t, s, "zia_list_url_categories",
		map[string]any{"query": "[].{type: type}"}))
	require.NotEmpty(t, types)
	require.NotEmpty(t, types[0]["type"], "the categories' own type is read as written")
	scoped := mustCall(t, s, "zia_list_url_categories",
		map[string]any{"query": "[?scopes[?Type=='ORGANIZATION']].id"})
	require.NotEqual(t, "[]", text(scoped))
}
