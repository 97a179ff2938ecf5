package tools

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEnumIgnoresCaseAndReturnsDeclaredSpelling(t *testing.T) {
	params := []Param{{Name: "sort_dir", Type: String, Enum: []string{"ASC", "DESC"}, Description: "d"}}
	args, err := Validate(params, map[string]any{"sort_dir": "desc"})
	require.NoError(t, err)
	require.Equal(t, "DESC", args.String("sort_dir"))

	_, err = Validate(params, map[string]any{"sort_dir": "down"})
	require.EqualError(t, err, `InvalidArgument: parameter "sort_dir" must be one of ASC, DESC, got "down"`)
}

func TestIDAcceptsStringsAndWholeNumbers(t *testing.T) {
	params := []Param{{Name: "id", Type: ID, Required: true, Description: "d"}}
	for _, v := range []any{"42", 42.0, " 42 "} {
		args, err := Validate(params, map[string]any{"id": v})
		require.NoError(t, err)
		require.Equal(t, "42", args.String("id"))
	}
	for _, v := range []any{4.5, true, "", []any{"1"}} {
		_, err := Validate(params, map[string]any{"id": v})
		require.Error(t, err, "%v", v)
	}
}

// A JSON number of 2^53 or more reaches the server rounded: 9007199254740993 arrives as
// 9007199254740992, which could be the id of another object. Such ids must come as
// strings.
func TestIDNumbersThatMayHaveBeenRoundedAreRefused(t *testing.T) {
	params := []Param{{Name: "id", Type: ID, Required: true, Description: "d"}}
	var rounded float64
	require.NoError(t, json.Unmarshal([]byte("9007199254740993"), &rounded))
	for _, v := range []any{rounded, float64(1 << 53), -float64(1 << 53), 1e23} {
		_, err := Validate(params, map[string]any{"id": v})
		require.ErrorContains(t, err, "must be a string for an id of 2^53 or more", "%v", v)
	}
	args, err := Validate(params, map[string]any{"id": float64(1<<53 - 1)})
	require.NoError(t, err)
	require.Equal(t, "9007199254740991", args.String("id"))

	list := []Param{{Name: "ids", Type: IDList, Description: "d"}}
	_, err = Validate(list, map[string]any{"ids": []any{42.0, rounded}})
	require.Error(t, err)

	ints := []Param{{Name: "n", Type: Integer, Description: "d"}}
	_, err = Validate(ints, map[string]any{"n": rounded})
	require.EqualError(t, err, `InvalidArgument: parameter "n" must be an integer, got a number`)
}

func TestDefaultsApplyOnlyWhenAbsent(t *testing.T) {
	params := []Param{{Name: "page", Type: Integer, Default: int64(1), Min: Bound(1), Description: "p"}}
	args, err := Validate(params, nil)
	require.NoError(t, err)
	require.Equal(t, int64(1), args.Int("page"))

	args, err = Validate(params, map[string]any{"page": 3.0})
	require.NoError(t, err)
	require.Equal(t, int64(3), args.Int("page"))

	_, err = Validate(params, map[string]any{"page": 0.0})
	require.EqualError(t, err, `InvalidArgument: parameter "page" must be at least 1, got 0`)
}

func TestIntegersBeyondExactRangeAreRefused(t *testing.T) {
	params := []Param{{Name: "page", Type: Integer, Min: Bound(1), Description: "p"}}
	_, err := Validate(params, map[string]any{"page": 1e300})
	require.EqualError(t, err, `InvalidArgument: parameter "page" must be an integer, got a number`)
}

func TestIDListAcceptsStringsAndWholeNumbers(t *testing.T) {
	params := []Param{{Name: "ids", Type: IDList, Description: "d"}}
	args, err := Validate(params, map[string]any{"ids": []any{"9007199254740993", 42.0, " 7 "}})
	require.NoError(t, err)
	require.Equal(t, []string{"9007199254740993", "42", "7"}, args.Strings("ids"))
	for _, v := range []any{[]any{4.5}, []any{""}, "42", []any{true}} {
		_, err := Validate(params, map[string]any{"ids": v})
		require.Error(t, err, "%v", v)
	}
	props, _ := Schema(params)
	require.Equal(t, "array", props["ids"].(map[string]any)["type"])
}

func TestObjectAndTuplesParameters(t *testing.T) {
	params := []Param{
		{Name: "advanced", Type: JSONObject, Description: "d"},
		{Name: "ports", Type: StringTuples, Description: "d"},
	}
	args, err := Validate(params, map[string]any{
		"advanced": map[string]any{"a": 1.0},
		"ports":    []any{[]any{"dest", "tcp", 443.0}},
	})
	require.NoError(t, err)
	require.Equal(t, map[string]any{"a": 1.0}, args.Object("advanced"))
	require.Equal(t, [][]string{{"dest", "tcp", "443"}}, args.Tuples("ports"))

	_, err = Validate(params, map[string]any{"advanced": []any{}})
	require.EqualError(t, err, `InvalidArgument: parameter "advanced" must be an object, got a list`)
	_, err = Validate(params, map[string]any{"ports": []any{"dest"}})
	require.Error(t, err)

	props, _ := Schema(params)
	require.Equal(t, "object", props["advanced"].(map[string]any)["type"])
	require.Equal(t, map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
		props["ports"].(map[string]any)["items"])
}
