package tools

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaURLCategoryWriteTools returns the zia_url_categories write tools: create, update
// and delete of custom categories, updates of predefined ones, and URL additions and
// removals for any category.
func ziaURLCategoryWriteTools(up Upstream) []Tool {
	const ts = "zia_url_categories"
	crud := ziaCRUD{
		Toolset: ts, Noun: "url_category", What: "URL category", Path: "/urlCategories",
		IDName:        "category_id",
		IDDescription: "Custom category id such as CUSTOM_01, from zia_list_url_categories.",
		StringID:      true, NameKeys: []string{"configuredName", "id"},
		Params: []Param{
			{Name: "configured_name", Type: String, Required: true, NotBlank: true,
				Description: "Display name of the category, unique among custom categories."},
			{Name: "super_category", Type: String, Required: true,
				Description: "Parent class such as USER_DEFINED, BUSINESS_AND_ECONOMY or " +
					"SECURITY; it decides where the category appears in policies."},
			{Name: "urls", Type: StringList,
				Description: "Domains and URLs, e.g. [\".example.com\", \"example.org/path\"]; a " +
					"leading dot covers subdomains. On update the list replaces the current " +
					"one (zia_add_urls_to_category adds without replacing)."},
			{Name: "description", Type: String, Description: "Free-text description."},
			{Name: "keywords", Type: StringList,
				Description: "Keywords matched in URLs. On update the list replaces the current one."},
			{Name: "ip_ranges", Type: StringList,
				Description: "IP addresses or CIDR ranges. On update the list replaces the current one."},
		},
		UpdateParams: []string{"configured_name", "urls", "description", "keywords", "ip_ranges"},
		Fields: map[string]string{"configured_name": "configuredName",
			"super_category": "superCategory", "urls": "urls", "description": "description",
			"keywords": "keywords", "ip_ranges": "ipRanges"},
		CreateFields:  map[string]any{"customCategory": true},
		Convert:       ziaSuperCategorySpelling,
		Advanced:      ziaURLListsAdvanced(),
		CheckExisting: ziaCustomCategoryOnly,
		CreateDescription: "Creates a custom URL category and returns it with its id " +
			"(CUSTOM_nn), for URL filtering and other rules. " + ziaStagedHint,
		UpdateDescription: "Changes a custom URL category: only the fields given change, " +
			"and a list given replaces the current one. Predefined categories are refused; " +
			"zia_update_url_category_predefined changes them, and zia_add_urls_to_category " +
			"and zia_remove_urls_from_category edit the URLs of any category. " +
			ziaStagedHint,
		DeleteDescription: "Deletes a custom URL category; predefined ones cannot be " +
			"deleted and the API refuses while rules use it. " + ziaDeleteHint,
	}
	return append(crud.tools(up),
		ziaUpdatePredefinedCategoryTool(ts, up),
		ziaURLListTool(ts, up, true),
		ziaURLListTool(ts, up, false))
}

// ziaSuperCategorySpelling writes super_category as the API spells its values, in
// capitals with underscores: the API refuses user_defined or "User Defined" as an
// invalid body without naming the field.
func ziaSuperCategorySpelling(args Args, body, _ map[string]any) error {
	if !args.Has("super_category") {
		return nil
	}
	v := strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").
		Replace(args.String("super_category"))), "_")
	if v == "" {
		return toolerr.New(toolerr.InvalidArgument, "parameter \"super_category\" must not "+
			"be empty; USER_DEFINED suits most custom categories")
	}
	body["superCategory"] = strings.ToUpper(v)
	return nil
}

// ziaURLListsAdvanced is the "advanced" parameter of the URL category updates: only the
// lists whose entries keep their predefined classification, as the Python server.
func ziaURLListsAdvanced() *ziaAdvanced {
	return &ziaAdvanced{
		Allowed: []string{"dbCategorizedUrls", "keywordsRetainingParentCategory",
			"ipRangesRetainingParentCategory"},
		Description: "Lists that keep their entries' predefined classification too: " +
			"dbCategorizedUrls, keywordsRetainingParentCategory, " +
			"ipRangesRetainingParentCategory (or their snake-case names). A list given " +
			"replaces the current one.",
	}
}

