package server

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// sampleRules are rules as the API returns them: camelCase, json.Number ids, three of
// them beyond 2^53, two of those so close that a float64 cannot tell them apart.
func sampleRules() []any {
	rec := func(id, name, state string) map[string]any {
		return map[string]any{"id": json.Number(id), "name": name, "state": state,
			"order": json.Number("1.50")}
	}
	return []any{
		rec("42", "Block gambling", "ENABLED"),
		rec("1234567890123456790", "Allow CDN", "ENABLED"),
		rec("5", "Legacy", "DISABLED"),
		rec("1234567890123456789", "Guest Wi-Fi", "DISABLED"),
		rec("9007199254740993", "Just past 2^53", "ENABLED"),
	}
}

// queryFixture serves a list tool, a paged list tool and an object tool, and counts
// how often the handlers ran.
type queryFixture struct {
	*fixture
	calls atomic.Int32
}

func newQueryFixture(t *testing.T) *queryFixture {
	t.Helper()
	qf := &queryFixture{}
	list := testTool("t_rules", []tools.Param{{Name: "search", Type: tools.String, Description: "s"}},
		func(context.Context, tools.Args) (tools.Result, error) {
			qf.calls.Add(1)
			return tools.List(sampleRules()), nil
		})
	list.Lists = true
	page := testTool("t_page", nil, func(context.Context, tools.Args) (tools.Result, error) {
		qf.calls.Add(1)
		return tools.Page(sampleRules()[:2], map[string]any{"pageNumber": json.Number("1"),
			"totalPages": json.Number("7")}), nil
	})
	page.Lists = true
	hidden := testTool("t_hidden", nil, func(context.Context, tools.Args) (tools.Result, error) {
		// Each name is clean on its own, and so is the list; joined, the last two make a
		// Markdown image.
		return tools.List([]any{map[string]any{"name": "H\u200bQ"}, map[string]any{"name": "Branch"},
			map[string]any{"name": "![a]"}, map[string]any{"name": "(https://evil.example/x.png)"}}), nil
	})
	hidden.Lists = true
	object := testTool("t_object", nil, func(context.Context, tools.Args) (tools.Result, error) {
		qf.calls.Add(1)
		return tools.Object(map[string]any{"id": json.Number("1")}), nil
	})
	qf.fixture = newFixture(t, nil, []tools.Tool{list, page, hidden, object}, nil)
	return qf
}

// query calls tool with a query and returns the result, its text and the OK or ERR
// line's summary.
func (qf *queryFixture) query(t *testing.T, tool, expr string) (*mcp.CallToolResult, string, string) {
	t.Helper()
	before := len(qf.audit.lines())
	res, err := qf.call(t, tool, map[string]any{QueryParam: expr})
	require.NoError(t, err)
	lines := qf.audit.lines()[before:]
	require.Len(t, lines, 2)
	return res, resultText(res), strings.SplitN(lines[1], " | ", 3)[2]
}

func TestQueryKeepsTheRecordsAndFieldsAsked(t *testing.T) {
	qf := newQueryFixture(t)
	res, text, summary := qf.query(t, "t_rules", "[?state=='ENABLED'].{id: id, name: name}")
	require.False(t, res.IsError, text)
	require.JSONEq(t, `[{"id":42,"name":"Block gambling"},{"id":1234567890123456790,"name":"Allow CDN"},`+
		`{"id":9007199254740993,"name":"Just past 2^53"}]`, text)
	require.Contains(t, text, "1234567890123456790", "every digit of a 64-bit id is kept")
	require.Contains(t, text, "9007199254740993")
	require.Equal(t, "3 items (5 before query)", summary)

	var structured map[string]any
	require.NoError(t, json.Unmarshal([]byte(`{"result":`+text+`}`), &structured))
	got, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	require.JSONEq(t, `{"result":`+text+`}`, string(got), "structured content holds the same list")
}

