package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/jsonsize"
	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// manyRules returns n records of about 100 bytes each, ids counting from 1.
func manyRules(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = map[string]any{"id": json.Number(fmt.Sprint(i + 1)),
			"name": fmt.Sprintf("Rule number %05d", i+1), "state": "ENABLED",
			"description": "Blocks what the policy says it blocks"}
	}
	return out
}

// hugeCategory is one URL category holding n URLs.
func hugeCategory(n int) map[string]any {
	urls := make([]any, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("host-%05d.example.com", i)
	}
	return map[string]any{"id": "CUSTOM_01", "configuredName": "Partners", "urls": urls,
		"keywords": []any{"partner"}}
}

// capFixture serves tools with large results under a result size bound that the test
// can change between calls.
type capFixture struct {
	*fixture
	limit atomic.Int64
}

func newCapFixture(t *testing.T, limit int) *capFixture {
	t.Helper()
	cf := &capFixture{}
	cf.limit.Store(int64(limit))

	list := testTool("t_rules", []tools.Param{
		{Name: "search", Type: tools.String, Description: "s"},
		{Name: "page", Type: tools.Integer, Description: "p"},
		{Name: "page_size", Type: tools.Integer, Description: "p"},
		{Name: "sort_by", Type: tools.String, Description: "s"},
	}, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.List(manyRules(1000)), nil
	})
	list.Lists = true
	page := testTool("t_page", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Page(manyRules(500), map[string]any{"totalPages": json.Number("3")}), nil
	})
	page.Lists = true
	category := testTool("t_category", []tools.Param{
		{Name: "category_id", Type: tools.ID, Required: true, Description: "c"},
	}, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Object(hugeCategory(30000)), nil
	})
	oneBig := testTool("t_one_big", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.List([]any{hugeCategory(30000), hugeCategory(2)}), nil
	})
	oneBig.Lists = true
	blob := testTool("t_blob", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Object(map[string]any{"report": strings.Repeat("x", 50000)}), nil
	})
	external := testTool("t_external", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.List(manyRules(1000)), nil
	})
	external.ExternalContent = true

	sink := &syncBuffer{}
	a := audit.New(sink)
	a.SetEnabled(true)
	up := &fakeUpstream{}
	srv, err := New(Deps{Config: &config.Config{}, Version: "test", Audit: a, Upstream: up,
		Prober: up, Catalog: []tools.Tool{list, page, category, oneBig, blob, external},
		MaxResultBytes: func() int { return int(cf.limit.Load()) }})
	require.NoError(t, err)
	cf.fixture = connect(t, srv, sink)
	return cf
}

// capped calls tool and returns the result, its text decoded, and the audit summary.
func (cf *capFixture) capped(t *testing.T, tool string, args map[string]any) (
	*mcp.CallToolResult, map[string]any, string) {
	t.Helper()
	before := len(cf.audit.lines())
	res, err := cf.call(t, tool, args)
	require.NoError(t, err)
	require.False(t, res.IsError, resultText(res))
	lines := cf.audit.lines()[before:]
	require.Len(t, lines, 2)
	text := res.Content[len(res.Content)-1].(mcp.TextContent).Text
	require.LessOrEqual(t, len(text), int(cf.limit.Load()), "the text fits the bound")
	var v any
	require.NoError(t, json.Unmarshal([]byte(text), &v), "the cut text is still JSON")
	decoded, _ := v.(map[string]any)
	structured, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	if decoded != nil {
		require.JSONEq(t, text, string(structured), "structured content is the same cut result")
	}
	return res, decoded, strings.SplitN(lines[1], " | ", 3)[2]
}

func marker(t *testing.T, decoded map[string]any) map[string]any {
	t.Helper()
	m, ok := decoded[TruncatedKey].(map[string]any)
	require.True(t, ok, "a cut result carries the marker: %v", decoded)
	return m
}

func TestTheMarkerComesFirstInTheText(t *testing.T) {
	cf := newCapFixture(t, 10000)
	res, _, _ := cf.capped(t, "t_rules", nil)
	require.True(t, strings.HasPrefix(resultText(res), `{"truncated":{"maxResultBytes":10000,"message":"`),
		resultText(res)[:80])
}

