package simulator

import (
	"maps"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// view returns the public form of r as family f shows it.
func (t *Tenant) view(f *family, r record) record {
	out := public(r)
	if f.view != nil {
		f.view(t, out)
	}
	return out
}

// ziaList answers GET on a collection: search, filters, sorting, then paging.
func (t *Tenant) ziaList(f *family, q url.Values) ([]record, *apiError) {
	items := t.queryItems(f, q)
	if f.unpaged {
		return items, nil
	}
	if f.pageSize > 0 && q.Has("page") && !q.Has("pageSize") {
		q = maps.Clone(q)
		q.Set("pageSize", strconv.Itoa(f.pageSize))
	}
	return paginate(items, q)
}

// queryItems returns the views of f's records that pass the query's filters, sorted.
func (t *Tenant) queryItems(f *family, q url.Values) []record {
	items := []record{}
	for _, r := range t.coll(f.name) {
		if f.listScope != nil && !f.listScope(r) {
			continue
		}
		if f.queryScope != nil && !f.queryScope(r, q) {
			continue
		}
		items = append(items, t.view(f, r))
	}
	if s := q.Get("search"); s != "" && len(f.search) > 0 {
		items = slices.DeleteFunc(items, func(r record) bool {
			for _, k := range f.search {
				if containsFold(str(r, k), s) {
					return false
				}
			}
			return true
		})
	}
	for name, fn := range f.filters {
		v := q.Get(name)
		if v == "" {
			continue
		}
		items = slices.DeleteFunc(items, func(r record) bool { return !fn(t, r, v) })
	}
	if f.ordered {
		sortByOrder(items)
	}
	sortItems(items, q.Get("sortBy"), q.Get("sortOrder"))
	return items
}

// sortByOrder puts regular rules by ascending order, then default rules.
func sortByOrder(items []record) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := num(items[i], "order"), num(items[j], "order")
		if (a > 0) != (b > 0) {
			return a > 0
		}
		return a < b
	})
}

// sortItems applies the sortBy/sortOrder parameters of users, groups and departments.
func sortItems(items []record, by, order string) {
	if by == "" {
		if strings.EqualFold(order, "desc") {
			slices.Reverse(items)
		}
		return
	}
	less := func(a, b record) bool { return num(a, "id") < num(b, "id") }
	switch by {
	case "name":
		less = func(a, b record) bool {
			return strings.ToLower(str(a, "name")) < strings.ToLower(str(b, "name"))
		}
	case "modifiedTime":
		less = func(a, b record) bool {
			return num(a, "lastModifiedTime") < num(b, "lastModifiedTime")
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return less(items[i], items[j]) })
	if strings.EqualFold(order, "desc") {
		slices.Reverse(items)
	}
}

// maxPageSize is the largest page the simulator serves; the SDK asks for 10000 users.
const maxPageSize = 10000

// paginate honours page (1-based) and pageSize exactly; no parameters means everything.
func paginate(items []record, q url.Values) ([]record, *apiError) {
	ps, p := q.Get("pageSize"), q.Get("page")
	if ps == "" && p == "" {
		return items, nil
	}
	size, page := 100, 1
	if ps != "" {
		n, err := strconv.Atoi(ps)
		if err != nil {
			return nil, errInvalid("Invalid pageSize: %s", ps)
		}
		if n > maxPageSize {
			return nil, errInvalid("pageSize must not exceed %d", maxPageSize)
		}
		if n > 0 {
			size = n
		}
	}
	if p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, errInvalid("Invalid page: %s", p)
		}
		page = max(n, 1)
	}
	start := (page - 1) * size
	if start >= len(items) {
		return []record{}, nil
	}
	return items[start:min(start+size, len(items))], nil
}

// ziaGet returns the record id of f as a GET shows it.
func (t *Tenant) ziaGet(f *family, id string) (record, *apiError) {
	r, _ := t.find(f.name, id)
	if r == nil {
		return nil, errNotFound("%s with id %s not found", f.name, id)
	}
	return t.view(f, r), nil
}

