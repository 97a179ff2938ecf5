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
