package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestPredefinedCategoryUpdateByDisplayName(t *testing.T) {
	up, tenant := ziaSim(t)
	before := ziaMust(t, up, "zia_get_url_category", map[string]any{"category_id": "WEB_SEARCH"})

	res := ziaMust(t, up, "zia_update_url_category_predefined", map[string]any{
		"name": "web search", "urls": []any{"search.intra.example"},
		"advanced": map[string]any{"db_categorized_urls": []any{"retained.example"}}})
	require.Contains(t, res["activation"], "Staged")
	got := ziaMust(t, up, "zia_get_url_category", map[string]any{"category_id": "WEB_SEARCH"})
	require.Equal(t, []any{"search.intra.example"}, got["urls"])
	require.Equal(t, []any{"retained.example"}, got["dbCategorizedUrls"])
	for _, k := range []string{"description", "superCategory", "keywords", "type", "val"} {
		require.Equal(t, before[k], got[k], "%s is kept", k)
	}
	require.Equal(t, []string{"PUT /urlCategories/WEB_SEARCH"},
		ziaWritesTo(tenant, "/urlCategories"), "one whole replacement, no list action")
}

func TestPredefinedCategoryUpdateRefusals(t *testing.T) {
	cases := map[string]struct {
		args map[string]any
		kind toolerr.Kind
		says string
	}{
		"a custom category": {map[string]any{"name": "Allow House Apps", "description": "x"},
			toolerr.InvalidArgument, "use zia_update_url_category"},
		"an unknown name": {map[string]any{"name": "No Such Category", "description": "x"},
			toolerr.NotFound, "zia_list_url_categories"},
		"nothing to change": {map[string]any{"name": "FINANCE"},
			toolerr.InvalidArgument, "nothing to change"},
		"a field advanced does not take": {map[string]any{"name": "FINANCE",
			"advanced": map[string]any{"configuredName": "Mine"}},
			toolerr.InvalidArgument, "not accepted"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			up, tenant := ziaSim(t)
			_, err := ziaDo(t, up, "zia_update_url_category_predefined", tc.args)
			requireKindOf(t, err, tc.kind)
			require.Contains(t, err.Error(), tc.says)
			require.Empty(t, tenant.Writes())
		})
	}
}

// A category that turns out custom when read by id (another administrator's change, or
// an id that names one) is refused before anything is sent.
func TestPredefinedCategoryUpdateRereadsTheCategory(t *testing.T) {
	fake := &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Method == "get" {
			return map[string]any{"id": "WEB_SEARCH", "customCategory": true}, nil
		}
		return nil, nil
	}}
	_, err := ziaDo(t, fake, "zia_update_url_category_predefined",
		map[string]any{"name": "Web Search", "urls": []any{}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	for _, c := range fake.Calls() {
		require.NotEqual(t, "put", c.Method)
	}
	require.Equal(t, "type=ALL", fake.Calls()[0].Query.Encode(),
		"TLD categories are found too")
}

// An empty advanced object names nothing to change: the update is refused rather than
// staging a change that changes nothing, here and in the rule and object updates.
func TestAnEmptyAdvancedIsNothingToChange(t *testing.T) {
	for tool, args := range map[string]map[string]any{
		"zia_update_url_category_predefined": {"name": "FINANCE"},
		"zia_update_sandbox_rule":            {"rule_id": "1694999"},
		"zia_update_location":                {"location_id": "36788941"},
	} {
		fake := &ziaFake{}
		args["advanced"] = map[string]any{}
		_, err := ziaDo(t, fake, tool, args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), "nothing to change", tool)
		require.Empty(t, fake.Calls(), tool)
	}
}
