package tools

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// Every id parameter of a ZIA tool is numeric, so it is checked and written in plain
// decimal when the arguments are validated, except the ids that are names.
func TestEveryZIAIDParameterIsNumericButNames(t *testing.T) {
	names := map[string]bool{
		"zia_get_url_category/category_id":          true,
		"zia_update_url_category/category_id":       true,
		"zia_delete_url_category/category_id":       true,
		"zia_add_urls_to_category/category_id":      true,
		"zia_remove_urls_from_category/category_id": true,
		"zia_get_network_app/app_id":                true,
	}
	seen := 0
	for _, tool := range All(&ziaFake{}) {
		for _, p := range tool.Params {
			if p.Type != ID && p.Type != IDList {
				continue
			}
			key := tool.Name + "/" + p.Name
			zms := strings.HasPrefix(tool.Name, "zms_")
			require.Equal(t, !zms && !names[key], p.Numeric, key)
			if names[key] {
				seen++
			}
		}
	}
	require.Equal(t, len(names), seen, "every name id is still declared")
}

// A numeric id reaches the handler, and the signature of a confirmation, in the plain
// decimal form the API is sent, however the client spelled it.
func TestNumericIDsAreValidatedToPlainDecimal(t *testing.T) {
	tool := ziaTool(t, &ziaFake{}, "zia_delete_time_interval")
	for _, id := range []any{1004.0, json.Number("1004"), "1004", " 01004 ", "+1004"} {
		args, err := Validate(tool.Params, map[string]any{"interval_id": id})
		require.NoError(t, err, "%#v", id)
		require.Equal(t, map[string]any{"interval_id": "1004"}, args.Values(), "%#v", id)
	}

	big := "9007199254740993"
	list := ziaTool(t, &ziaFake{}, "zia_create_network_svc_group")
	args, err := Validate(list.Params, map[string]any{"name": "G",
		"service_ids": []any{" 007 ", 8.0, json.Number(big)}})
	require.NoError(t, err)
	require.Equal(t, []string{"7", "8", big}, args.Strings("service_ids"))

	// Ids that are names are left as they are, but for surrounding space.
	cat := ziaTool(t, &ziaFake{}, "zia_get_url_category")
	args, err = Validate(cat.Params, map[string]any{"category_id": " CUSTOM_01 "})
	require.NoError(t, err)
	require.Equal(t, "CUSTOM_01", args.String("category_id"))
}

// A negative id or 0 names no ZIA object: it is refused, naming the parameter, before
// any request is sent. The built-in Road Warrior location (-3) is the one exception.
func TestIDsBelowOneAreRefusedBeforeAnyRequest(t *testing.T) {
	cases := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"zia_get_location", map[string]any{"location_id": -5.0},
			`parameter "location_id" must be a numeric id above 0 or the built-in -3, got -5`},
		{"zia_get_location", map[string]any{"location_id": " -5 "},
			`parameter "location_id" must be a numeric id above 0 or the built-in -3, got "-5"`},
		{"zia_delete_location", map[string]any{"location_id": "0"},
			`parameter "location_id" must be a numeric id above 0 or the built-in -3, got "0"`},
		{"zia_get_rule_label", map[string]any{"label_id": json.Number("-0")},
			`parameter "label_id" must be a numeric id above 0, got -0`},
		{"zia_get_rule_label", map[string]any{"label_id": "-0"},
			`parameter "label_id" must be a numeric id above 0, got "-0"`},
		{"zia_delete_time_interval", map[string]any{"interval_id": 0.0},
			`parameter "interval_id" must be a numeric id above 0, got 0`},
		{"get_zia_users", map[string]any{"user_id": json.Number("-9007199254740993")},
			`parameter "user_id" must be a numeric id above 0, got -9007199254740993`},
		{"zia_create_network_svc_group", map[string]any{"name": "G",
			"service_ids": []any{-1.0}},
			`parameter "service_ids" must be a numeric id above 0, got -1 (item 1 of 1)`},
		{"zia_update_network_svc_group", map[string]any{"group_id": "7",
			"service_ids": []any{"8", "-2"}},
			`parameter "service_ids" must be a numeric id above 0, got "-2" (item 2 of 2)`},
		{"zia_update_network_svc_group", map[string]any{"group_id": "7",
			"service_ids": []any{"8", "x1", "9"}},
			`parameter "service_ids" must be a numeric id, got "x1" (item 2 of 3)`},
		{"zia_bulk_update_shadow_it_apps", map[string]any{"sanction_state": "any",
			"application_ids": "[1, 0]"},
			`parameter "application_ids" must be a numeric id above 0, got 0 (item 2 of 2)`},
		{"zia_update_location", map[string]any{"location_id": "-4", "description": "x"},
			`got "-4"`},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, tc.tool, tc.args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want, tc.tool)
		require.Empty(t, fake.Calls(), tc.tool)
	}

	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_get_location", map[string]any{"location_id": -3.0})
	require.NoError(t, err)
	require.Equal(t, "/locations/-3", fake.Calls()[0].Path)
}