func TestQueryComparesAndSortsNumbersExactly(t *testing.T) {
	qf := newQueryFixture(t)
	cases := []struct{ expr, want string }{
		{"[?id > `5`].id", `[42,1234567890123456790,1234567890123456789,9007199254740993]`},
		{"sort_by(@, &id)[].id", `[5,42,9007199254740993,1234567890123456789,1234567890123456790]`},
		{"reverse(sort_by(@, &id))[0].name", `"Allow CDN"`},
		{"max_by(@, &id).id", `1234567890123456790`},
		{"min_by([?id > `9007199254740992`], &id).id", `9007199254740993`},
		{"[?id == `1234567890123456789`].name", `["Guest Wi-Fi"]`},
		{"[?id == `1234567890123456790`].name", `["Allow CDN"]`},
		{"[?id > `1234567890123456789`].name", `["Allow CDN"]`},
		{"[?id == `1234567890123456791`].name", `[]`},
		{"[?id < `100`].order", `[1.50,1.50]`},
		{"[?id < `100`] | length(@)", `2`},
		{"[?contains(`[5, 42]`, id)].name", `["Block gambling","Legacy"]`},
	}
	for _, tc := range cases {
		res, text, _ := qf.query(t, "t_rules", tc.expr)
		require.False(t, res.IsError, "%s: %s", tc.expr, text)
		require.Equal(t, tc.want, text, tc.expr)
	}
}

func TestQueryResultThatIsNotAList(t *testing.T) {
	qf := newQueryFixture(t)
	cases := []struct{ expr, text, summary string }{
		{"length(@)", `5`, "number (5 items before query)"},
		{"[0]", `{"id":42,"name":"Block gambling","order":1.50,"state":"ENABLED"}`,
			"object (5 items before query)"},
		{"[0].name", `"Block gambling"`, "string (5 items before query)"},
		{"no_such_field", `null`, "null (5 items before query)"},
		{"[?state=='NONE']", `[]`, "0 items (5 before query)"},
	}
	for _, tc := range cases {
		res, text, summary := qf.query(t, "t_rules", tc.expr)
		require.False(t, res.IsError, text)
		require.Equal(t, tc.text, text, tc.expr)
		require.Equal(t, tc.summary, summary, tc.expr)
		if tc.expr == "[0]" {
			require.Equal(t, "Block gambling", res.StructuredContent.(map[string]any)["name"],
				"an object is its own structured content")
		} else {
			require.Contains(t, res.StructuredContent, "result")
		}
	}
}

func TestQueryOnAPageKeepsPageInfo(t *testing.T) {
	qf := newQueryFixture(t)
	res, text, summary := qf.query(t, "t_page", "[?id > `100`].name")
	require.False(t, res.IsError, text)
	require.JSONEq(t, `{"nodes":["Allow CDN"],"pageInfo":{"pageNumber":1,"totalPages":7}}`, text)
	require.Equal(t, "1 item (2 before query)", summary)

	_, text, summary = qf.query(t, "t_page", "length(@)")
	require.JSONEq(t, `{"nodes":2,"pageInfo":{"pageNumber":1,"totalPages":7}}`, text)
	require.Equal(t, "number (2 items before query)", summary)
}

func TestQueryRunsOnSanitizedRecords(t *testing.T) {
	qf := newQueryFixture(t)
	_, text, _ := qf.query(t, "t_hidden", "[?name=='HQ'].name")
	require.Equal(t, `["HQ"]`, text, "hidden characters are gone before the query sees the names")
}

// What a query builds out of clean strings is cleaned again: joined, two names can
// make the markup that each alone does not hold.
func TestQueryResultIsSanitizedAgain(t *testing.T) {
	qf := newQueryFixture(t)
	for expr, want := range map[string]string{
		"join('', [2:].name)":       `"a"`,
		"[2:].name | [join('', @)]": `["a"]`,
		"{x: join('', [2:].name)}":  `{"x":"a"}`,
		"[2:].name":                 `["![a]","(https://evil.example/x.png)"]`,
		"replace([2].name, 'a', '<img src=x onerror=alert(1)>')": `"![]"`,
	} {
		_, text, _ := qf.query(t, "t_hidden", expr)
		require.Equal(t, want, text, expr)
	}
}

