package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// newManyRulesFixture serves t_many, a list tool returning n rules of about 100 bytes
// each, with the query fixture's other tools.
func newManyRulesFixture(t *testing.T, n int) *queryFixture {
	t.Helper()
	qf := &queryFixture{}
	many := testTool("t_many", nil, func(context.Context, tools.Args) (tools.Result, error) {
		out := make([]any, n)
		for i := range out {
			out[i] = map[string]any{"id": json.Number(fmt.Sprint(i + 1)),
				"name": fmt.Sprintf("Rule %03d with a \"quoted\" name", i), "state": "ENABLED",
				"description": strings.Repeat("d", 40)}
		}
		return tools.List(out), nil
	})
	many.Lists = true
	qf.fixture = newFixture(t, nil, []tools.Tool{many}, nil)
	return qf
}

func TestQueryThatComputesANumberJSONCannotHoldIsAnError(t *testing.T) {
	qf := newManyRulesFixture(t, 3)
	for _, expr := range []string{"length(@) / `0`", "`0` / `0`", "[].{x: id / `0`}"} {
		res, text, summary := qf.query(t, "t_many", expr)
		require.True(t, res.IsError, "%s: %s", expr, text)
		require.Contains(t, text, `InvalidArgument: parameter "query" computes a number JSON `+
			`cannot hold`, expr)
		require.Equal(t, text, summary)
	}
	// Overflow needs numbers beyond 2^53, which no arithmetic may touch.
	qf = newQueryFixture(t)
	for _, expr := range []string{"`1e308` * `10`", "-(`1e308` * `10`)"} {
		res, text, _ := qf.query(t, "t_rules", expr)
		require.True(t, res.IsError, "%s: %s", expr, text)
		require.Contains(t, text, "arithmetic cannot keep exact", expr)
	}
	// Records holding big ids divide their small numbers by zero like any others.
	res, text, _ := qf.query(t, "t_rules", "length(@) / `0`")
	require.True(t, res.IsError, text)
	require.Contains(t, text, "computes a number JSON cannot hold")
}

func TestQueryCannotBuildUnboundedStrings(t *testing.T) {
	qf := newManyRulesFixture(t, 100)
	nested := "@"
	for range 20 {
		// Each level escapes the quotes of the one inside: the text doubles.
		nested = "to_string([" + nested + "])"
	}
	cases := []string{
		"length(" + nested + ")",
		// 1 MiB per call is allowed, but not once per record.
		"[].pad_left(name, `1000000`, 'x') | length(@)",
		"[].[pad_left('', `1000000`), pad_right('', `1000000`)] | length(@)",
	}
	for _, expr := range cases {
		res, text, _ := qf.query(t, "t_many", expr)
		require.True(t, res.IsError, "%s: %s", expr, text)
		require.Contains(t, text, "builds more than 64 MiB of strings and lists", expr)
	}

	// What stays within the budget still works.
	res, text, _ := qf.query(t, "t_many", "[:10].pad_left(name, `1000000`, 'x') | length(@)")
	require.False(t, res.IsError, text)
	require.Equal(t, "10", text)
	res, text, _ = qf.query(t, "t_many", "length(to_string([to_string([to_string(@)])]))")
	require.False(t, res.IsError, text)
}

func TestQueryThatRepeatsTheRecordsIsRefused(t *testing.T) {
	qf := newManyRulesFixture(t, 100)
	parts := make([]string, 10)
	for i := range parts {
		parts[i] = fmt.Sprintf("k%d: @", i)
	}
	ten := "{" + strings.Join(parts, ", ") + "}"
	// 1000 copies of the whole list: within the fan-out bound, far beyond any use.
	res, text, _ := qf.query(t, "t_many", ten+" | "+ten+" | "+ten)
	require.True(t, res.IsError, text)
	require.Contains(t, text, `parameter "query" yields more than 4 times the `)

	res, text, _ = qf.query(t, "t_many", ten+" | length(keys(@))")
	require.False(t, res.IsError, text)
	res, text, _ = qf.query(t, "t_many", "[].{a: @, b: @}")
	require.False(t, res.IsError, "twice the records is a plausible projection: %s", text)
}