func TestLongListIsCutAtARecordBoundaryWithAMarker(t *testing.T) {
	cf := newCapFixture(t, 20000)
	_, decoded, summary := cf.capped(t, "t_rules", nil)

	kept := decoded[cutResultKey].([]any)
	require.NotEmpty(t, kept)
	require.Less(t, len(kept), 1000)
	originals := manyRules(1000)
	for i, r := range kept {
		raw, err := json.Marshal(originals[i])
		require.NoError(t, err)
		var whole any
		require.NoError(t, json.Unmarshal(raw, &whole))
		require.Equal(t, whole, r, "the first records are kept, whole and in order")
	}
	m := marker(t, decoded)
	require.Equal(t, map[string]any{"returned": float64(len(kept)), "omitted": float64(1000 - len(kept))},
		m["records"])
	require.EqualValues(t, 20000, m["maxResultBytes"])
	msg := m["message"].(string)
	require.Contains(t, msg, fmt.Sprintf("%d of 1000 records are returned, %d left out",
		len(kept), 1000-len(kept)))
	require.Contains(t, msg, "filters (search)", "the tool's own filters are named")
	require.Contains(t, msg, "pass a query", "and the query")
	require.Contains(t, msg, "page through the results (page, page_size)", "and its paging")
	require.NotContains(t, msg, "sort_by", "sorting narrows nothing")
	require.Equal(t, fmt.Sprintf("%d items (1000 before cut)", len(kept)), summary)
}

func TestQueryThenCutSummaryShowsBothCounts(t *testing.T) {
	cf := newCapFixture(t, 8000)
	_, decoded, summary := cf.capped(t, "t_rules", map[string]any{QueryParam: "[?id > `200`]"})
	kept := decoded[cutResultKey].([]any)
	require.Equal(t, "201", fmt.Sprint(kept[0].(map[string]any)["id"]))
	require.Equal(t, fmt.Sprintf("%d items (800 before cut, 1000 before query)", len(kept)), summary)

	_, decoded, summary = cf.capped(t, "t_rules", map[string]any{QueryParam: "[?id > `990`].id"})
	require.Nil(t, decoded[TruncatedKey], "a query that fits is not cut")
	require.Equal(t, "10 items (1000 before query)", summary)
}

func TestPageIsCutInItsNodesAndKeepsPageInfo(t *testing.T) {
	cf := newCapFixture(t, 10000)
	_, decoded, summary := cf.capped(t, "t_page", nil)
	page := decoded[cutResultKey].(map[string]any)
	require.Equal(t, map[string]any{"totalPages": float64(3)}, page["pageInfo"])
	nodes := page["nodes"].([]any)
	require.Less(t, len(nodes), 500)
	require.Equal(t, float64(500-len(nodes)), marker(t, decoded)["records"].(map[string]any)["omitted"])
	require.Equal(t, fmt.Sprintf("%d items (500 before cut)", len(nodes)), summary)
}

func TestHugeNestedListIsCutInPlace(t *testing.T) {
	cf := newCapFixture(t, 50000)
	_, decoded, summary := cf.capped(t, "t_category", map[string]any{"category_id": "CUSTOM_01"})
	category := decoded[cutResultKey].(map[string]any)
	require.Equal(t, "Partners", category["configuredName"], "the record keeps its other fields")
	require.Equal(t, []any{"partner"}, category["keywords"])
	urls := category["urls"].([]any)
	require.Greater(t, len(urls), 1000)
	require.Equal(t, "host-00000.example.com", urls[0])

	m := marker(t, decoded)
	require.Nil(t, m["records"])
	require.Equal(t, []any{map[string]any{"path": "urls", "returned": float64(len(urls)),
		"omitted": float64(30000 - len(urls))}}, m["fields"])
	require.Contains(t, m["message"], fmt.Sprintf("the list urls keeps %d of 30000 entries", len(urls)))
	require.Contains(t, m["message"], "cannot narrow its result", "this tool has no filter")
	require.Equal(t, fmt.Sprintf("ok (urls cut to %d of 30000)", len(urls)), summary)
}

func TestARecordTooLargeAloneIsKeptWithItsListsCut(t *testing.T) {
	cf := newCapFixture(t, 50000)
	_, decoded, summary := cf.capped(t, "t_one_big", nil)
	kept := decoded[cutResultKey].([]any)
	require.Len(t, kept, 1)
	urls := kept[0].(map[string]any)["urls"].([]any)
	require.Equal(t, fmt.Sprintf("1 item (2 before cut, [0].urls cut to %d of 30000)", len(urls)),
		summary)
	require.Equal(t, "[0].urls", marker(t, decoded)["fields"].([]any)[0].(map[string]any)["path"])
}

