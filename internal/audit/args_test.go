package audit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// callArgs returns the args part of the CALL line logged for args.
func callArgs(t *testing.T, l *Logger, args map[string]any) string {
	t.Helper()
	var buf strings.Builder
	l.SetWriter(&buf)
	l.Call("t", args)
	line := buf.String()
	const prefix = "[TOOL CALL] t | args: "
	require.True(t, strings.HasPrefix(line, prefix), line)
	require.True(t, strings.HasSuffix(line, "\n"), line)
	return strings.TrimSuffix(strings.TrimPrefix(line, prefix), "\n")
}

func TestArgumentRendering(t *testing.T) {
	type location struct {
		Name string `json:"name"`
		ID   int    `json:"id"`
	}
	tests := []struct {
		name string
		args map[string]any
		want string
	}{
		{"nil map", nil, `{}`},
		{"empty map", map[string]any{}, `{}`},
		{"keys sorted bytewise", map[string]any{"b": 1, "a": 2, "B": 3, "a_b": 4},
			`{B: 3, a: 2, a_b: 4, b: 1}`},
		{"scalars", map[string]any{"s": "x", "t": true, "f": false, "n": nil},
			`{f: false, n: null, s: "x", t: true}`},
		{"float64 numbers", map[string]any{"one": 1.0, "big": 1e6, "neg": -42.0,
			"half": 0.5, "tiny": 1e-7, "huge": 1e21, "zero": 0.0},
			`{big: 1000000, half: 0.5, huge: 1e+21, neg: -42, one: 1, tiny: 1e-7, zero: 0}`},
		{"json.Number as given", map[string]any{"a": json.Number("50"),
			"b": json.Number("1.50"), "c": json.Number("1e3")},
			`{a: 50, b: 1.50, c: 1e3}`},
		{"malformed json.Number is quoted", map[string]any{"a": json.Number("1}, x: {")},
			`{a: "1}, x: {"}`},
		{"Go integers", map[string]any{"i": 7, "u": uint8(8), "l": int64(-9)},
			`{i: 7, l: -9, u: 8}`},
		{"NaN is quoted", map[string]any{"a": float32(1.5), "b": nanValue()},
			`{a: 1.5, b: "NaN"}`},
		{"nested objects and arrays", map[string]any{
			"a": 1, "b": map[string]any{"d": []any{1.0, "a", nil}, "c": "x"}},
			`{a: 1, b: {c: "x", d: [1, "a", null]}}`},
		{"empty containers", map[string]any{"o": map[string]any{}, "l": []any{}},
			`{l: [], o: {}}`},
		{"no HTML escaping", map[string]any{"q": `a & b <c> "d" \e`},
			`{q: "a & b <c> \"d\" \\e"}`},
		{"control characters escaped", map[string]any{"q": "l1\nl2\r\t\x00\x1b\x7f"},
			`{q: "l1\nl2\r\t\u0000\u001b\u007f"}`},
		{"invisible characters escaped", map[string]any{
			"q": "a\u200bb\u202ec\u00a0d\u2028e\U000E0041"},
			`{q: "a\u200bb\u202ec\u00a0d\u2028e\udb40\udc41"}`},
		{"ordinary unicode kept", map[string]any{"city": "Zürich 東京 ✓ 😀"},
			`{city: "Zürich 東京 ✓ 😀"}`},
		{"invalid UTF-8", map[string]any{"q": "a\xffb"}, `{q: "a\ufffdb"}`},
		{"plain keys bare, others quoted", map[string]any{
			"api.v2-x_y": 1, "with space": 2, "": 3, "a:b": 4, "ключ": 5, "x\ny": 6},
			`{"": 3, "a:b": 4, api.v2-x_y: 1, "with space": 2, "x\ny": 6, "ключ": 5}`},
		{"other Go types go through JSON", map[string]any{
			"loc": location{Name: "HQ", ID: 3}, "tags": []string{"a", "b"}},
			`{loc: {id: 3, name: "HQ"}, tags: ["a", "b"]}`},
		{"unencodable value", map[string]any{"c": make(chan int)},
			`{c: "[unencodable value of type chan int]"}`},
	}
	l := New(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, callArgs(t, l, tt.args))
		})
	}
}

func nanValue() float64 {
	zero := 0.0
	return zero / zero
}

func TestArgumentNestingIsBounded(t *testing.T) {
	var v any = "leaf"
	for range sanitize.MaxDepth + 5 {
		v = []any{v}
	}
	got := callArgs(t, New(nil), map[string]any{"deep": v})
	require.Contains(t, got, `"`+sanitize.TruncatedValue+`"`)
	require.NotContains(t, got, "leaf")

	cyclic := map[string]any{}
	cyclic["self"] = cyclic
	require.NotPanics(t, func() { callArgs(t, New(nil), cyclic) })
}

func TestArgumentsAreNotModified(t *testing.T) {
	args := map[string]any{"password": "p", "nested": map[string]any{"token": "t"}}
	_ = callArgs(t, New(nil), args)
	require.Equal(t, map[string]any{"password": "p", "nested": map[string]any{"token": "t"}},
		args)
}
