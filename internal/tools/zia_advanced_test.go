package tools

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAdvancedFieldNamesFollowTheAPI(t *testing.T) {
	cases := map[string]string{
		"src_ips":             "srcIps",
		"srcIps":              "srcIps",
		"dest_ip_groups":      "destIpGroups",
		"capture_pcap":        "capturePCAP",
		"surrogate_ip":        "surrogateIP",
		"ipv6_enabled":        "ipv6Enabled",
		"enable_full_logging": "enableFullLogging",
	}
	for in, want := range cases {
		require.Equal(t, want, ziaAPIField(in, nil), in)
	}
	cur := map[string]any{"xffForwardEnabled": true}
	require.Equal(t, "xffForwardEnabled", ziaAPIField("xffforwardenabled", cur),
		"the current object's spelling wins")
}

func TestAdvancedReferencesBecomeExactIDs(t *testing.T) {
	a := &ziaAdvanced{Refs: []string{"locations", "labels"}}
	out, err := a.normalize(map[string]any{
		"locations": []any{101.0, "102", map[string]any{"id": "103", "name": "HQ"}},
		"labels":    "[9007199254740993]",
		"other":     []any{"kept", "as", "is"},
	}, map[string]string{}, nil)
	require.NoError(t, err)
	require.Equal(t, []any{
		map[string]any{"id": json.Number("101")},
		map[string]any{"id": json.Number("102")},
		map[string]any{"id": json.Number("103"), "name": "HQ"},
	}, out["locations"])
	require.Equal(t, []any{map[string]any{"id": json.Number("9007199254740993")}},
		out["labels"], "JSON text keeps 64-bit ids exact")
	require.Equal(t, []any{"kept", "as", "is"}, out["other"])

	_, err = a.normalize(map[string]any{"labels": "[4338882], [4338883]"},
		map[string]string{}, nil)
	require.ErrorContains(t, err, `advanced field "labels" must be a list of ids`,
		"text holding two lists is refused, not read as its first list")
}

func TestIgnoredFieldsSkipEmptyValues(t *testing.T) {
	res := ziaWithIgnored(map[string]any{}, map[string]any{"a": true, "b": []any{}, "c": "x"},
		map[string]any{"c": "x"})
	require.Equal(t, []string{"a"}, res.Value.(map[string]any)["ignored_fields"])
}

// On update, a value of another kind than the field's current one is refused naming
// the field, where the API would answer with a bare "Request body is invalid.".
func TestAdvancedValuesKeepTheKindOfTheCurrentValue(t *testing.T) {
	a := &ziaAdvanced{}
	cur := map[string]any{"enableFullLogging": false, "timeQuota": json.Number("30"),
		"action": "ALLOW", "srcIps": []any{"10.0.0.1"}}

	_, err := a.normalize(map[string]any{"enable_full_logging": "true"}, nil, cur)
	require.EqualError(t, err, `InvalidArgument: advanced field "enable_full_logging" `+
		`must be a boolean like its current value, got a string`)
	_, err = a.normalize(map[string]any{"timeQuota": "45"}, nil, cur)
	require.ErrorContains(t, err, `must be a number like its current value, got a string`)

	out, err := a.normalize(map[string]any{"enableFullLogging": true, "timeQuota": 45.0,
		"srcIps": []any{}, "newField": "x"}, nil, cur)
	require.NoError(t, err, "same kinds, lists and fields the object lacks are passed on")
	require.Equal(t, true, out["enableFullLogging"])

	_, err = a.normalize(map[string]any{"enableFullLogging": "true"}, nil, nil)
	require.NoError(t, err, "a create has no current value to compare with")
}
