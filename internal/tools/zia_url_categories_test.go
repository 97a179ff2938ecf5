package tools

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func ziaCategoryFixture() []any {
	return []any{
		map[string]any{"id": "WEB_SEARCH", "customCategory": false,
			"urls": []any{}, "dbCategorizedUrls": []any{".google.com"}},
		map[string]any{"id": "CUSTOM_01", "configuredName": "Allow House Apps",
			"customCategory": true, "urls": []any{".minecraft.net", "example.com"}},
		map[string]any{"id": "CUSTOM_02", "configuredName": "News", "customCategory": true,
			"urls": []any{}, "dbCategorizedUrls": []any{"news.example.org/world"}},
		map[string]any{"id": "OTHER_ADULT_MATERIAL", "customCategory": false},
	}
}

func ziaIDs(t *testing.T, res Result) []string {
	t.Helper()
	ids := []string{}
	for _, it := range res.Value.([]any) {
		ids = append(ids, it.(map[string]any)["id"].(string))
	}
	return ids
}

func TestZIAListURLCategoriesFiltersOnOurSide(t *testing.T) {
	cases := []struct {
		args map[string]any
		want []string
	}{
		{map[string]any{}, []string{"WEB_SEARCH", "CUSTOM_01", "CUSTOM_02", "OTHER_ADULT_MATERIAL"}},
		{map[string]any{"search": "web_"}, []string{"WEB_SEARCH"}},
		{map[string]any{"search": "house"}, []string{"CUSTOM_01"}},
		{map[string]any{"contains_url": "https://www.minecraft.net/en-us"}, []string{"CUSTOM_01"}},
		{map[string]any{"contains_url": "Minecraft.NET"}, []string{"CUSTOM_01"}},
		{map[string]any{"contains_url": "example.com"}, []string{"CUSTOM_01"}},
		// example.com is listed without a leading dot, so it does not cover subdomains.
		{map[string]any{"contains_url": "www.example.com"}, []string{}},
		{map[string]any{"contains_url": "http://news.example.org:8080/x"}, []string{"CUSTOM_02"}},
		{map[string]any{"contains_url": "maps.google.com"}, []string{"WEB_SEARCH"}},
		{map[string]any{"contains_url": "notminecraft.net"}, []string{}},
		{map[string]any{"contains_url": "minecraft.net", "search": "news"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprint(tc.args), func(t *testing.T) {
			fake := &ziaFake{}
			res, err := ziaRun(t, fake, "zia_list_url_categories", tc.args)
			require.NoError(t, err)
			require.Equal(t, tc.want, ziaIDs(t, res))
			// Neither filter exists upstream, so neither is sent.
			require.Empty(t, fake.Calls()[0].Query)
		})
	}
}

// A contains_url without a host, blank included, is refused before the list is read:
// as no filter at all it would answer with every category.
func TestZIAListURLCategoriesRejectsAURLWithoutHost(t *testing.T) {
	for _, raw := range []string{"https://", "   ", ""} {
		fake := &ziaFake{}
		_, err := ziaRun(t, fake, "zia_list_url_categories",
			map[string]any{"contains_url": raw})
		require.Equal(t, toolerr.InvalidArgument, ziaKind(err), raw)
		require.Contains(t, err.Error(), "contains_url")
		require.Empty(t, fake.Calls(), "nothing is read for %q", raw)
	}
}

func TestZIAURLLookupBatchesByHundred(t *testing.T) {
	urls := make([]any, 150)
	for i := range urls {
		urls[i] = fmt.Sprintf("site%d.example.com", i)
	}
	fake := &ziaFake{}
	res, err := ziaRun(t, fake, "zia_url_lookup", map[string]any{"urls": urls})
	require.NoError(t, err)

	calls := fake.Calls()
	require.Len(t, calls, 2)
	for _, c := range calls {
		require.Equal(t, "post", c.Method)
		require.Equal(t, "/urlLookup", c.Path)
	}
	require.Len(t, calls[0].Body, 100)
	require.Len(t, calls[1].Body, 50)
	require.Equal(t, "site100.example.com", calls[1].Body.([]string)[0])

	require.Equal(t, 150, res.Items)
	last := res.Value.([]any)[149].(map[string]any)
	require.Equal(t, "site149.example.com", last["url"])
}

// The Python server takes the list written as JSON text too; saved prompts do that.
func TestZIAURLLookupTakesTheListAsJSONText(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_url_lookup", map[string]any{"urls": `["a.com", "b.com"]`})
	require.NoError(t, err)

	calls := fake.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, []string{"a.com", "b.com"}, calls[0].Body)
}

func TestZIAURLLookupNeedsAURL(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaRun(t, fake, "zia_url_lookup", map[string]any{"urls": []any{" ", ""}})
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Contains(t, err.Error(), "urls")
	require.Empty(t, fake.Calls())
}

func TestZIAGetURLCategoryPredefined(t *testing.T) {
	cases := []struct {
		name   string
		wantID string
		kind   toolerr.Kind
	}{
		{"WEB_SEARCH", "WEB_SEARCH", ""},
		{"web_search", "WEB_SEARCH", ""},
		{"Web Search", "WEB_SEARCH", ""},
		{"other adult material", "OTHER_ADULT_MATERIAL", ""},
		{"Allow House Apps", "", toolerr.InvalidArgument},
		{"CUSTOM_01", "", toolerr.InvalidArgument},
		{"Gambling", "", toolerr.NotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ziaRun(t, &ziaFake{}, "zia_get_url_category_predefined",
				map[string]any{"name": tc.name})
			if tc.kind != "" {
				require.Equal(t, tc.kind, ziaKind(err))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.wantID, res.Value.(map[string]any)["id"])
		})
	}
}
