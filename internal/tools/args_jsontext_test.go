package tools

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestListsAsJSONTextOnlyWhereDeclared(t *testing.T) {
	tests := []struct {
		name  string
		param Param
		in    any
		want  any
		err   string
	}{
		{"strings as text", Param{Name: "p", Type: StringList, JSONText: true},
			`[" a ", "b"]`, []string{"a", "b"}, ""},
		{"ids as text", Param{Name: "p", Type: IDList, JSONText: true},
			`[9007199254741001, "7"]`, []string{"9007199254741001", "7"}, ""},
		{"a list stays a list", Param{Name: "p", Type: StringList, JSONText: true},
			[]any{"a"}, []string{"a"}, ""},
		{"text that is no list", Param{Name: "p", Type: IDList, JSONText: true},
			"7, 8", nil, "or one written as JSON text"},
		{"two lists in one text", Param{Name: "p", Type: IDList, JSONText: true},
			"[7], [8]", nil, "or one written as JSON text"},
		{"a list followed by other text", Param{Name: "p", Type: StringList, JSONText: true},
			`["a"] and ["b"]`, nil, "or one written as JSON text"},
		{"text where not declared", Param{Name: "p", Type: StringList},
			`["a"]`, nil, `parameter "p" must be a list of strings, got a string`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args, err := Validate([]Param{tc.param}, map[string]any{"p": tc.in})
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, args.Strings("p"))
		})
	}
}
