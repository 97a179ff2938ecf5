package server

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// decodedParams decodes tools/call params as mcp-go does when a message arrives.
func decodedParams(t *testing.T, arguments string) mcp.CallToolParams {
	t.Helper()
	var p mcp.CallToolParams
	require.NoError(t, json.Unmarshal([]byte(`{"name":"t","arguments":`+arguments+`}`), &p))
	return p
}

func TestExactArgumentsKeepTheDigitsOfBigIntegers(t *testing.T) {
	big := json.Number("9007199254740993")
	cases := []struct {
		name      string
		arguments string
		want      any
	}{
		{"top level", `{"id": 9007199254740993, "n": 7}`,
			map[string]any{"id": big, "n": 7.0}},
		{"nested objects and lists", `{"o": {"a": [1, 9007199254740993, {"b": [9007199254740993]}]}}`,
			map[string]any{"o": map[string]any{"a": []any{1.0, big,
				map[string]any{"b": []any{big}}}}}},
		{"negative", `{"id": -9007199254740993}`,
			map[string]any{"id": json.Number("-9007199254740993")}},
		{"exactly 2^53", `{"id": 9007199254740992, "neg": -9007199254740992}`,
			map[string]any{"id": json.Number("9007199254740992"),
				"neg": json.Number("-9007199254740992")}},
		{"2^53-1 stays a float", `{"id": 9007199254740991, "neg": -9007199254740991}`,
			map[string]any{"id": 9007199254740991.0, "neg": -9007199254740991.0}},
		{"beyond 64 bits", `{"id": 123456789012345678901234}`,
			map[string]any{"id": json.Number("123456789012345678901234")}},
		{"fraction or exponent stays a float",
			`{"a": 9007199254740993.0, "b": 9.007199254740993e15, "c": 1E16}`,
			map[string]any{"a": 9007199254740992.0, "b": 9007199254740992.0, "c": 1e16}},
		{"strings untouched",
			`{"s": "9007199254740993", "q": "say \"9007199254740993\" \\", "id": 9007199254740993}`,
			map[string]any{"s": "9007199254740993", "q": `say "9007199254740993" \`, "id": big}},
		{"digits only in strings", `{"s": "12345678901234567890", "n": 1.5}`,
			map[string]any{"s": "12345678901234567890", "n": 1.5}},
		{"not an object", `[9007199254740993]`, []any{big}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, exactArguments(decodedParams(t, tc.arguments)))
		})
	}
}

// Arguments whose bytes mcp-go did not keep (a call built in process) or that do not
// decode are used as mcp-go decoded them.
func TestExactArgumentsFallBackToTheDecodedValue(t *testing.T) {
	decoded := map[string]any{"id": 9007199254740992.0}
	require.Equal(t, decoded, exactArguments(mcp.CallToolParams{Arguments: decoded}))
	require.Equal(t, decoded, exactArguments(mcp.CallToolParams{Arguments: decoded,
		RawArguments: json.RawMessage(`{"id": 9007199254740993`)}))
}

// A 64-bit id sent as a JSON number reaches the API with every digit, and the audit
// line shows it as sent; so does the id of a call to a tool that is not served.
func TestBigIDNumbersReachTheAPIExactly(t *testing.T) {
	f := newWriteFixture(t, &config.Config{}, writeOptions{catalog: tools.All})
	f.srv.registrar.audit.SetEnabled(true)
	big := json.Number("9007199254740993")
	require.Equal(t, int64(9007199254740993), simulator.BigRuleLabelID)

	f.tenant.ClearRequests()
	at := f.mark()
	res := f.call(t, "zia_get_rule_label", map[string]any{"label_id": big})
	require.False(t, res.IsError, resultText(res))
	require.Contains(t, resultText(res), `"id":9007199254740993`)
	reads := ziaReads(f.tenant.Requests())
	require.Len(t, reads, 1)
	require.Equal(t, "/zia/api/v1/ruleLabels/9007199254740993", reads[0].Path)
	lines := f.since(at)
	require.Len(t, lines, 2)
	require.Equal(t, "[TOOL CALL] zia_get_rule_label | args: {label_id: 9007199254740993}",
		lines[0])

	at = f.mark()
	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments = "zia_no_such_tool", map[string]any{"label_id": big}
	_, err := f.client.CallTool(context.Background(), req)
	require.Error(t, err)
	require.Contains(t, f.since(at)[0], "{label_id: 9007199254740993}")
}

// An integer parameter given a number beyond 2^53 is refused with the number as sent.
func TestBigIntegerNumbersAreRefusedAsSent(t *testing.T) {
	f := newWriteFixture(t, &config.Config{}, writeOptions{catalog: tools.All})
	res := f.call(t, "get_zia_users",
		map[string]any{"page_size": json.Number("9007199254740993")})
	require.True(t, res.IsError)
	text := resultText(res)
	require.Contains(t, text, `parameter "page_size" must be an integer from 1 to 1000, `)
	require.True(t, strings.HasSuffix(strings.SplitN(text, "\n", 2)[0], "got 9007199254740993"),
		text)
	require.Empty(t, ziaReads(f.tenant.Requests()))
}
