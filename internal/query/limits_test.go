package query

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A cancelled call stops its query at the next function call.
func TestQueryStopsWhenTheCallIsCancelled(t *testing.T) {
	q, err := Compile("[].to_string(id)")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	records := []any{map[string]any{"id": json.Number("1")}}
	_, err = q.Run(ctx, records, nil, "")
	require.ErrorIs(t, err, context.Canceled)
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
		q, err := Compile(expr)
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
		q, err := Compile(expr)
		require.Nil(t, q, expr)
		require.ErrorContains(t, err, "uses $ or a let variable where", expr)
	}
}

// Inside a filter, [].order reads the record, not the list; the error says so.
func TestWrongTypeInsideAFilterPointsToTheRoot(t *testing.T) {
	records := []any{map[string]any{"name": "a", "order": 1}}
	requireQueryRefused(t, "[?order > avg([].order)].name", records,
		"inside [?…] @ is each record and $ the whole list, as in avg($[].order)")
	q, err := Compile("abs(name)")
	require.NoError(t, err)
	_, err = q.Run(context.Background(), records, nil, "")
	require.NotContains(t, err.Error(), "inside [?…]", "no filter, no advice about one")
}
