package tools

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestEnumIgnoresCaseAndReturnsDeclaredSpelling(t *testing.T) {
	params := []Param{{Name: "sort_dir", Type: String, Enum: []string{"ASC", "DESC"}, Description: "d"}}
	args, err := Validate(params, map[string]any{"sort_dir": "desc"})
	require.NoError(t, err)
	require.Equal(t, "DESC", args.String("sort_dir"))

	_, err = Validate(params, map[string]any{"sort_dir": "down"})
	require.EqualError(t, err, `InvalidArgument: parameter "sort_dir" got "down"; it must be one of ASC, DESC`)
}

func TestEnumSuggestsTheValueMeant(t *testing.T) {
	params := []Param{{Name: "rule_type", Type: String, Description: "d",
		Enum: []string{"STREAMING_MEDIA", "WEBMAIL", "FILE_SHARE", "FINANCE"}}}
	cases := []struct{ given, want string }{
		{"WEB_MAIL", `did you mean "WEBMAIL"?`},
		{"file-share", `did you mean "FILE_SHARE"?`},
		{"STREAMING", `did you mean "STREAMING_MEDIA"?`},
		{"FI", "it must be one of"},
	}
	for _, tc := range cases {
		_, err := Validate(params, map[string]any{"rule_type": tc.given})
		require.ErrorContains(t, err, `got "`+tc.given+`"; `+tc.want)
	}
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

// A float of 2^53 or more may be a rounded id: 9007199254740993 decodes as
// 9007199254740992, which could be the id of another object. The server hands integers
// written in plain digits over as json.Number, so only numbers written with a fraction
// or an exponent can still arrive so, and they are refused.
func TestIDNumbersThatMayHaveBeenRoundedAreRefused(t *testing.T) {
	params := []Param{{Name: "id", Type: ID, Required: true, Description: "d"}}
	var rounded float64
	require.NoError(t, json.Unmarshal([]byte("9007199254740993"), &rounded))
	for _, v := range []any{rounded, float64(1 << 53), -float64(1 << 53), 1e23} {
		_, err := Validate(params, map[string]any{"id": v})
		require.ErrorContains(t, err, "must be an id in plain digits, as a string or a "+
			"whole number without fraction or exponent", "%v", v)
	}
	args, err := Validate(params, map[string]any{"id": float64(1<<53 - 1)})
	require.NoError(t, err)
	require.Equal(t, "9007199254740991", args.String("id"))

	list := []Param{{Name: "ids", Type: IDList, Description: "d"}}
	_, err = Validate(list, map[string]any{"ids": []any{42.0, rounded}})
	require.Error(t, err)

	ints := []Param{{Name: "n", Type: Integer, Description: "d"}}
	_, err = Validate(ints, map[string]any{"n": rounded})
	require.EqualError(t, err, `InvalidArgument: parameter "n" must be an integer from `+
		`-9007199254740991 to 9007199254740991, got 9.007199254740992e+15`)
}

// Integers of 2^53 or more written in plain digits arrive as json.Number and keep every
// digit as ids; where a parameter is an integer, they are refused quoting the value sent.
func TestBigIntegerNumbersKeepTheirDigits(t *testing.T) {
	const big = "9007199254740993"
	params := []Param{{Name: "id", Type: ID, Description: "d"},
		{Name: "ids", Type: IDList, Description: "d"}}
	args, err := Validate(params, map[string]any{"id": json.Number(big),
		"ids": []any{json.Number(big), 42.0, json.Number("18446744073709551615")}})
	require.NoError(t, err)
	require.Equal(t, big, args.String("id"))
	require.Equal(t, []string{big, "42", "18446744073709551615"}, args.Strings("ids"))

	ints := []Param{{Name: "n", Type: Integer, Description: "d"},
		{Name: "page", Type: Integer, Min: Bound(1), Max: Bound(1000), Description: "d"}}
	_, err = Validate(ints, map[string]any{"n": json.Number("-" + big)})
	require.EqualError(t, err, `InvalidArgument: parameter "n" must be an integer from `+
		`-9007199254740991 to 9007199254740991, got -9007199254740993`)
	_, err = Validate(ints, map[string]any{"page": json.Number(big)})
	require.EqualError(t, err, `InvalidArgument: parameter "page" must be an integer from `+
		`1 to 1000, got 9007199254740993`)
	_, err = Validate(ints, map[string]any{"page": " " + big})
	require.EqualError(t, err, `InvalidArgument: parameter "page" must be an integer from `+
		`1 to 1000, got "9007199254740993"`)

	nums := []Param{{Name: "x", Type: Number, Description: "d"}}
	args, err = Validate(nums, map[string]any{"x": json.Number(big)})
	require.NoError(t, err)
	require.InDelta(t, 9007199254740992.0, args.Float("x"), 0)
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
	require.EqualError(t, err, `InvalidArgument: parameter "page" must be an integer from `+
		`1 to 9007199254740991, got 1e+300`)
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
	_, err = Validate(params, map[string]any{"ids": []any{"7", 9007199254741001.0}})
	require.EqualError(t, err, `InvalidArgument: parameter "ids" must be a list of ids, `+
		`but item 2 of 2 is a number; it must be an id in plain digits, as a string or a `+
		`whole number without fraction or exponent (a number of 2^53 or more written `+
		`otherwise may have been rounded)`)
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
	require.EqualError(t, err, `InvalidArgument: parameter "ports" must be a list of lists `+
		`of strings, but item 1 is a string`)
	_, err = Validate(params, map[string]any{"ports": []any{
		[]any{"dest", "tcp", 443.0}, []any{"dest", "tcp", 443.5}}})
	require.EqualError(t, err, `InvalidArgument: parameter "ports" must be a list of lists `+
		`of strings (whole numbers may stand for strings), but entry 3 of item 2 is the `+
		`number 443.5`, "the message points at the entry at fault")

	props, _ := Schema(params)
	require.Equal(t, "object", props["advanced"].(map[string]any)["type"])
	require.Equal(t, map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
		props["ports"].(map[string]any)["items"])
}

// TestListItemsAreTrimmedAndBlankOnesRefused: spaces around list items are dropped
// before anything goes upstream, and an item left empty is refused with the parameter
// and its position, which the API's own error would not name.
func TestListItemsAreTrimmedAndBlankOnesRefused(t *testing.T) {
	params := []Param{
		{Name: "ip_addresses", Type: StringList, Description: "d"},
		{Name: "ids", Type: IDList, Description: "d"},
	}
	args, err := Validate(params, map[string]any{
		"ip_addresses": []any{" 10.0.0.1 ", "10.0.0.2\t", "\n10.0.0.3"},
		"ids":          []any{" 7 ", 8.0},
	})
	require.NoError(t, err)
	require.Equal(t, []string{"10.0.0.1", "10.0.0.2", "10.0.0.3"}, args.Strings("ip_addresses"))
	require.Equal(t, []string{"7", "8"}, args.Strings("ids"))

	args, err = Validate(params, map[string]any{"ip_addresses": []string{" a ", "b"}})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, args.Strings("ip_addresses"))

	args, err = Validate(params, map[string]any{"ip_addresses": []any{}})
	require.NoError(t, err, "an empty list is a list")
	require.Empty(t, args.Strings("ip_addresses"))

	refused := []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"ip_addresses": []any{" 10.0.0.1 ", ""}},
			`parameter "ip_addresses" must not have empty items, but item 2 of 2 is empty`},
		{map[string]any{"ip_addresses": []any{"  "}},
			`parameter "ip_addresses" must not have empty items, but item 1 of 1 is empty`},
		{map[string]any{"ip_addresses": []string{"a", "\t", "b"}},
			`parameter "ip_addresses" must not have empty items, but item 2 of 3 is empty`},
		{map[string]any{"ip_addresses": []any{"a", 5.0}},
			`parameter "ip_addresses" must be a list of strings, but item 2 of 2 is a number`},
		{map[string]any{"ids": []any{"1", 2.0, " "}},
			`parameter "ids" must not have empty items, but item 3 of 3 is empty`},
	}
	for _, tc := range refused {
		_, err := Validate(params, tc.args)
		require.EqualError(t, err, "InvalidArgument: "+tc.want)
	}
}