// ziaCustomCategoryOnly refuses to replace or delete a predefined category: a whole
// replacement would wipe Zscaler's curated content, and the API deletes none.
func ziaCustomCategoryOnly(cur map[string]any, kind Kind) error {
	if custom, _ := cur["customCategory"].(bool); custom {
		return nil
	}
	id := ziaField(cur, "id")
	if kind == Delete {
		return toolerr.New(toolerr.InvalidArgument,
			"%s is a predefined URL category, which cannot be deleted", id)
	}
	return toolerr.New(toolerr.InvalidArgument, "%s is a predefined URL category, which "+
		"this tool does not change; use zia_update_url_category_predefined, or "+
		"zia_add_urls_to_category and zia_remove_urls_from_category to change its URLs", id)
}

// ziaURLListTool declares zia_add_urls_to_category (add) or
// zia_remove_urls_from_category. Both edit the category's URL list in place with the
// API's ADD_TO_LIST and REMOVE_FROM_LIST actions, so no other entry is touched, and
// work on predefined categories too.
func ziaURLListTool(toolset string, up Upstream, add bool) Tool {
	name, title := "zia_remove_urls_from_category", "Remove URLs from a ZIA URL category"
	what, skipped := "Removes URLs from", "URLs the category does not list"
	if add {
		name, title = "zia_add_urls_to_category", "Add URLs to a ZIA URL category"
		what, skipped = "Adds URLs to", "URLs the category already lists"
	}
	params := []Param{
		ziaCollectionIDParam("category_id", "Category id such as CUSTOM_01 or FINANCE, from "+
			"zia_list_url_categories.", true, nil),
		{Name: "urls", Type: StringList, Required: true,
			Description: "Domains or URLs, written as in the category (a leading dot " +
				"covers subdomains)."},
	}
	t := ziaDeclare(toolset, name, title,
		what+" the URL list of a custom or predefined category, leaving its other "+
			"entries as they are. "+skipped+" are reported and not sent; when none is "+
			"left, nothing is changed. "+ziaStagedHint,
		Update, params, func(ctx context.Context, args Args) (Result, error) {
			return ziaEditURLs(ctx, up, args, add)
		})
	t.Retired = map[string]string{"configured_name": "the category keeps its own name, " +
		"which is sent for you; leave this out (zia_update_url_category renames a custom " +
		"category)"}
	return t
}

// ziaEditURLs adds the given URLs to a category (add) or removes them from it. URLs
// already present (or absent, for a removal) are reported as skipped and not sent, and
// a call that would change nothing stages nothing.
func ziaEditURLs(ctx context.Context, up Upstream, args Args, add bool) (Result, error) {
	var urls []string
	for _, u := range args.Strings("urls") {
		if u = strings.TrimSpace(u); u != "" && !slices.Contains(urls, u) {
			urls = append(urls, u)
		}
	}
	if len(urls) == 0 {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			"parameter \"urls\" must contain at least one URL or domain")
	}

	path := ziaObjectPath("/urlCategories", args.String("category_id"))
	cur, err := ziaCurrent(ctx, up, path)
	if err != nil {
		return Result{}, err
	}

	present := map[string]bool{}
	list, _ := cur["urls"].([]any)
	for _, e := range list {
		if s, ok := e.(string); ok {
			present[s] = true
		}
	}
	var change, skip []string
	for _, u := range urls {
		if present[u] == add {
			skip = append(skip, u)
		} else {
			change = append(change, u)
		}
	}

	changed, skipped, action := "added", "already_present", "ADD_TO_LIST"
	if !add {
		changed, skipped, action = "removed", "not_present", "REMOVE_FROM_LIST"
	}
	if len(change) == 0 {
		return Object(map[string]any{changed: []string{}, skipped: skip,
			"message": "Nothing was changed."}), nil
	}

	// Only the URLs travel: any other list in the body would be merged too, and a
	// removal would take out every entry it names.
	body := map[string]any{"urls": change}
	for _, k := range []string{"configuredName", "superCategory"} {
		if v, ok := cur[k]; ok {
			body[k] = v
		}
	}

	v, err := up.ZIAWrite(ctx, http.MethodPut, path+"?action="+action, body)
	if err != nil {
		return Result{}, err
	}
	res := ziaStaged("updated", v)
	res[changed] = change
	if len(skip) > 0 {
		res[skipped] = skip
	}
	return Object(res), nil
}