func TestAResultWithNothingToCutIsReplacedByTheMarker(t *testing.T) {
	cf := newCapFixture(t, 10000)
	_, decoded, summary := cf.capped(t, "t_blob", nil)
	require.Contains(t, decoded, cutResultKey)
	require.Nil(t, decoded[cutResultKey])
	require.Contains(t, marker(t, decoded)["message"], "none of it is returned")
	require.Equal(t, "nothing returned (result of 50013 bytes, limit 10000)", summary)
}

func TestBoundChangesLiveAndZeroTurnsItOff(t *testing.T) {
	cf := newCapFixture(t, 0)
	res, err := cf.call(t, "t_rules", nil)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(resultText(res), "["), "no bound: the plain list")
	require.Greater(t, len(resultText(res)), 100000)

	cf.limit.Store(10000)
	_, decoded, _ := cf.capped(t, "t_rules", nil)
	require.Contains(t, decoded, TruncatedKey, "the next call uses the new bound")
}

func TestExternalContentBannerStaysFirstOnACutResult(t *testing.T) {
	cf := newCapFixture(t, 10000)
	res, decoded, _ := cf.capped(t, "t_external", nil)
	require.Len(t, res.Content, 2)
	require.Equal(t, sanitize.ExternalContentBanner, res.Content[0].(mcp.TextContent).Text)
	require.Contains(t, decoded, TruncatedKey)
}

func TestJSONSizeMatchesTheEncoding(t *testing.T) {
	values := []any{
		nil, true, false, "", "plain", "quote\" back\\slash", "\n\r\t\b\f\x01\x1f",
		"<a & b>", "Zürich 東京 ✓", "bad \xff utf8", "line\u2028para\u2029", "emoji 😀",
		json.Number("123456789012345678901"), json.Number(""), 1.5, 1e21, 1e-7, 1.5e-300, 123456789.125, math.Copysign(0, -1), 1e20,
		int(-42), int64(1 << 62), uint8(7), float32(0.1),
		map[string]any{}, []any{}, []any(nil), map[string]any(nil),
		map[string]any{"k\"ey": []any{1.5, "x", map[string]any{"a": nil}}, "b": true},
		struct {
			A string `json:"a"`
		}{A: "<x>"},
	}
	for _, v := range values {
		text, err := encodeJSON(v)
		require.NoError(t, err)
		require.Equal(t, len(text), jsonsize.Of(v), "%#v encodes as %s", v, text)
	}
}

func TestNarrowingHintNamesOnlyParametersThatNarrow(t *testing.T) {
	tool := tools.Tool{Name: "t_list", Kind: tools.Read, Lists: true, Params: []tools.Param{
		{Name: "search"}, {Name: "name"}, {Name: "sort"}, {Name: "sort_dir"},
		{Name: "sort_by"}, {Name: "sort_order"}, {Name: "include_deleted"},
		{Name: "include_device_info"}, {Name: "fetch_all"}, {Name: "namespace_id", Required: true},
		{Name: "page_num"}, {Name: "page_size"},
	}}
	require.Equal(t, "To see the rest, narrow the call: use the tool's filters (search, name); "+
		"pass a query that keeps fewer records or fields, such as [?name=='x'] or "+
		"[].{id: id, name: name}; or page through the results (page_num, page_size) with "+
		"fetch_all false, which would otherwise return every page again.",
		narrowingHint(tool))

	bare := tools.Tool{Name: "t_get", Kind: tools.Read, Params: []tools.Param{{Name: "fetch_all"}}}
	require.Contains(t, narrowingHint(bare), "This tool cannot narrow its result")
}

// A write's result is a report on a change already made: calling the tool again to see
// the rest would make the change again (a second object, for a create), so the hint
// says the change is whole and points to reading the object back instead.
func TestNarrowingHintOfAWriteSaysNotToRepeatIt(t *testing.T) {
	create := tools.Tool{Name: "t_create", Kind: tools.Create, Params: []tools.Param{
		{Name: "name", Required: true}, {Name: "urls"}, {Name: "description"},
	}}
	hint := narrowingHint(create)
	require.Equal(t, "The change itself was made in full; only this report of it is shortened. "+
		"Do not repeat the call to see the rest: read the object back with the matching "+
		"get tool, or with its list tool and a query that keeps only the fields needed.", hint)
	require.NotContains(t, hint, "filters")
}

