package tools

import (
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
