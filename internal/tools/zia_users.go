package tools

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The zia_users tools keep the legacy get_zia_* names agents already know. Each one
// either fetches a single object by id (returned as a one-item list, so the result
// shape does not depend on the arguments) or lists with filters.

// ziaUserTools returns the zia_users read tools.
func ziaUserTools(up Upstream) []Tool {
	const ts = "zia_users"
	return []Tool{
		ziaReadList(ts, "get_zia_users", "List or get ZIA users",
			"Returns ZIA users with their department and groups, as a list. With user_id "+
				"returns just that user; otherwise filters by name, department and group, all "+
				"applied by the API. Without page or page_size every page is read.",
			[]Param{
				ziaOptionalID("user_id", "User id; when given only that user is returned, "+
					"and the list filters do not apply."),
				{Name: "name", Type: String,
					Description: "Only users whose name contains this (the API's partial match)."},
				{Name: "dept", Type: String,
					Description: "Only users whose department name starts with this."},
				{Name: "group", Type: String,
					Description: "Only users in a group whose name starts with this."},
				ziaPageParam, ziaPageSizeParam,
			},
			func(ctx context.Context, args Args) (Result, error) {
				if args.Has("user_id") {
					return ziaGetOneAsList(ctx, up, "/users", args, "user_id",
						"name", "dept", "group", "page", "page_size")
				}
				q := url.Values{}
				ziaSetGiven(q, args,
					map[string]string{"name": "name", "dept": "dept", "group": "group"})
				return ziaReadPages(ctx, up, "/users", q, args, nil)
			}),
		ziaReadList(ts, "get_zia_user_groups", "List or get ZIA user groups",
			"Returns ZIA user groups as a list. With group_id returns just that group; name "+
				"matches part of a group name on our side (more reliable than search); search, "+
				"defined_by and sorting are applied by the API. Without page or page_size "+
				"every page is read.",
			[]Param{
				ziaOptionalID("group_id", "Group id; when given only that group is returned, "+
					"and the list filters do not apply."),
				{Name: "name", Type: String,
					Description: "Case-insensitive substring of the group name."},
				ziaSearchParam("group names"),
				{Name: "defined_by", Type: String,
					Description: "Only groups defined by this source, as the API names it."},
				ziaPageParam, ziaPageSizeParam,
				ziaSortByParam("id", "name", "expiry", "status", "external_id", "rank", "mod_time"),
				ziaSortOrderParam,
			},
			func(ctx context.Context, args Args) (Result, error) {
				if args.Has("group_id") {
					return ziaGetOneAsList(ctx, up, "/groups", args, "group_id", "name", "search",
						"defined_by", "page", "page_size", "sort_by", "sort_order")
				}
				q := url.Values{}
				ziaSetGiven(q, args,
					map[string]string{"search": "search", "defined_by": "definedBy"})
				ziaSetSort(q, args)
				return ziaReadPages(ctx, up, "/groups", q, args, ziaKeepNameContaining)
			}),
		ziaReadList(ts, "get_zia_user_departments", "List or get ZIA departments",
			"Returns ZIA departments as a list. With department_id returns just that "+
				"department; otherwise filters with search and sorting applied by the API. "+
				"action read_lite returns only ids and names. Without page or page_size every "+
				"page is read.",
			[]Param{
				{Name: "action", Type: String, Enum: []string{"read", "read_lite"}, Default: "read",
					Description: "read for full records, read_lite for id and name only."},
				ziaOptionalID("department_id", "Department id; when given only that "+
					"department is returned, and the list filters do not apply."),
				{Name: "limit_search", Type: Boolean,
					Description: "When true, search matches department names only (by " +
						"default it also matches comments). Only with search."},
				ziaSearchParam("department names and comments (names only with limit_search)"),
				ziaPageParam, ziaPageSizeParam,
				ziaSortByParam("id", "name", "expiry", "status", "external_id", "rank"),
				ziaSortOrderParam,
			},
			func(ctx context.Context, args Args) (Result, error) {
				path := "/departments"
				if args.String("action") == "read_lite" {
					path += "/lite"
				}
				if args.Has("department_id") {
					return ziaGetOneAsList(ctx, up, path, args, "department_id", "limit_search",
						"search", "page", "page_size", "sort_by", "sort_order")
				}
				if args.Has("limit_search") && strings.TrimSpace(args.String("search")) == "" {
					return Result{}, toolerr.New(toolerr.InvalidArgument,
						"limit_search narrows search to department names; give search too")
				}
				q := url.Values{}
				ziaSetGiven(q, args, map[string]string{"search": "search"})
				if args.Has("limit_search") {
					q.Set("limitSearch", strconv.FormatBool(args.Bool("limit_search")))
				}
				ziaSetSort(q, args)
				return ziaReadPages(ctx, up, path, q, args, nil)
			}),
	}
}
