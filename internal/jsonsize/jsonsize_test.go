package jsonsize

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// sizeCases are values whose encoding has a trap: escapes, invalid UTF-8, the two line
// separators JSON writes escaped, floats in exponent form, empty and nil containers.
var sizeCases = []any{
	nil, true, false, "", "plain", "quote \" and \\ back", "tab\tnew\nline\r",
	"bell\x07 and \x1f", "bad \xff utf-8", "line\u2028sep\u2029", "<tag> & 'amp'",
	"Zoë Ångström 👩‍💻", 0.0, math.Copysign(0, -1), 1.5, 1e21, 1e20, 1e-6, 1e-7, -2.5e-9,
	math.MaxFloat64, 123456789.0, json.Number("9007199254740993"), json.Number(""), 7,
	int64(-42), map[string]any{}, map[string]any(nil), []any{}, []any(nil),
	map[string]any{"a\n": []any{1.0, "x", nil, map[string]any{"b": false}}},
	[]any{[]any{}, map[string]any{"k": "v"}, "s"},
	struct {
		Name string `json:"name"`
	}{"typed"},
}

// Of must agree with what the server writes, byte for byte, or a cut result would
// exceed its limit or leave room unused.
func TestOfMatchesTheEncoding(t *testing.T) {
	for _, v := range sizeCases {
		require.Equal(t, encodedSize(v), Of(v), "%#v", v)
	}
}

// AtMost gives Of's answer within the limit, and reports false past it.
func TestAtMostStopsPastTheLimit(t *testing.T) {
	for _, v := range sizeCases {
		n, ok := AtMost(v, 1<<20)
		require.True(t, ok, "%#v", v)
		require.Equal(t, Of(v), n, "%#v", v)
	}
	big := make([]any, 100000)
	for i := range big {
		big[i] = "a record of some length"
	}
	n, ok := AtMost(big, 1000)
	require.False(t, ok)
	require.Greater(t, n, 1000)
}
