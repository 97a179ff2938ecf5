package tools

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A string no tenant field holds is refused before any call, naming the parameter and
// the length, never echoing the text: sent on, a create could succeed with a result too
// long to return, leaving the agent without the new object's id.
func TestOverlongStringsAreRefusedWherever(t *testing.T) {
	huge := strings.Repeat("x", MaxStringArgument+1)
	params := []Param{
		{Name: "name", Type: String, Description: "d"},
		{Name: "urls", Type: StringList, Description: "d"},
		{Name: "advanced", Type: JSONObject, Description: "d"},
		{Name: "ports", Type: StringTuples, Description: "d"},
	}
	cases := map[string]any{
		"name":     huge,
		"urls":     []any{"a.example.com", huge},
		"advanced": map[string]any{"rules": []any{map[string]any{"description": huge}}},
		"ports":    []any{[]any{"dest", huge}},
	}
	for name, v := range cases {
		_, err := Validate(params, map[string]any{name: v})
		require.ErrorContains(t, err, `parameter "`+name+`" holds a text of 65537 characters; `+
			`at most 65536 are accepted`, name)
		require.Less(t, len(err.Error()), 300, name)
	}

	fits := strings.Repeat("ü", MaxStringArgument)
	_, err := Validate(params, map[string]any{"name": fits, "urls": []any{fits},
		"advanced": map[string]any{"description": fits}})
	require.NoError(t, err)
}
