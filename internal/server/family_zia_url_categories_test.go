package server

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// The URL categories scenario: the reads and their filters, a custom category's round
// trip with URL additions and removals, then a predefined category changed and put back.
func init() {
	addFamily("zia_url_categories", slices.Concat(
		urlCategoryReads(), customCategoryRoundTrip(), predefinedCategoryRoundTrip())...)
}

func urlCategoryReads() []familyStep {
	return []familyStep{
		{Tool: "zia_list_url_categories", Args: fixed(map[string]any{"custom_only": true}),
			Check: then(listLen(9), listAll("custom", func(r map[string]any) bool {
				return r["customCategory"] == true
			}))},
		{Tool: "zia_list_url_categories",
			Args:  fixed(map[string]any{"custom_only": true, "type": "ALL"}),
			Check: then(listLen(10), listHas("configuredName", "Restricted TLDs", nil))},
		{Tool: "zia_list_url_categories", Args: fixed(map[string]any{"search": "financ"}),
			Check: then(listLen(1), listHas("id", "FINANCE", nil))},
		{Tool: "zia_list_url_categories",
			Args:  fixed(map[string]any{"contains_url": "https://docs.github.com/en"}),
			Check: then(listLen(1), listHas("configuredName", "Dev Tools", nil))},
		{Tool: "zia_url_lookup", Args: fixed(map[string]any{"urls": []any{"ubs.com", "github.com"}}),
			Check: then(listLen(2), listHas("url", "ubs.com",
				func(t *testing.T, _ familyState, r map[string]any) {
					require.Equal(t, []any{"FINANCE"}, r["urlClassifications"])
				}))},
		{Tool: "zia_get_url_category", Args: fixed(map[string]any{"category_id": "CUSTOM_01"}),
			Check: objectHas("", map[string]any{"configuredName": "Allow House Apps"})},
		{Tool: "zia_get_url_category_predefined", Args: fixed(map[string]any{"name": "web search"}),
			Check: objectHas("", map[string]any{"id": "WEB_SEARCH", "customCategory": false})},
		{Tool: "zia_get_url_category_predefined",
			Args: fixed(map[string]any{"name": "Allow House Apps"}), WantError: "InvalidArgument",
			Check: errorSays("zia_get_url_category")},
	}
}

func customCategoryRoundTrip() []familyStep {
	urls := func(want ...any) familyCheck {
		return objectHas("", map[string]any{"urls": want})
	}
	return []familyStep{
		{Tool: "zia_create_url_category", Args: fixed(map[string]any{
			"configured_name": "Scenario Sites", "super_category": "USER_DEFINED",
			"urls": []any{".scenario.example"}, "keywords": []any{"scenario"},
			"description": "first"}),
			Check: saveCreatedID("cat")},
		{Tool: "zia_get_url_category", Args: withID("category_id", "cat", nil),
			Check: then(urls(".scenario.example"),
				objectHas("", map[string]any{"configuredName": "Scenario Sites"}))},
		{Tool: "zia_list_url_categories",
			Args:  fixed(map[string]any{"contains_url": "app.scenario.example"}),
			Check: then(listLen(1), listHas("configuredName", "Scenario Sites", nil))},
		{Tool: "zia_update_url_category", Args: withID("category_id", "cat", map[string]any{
			"description": "second", "urls": []any{".scenario.example", "scenario.org"}})},
		{Tool: "zia_get_url_category", Args: withID("category_id", "cat", nil),
			Check: then(urls(".scenario.example", "scenario.org"), objectHas("", map[string]any{
				"description": "second", "keywords": []any{"scenario"},
				"configuredName": "Scenario Sites", "superCategory": "USER_DEFINED"}))},
		{Tool: "zia_add_urls_to_category", Args: withID("category_id", "cat",
			map[string]any{"urls": []any{"scenario.net", "scenario.org"}}),
			Check: objectHas("", map[string]any{"added": []any{"scenario.net"},
				"already_present": []any{"scenario.org"}})},
		{Tool: "zia_get_url_category", Args: withID("category_id", "cat", nil),
			Check: urls(".scenario.example", "scenario.org", "scenario.net")},
		{Tool: "zia_remove_urls_from_category", Args: withID("category_id", "cat",
			map[string]any{"urls": []any{"scenario.org"}}),
			Check: objectHas("", map[string]any{"removed": []any{"scenario.org"}})},
		{Tool: "zia_get_url_category", Args: withID("category_id", "cat", nil),
			Check: then(urls(".scenario.example", "scenario.net"),
				objectHas("", map[string]any{"keywords": []any{"scenario"}}))},
		{Tool: "zia_update_url_category_predefined",
			Args:      fixed(map[string]any{"name": "Scenario Sites", "description": "x"}),
			WantError: "InvalidArgument", Check: errorSays("zia_update_url_category")},
		{Tool: "zia_delete_url_category", Args: withID("category_id", "cat", nil)},
		{Tool: "zia_get_url_category", Args: withID("category_id", "cat", nil),
			WantError: "NotFound"},
	}
}

func predefinedCategoryRoundTrip() []familyStep {
	finance := fixed(map[string]any{"category_id": "FINANCE"})
	return []familyStep{
		{Tool: "zia_get_url_category", Args: finance,
			Check: objectHas("", map[string]any{"urls": []any{},
				"description": "Financial services"})},
		{Tool: "zia_update_url_category", Args: fixed(map[string]any{"category_id": "FINANCE",
			"description": "x"}), WantError: "InvalidArgument",
			Check: errorSays("zia_update_url_category_predefined")},
		{Tool: "zia_update_url_category_predefined", Args: fixed(map[string]any{
			"name": "Finance", "urls": []any{"bank.scenario.example"},
			"description": "Financial services and the tenant's banks"}),
			Check: objectHas("updated", map[string]any{"id": "FINANCE",
				"urls": []any{"bank.scenario.example"}})},
		{Tool: "zia_get_url_category", Args: finance,
			Check: objectHas("", map[string]any{"urls": []any{"bank.scenario.example"},
				"description":    "Financial services and the tenant's banks",
				"superCategory":  "BUSINESS_AND_ECONOMY",
				"customCategory": false})},
		{Tool: "zia_add_urls_to_category", Args: fixed(map[string]any{"category_id": "FINANCE",
			"urls": []any{"broker.scenario.example"}})},
		{Tool: "zia_get_url_category", Args: finance,
			Check: objectHas("", map[string]any{"urls": []any{"bank.scenario.example",
				"broker.scenario.example"}})},
		// Put it back as it was.
		{Tool: "zia_update_url_category_predefined", Args: fixed(map[string]any{
			"name": "FINANCE", "urls": []any{}, "description": "Financial services"})},
		{Tool: "zia_get_url_category", Args: finance,
			Check: objectHas("", map[string]any{"urls": []any{},
				"description": "Financial services", "superCategory": "BUSINESS_AND_ECONOMY"})},
	}
}