// The interpreter loops and allocates in projections, filters, flattens, slices and
// built lists and objects without calling any function; the guards put there must
// stop what the function budget alone would never see.
func TestQueryWorkOutsideFunctionsIsBounded(t *testing.T) {
	qf := newManyRulesFixture(t, 1)
	const (
		mib  = "pad_left('', `1048576`, 'a')"
		q10  = "[@,@,@,@,@,@,@,@,@,@]"
		s32  = "to_string([to_string([to_string([to_string([to_string([pad_left('', `1048576`, '\"')])])])])])"
		cond = "@[::99999999]"
	)
	cases := map[string]string{
		"one string split and repeated": "length(split(" + mib + ", '')[]." + q10 +
			"[]." + q10 + ")",
		"string slices of repetitions": mib + " | " + q10 + " | [*]." + q10 + "[] | [*]." +
			q10 + "[] | [*][::1] | length(@)",
		"a filter chain of slices": s32 + " | " + q10 + " | [?" + cond + " && " + cond +
			" && " + cond + "] | length(@)",
		"nested one-key objects": "split(to_string([pad_left('', `600000`, '<')]), '') | " +
			"[*].{a:{a:{a:@}}} | length(@)",
		"many cheap filter tests": "split(pad_left('', `1000000`), '') | " +
			"[[?@ == 'x'], [?@ == 'x'], [?@ == 'x'], [?@ == 'x'], [?@ == 'x'], [?@ == 'x']]" +
			" | length(@)",
	}
	for name, expr := range cases {
		res, text, _ := qf.query(t, "t_many", expr)
		require.True(t, res.IsError, "%s: %s", name, text)
		require.Regexp(t, `builds more than 64 MiB|takes more than 5000000 steps`, text, name)
	}

	res, text, _ := qf.query(t, "t_many", "[].split(name, ' ')[].[@, @] | length(@)")
	require.False(t, res.IsError, text)
	require.Equal(t, "6", text, "a split of ordinary size still works: six words, six pairs")
	res, text, _ = qf.query(t, "t_many", "[].name[0:4]")
	require.False(t, res.IsError, text)
	require.Equal(t, `["Rule"]`, text, "and so do string slices")
}

// keys, values and items list an object's entries in one order, so they pair up.
func TestQueryKeysAndValuesAgree(t *testing.T) {
	qf := newManyRulesFixture(t, 1)
	for range 20 {
		_, text, _ := qf.query(t, "t_many", "[0] | zip(keys(@), values(@))")
		require.Equal(t, `[["description","`+strings.Repeat("d", 40)+`"],["id",1],`+
			`["name","Rule 000 with a \"quoted\" name"],["state","ENABLED"]]`, text)
		_, items, _ := qf.query(t, "t_many", "[0] | items(@)")
		require.Equal(t, text, items)
	}
}

// A cancelled call stops its query at the next function call.
func TestQueryStopsWhenTheCallIsCancelled(t *testing.T) {
	q, err := compileQuery("[].to_string(id)")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	records := []any{map[string]any{"id": json.Number("1")}}
	_, err = q.run(ctx, records, nil, "")
	require.ErrorIs(t, err, context.Canceled)
}

// Work hidden inside expression references, comparisons of whole lists, and
// functions that copy what they group or restore is bounded too.
func TestQueryWorkInsideFunctionsIsBounded(t *testing.T) {
	qf := newManyRulesFixture(t, 1)
	const (
		million = "split(pad_left('', `1000000`, 'a'), '')"
		t10     = "[@,@,@,@,@,@,@,@,@,@]"
	)
	cases := map[string]string{
		"comparisons in map": "[" + million + ", " + million + "] | " + t10 + " | " + t10 +
			"[] | [@,@,@,@,@][] | map(&(@[0] == @[1]), @) | length(@)",
		"group_by copies": million + " | " + t10 + " | [@,@,@,@,@,@][] | " +
			"[*].group_by(@, &@) | length(@)",
		"to_string restoring big numbers": million + " | map(&`9007199254740993`, @) | " +
			t10 + " | " + t10 + "[] | to_string(@) | length(@)",
	}
	for name, expr := range cases {
		res, text, _ := qf.query(t, "t_many", expr)
		require.True(t, res.IsError, "%s: %s", name, text)
		require.Regexp(t, `builds more than 64 MiB|takes more than 5000000 steps|took more than`,
			text, name)
	}
}

