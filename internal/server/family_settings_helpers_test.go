package server

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// singletonSteps is the round trip of a settings object: read it, set field to value
// with the update tool, read it back (every other field kept), set the field back to
// what it was and read it again. args builds the update's arguments for a value.
func singletonSteps(get, update, field string, value any,
	args func(v any) map[string]any) []familyStep {
	saved := "before " + get
	return []familyStep{
		{Tool: get, Check: func(t *testing.T, s familyState, v map[string]any) {
			require.Contains(t, v, field)
			require.NotEqual(t, value, v[field], "the scenario must change %s", field)
			s[saved] = v
		}},
		{Tool: update, Args: func(familyState) map[string]any { return args(value) },
			Check: func(t *testing.T, s familyState, v map[string]any) {
				changed, _ := v["changed"].(map[string]any)
				require.Contains(t, changed, field, "the result names the field changed")
				require.Contains(t, v, "activation")
			}},
		{Tool: get, Check: func(t *testing.T, s familyState, v map[string]any) {
			want := copyMap(s[saved].(map[string]any))
			want[field] = value
			require.Equal(t, want, v, "only %s changed", field)
		}},
		{Tool: update, Args: func(s familyState) map[string]any {
			return args(s[saved].(map[string]any)[field])
		}},
		{Tool: get, Check: func(t *testing.T, s familyState, v map[string]any) {
			require.Equal(t, s[saved], v, "restored")
		}},
	}
}

// settingsArgs returns the arguments of a settings update that sets field.
func settingsArgs(field string) func(v any) map[string]any {
	return func(v any) map[string]any {
		return map[string]any{"settings": map[string]any{field: v}}
	}
}

// toggleArgs returns the arguments of a typed update that sets param.
func toggleArgs(param string) func(v any) map[string]any {
	return func(v any) map[string]any { return map[string]any{param: v} }
}

// entryListSteps is the round trip of a URL list: list it, add entry, list it again,
// remove the entry with confirmation, list it once more; removing an entry that is not
// on the list fails before anybody is asked.
func entryListSteps(list, add, del, param, entry string) []familyStep {
	entries := func(t *testing.T, v map[string]any) []any {
		t.Helper()
		got, ok := v["result"].([]any)
		require.True(t, ok, "not a list result: %v", v)
		return got
	}
	return []familyStep{
		{Tool: list, Check: func(t *testing.T, _ familyState, v map[string]any) {
			require.NotEmpty(t, entries(t, v), "the seeded tenant has entries")
			require.NotContains(t, entries(t, v), entry)
		}},
		{Tool: add, Args: fixed(map[string]any{param: []any{entry}}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, []any{entry}, v["added"])
			}},
		{Tool: list, Check: func(t *testing.T, _ familyState, v map[string]any) {
			require.Contains(t, entries(t, v), entry)
		}},
		{Tool: del, Args: fixed(map[string]any{param: []any{entry}}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, []any{entry}, v["removed"])
			}},
		{Tool: list, Check: func(t *testing.T, _ familyState, v map[string]any) {
			require.NotContains(t, entries(t, v), entry)
		}},
		{Tool: del, Args: fixed(map[string]any{param: []any{entry}}), WantError: "NotFound",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Contains(t, v["error"], entry)
			}},
	}
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// concat joins step lists.
func concat(lists ...[]familyStep) []familyStep {
	var out []familyStep
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