func TestInvalidQueryIsAnErrorAndReadsNothing(t *testing.T) {
	qf := newQueryFixture(t)
	cases := []struct{ expr, want string }{
		{"[?state=='ENABLED'", `InvalidArgument: parameter "query" is not a valid JMESPath ` +
			`expression: SyntaxError: `},
		{"foo[", "(at character "},
		{"$[0]", `InvalidArgument: parameter "query" uses $ or a let variable`},
		{"let $x = @ in $x", `InvalidArgument: parameter "query" uses $ or a let variable`},
		{"[].[@,@,@,@,@,@][].[@,@,@,@,@,@][].[@,@,@,@,@,@][].[@,@,@,@,@,@][]",
			"builds too many lists and objects"},
		{strings.Repeat("a.", 600) + "a", "at most 1000 are accepted"},
		{"`[1, 9007199254740993, 9007199254740992]`", "cannot tell apart"},
	}
	for _, tc := range cases {
		res, text, summary := qf.query(t, "t_rules", tc.expr)
		require.True(t, res.IsError, tc.expr)
		require.Contains(t, text, tc.want, tc.expr)
		require.Equal(t, text, summary, "the agent and the audit line read the same error")
		require.LessOrEqual(t, len([]rune(text)), 300, "the parser's message is bounded")
	}
	require.Zero(t, qf.calls.Load(), "a query that cannot work makes no call upstream")
}

func TestQueryThatFailsOnTheDataIsAnError(t *testing.T) {
	qf := newQueryFixture(t)
	cases := []struct{ expr, want string }{
		{"sort_by(@, &order)[0] | sort_by(@, &name)", "could not be evaluated"},
		{"abs(name)", "a function got an argument of the wrong type; it takes number"},
		{"[].pad_left(name, `100000000`)", "at most 1048576"},
		{"&id", "not JSON data"},
	}
	for _, tc := range cases {
		res, text, _ := qf.query(t, "t_rules", tc.expr)
		require.True(t, res.IsError, "%s: %s", tc.expr, text)
		require.Contains(t, text, `InvalidArgument: parameter "query" `, tc.expr)
		require.Contains(t, text, tc.want, tc.expr)
	}
}

func TestEmptyQueryChangesNothing(t *testing.T) {
	qf := newQueryFixture(t)
	_, text, summary := qf.query(t, "t_rules", "  ")
	require.Equal(t, "5 items", summary)
	require.Contains(t, text, "Guest Wi-Fi")
}

func TestQueryIsServedOnListToolsOnly(t *testing.T) {
	qf := newQueryFixture(t)
	listed, err := qf.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	prop := findTool(t, listed.Tools, "t_rules").InputSchema.Properties[QueryParam]
	require.NotNil(t, prop)
	require.Equal(t, "string", prop.(map[string]any)["type"])
	require.Contains(t, prop.(map[string]any)["description"], "JMESPath")
	require.NotContains(t, findTool(t, listed.Tools, "t_rules").InputSchema.Required, QueryParam)
	require.NotContains(t, findTool(t, listed.Tools, "t_object").InputSchema.Properties, QueryParam)

	res, text, _ := qf.query(t, "t_object", "id")
	require.True(t, res.IsError)
	require.Contains(t, text, `unknown parameter "query"`)

	res, err = qf.call(t, "t_rules", map[string]any{QueryParam: 5})
	require.NoError(t, err)
	require.Equal(t, `InvalidArgument: parameter "query" must be a string, got a number`, resultText(res))

	res, err = qf.call(t, "t_rules", map[string]any{"search": "x", "serach": "y"})
	require.NoError(t, err)
	require.Contains(t, resultText(res), "accepted parameters: query, search",
		"errors name the served parameters too")
}

func TestListToolsOfTheCatalogTakeAQuery(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	listed, err := f.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	for _, name := range []string{"zia_list_locations", "get_zia_users", "zia_url_lookup",
		"zia_geo_search", "zms_list_resources", "zms_get_resource_group_members",
		"zscaler_list_toolsets", "zscaler_get_toolset_tools"} {
		require.Contains(t, findTool(t, listed.Tools, name).InputSchema.Properties, QueryParam, name)
	}
	for _, name := range []string{"zia_get_location", "zms_get_metadata",
		"zscaler_get_available_services"} {
		require.NotContains(t, findTool(t, listed.Tools, name).InputSchema.Properties, QueryParam, name)
	}
}

// The meta tools that list toolsets and tools take a query like the service lists, so
// an agent can ask "which toolsets can I still enable" in one call.
func TestMetaListsTakeAQuery(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	res, err := f.call(t, "zscaler_list_toolsets", map[string]any{
		QueryParam: "[?service=='zms'].id"})
	require.NoError(t, err)
	require.False(t, res.IsError, resultText(res))
	require.JSONEq(t, `["zms"]`, resultText(res))

	res, err = f.call(t, "zscaler_get_toolset_tools", map[string]any{
		"toolset": "zia_rule_labels", QueryParam: "length(@)"})
	require.NoError(t, err)
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, "5", resultText(res))
}