// Lists and objects side by side add up; only nesting multiplies. A projection naming
// each referenced object by id and name is an everyday query.
func TestQueryShapeCountsSideBySideListsOnce(t *testing.T) {
	refs := []string{"labels", "locations", "groups", "departments", "users",
		"deviceGroups", "locationGroups", "timeWindows"}
	parts := []string{"id: id", "name: name", "action: action", "state: state"}
	for _, r := range refs {
		parts = append(parts, r+": "+r+"[].{id: id, name: name}")
	}
	expr := "[].{" + strings.Join(parts, ", ") + "}"
	records := []any{map[string]any{"id": 1, "name": "r", "action": "BLOCK",
		"state": "ENABLED", "labels": []any{map[string]any{"id": 7, "name": "l"}}}}
	require.Contains(t, runQuery(t, expr, records), `"labels":[{"id":7,"name":"l"}]`)
	require.Equal(t, `[[1,1,1],[1,1,1],[1,1,1],[1,1,1]]`,
		runQuery(t, "[].[[id, id, id], [id, id, id], [id, id, id], [id, id, id]][]", records))

	for _, expr := range []string{
		"[].[@,@,@,@,@,@][].[@,@,@,@,@,@][].[@,@,@,@,@,@][].[@,@,@,@,@,@][]",
		"[[@,@,@,@,@,@],[@,@,@,@,@,@]] | [[@,@,@,@,@,@],[@,@,@,@,@,@]] | [[@,@,@,@,@,@],[@,@,@,@,@,@]]",
		"{a: {b: {c: [@,@,@,@,@,@,@,@,@,@], d: @}, e: @}, f: @} | " +
			"[@,@,@,@,@,@,@,@,@,@] | [@,@,@,@,@,@,@,@,@,@]",
		"map(&[@,@,@,@,@,@,@,@,@,@], [@,@,@,@,@,@,@,@,@,@]) | [@,@,@,@,@,@,@,@,@,@,@]",
	} {
		q, err := compileQuery(expr)
		require.Nil(t, q, expr)
		require.ErrorContains(t, err, "builds too many lists and objects", expr)
	}
}

// $ and let variables may be read where their value cannot become part of the result,
// once per record: a filter condition, a comparison, a function that answers a number.
func TestRootAndVariablesServeConditions(t *testing.T) {
	records := []any{
		map[string]any{"name": "a", "order": 1}, map[string]any{"name": "b", "order": 5},
		map[string]any{"name": "c", "order": 6},
	}
	require.Equal(t, `["b","c"]`, runQuery(t, "[?order > avg($[].order)].name", records))
	require.Equal(t, `["b","c"]`,
		runQuery(t, "let $avg = avg([].order) in [?order > $avg].name", records))
	require.Equal(t, `[{"n":"a","rank":-3},{"n":"b","rank":1},{"n":"c","rank":2}]`,
		runQuery(t, "let $avg = avg([].order) in [].{n: name, rank: order - $avg}", records))
	require.Equal(t, `["c"]`, runQuery(t, "[?order == max($[].order)].name", records))

	for _, expr := range []string{"$", "$[0]", "[].{a: $}", "[].[name, $[0]]",
		"let $x = @ in [].{a: $x}", "let $x = @ in $x", "[?order > `1`].[$]",
		"map(&$, @)", "[].not_null(missing, $)"} {
		q, err := compileQuery(expr)
		require.Nil(t, q, expr)
		require.ErrorContains(t, err, "uses $ or a let variable where", expr)
	}
}

// Inside a filter, [].order reads the record, not the list; the error says so.
func TestWrongTypeInsideAFilterPointsToTheRoot(t *testing.T) {
	records := []any{map[string]any{"name": "a", "order": 1}}
	requireQueryRefused(t, "[?order > avg([].order)].name", records,
		"inside [?…] @ is each record and $ the whole list, as in avg($[].order)")
	q, err := compileQuery("abs(name)")
	require.NoError(t, err)
	_, err = q.run(context.Background(), records, nil, "")
	require.NotContains(t, err.Error(), "inside [?…]", "no filter, no advice about one")
}
