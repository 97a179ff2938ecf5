package query

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// runQuery compiles and runs expr over records and returns the result's JSON text.
func runQuery(t *testing.T, expr string, records any) string {
	t.Helper()
	q, err := Compile(expr)
	require.NoError(t, err, expr)
	got, err := q.Run(context.Background(), records, nil, "")
	require.NoError(t, err, expr)
	return encode(t, got)
}

// encode returns v's JSON text as the server writes it: compact, without HTML escaping.
func encode(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return strings.TrimSuffix(buf.String(), "\n")
}

func TestQueryNumbersKeepTheirDigitsAndOrder(t *testing.T) {
	records := []any{
		map[string]any{"id": json.Number("-9007199254740993"), "v": json.Number("0.1")},
		map[string]any{"id": json.Number("-9007199254740992"), "v": json.Number("1e2")},
		map[string]any{"id": json.Number("18446744073709551615"), "v": json.Number("2.50")},
		map[string]any{"id": json.Number("9007199254740993"), "v": int64(-1 << 62)},
		map[string]any{"id": json.Number("9.007199254740993e15"), "v": uint64(1<<64 - 2)},
		map[string]any{"id": 7, "v": 2.5},
	}
	require.Equal(t,
		`[-9007199254740993,-9007199254740992,7,9007199254740993,9007199254740993,18446744073709551615]`,
		runQuery(t, "sort_by(@, &id)[].id", records),
		"integers in any spelling sort by their exact value; one value, one spelling")
	require.Equal(t, `[0.1,100,2.50,-4611686018427387904,18446744073709551614,2.50]`,
		runQuery(t, "[].v", records), "decimals keep their digits, Go integers their value")
	require.Equal(t, `[18446744073709551615,9007199254740993,9007199254740993,7]`,
		runQuery(t, "[?id > `-9007199254740992`].id", records))
	require.Equal(t, `[-9007199254740993]`,
		runQuery(t, "[?id < `-9007199254740992`].id", records))
	require.Equal(t, `[18446744073709551615]`,
		runQuery(t, "[?id == `18446744073709551615`].id", records))
	require.Equal(t, `6`, runQuery(t, "length(@)", records))
	require.Equal(t, `"x"`, runQuery(t, "`\"x\"`", records))
}

func TestQueryOfAGoValueGoesThroughItsJSON(t *testing.T) {
	type rec struct {
		ID   uint64 `json:"id"`
		Name string `json:"name"`
	}
	records := []rec{{ID: 1 << 60, Name: "a"}, {ID: 3, Name: "b"}}
	require.Equal(t, `[1152921504606846976]`, runQuery(t, "[?id > `3`].id", records))
}

func TestJSONLiteralsSkipStringsAndIdentifiers(t *testing.T) {
	got := jsonLiterals("[?name == '`not`' && \"a`b\" == `1` || x == `\"q\\`\"`] | `[2]`")
	require.Equal(t, []string{"1", "\"q`\"", "[2]"}, got)
}

// Functions see a big integer's stand-in float64; none may answer with a number other
// than the one the records hold.
func TestQueryFunctionsKeepBigIntegersExact(t *testing.T) {
	records := []any{map[string]any{"id": json.Number("9007199254740993"), "n": 2}}
	require.Equal(t, `["9007199254740993"]`, runQuery(t, "[].to_string(id)", records))
	require.Equal(t, `[{"id":9007199254740993,"n":2}]`,
		runQuery(t, "[?to_string(id) == '9007199254740993']", records))
	require.JSONEq(t, `"[{\"id\":9007199254740993,\"n\":2}]"`,
		runQuery(t, "to_string(@)", records))

	for _, expr := range []string{"[0].id + `1`", "[].{x: -id}",
		"`9223372036854775807` + `1`"} {
		requireQueryRefused(t, expr, records, "arithmetic cannot keep exact")
	}
	for _, expr := range []string{"sum([].id)", "[].abs(id)", "to_number('9007199254740993')"} {
		requireQueryRefused(t, expr, records, "beyond 2^53")
	}
	// A fraction beyond 2^53 rounds to a float64 that may stand for a big id.
	for _, expr := range []string{"to_number('9007199254740994.5')",
		"to_number('0x20000000000002p0')", "to_number('9007199254740993')"} {
		requireQueryRefused(t, expr, records, "beyond 2^53")
	}
	for _, expr := range []string{"[?id == `9007199254740994.5`]", "`9007199254740994.5`"} {
		q, err := Compile(expr)
		require.Nil(t, q, expr)
		require.ErrorContains(t, err, "a fraction beyond 2^53", expr)
	}
	odd := []any{map[string]any{"id": json.Number("9007199254740993")},
		map[string]any{"id": json.Number("9007199254740994.5")}}
	require.Equal(t, `[9007199254740993]`, runQuery(t, "[?id > `9007199254740992`].id", odd),
		"a fraction in the records never passes for the id next to it")
	require.Equal(t, `[9007199254740993,9007199254740994.5]`, runQuery(t, "[].id", odd))

	small := []any{map[string]any{"id": 5, "n": 2}}
	require.Equal(t, `[10]`, runQuery(t, "[].id * n", small), "small numbers compute as ever")
	require.Equal(t, `7`, runQuery(t, "sum([].[id, n][])", small))
}