// Two long lists in one object share the room: the longer one is not emptied while the
// other keeps thousands of entries.
func TestLongListsOfOneObjectShareTheRoom(t *testing.T) {
	category := hugeCategory(30000)
	db := make([]any, 20000)
	for i := range db {
		db[i] = fmt.Sprintf("db-%05d.example.com", i)
	}
	category["dbCategorizedUrls"] = db
	out, c := boundResult(category, "", jsonsize.Of(category), 200000, "hint")
	require.LessOrEqual(t, jsonsize.Of(out), 200000)
	kept := out.(map[string]any)[cutResultKey].(map[string]any)
	urls, dbKept := len(kept["urls"].([]any)), len(kept["dbCategorizedUrls"].([]any))
	require.Greater(t, urls, 3000, "the longest list keeps its share")
	require.Greater(t, dbKept, 3000)
	require.InDelta(t, urls, dbKept, 1000, "cut to about the same length")
	require.Equal(t, []any{"partner"}, kept["keywords"], "a short list is kept whole")
	require.Equal(t, []fieldCut{{path: "urls", kept: urls, entries: 30000},
		{path: "dbCategorizedUrls", kept: dbKept, entries: 20000}}, c.fields,
		"the longest list is named first")
}

// A marker naming many cut lists takes more room than the share kept for it; the lists
// give up that room rather than the whole result being dropped.
func TestAMarkerNamingManyListsStillLeavesTheirEntries(t *testing.T) {
	v := map[string]any{}
	for j := range 12 {
		v[fmt.Sprintf("someRatherDescriptiveListName%02d", j)] = hugeCategory(3000)["urls"]
	}
	hint := narrowingHint(tools.Tool{Name: "t", Kind: tools.Read, Lists: true,
		Params: []tools.Param{{Name: "name"}, {Name: "status"}, {Name: "resource_type"},
			{Name: "cloud_provider"}, {Name: "cloud_region"}, {Name: "platform_os"},
			{Name: "page_num"}, {Name: "page_size"}}})
	out, c := boundResult(v, "", jsonsize.Of(v), 200000, hint)
	require.False(t, c.dropped, "the lists can be cut")
	require.LessOrEqual(t, jsonsize.Of(out), 200000)
	require.Greater(t, jsonsize.Of(out), 190000, "and fill the room")
	require.Len(t, c.fields, 12)
	kept := out.(map[string]any)[cutResultKey].(map[string]any)
	for name, l := range kept {
		require.NotEmpty(t, l, name)
	}
	require.Contains(t, c.message(hint), "4 more lists were cut")
}

// The room a cut result leaves unused is about what its marker did not need: at the
// smallest limit, three records of a thousand bytes fit beside it.
func TestACutResultFillsTheLimit(t *testing.T) {
	records := make([]any, 4)
	for i := range records {
		records[i] = map[string]any{"id": json.Number(fmt.Sprint(i)),
			"description": strings.Repeat("x", 1000)}
	}
	hint := narrowingHint(tools.Tool{Name: "t", Kind: tools.Read, Lists: true,
		Params: []tools.Param{{Name: "search"}}})
	out, c := boundResult(records, "", jsonsize.Of(records), 4096, hint)
	require.LessOrEqual(t, jsonsize.Of(out), 4096)
	require.Equal(t, 3, c.records.kept)
}

