package tools

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The parameters ZIA lists share (paging, sorting, an optional id) and how the given
// arguments become the API's query parameters and page reads.

// The paging and sorting parameters of the ZIA lists that take them.
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

// ziaSortByParam declares sort_by with the fields a list can be sorted by.
func ziaSortByParam(fields ...string) Param {
	return Param{Name: "sort_by", Type: String, Enum: fields, Description: "Field to sort by."}
}

// ziaOptionalID declares an id that narrows a list to one record when given.
func ziaOptionalID(name, description string) Param {
	return Param{Name: name, Type: ID, Numeric: true, Description: description}
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

// ziaLowerCamel turns snake_case into lowerCamelCase.
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

// ziaQueryBool sends the boolean argument name as the query parameter key when given.
func ziaQueryBool(q url.Values, args Args, name, key string) {
	if args.Has(name) {
		q.Set(key, strconv.FormatBool(args.Bool(name)))
	}
}