// TestTrimmedListItemsAreWhatGoesUpstream: a write tool sends the trimmed items, and a
// blank item stops the call before anything is sent.
func TestTrimmedListItemsAreWhatGoesUpstream(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaDo(t, fake, "zia_create_ip_source_group", map[string]any{
		"name": "Branch", "ip_addresses": []any{" 10.0.0.1 ", ""}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `"ip_addresses"`)
	require.Contains(t, err.Error(), "item 2 of 2 is empty")
	require.Empty(t, fake.Calls())

	ziaMust(t, fake, "zia_create_ip_source_group", map[string]any{
		"name": "Branch", "ip_addresses": []any{" 10.0.0.1 ", "10.0.0.0/24 "}})
	calls := fake.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, []string{"10.0.0.1", "10.0.0.0/24"},
		calls[0].Body.(map[string]any)["ipAddresses"])
}

// An agent corrects a call once: every missing required parameter is named together.
func TestEveryMissingRequiredParameterIsNamed(t *testing.T) {
	params := []Param{{Name: "tag_id", Type: ID, Required: true},
		{Name: "page", Type: Integer},
		{Name: "namespace_origin", Type: String, Required: true}}
	_, err := Validate(params, map[string]any{})
	require.EqualError(t, err,
		`InvalidArgument: parameters "tag_id", "namespace_origin" are required`)
	_, err = Validate(params, map[string]any{"tag_id": "7", "namespace_origin": nil})
	require.EqualError(t, err, `InvalidArgument: parameter "namespace_origin" is required`)
}