// ziaCreate adds a record to f built from body: template fields filled in, references
// resolved, an id allocated, the family's own checks run and its unique field checked.
// Like every write it leaves a change pending activation.
func (t *Tenant) ziaCreate(f *family, body any, q url.Values) (record, *apiError) {
	if f.readOnly {
		return nil, errMethod()
	}
	in, ok := body.(map[string]any)
	if !ok {
		return nil, errInvalidBody()
	}
	if f.maxCount > 0 && len(t.coll(f.name)) >= f.maxCount {
		return nil, errLimit("Maximum %d %s are allowed. Limit has exceeded.", f.maxCount, f.name)
	}

	rec, aerr := t.buildRecord(f, in, nil)
	if aerr != nil {
		return nil, aerr
	}

	if f.newID != nil {
		rec["id"] = f.newID(t, rec)
	} else {
		rec["id"] = t.allocID()
	}
	if f.prepare != nil {
		if aerr := f.prepare(t, rec, nil, in, q); aerr != nil {
			return nil, aerr
		}
	}
	if aerr := t.checkUnique(f, rec); aerr != nil {
		return nil, aerr
	}

	t.stamp(rec, true)
	if f.ordered {
		t.insertOrdered(f, rec)
	}
	t.zia.colls[f.name] = append(t.zia.colls[f.name], rec)
	t.pending = true
	return t.view(f, rec), nil
}

// ziaUpdate replaces the record id of f with one built from body, as the API's PUT
// does; server-owned fields of the old record are kept.
func (t *Tenant) ziaUpdate(f *family, id string, body any, q url.Values) (record, *apiError) {
	old, idx := t.find(f.name, id)
	if old == nil {
		return nil, errNotFound("%s with id %s not found", f.name, id)
	}
	if f.readOnly {
		return nil, errMethod()
	}
	if f.protect != nil {
		if why := f.protect(old); why != "" {
			return nil, errInvalid("%s", why)
		}
	}

	in, ok := body.(map[string]any)
	if !ok {
		return nil, errInvalidBody()
	}
	rec, aerr := t.buildRecord(f, in, old)
	if aerr != nil {
		return nil, aerr
	}
	if f.prepare != nil {
		if aerr := f.prepare(t, rec, old, in, q); aerr != nil {
			return nil, aerr
		}
	}
	if aerr := t.checkUnique(f, rec); aerr != nil {
		return nil, aerr
	}

	t.stamp(rec, false)
	if f.ordered {
		t.moveOrdered(f, rec, old)
	}
	t.zia.colls[f.name][idx] = rec
	t.pending = true
	return t.view(f, rec), nil
}

// ziaDelete removes the record id of f unless it is protected or still in use, and
// closes the gap it leaves in the order of an ordered family.
func (t *Tenant) ziaDelete(f *family, id string) *apiError {
	old, idx := t.find(f.name, id)
	if old == nil {
		return errNotFound("%s with id %s not found", f.name, id)
	}
	if f.readOnly {
		return errMethod()
	}

	for _, check := range []func(record) string{f.protect, f.noDelete} {
		if check != nil {
			if why := check(old); why != "" {
				return errInvalid("%s", why)
			}
		}
	}
	if f.inUse != nil {
		if why := f.inUse(t, old); why != "" {
			return errInUse("%s", why)
		}
	}

	items := t.zia.colls[f.name]
	t.zia.colls[f.name] = append(items[:idx:idx], items[idx+1:]...)
	if f.ordered && num(old, "order") > 0 {
		for _, r := range t.peers(f, old) {
			if o := num(r, "order"); o > num(old, "order") {
				r["order"] = o - 1
			}
		}
	}
	t.pending = true
	return nil
}

// buildRecord merges a request body into the family template (old's server-owned
// fields are kept on update) and resolves references.
func (t *Tenant) buildRecord(f *family, in, old record) (record, *apiError) {
	rec := f.template()
	for k, v := range in {
		if k == "id" || strings.HasPrefix(k, "_") || slices.Contains(f.managed, k) {
			continue
		}
		tv, known := rec[k]
		if !known || v == nil {
			continue
		}
		if !kindMatches(tv, v) {
			return nil, errInvalidBody()
		}
		if allowed, ok := f.enums[k]; ok && !slices.Contains(allowed, v.(string)) {
			return nil, errInvalidBody()
		}
		if allowed, ok := f.enumLists[k]; ok {
			for _, e := range v.([]any) {
				s, isStr := e.(string)
				if !isStr || !slices.Contains(allowed, s) {
					return nil, errInvalidBody()
				}
			}
		}
		rec[k] = clone(v)
	}
	if old != nil {
		rec["id"] = old["id"]
		for k, v := range old {
			if strings.HasPrefix(k, "_") || slices.Contains(f.managed, k) {
				rec[k] = clone(v)
			}
		}
	}
	for _, k := range f.required {
		if isEmpty(rec[k]) {
			return nil, errInvalid("%s cannot be null", k)
		}
	}
	for k, coll := range f.refLists {
		refs, aerr := t.resolveRefs(rec[k], coll, k)
		if aerr != nil {
			return nil, aerr
		}
		rec[k] = refs
	}
	for k, coll := range f.refs {
		if rec[k] == nil {
			continue
		}
		m, ok := rec[k].(map[string]any)
		if !ok {
			return nil, errInvalidBody()
		}
		if id, _ := asInt(m["id"]); id == 0 {
			rec[k] = nil
			continue
		}
		target, _ := t.find(coll, m["id"])
		if target == nil {
			return nil, errInvalid("Invalid %s id: %s", k, idKey(m["id"]))
		}
		rec[k] = ref(target)
	}
	return rec, nil
}