func requireQueryRefused(t *testing.T, expr string, records any, want string) {
	t.Helper()
	q, err := Compile(expr)
	require.NoError(t, err, expr)
	_, err = q.Run(context.Background(), records, nil, "")
	require.Error(t, err, expr)
	require.Contains(t, err.Error(), want, expr)
}

// A computed number beyond 2^53 could equal the stand-in of a big id and come back as
// that id; it is refused instead.
func TestComputedNumbersBeyondTwoToThe53AreRefused(t *testing.T) {
	records := []any{map[string]any{"id": json.Number("9007199254740993"), "name": "big"}}
	for _, expr := range []string{"sum(`[4503599627370497, 4503599627370497]`)",
		"[?id == sum(`[4503599627370497, 4503599627370497]`)].name"} {
		requireQueryRefused(t, expr, records, "beyond 2^53")
	}
	small := []any{map[string]any{"n": 4503599627370497}}
	requireQueryRefused(t, "[0].n * `2`", small, "beyond 2^53")
	require.Equal(t, `4503599627370498`, runQuery(t, "[0].n + `1`", small))
}

// Arithmetic is refused on the numbers it cannot keep exact, not on the records that
// hold one: a rule list that references a label with a 64-bit id still computes with
// its small counters.
func TestArithmeticOnSmallNumbersWorksBesideBigIntegers(t *testing.T) {
	records := []any{
		map[string]any{"id": json.Number("9007199254740993"), "n": 2,
			"labels": []any{map[string]any{"id": json.Number("18446744073709551615")}}},
		map[string]any{"id": json.Number("5"), "n": 3},
	}
	require.Equal(t, `[4,6]`, runQuery(t, "[].n * `2`", records))
	require.Equal(t, `[{"half":1,"id":9007199254740993},{"half":1.5,"id":5}]`,
		runQuery(t, "[].{id: id, half: n / `2`}", records))
	require.Equal(t, `[9007199254740993]`, runQuery(t, "[?n % `2` == `0`].id", records))
	require.Equal(t, `[{"m":-3}]`, runQuery(t, "[?id == `5`].{m: -n}", records))

	// The big integers themselves still take no part in arithmetic, even where the
	// answer would look small.
	for _, expr := range []string{"[0].id - `4`", "[0].id % `1000`", "[0].id * `0`",
		"-[0].id", "[0].labels[0].id / `2`", "[].{x: id - `1`}"} {
		requireQueryRefused(t, expr, records, "beyond 2^53")
	}
}

// A sum that reaches 2^53 may have been rounded to it; it is refused like one beyond.
func TestComputedNumbersReachingTwoToThe53AreRefused(t *testing.T) {
	small := []any{map[string]any{"n": 2}}
	for _, expr := range []string{"[0].n + `9007199254740991`",
		"sum(`[9007199254740991, 2]`)", "`9007199254740992` * `1`"} {
		requireQueryRefused(t, expr, small, "beyond 2^53")
	}
	require.Equal(t, `9007199254740991`, runQuery(t, "[0].n + `9007199254740989`", small))
}
