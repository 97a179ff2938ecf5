package tools

import (
	"context"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaPredefinedCategoryFields maps the parameters of zia_update_url_category_predefined
// to the API fields they replace.
var ziaPredefinedCategoryFields = map[string]string{"urls": "urls",
	"description": "description", "keywords": "keywords", "ip_ranges": "ipRanges"}

// ziaUpdatePredefinedCategoryTool declares zia_update_url_category_predefined: a change
// to a Zscaler-curated category, found by id or display name like
// zia_get_url_category_predefined. The category is read and sent back whole with the
// given fields replaced, so what is not named keeps its value.
//
// The Python server's configured_name is left out: predefined categories carry no
// configured name, so it changed nothing.
func ziaUpdatePredefinedCategoryTool(toolset string, up Upstream) Tool {
	adv := ziaURLListsAdvanced()
	params := []Param{
		{Name: "name", Type: String, Required: true, NotBlank: true,
			Description: "Predefined category id (FINANCE) or display name (Finance), " +
				"case-insensitive; custom categories are refused."},
		{Name: "urls", Type: StringList,
			Description: "The URLs and domains the tenant adds to the category, e.g. " +
				"[\".example.com\"]; the list replaces the current one " +
				"(zia_add_urls_to_category adds without replacing)."},
		{Name: "description", Type: String, Description: "Free-text description."},
		{Name: "keywords", Type: StringList,
			Description: "Keywords matched in URLs; the list replaces the current one."},
		{Name: "ip_ranges", Type: StringList,
			Description: "IP addresses or CIDR ranges; the list replaces the current one."},
		adv.param(),
	}
	t := ziaDeclare(toolset, "zia_update_url_category_predefined",
		"Update a predefined ZIA URL category",
		"Changes a Zscaler-curated URL category found by id or display name: the lists "+
			"given (urls, keywords, ip_ranges, and those of advanced) replace the tenant's "+
			"current ones and the rest keep their values. To add or remove a few URLs, "+
			"zia_add_urls_to_category and zia_remove_urls_from_category touch nothing else. "+
			"Custom categories are refused; zia_update_url_category changes them. "+
			ziaStagedHint,
		Update, params, func(ctx context.Context, args Args) (Result, error) {
			if err := ziaNeedChange(args, params, "name"); err != nil {
				return Result{}, err
			}
			found, err := ziaFindPredefinedCategory(ctx, up, args.String("name"),
				"zia_update_url_category")
			if err != nil {
				return Result{}, err
			}
			path := ziaObjectPath("/urlCategories", ziaField(found, "id"))
			cur, err := ziaCurrent(ctx, up, path)
			if err != nil {
				return Result{}, err
			}
			if custom, _ := cur["customCategory"].(bool); custom {
				return Result{}, toolerr.New(toolerr.InvalidArgument,
					"%s is a custom URL category; use zia_update_url_category for it",
					ziaField(cur, "id"))
			}
			patch := ziaPatch(params, ziaPredefinedCategoryFields, args)
			var extra map[string]any
			if args.Has("advanced") {
				if extra, err = adv.normalize(args.Object("advanced"), nil, cur); err != nil {
					return Result{}, err
				}
				for k, v := range extra {
					patch[k] = v
				}
			}
			v, err := ziaReplace(ctx, up, path, cur, patch)
			if err != nil {
				return Result{}, err
			}
			return ziaWithIgnored(ziaStaged("updated", v), extra, v), nil
		})
	t.Retired = map[string]string{"configured_name": "predefined categories have no " +
		"configured name to change; leave this out"}
	return t
}