// resolveRefs checks a list of {id} references against collection coll and returns
// them as {id,name}.
func (t *Tenant) resolveRefs(v any, coll, field string) ([]any, *apiError) {
	items, _ := v.([]any)
	out := make([]any, 0, len(items))
	seen := map[string]bool{}
	for _, e := range items {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, errInvalidBody()
		}
		if _, ok := asInt(m["id"]); !ok {
			return nil, errInvalidBody()
		}
		target, _ := t.find(coll, m["id"])
		if target == nil {
			return nil, errInvalid("Invalid %s id: %s", field, idKey(m["id"]))
		}
		if key := idKey(m["id"]); !seen[key] {
			seen[key] = true
			out = append(out, ref(target))
		}
	}
	return out, nil
}

// kindMatches reports whether a body value has the JSON kind of the template value.
func kindMatches(tmpl, v any) bool {
	switch tmpl.(type) {
	case string:
		_, ok := v.(string)
		return ok
	case int64:
		_, ok := v.(int64)
		return ok
	case float64:
		_, ok := asFloat(v)
		return ok
	case bool:
		_, ok := v.(bool)
		return ok
	case []any:
		_, ok := v.([]any)
		return ok
	case map[string]any:
		_, ok := v.(map[string]any)
		return ok
	}
	return true
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

func (t *Tenant) checkUnique(f *family, rec record) *apiError {
	if f.unique == "" {
		return nil
	}
	v := str(rec, f.unique)
	for _, r := range t.peers(f, rec) {
		if idKey(r["id"]) != idKey(rec["id"]) && strings.EqualFold(str(r, f.unique), v) {
			return errDuplicate("An object with %s %q already exists", f.unique, v)
		}
	}
	return nil
}

// stamp sets the modification fields the family's records carry.
func (t *Tenant) stamp(rec record, created bool) {
	now := t.now().Unix()
	for _, k := range []string{"lastModifiedTime", "lastModificationTime"} {
		if _, ok := rec[k]; ok {
			rec[k] = now
		}
	}
	if _, ok := rec["lastModifiedBy"]; ok {
		rec["lastModifiedBy"] = apiAdmin()
	}
	if _, ok := rec["createdBy"]; ok && created {
		rec["createdBy"] = apiAdmin()
	}
}

// peers returns the records of f in the same policy as r: the whole collection, or for
// a scoped family those whose scope field has r's value.
func (t *Tenant) peers(f *family, r record) []record {
	all := t.coll(f.name)
	if f.scope == "" {
		return all
	}
	out := make([]record, 0, len(all))
	for _, p := range all {
		if str(p, f.scope) == str(r, f.scope) {
			out = append(out, p)
		}
	}
	return out
}

func regularCount(items []record) int64 {
	var n int64
	for _, r := range items {
		if num(r, "order") > 0 {
			n++
		}
	}
	return n
}

// insertOrdered places a new rule at its requested order (the end when missing or out
// of range) and shifts the rules below it.
func (t *Tenant) insertOrdered(f *family, rec record) {
	if boolean(rec, "defaultRule") {
		return
	}
	items := t.peers(f, rec)
	n := regularCount(items)
	want := num(rec, "order")
	if want <= 0 || want > n+1 {
		want = n + 1
	}
	for _, r := range items {
		if o := num(r, "order"); o >= want {
			r["order"] = o + 1
		}
	}
	rec["order"] = want
}

// moveOrdered moves an updated rule to its requested order, keeping 1..N contiguous.
func (t *Tenant) moveOrdered(f *family, rec, old record) {
	from := num(old, "order")
	if from <= 0 {
		rec["order"] = from
		return
	}
	peers := t.peers(f, old)
	n := regularCount(peers)
	to := num(rec, "order")
	if to <= 0 {
		to = from
	}
	to = min(to, n)
	for _, r := range peers {
		if idKey(r["id"]) == idKey(old["id"]) {
			continue
		}
		o := num(r, "order")
		switch {
		case to < from && o >= to && o < from:
			r["order"] = o + 1
		case to > from && o > from && o <= to:
			r["order"] = o - 1
		}
	}
	rec["order"] = to
}
