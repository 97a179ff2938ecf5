package tools

// GraphQL variable building for the ZMS tools. Optional arguments are left out of the
// variables when the caller did not give them, never sent as null, exactly as the
// API's own SDK does; an absent argument means "no constraint".

// zmsIntArg returns an integer argument, or def when it is absent.
func zmsIntArg(a Args, name string, def int) int {
	if !a.Has(name) {
		return def
	}
	return int(a.Int(name))
}

// zmsSearchPageVars builds the paging variables of agents, agent groups and nonces
// (page, pageSize, search, sort, sortDir).
func zmsSearchPageVars(a Args) map[string]any {
	v := map[string]any{
		"page":     zmsIntArg(a, "page", zmsDefaultPage),
		"pageSize": zmsIntArg(a, "page_size", zmsDefaultPageSize),
	}
	zmsSetString(v, "search", a, "search")
	zmsSetString(v, "sort", a, "sort")
	zmsSetString(v, "sortDir", a, "sort_dir")
	return v
}

// zmsNumberedPageVars builds the paging variables of every other list (pageNum, pageSize).
func zmsNumberedPageVars(a Args) map[string]any {
	return map[string]any{
		"pageNum":  zmsIntArg(a, "page_num", zmsDefaultPage),
		"pageSize": zmsIntArg(a, "page_size", zmsDefaultPageSize),
	}
}

// zmsSetString copies a non-empty string argument into the variables under key.
func zmsSetString(v map[string]any, key string, a Args, param string) {
	if s := a.String(param); s != "" {
		v[key] = s
	}
}

// zmsMatch maps one tool argument onto one key of a GraphQL filter input, compared with
// a StringExpression operator.
type zmsMatch struct {
	param, key, op string
}

// zmsContains matches a key by substring; used for names, hostnames and regions.
func zmsContains(param, key string) zmsMatch {
	return zmsMatch{param: param, key: key, op: "contains"}
}

// zmsEquals matches a key exactly; used for enum-like values such as status or action.
func zmsEquals(param, key string) zmsMatch {
	return zmsMatch{param: param, key: key, op: "equals"}
}

// zmsSetFilter puts a filter input built from the given matches under "filter", or
// nothing when none of their arguments was given.
func zmsSetFilter(v map[string]any, a Args, matches ...zmsMatch) {
	filter := map[string]any{}
	for _, m := range matches {
		if s := a.String(m.param); s != "" {
			filter[m.key] = map[string]any{m.op: s}
		}
	}
	if len(filter) > 0 {
		v["filter"] = filter
	}
}

// zmsSetOrder puts {key: sort_order} under "orderBy" when sort_order was given.
func zmsSetOrder(v map[string]any, a Args, key string) {
	if dir := a.String("sort_order"); dir != "" {
		v["orderBy"] = map[string]any{key: dir}
	}
}