// Saved calls written for the Python server, whose validation took quoted numbers and
// booleans, keep working; anything else written as text is still refused.
func TestNumbersAndBooleansWrittenAsText(t *testing.T) {
	params := []Param{
		{Name: "page", Type: Integer, Min: Bound(1), Description: "p"},
		{Name: "lat", Type: Number, Description: "l"},
		{Name: "on", Type: Boolean, Description: "o"},
	}
	args, err := Validate(params, map[string]any{"page": " 3 ", "lat": "-37.5", "on": "True"})
	require.NoError(t, err)
	require.Equal(t, int64(3), args.Int("page"))
	require.Equal(t, -37.5, args.Float("lat"))
	require.True(t, args.Bool("on"))

	args, err = Validate(params, map[string]any{"page": "2e1", "on": "no"})
	require.NoError(t, err)
	require.Equal(t, int64(20), args.Int("page"))
	require.False(t, args.Bool("on"))

	refused := []struct {
		name string
		v    any
		want string
	}{
		{"page", "2.5", `parameter "page" must be an integer, got "2.5"`},
		{"page", "0", `parameter "page" must be at least 1, got 0`},
		{"page", "0x10", `parameter "page" must be an integer, got "0x10"`},
		{"page", "1_000", `parameter "page" must be an integer, got "1_000"`},
		{"page", "", `parameter "page" must be an integer, got ""`},
		{"lat", "NaN", `parameter "lat" must be a number, got "NaN"`},
		{"lat", "Inf", `parameter "lat" must be a number, got "Inf"`},
		{"on", "maybe", `parameter "on" must be true or false, got "maybe"`},
		{"on", strings.Repeat("x", 100), `parameter "on" must be true or false, got "` +
			strings.Repeat("x", 40) + `…"`},
		{"on", 1.0, `parameter "on" must be true or false, got a number`},
	}
	for _, tc := range refused {
		_, err := Validate(params, map[string]any{tc.name: tc.v})
		require.EqualError(t, err, "InvalidArgument: "+tc.want, "%s=%v", tc.name, tc.v)
	}
}
