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
				ziaSetGiven(q, args, map[string]string{"name": "name", "dept": "dept", "group": "group"})
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
				ziaSetGiven(q, args, map[string]string{"search": "search", "defined_by": "definedBy"})
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

var (
	ziaPageParam = Param{Name: "page", Type: Integer, Min: Bound(1),
		Description: "Page number (from 1); when given only that page is returned."}
	ziaPageSizeParam = Param{Name: "page_size", Type: Integer, Min: Bound(1), Max: Bound(1000),
		Description: "Records per page, 1 to 1000. With page it sizes that page; alone " +
			"it returns the first page of that size."}
	ziaSortOrderParam = Param{Name: "sort_order", Type: String,
		Enum:        []string{"asc", "desc", "rule_execution"},
		Description: "Sort direction."}
)

func ziaSortByParam(fields ...string) Param {
	return Param{Name: "sort_by", Type: String, Enum: fields, Description: "Field to sort by."}
}

func ziaOptionalID(name, description string) Param {
	return Param{Name: name, Type: ID, Description: description}
}

// ziaSetGiven copies the given, non-empty string arguments into q under the API's names.
func ziaSetGiven(q url.Values, args Args, mapping map[string]string) {
	for name, key := range mapping {
		if v := strings.TrimSpace(args.String(name)); v != "" {
			q.Set(key, v)
		}
	}
}

// ziaSetSort sends sort_by and sort_order with the API's camelCase values (external_id
// becomes externalId, rule_execution becomes ruleExecution).
func ziaSetSort(q url.Values, args Args) {
	if v := args.String("sort_by"); v != "" {
		q.Set("sortBy", ziaLowerCamel(v))
	}
	if v := args.String("sort_order"); v != "" {
		q.Set("sortOrder", ziaLowerCamel(v))
	}
}

func ziaLowerCamel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// ziaGetOneAsList reads the object of collection whose numeric id is the idName
// argument and returns it as a one-item list. The list parameters named in listOnly do
// nothing to a read by id, so giving one with the id is refused rather than ignored.
func ziaGetOneAsList(ctx context.Context, up Upstream, collection string, args Args,
	idName string, listOnly ...string) (Result, error) {
	var given []string
	for _, name := range listOnly {
		if args.Has(name) {
			given = append(given, name)
		}
	}
	if len(given) > 0 {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			"%s reads one record, so %s does not apply; leave it out or drop %s",
			idName, strings.Join(given, ", "), idName)
	}
	id, err := ziaIntID(args, idName)
	if err != nil {
		return Result{}, err
	}
	v, err := up.ZIAGet(ctx, ziaObjectPath(collection, id.String()), nil)
	if err != nil {
		return Result{}, err
	}
	return List([]any{v}), nil
}

// ziaReadPages reads the single page the caller asked for (page, page_size or both; a
// page size alone means the first page), or every page when neither is given, then
// applies filter (if any) on our side.
func ziaReadPages(ctx context.Context, up Upstream, path string, q url.Values, args Args,
	filter func(Args, []any) ([]any, error)) (Result, error) {
	var items []any
	var err error
	if args.Has("page") || args.Has("page_size") {
		page := int64(1)
		if args.Has("page") {
			page = args.Int("page")
		}
		q.Set("page", strconv.FormatInt(page, 10))
		if args.Has("page_size") {
			q.Set("pageSize", strconv.FormatInt(args.Int("page_size"), 10))
		}
		var v any
		if v, err = up.ZIAGet(ctx, path, q); err == nil {
			items, err = ziaAsList(v, path)
		}
	} else {
		items, err = up.ZIAList(ctx, path, q)
	}
	if err != nil {
		return Result{}, err
	}
	if filter != nil {
		if items, err = filter(args, items); err != nil {
			return Result{}, err
		}
	}
	return List(items), nil
}
