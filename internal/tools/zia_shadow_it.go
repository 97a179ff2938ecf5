package tools

import (
	"context"
	"net/url"
	"strconv"
)

// ziaShadowITTools returns the zia_shadow_it read tools. The shadow IT catalog names
// cloud applications by numeric id; it is not the catalog of application enums that
// policy rules take (zia_list_cloud_app_policy lists those).
func ziaShadowITTools(up Upstream) []Tool {
	const ts = "zia_shadow_it"
	apps := ziaRead(ts, "zia_list_shadow_it_apps", "List ZIA shadow IT applications",
		"Lists the cloud applications of the shadow IT catalog, each as id and name; the "+
			"ids feed zia_bulk_update_shadow_it_apps. Without page_number and limit the "+
			"whole catalog is read in one call; with them only that page is returned, and "+
			"a page shorter than limit is the last.",
		[]Param{
			{Name: "page_number", Type: Integer, Min: Bound(0),
				Description: "Page to return, counted from 0."},
			{Name: "limit", Type: Integer, Min: Bound(1),
				Description: "Applications per page; with page_number alone the API's " +
					"default applies."},
		},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			if args.Has("page_number") {
				q.Set("pageNumber", strconv.FormatInt(args.Int("page_number"), 10))
			}
			if args.Has("limit") {
				q.Set("limit", strconv.FormatInt(args.Int("limit"), 10))
			}
			items, err := up.ZIAListUnpaged(ctx, "/cloudApplications/lite", q)
			if err != nil {
				return Result{}, err
			}
			return List(items), nil
		})
	apps.Lists = true
	tags := ziaList{
		Name:  "zia_list_shadow_it_custom_tags",
		Title: "List ZIA shadow IT custom tags",
		Description: "Lists the custom tags that can be put on shadow IT applications, as " +
			"id and name; the ids feed zia_bulk_update_shadow_it_apps.",
		Path:    "/customTags",
		Unpaged: true,
	}.tool(ts, up)
	return []Tool{apps, tags}
}
