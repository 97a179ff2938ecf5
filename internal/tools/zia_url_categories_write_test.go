package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestURLCategoryWriteRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_url_category", map[string]any{
		"configured_name": "Partner sites", "super_category": "USER_DEFINED",
		"urls": []any{".partner.example"}, "keywords": []any{"partner"},
		"description": "sites we trust",
		"advanced":    map[string]any{"db_categorized_urls": []any{"shop.example"}}})
	cat := ziaObj(t, created, "created")
	id := ziaID(cat["id"])
	require.Regexp(t, `^CUSTOM_\d+$`, id)
	require.Equal(t, true, cat["customCategory"])
	require.Equal(t, []any{"shop.example"}, cat["dbCategorizedUrls"])

	updated := ziaMust(t, up, "zia_update_url_category", map[string]any{"category_id": id,
		"urls": []any{".partner.example", "portal.example"}})
	cat = ziaObj(t, updated, "updated")
	require.Equal(t, []any{".partner.example", "portal.example"}, cat["urls"])
	require.Equal(t, []any{"partner"}, cat["keywords"], "lists not given survive")
	require.Equal(t, "sites we trust", cat["description"])
	require.Equal(t, "Partner sites", cat["configuredName"])

	added := ziaMust(t, up, "zia_add_urls_to_category", map[string]any{"category_id": id,
		"urls": []any{"portal.example", "new.example", " new.example "}})
	require.Equal(t, []string{"new.example"}, added["added"])
	require.Equal(t, []string{"portal.example"}, added["already_present"])
	require.Equal(t, ziaPendingNote, added["activation"])
	cat = ziaObj(t, added, "updated")
	require.Equal(t, []any{".partner.example", "portal.example", "new.example"}, cat["urls"])
	require.Equal(t, []any{"partner"}, cat["keywords"])

	again := ziaMust(t, up, "zia_add_urls_to_category", map[string]any{"category_id": id,
		"urls": []any{"new.example"}})
	require.Equal(t, "Nothing was changed.", again["message"])
	require.NotContains(t, again, "activation", "no change was staged")

	removed := ziaMust(t, up, "zia_remove_urls_from_category", map[string]any{
		"category_id": id, "urls": []any{"new.example", "gone.example"}})
	require.Equal(t, []string{"new.example"}, removed["removed"])
	require.Equal(t, []string{"gone.example"}, removed["not_present"])
	cat = ziaObj(t, removed, "updated")
	require.Equal(t, []any{".partner.example", "portal.example"}, cat["urls"])
	require.Equal(t, []any{"partner"}, cat["keywords"], "a removal touches the URLs alone")
	require.Equal(t, []any{"shop.example"}, cat["dbCategorizedUrls"])

	ziaMustDelete(t, up, "url_category", map[string]any{"category_id": id},
		Resource{Type: "URL category", ID: id, Name: "Partner sites"})

	p := "/urlCategories/" + id
	require.Equal(t, []string{"POST /urlCategories", "PUT " + p,
		"PUT " + p + "?action=ADD_TO_LIST", "PUT " + p + "?action=REMOVE_FROM_LIST",
		"DELETE " + p}, ziaWritesTo(tenant, "/urlCategories"))
}

func TestPredefinedURLCategoriesAreOnlyEditedByList(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_update_url_category", map[string]any{"category_id": "FINANCE",
		"urls": []any{"bank.example"}})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "zia_add_urls_to_category")
	_, err = ziaDo(t, up, "zia_delete_url_category", map[string]any{"category_id": "FINANCE"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes(), "nothing reaches the tenant")

	added := ziaMust(t, up, "zia_add_urls_to_category", map[string]any{
		"category_id": "FINANCE", "urls": []any{"bank.example"}})
	require.Contains(t, ziaObj(t, added, "updated")["urls"], "bank.example")
	require.Len(t, tenant.Writes(), 1)
}

func TestURLCategoryAdvancedIsClosed(t *testing.T) {
	fake := &ziaFake{}
	for advanced, want := range map[string]string{
		"regex_patterns": "not accepted", "urls": `duplicates parameter "urls"`,
	} {
		_, err := ziaDo(t, fake, "zia_create_url_category", map[string]any{
			"configured_name": "x", "super_category": "USER_DEFINED",
			"advanced": map[string]any{advanced: []any{"a"}}})
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), want)
	}
	require.Empty(t, fake.Calls())
}

// super_category is sent as the API spells it, however the agent wrote it; a blank
// one is refused with a value to use.
func TestURLCategorySuperCategoryIsSpeltAsTheAPIDoes(t *testing.T) {
	up, _ := ziaSim(t)
	for i, given := range []string{"user_defined", " Business and economy ", "news-and-media"} {
		created := ziaMust(t, up, "zia_create_url_category", map[string]any{
			"configured_name": "Spelling " + string(rune('A'+i)), "super_category": given})
		want := []string{"USER_DEFINED", "BUSINESS_AND_ECONOMY", "NEWS_AND_MEDIA"}[i]
		require.Equal(t, want, ziaObj(t, created, "created")["superCategory"], given)
	}
	fake := &ziaFake{}
	_, err := ziaDo(t, fake, "zia_create_url_category", map[string]any{
		"configured_name": "Blank", "super_category": "  "})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "USER_DEFINED")
	require.Empty(t, fake.Calls())
}