// A list whose only entry is itself too large, a list of lists or an object holding a
// list, is cut where its entries are: the innermost list keeps what fits, and the
// marker and the audit line name that list's path, rather than the outer list being
// emptied.
func TestListsNestedDeeperAreCutInTheirInnermostList(t *testing.T) {
	cf := newCapFixture(t, 4096)
	cases := []struct{ query, path, result string }{
		{"[[[].name]]", "[0][0]", `[[["Rule number 00001"`},
		{"{a: [[].name]}", "a[0]", `{"a":[["Rule number 00001"`},
		{"[[{a: [].name}]]", "[0][0].a", `[[{"a":["Rule number 00001"`},
	}
	for _, tc := range cases {
		res, decoded, summary := cf.capped(t, "t_rules", map[string]any{QueryParam: tc.query})
		fields := marker(t, decoded)["fields"].([]any)
		require.Len(t, fields, 1, tc.query)
		f := fields[0].(map[string]any)
		require.Equal(t, tc.path, f["path"], tc.query)
		kept := int(f["returned"].(float64))
		require.Greater(t, kept, 50, "%s: the innermost list keeps what fits", tc.query)
		require.Equal(t, float64(1000-kept), f["omitted"], tc.query)
		require.Contains(t, marker(t, decoded)["message"],
			fmt.Sprintf("the list %s keeps %d of 1000 entries", tc.path, kept), tc.query)
		require.Contains(t, resultText(res), `"result":`+tc.result, tc.query)
		require.Regexp(t, fmt.Sprintf(`^(1 item|object) \(%s cut to %d of 1000, 1000 `,
			regexp.QuoteMeta(tc.path), kept), summary, tc.query)
	}

	// An outer list of several entries keeps its first, cut inside, and is named first.
	_, decoded, summary := cf.capped(t, "t_rules",
		map[string]any{QueryParam: "[[[].name, [].id]]"})
	fields := marker(t, decoded)["fields"].([]any)
	require.Len(t, fields, 2)
	require.Equal(t, map[string]any{"path": "[0]", "returned": float64(1), "omitted": float64(1)},
		fields[0])
	inner := fields[1].(map[string]any)
	require.Equal(t, "[0][0]", inner["path"])
	require.Greater(t, inner["returned"], float64(50))
	require.Regexp(t, `^1 item \(\[0\] cut to 1 of 2, \[0\]\[0\] cut to \d+ of 1000, `+
		`1000 before query\)$`, summary)
}

// A list of lists whose later entry is too large keeps the entries before it and cuts
// inside it with the room left ([urls[:5], keywords]), rather than dropping it whole:
// a list is no record, so no record boundary is crossed.
func TestALaterListInAListIsCutInsideNotDropped(t *testing.T) {
	cf := newCapFixture(t, 4096)
	_, decoded, summary := cf.capped(t, "t_rules",
		map[string]any{QueryParam: "[[[:3].name, [].name]]"})
	fields := marker(t, decoded)["fields"].([]any)
	require.Len(t, fields, 1, "the outer lists keep all their entries")
	f := fields[0].(map[string]any)
	require.Equal(t, "[0][1]", f["path"])
	require.Greater(t, f["returned"], float64(50), "the later list keeps what fits")
	result := decoded["result"].([]any)[0].([]any)
	require.Len(t, result, 2)
	require.Len(t, result[0], 3)
	require.Regexp(t, `^1 item \(\[0\]\[1\] cut to \d+ of 1000, 1000 before query\)$`,
		summary)
}

// A URL category's urls wrapped in a list by a query ([?id=='x'].[urls]) keep as many
// URLs as fit, as the same urls do one level up.
func TestURLsWrappedInListsKeepTheirShare(t *testing.T) {
	urls := hugeCategory(601)["urls"]
	for _, v := range []any{[]any{urls}, []any{[]any{urls}}, []any{[]any{[]any{urls}}}} {
		out, c := boundResult(v, "", jsonsize.Of(v), 4096, "hint")
		require.LessOrEqual(t, jsonsize.Of(out), 4096)
		require.False(t, c.dropped)
		require.Len(t, c.fields, 1)
		require.Greater(t, c.fields[0].kept, 100, "%s keeps its share", c.fields[0].path)
		require.Equal(t, 601, c.fields[0].entries)
	}
}

// Cutting works on the objects around the lists it cuts, not on the handler's value,
// which may be shared (a query's [@, @] holds one list twice): that value is left as it
// was, and a list held twice is cut where each copy is.
func TestCuttingLeavesTheValueItWasGiven(t *testing.T) {
	urls := hugeCategory(601)["urls"]
	v := []any{map[string]any{"a": urls, "b": urls,
		"inner": map[string]any{"c": []any{urls}, "name": "x"}}}
	before, err := encodeJSON(v)
	require.NoError(t, err)

	out, c := boundResult(v, "", jsonsize.Of(v), 4096, "hint")
	require.LessOrEqual(t, jsonsize.Of(out), 4096)
	require.False(t, c.dropped)
	paths := []string{}
	for _, f := range c.fields {
		paths = append(paths, f.path)
	}
	require.ElementsMatch(t, []string{"[0].a", "[0].b", "[0].inner.c[0]"}, paths)

	after, err := encodeJSON(v)
	require.NoError(t, err)
	require.Equal(t, before, after)
	require.Len(t, urls, 601)
}
