package simulator

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// pageArgs reads the page number and size of either paging style.
func pageArgs(args map[string]any, pageKey string) (int, int, *gqlError) {
	page, size := 1, 20
	if v, found := args[pageKey]; found && v != nil {
		n, _ := asInt(v)
		page = int(n)
	}
	if v, found := args["pageSize"]; found && v != nil {
		n, _ := asInt(v)
		size = int(n)
	}
	if page < 1 {
		return 0, 0, badRequest("%s must be at least 1", pageKey)
	}
	if size < 1 || size > 1000 {
		return 0, 0, badRequest("pageSize must be between 1 and 1000")
	}
	return page, size, nil
}

func badRequest(format string, a ...any) *gqlError {
	return &gqlError{message: fmt.Sprintf(format, a...), class: classBadRequest}
}

// connection slices items into one page and computes pageInfo. Style A (page/search)
// reports pageSize 0 when nothing matched, as the service was observed to.
func connection(items []record, page, size int, styleA bool) record {
	total := len(items)
	start := min((page-1)*size, total)
	nodes := make([]any, 0, size)
	for _, r := range items[start:min(start+size, total)] {
		nodes = append(nodes, r)
	}
	reported := size
	if styleA && total == 0 {
		reported = 0
	}
	return record{"nodes": nodes, "pageInfo": record{"pageNumber": page,
		"pageSize": reported, "totalCount": total, "totalPages": (total + size - 1) / size}}
}

// styleA pages agents, agent groups and nonces: page, pageSize, search (substring on
// the search fields), sort (a node field) and sortDir.
func styleA(items []record, args map[string]any, searchFields []string) (any, *gqlError) {
	page, size, gerr := pageArgs(args, "page")
	if gerr != nil {
		return nil, gerr
	}
	if s, _ := args["search"].(string); s != "" {
		items = slices.DeleteFunc(slices.Clone(items), func(r record) bool {
			for _, k := range searchFields {
				// Only text matches: a null field is no "<nil>" to be found.
				if v, isText := r[k].(string); isText && containsFold(v, s) {
					return false
				}
			}
			return true
		})
	}
	if by, _ := args["sort"].(string); by != "" {
		if len(items) > 0 {
			if _, known := items[0][by]; !known || strings.HasPrefix(by, "_") {
				return nil, badRequest("Invalid sort field: %s", by)
			}
		}
		dir, _ := args["sortDir"].(string)
		items = sortRecords(items, []sortKey{{by, dir == "DESC"}})
	}
	return connection(items, page, size, true), nil
}

// fieldValues returns the values a filter key is matched against.
type fieldValues func(r record) []string

func field(k string) fieldValues {
	return func(r record) []string {
		switch v := r[k].(type) {
		case string:
			return []string{v}
		case []any:
			return strList(r, k)
		case nil:
			return nil
		default:
			return []string{fmt.Sprint(v)}
		}
	}
}

// styleB pages the other lists: pageNum, pageSize, a filter of StringExpressions and an
// orderBy input whose keys are applied in the order of orderKeys.
func styleB(items []record, args map[string]any, filters map[string]fieldValues,
	orderKeys []string) (any, *gqlError) {
	page, size, gerr := pageArgs(args, "pageNum")
	if gerr != nil {
		return nil, gerr
	}
	items = applyFilter(items, args["filter"], filters)
	if ob, _ := args["orderBy"].(map[string]any); len(ob) > 0 {
		var keys []sortKey
		for _, k := range orderKeys {
			if dir, _ := ob[k].(string); dir != "" {
				keys = append(keys, sortKey{k, dir == "DESC"})
			}
		}
		items = sortRecords(items, keys)
	}
	return connection(items, page, size, false), nil
}

// applyFilter keeps the records matching every StringExpression of filter.
func applyFilter(items []record, filter any, fields map[string]fieldValues) []record {
	f, _ := filter.(map[string]any)
	if len(f) == 0 {
		return items
	}
	out := []record{}
	for _, r := range items {
		keep := true
		for k, expr := range f {
			get, known := fields[k]
			e, _ := expr.(map[string]any)
			if !known || e == nil {
				continue
			}
			if !slices.ContainsFunc(get(r), func(v string) bool { return matchExpr(v, e) }) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	return out
}

// matchExpr applies a StringExpression: contains/starts/ends ignore case, equals and in
// compare exactly. Every key given must match.
func matchExpr(v string, e map[string]any) bool {
	for k, x := range e {
		if x == nil {
			continue
		}
		switch k {
		case "contains":
			if !containsFold(v, fmt.Sprint(x)) {
				return false
			}
		case "starts":
			if !hasPrefixFold(v, fmt.Sprint(x)) {
				return false
			}
		case "ends":
			if !strings.HasSuffix(strings.ToLower(v), strings.ToLower(fmt.Sprint(x))) {
				return false
			}
		case "equals":
			if v != fmt.Sprint(x) {
				return false
			}
		case "in":
			l, _ := x.([]any)
			if !slices.ContainsFunc(l, func(o any) bool { return fmt.Sprint(o) == v }) {
				return false
			}
		}
	}
	return true
}

type sortKey struct {
	field string
	desc  bool
}

func sortRecords(items []record, keys []sortKey) []record {
	out := slices.Clone(items)
	sort.SliceStable(out, func(i, j int) bool {
		for _, k := range keys {
			c := compareValues(out[i][k.field], out[j][k.field])
			if c == 0 {
				continue
			}
			if k.desc {
				return c > 0
			}
			return c < 0
		}
		return false
	})
	return out
}

func compareValues(a, b any) int {
	if x, okA := asFloat(a); okA {
		if y, okB := asFloat(b); okB {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	return strings.Compare(strings.ToLower(fmt.Sprint(a)), strings.ToLower(fmt.Sprint(b)))
}
