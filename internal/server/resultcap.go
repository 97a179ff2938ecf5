package server

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/jsonsize"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// A result whose JSON text is longer than the configured bound is cut, never silently:
// it becomes {"truncated": {...}, "result": <what fits>}, where "truncated" says what
// was left out and how to narrow the call. The text the agent reads is that object's
// JSON, so it still parses, and the structured content is the same object.
//
// A list (or the nodes of a page) keeps its first records that fit. A single record
// too large on its own, and any other value, keeps its shape and loses the tails of its
// longest lists, which share the room left beside its other fields. A value that does
// not fit even with every list emptied is replaced by null.
const (
	// TruncatedKey names the marker of a cut result.
	TruncatedKey = "truncated"
	// cutResultKey holds what was kept of a cut result.
	cutResultKey = "result"
	// markerSlack is room kept beyond the marker's estimated length, for the digits
	// of counts not known yet.
	markerSlack = 32
	// maxListedFields bounds the cut lists named in a marker.
	maxListedFields = 8
	// maxFitAttempts bounds how often a cut is redone with less room, when its marker
	// turned out longer than estimated (it names cut lists, with their paths).
	maxFitAttempts = 4
)

// cut records how a result was cut.
type cut struct {
	maxBytes int
	// size is the length of the whole result's text.
	size int
	// records is set when records of a list were left out: how many were kept, of
	// how many.
	records *fieldCut
	// fields lists the nested lists that were cut.
	fields []fieldCut
	// dropped means nothing fit: the result was replaced by null.
	dropped bool
	// sizes measures what is cut.
	sizes *sizes
}

// fieldCut is one list cut short: its path, and how many entries were kept of how many.
type fieldCut struct {
	path          string
	kept, entries int
}

// boundResult cuts value, whose JSON text is size bytes long, to fit maxBytes and
// returns the cut result and what was done. records names where the records are: ""
// for the value itself when it is a list, or the member of an object that holds them.
func boundResult(value any, listField string, size, maxBytes int, hint string) (any, *cut) {
	budget := maxBytes - len(`{"result":,"truncated":}`) -
		markerEstimate(value, listField, size, maxBytes, hint)
	// Every attempt measures the same lists: each is measured once.
	sizes := newSizes()
	for range maxFitAttempts {
		c := &cut{maxBytes: maxBytes, size: size, sizes: sizes}
		kept := c.fit(value, listField, budget)
		out := map[string]any{cutResultKey: kept, TruncatedKey: c.marker(hint)}
		over := jsonsize.Of(out) - maxBytes
		if over <= 0 {
			return out, c
		}
		if c.dropped {
			break
		}
		// The marker took more than the room kept for it (it names many lists, or
		// long paths): give what was kept that much less room, and a little more.
		budget -= over + over/8 + 16
		if budget <= 0 {
			break
		}
	}
	c := &cut{maxBytes: maxBytes, size: size, dropped: true}
	return map[string]any{cutResultKey: nil, TruncatedKey: c.marker(hint)}, c
}

// markerEstimate is the length of the marker of a cut that leaves out records: the
// marker of a cut that names lists is longer, and the cut is then redone.
func markerEstimate(value any, listField string, size, maxBytes int, hint string) int {
	c := &cut{maxBytes: maxBytes, size: size}
	if records, _ := recordsOf(value, listField); records != nil {
		c.records = &fieldCut{path: listField, kept: len(records), entries: len(records)}
	}
	return jsonsize.Of(c.marker(hint)) + markerSlack
}

// encodeCut writes a cut result with its marker first, so an agent reading the text
// from the top learns that it is incomplete before it reads the records.
func encodeCut(out map[string]any) (string, error) {
	marker, err := encodeJSON(out[TruncatedKey])
	if err != nil {
		return "", err
	}
	kept, err := encodeJSON(out[cutResultKey])
	if err != nil {
		return "", err
	}
	return `{"` + TruncatedKey + `":` + marker + `,"` + cutResultKey + `":` + kept + `}`, nil
}

// fit returns what of value fits budget bytes.
func (c *cut) fit(value any, listField string, budget int) any {
	records, container := recordsOf(value, listField)
	if records == nil {
		v, ok := c.shrink(value, "", budget)
		if !ok {
			c.dropped = true
			return nil
		}
		return v
	}

	empty := jsonsize.Of(container([]any{}))
	room := budget - empty + 2 // the empty list's brackets are counted in empty
	used, k := 2, 0
	for k < len(records) {
		next := c.sizes.of(records[k])
		if k > 0 {
			next++
		}
		if used+next > room {
			break
		}
		used += next
		k++
	}
	kept := slices.Clone(records[:k])
	if k == 0 && len(records) > 0 {
		// Not even the first record fits: keep it with its own lists cut.
		prefix := "[0]"
		if listField != "" {
			prefix = listField + "[0]"
		}
		if first, ok := c.shrink(records[0], prefix, room-2); ok {
			kept = []any{first}
		}
	}
	if len(kept) < len(records) {
		c.records = &fieldCut{path: listField, kept: len(kept), entries: len(records)}
	}
	return container(kept)
}

// recordsOf finds the records of value and returns them with a function that rebuilds
// value around other records; nil when value holds no list of records.
func recordsOf(value any, listField string) ([]any, func([]any) any) {
	if listField == "" {
		list, ok := value.([]any)
		if !ok {
			return nil, nil
		}
		return list, func(r []any) any { return r }
	}
	obj, ok := value.(map[string]any)
	if !ok {
		return nil, nil
	}
	list, ok := obj[listField].([]any)
	if !ok {
		return nil, nil
	}
	return list, func(r []any) any {
		out := make(map[string]any, len(obj))
		for k, v := range obj {
			out[k] = v
		}
		out[listField] = r
		return out
	}
}

// shrink cuts the lists inside v until it fits budget, and reports whether it does.
// v itself is not changed: the objects cut are copies, and lists are replaced, never
// written to.
func (c *cut) shrink(v any, prefix string, budget int) (any, bool) {
	root := []any{v}
	if !c.shrinkInPlace(root, prefix, budget) {
		return nil, false
	}
	return root[0], true
}

// shrinkInPlace cuts the lists inside root[0], whose path is prefix, until it fits
// budget, and reports whether it does; when it does not, root[0] holds what it held
// (or a copy of it). The lists that hold the others (those not inside another list)
// share the room left beside the rest of the value: each keeps all of its entries or
// about as many bytes as the other cut ones, so that no list is emptied to spare a
// shorter one. A list whose first entry alone is too large keeps that entry with its
// own lists cut the same way, so that a list of lists ([[…]]) keeps entries of the
// innermost list rather than none at all. Each level measures only the objects around
// its lists: the lists' sizes come from c.sizes, which measures each large one once
// however deep the lists are nested.
func (c *cut) shrinkInPlace(root []any, prefix string, budget int) bool {
	size, lists := c.outerLists(root, prefix)
	if size <= budget {
		return true
	}
	listed := 0
	for _, l := range lists {
		listed += l.size
	}
	room := budget - (size - listed)
	if len(lists) == 0 || room < 2*len(lists) {
		return false
	}
	level := shareOf(lists, room)
	slices.SortStableFunc(lists, func(a, b listRef) int { return b.size - a.size })
	for _, l := range lists {
		if l.size <= level {
			continue
		}
		kept := c.prefixFitting(l.list, level)
		if c.cutInside(l, kept, level) {
			continue
		}
		l.set(l.list[:kept:kept])
		c.fields = append(c.fields, fieldCut{path: l.path, kept: kept, entries: len(l.list)})
	}
	return true
}

// cutInside keeps the first kept entries of l, which fit level bytes, and the entry after
// them with its own lists cut to the room left, when that entry may be cut rather than
// dropped: the first entry, whatever holds lists, so that a list of lists ([[…]]) keeps
// entries of the innermost list rather than none at all; or a later entry that is
// itself a list ([urls, keywords]), which is no record, so no record boundary is
// crossed. It reports whether it did.
func (c *cut) cutInside(l listRef, kept, level int) bool {
	if kept >= len(l.list) {
		return false
	}
	next := l.list[kept]
	if _, isList := next.([]any); !isList && (kept > 0 || !holdsLists(next)) {
		return false
	}

	room := level - 2
	for _, e := range l.list[:kept] {
		room -= c.sizes.of(e) + 1
	}
	at := len(c.fields)
	entry := []any{next}
	if !c.shrinkInPlace(entry, fmt.Sprintf("%s[%d]", l.path, kept), room) {
		return false
	}

	l.set(append(slices.Clone(l.list[:kept]), entry[0]))
	if kept+1 < len(l.list) {
		// Named before the lists cut inside its last kept entry.
		c.fields = slices.Insert(c.fields, at,
			fieldCut{path: l.path, kept: kept + 1, entries: len(l.list)})
	}
	return true
}

// holdsLists reports whether v is a list or an object, which may hold lists to cut.
func holdsLists(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

// shareOf returns the most bytes each list may keep so that together they fit room:
// the lists shorter than that keep all they have, and the others share what remains.
func shareOf(lists []listRef, room int) int {
	sizes := make([]int, len(lists))
	for i, l := range lists {
		sizes[i] = l.size
	}
	slices.Sort(sizes)
	for i, s := range sizes {
		n := len(sizes) - i
		if s*n > room {
			return room / n
		}
		room -= s
	}
	return sizes[len(sizes)-1]
}

// prefixFitting returns how many of the first entries of list fit room bytes as a list.
func (c *cut) prefixFitting(list []any, room int) int {
	used := 2
	for i, e := range list {
		next := c.sizes.of(e)
		if i > 0 {
			next++
		}
		if used+next > room {
			return i
		}
		used += next
	}
	return len(list)
}

// listRef is one non-empty list inside a value, with what replaces it there.
type listRef struct {
	path string
	list []any
	size int
	set  func([]any)
}

// outerLists returns the size of root[0] and its non-empty lists that are not inside
// another list. The objects around those lists are replaced by copies, in root[0], so
// that cutting a list changes root[0] and not the value it was given.
func (c *cut) outerLists(root []any, prefix string) (int, []listRef) {
	var lists []listRef
	var walk func(v any, path string, set func(any)) int
	walk = func(v any, path string, set func(any)) int {
		switch t := v.(type) {
		case map[string]any:
			if t == nil {
				return 4
			}
			cp := make(map[string]any, len(t))
			set(cp)
			n := 2 + max(len(t)-1, 0)
			for k, e := range t {
				cp[k] = e
				n += jsonsize.String(k) + 1 + walk(e, joinPath(path, k), func(v any) { cp[k] = v })
			}
			return n
		case []any:
			n := c.sizes.of(t)
			if len(t) > 0 {
				lists = append(lists, listRef{path: path, list: t, size: n,
					set: func(l []any) { set(l) }})
			}
			return n
		}
		return jsonsize.Of(v)
	}
	size := walk(root[0], prefix, func(v any) { root[0] = v })
	return size, lists
}

// pathLabel names a list by its path; the empty path is the value itself.
func pathLabel(path string) string {
	if path == "" {
		return "(the result itself)"
	}
	return path
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// joinPath appends a member name to a path: a.b, or a["odd key"].
func joinPath(path, key string) string {
	if !plainKey.MatchString(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// marker is the "truncated" member of a cut result.
func (c *cut) marker(hint string) map[string]any {
	m := map[string]any{
		"maxResultBytes": c.maxBytes,
		"resultBytes":    c.size,
		"message":        c.message(hint),
	}
	if c.records != nil {
		m["records"] = map[string]any{"returned": c.records.kept,
			"omitted": c.records.entries - c.records.kept}
	}
	if len(c.fields) > 0 {
		fields := make([]any, 0, min(len(c.fields), maxListedFields))
		for _, f := range c.fields[:min(len(c.fields), maxListedFields)] {
			fields = append(fields, map[string]any{"path": f.path, "returned": f.kept,
				"omitted": f.entries - f.kept})
		}
		m["fields"] = fields
	}
	return m
}

// message says in words what the marker says in numbers, and how to get the rest.
func (c *cut) message(hint string) string {
	var b strings.Builder
	if c.dropped {
		fmt.Fprintf(&b, "The result (%d bytes of JSON) does not fit the server's limit of %d "+
			"bytes even with its lists emptied, so none of it is returned.", c.size, c.maxBytes)
	} else {
		fmt.Fprintf(&b, "The result (%d bytes of JSON) was cut to fit the server's limit of "+
			"%d bytes:", c.size, c.maxBytes)
		var parts []string
		if r := c.records; r != nil {
			parts = append(parts, fmt.Sprintf(" %d of %d records are returned, %d left out",
				r.kept, r.entries, r.entries-r.kept))
		}
		for i, f := range c.fields {
			if i == maxListedFields {
				parts = append(parts, fmt.Sprintf(" %d more lists were cut", len(c.fields)-i))
				break
			}
			parts = append(parts, fmt.Sprintf(" the list %s keeps %d of %d entries",
				pathLabel(f.path), f.kept, f.entries))
		}
		b.WriteString(strings.Join(parts, ";") + ".")
	}
	b.WriteString(" " + hint)
	return b.String()
}

// narrowingHint tells the agent how to ask for less with t: its filters, a query, and
// paging, as far as t has them. A write's result reports a change already made, and
// calling the tool again would repeat the change, so its hint points to reading back.
func narrowingHint(t tools.Tool) string {
	if t.ChangesTenant() {
		return "The change itself was made in full; only this report of it is shortened. " +
			"Do not repeat the call to see the rest: read the object back with the " +
			"matching get tool, or with its list tool and a query that keeps only the " +
			"fields needed."
	}
	var filters, paging []string
	fetchAll := false
	for _, p := range t.Params {
		switch {
		case p.Name == "fetch_all":
			fetchAll = true
		case pagingParams[p.Name]:
			paging = append(paging, p.Name)
		case p.Required || !narrows(p):
		default:
			filters = append(filters, p.Name)
		}
	}
	var ways []string
	if len(filters) > 0 {
		ways = append(ways, "use the tool's filters ("+strings.Join(filters, ", ")+")")
	}
	if t.Lists && t.Kind == tools.Read {
		ways = append(ways, "pass a query that keeps fewer records or fields, such as "+
			"[?name=='x'] or [].{id: id, name: name}")
	}
	if len(paging) > 0 {
		way := "page through the results (" + strings.Join(paging, ", ") + ")"
		if fetchAll {
			// The result may have come from fetch_all, which ignores the page asked for:
			// paging with it still on would return the same cut result.
			way += " with fetch_all false, which would otherwise return every page again"
		}
		ways = append(ways, way)
	}
	if len(ways) == 0 {
		return "This tool cannot narrow its result; the server's operator can raise " +
			"ZSCALER_MCP_MAX_RESULT_BYTES."
	}
	if len(ways) > 1 {
		ways[len(ways)-1] = "or " + ways[len(ways)-1]
	}
	return "To see the rest, narrow the call: " + strings.Join(ways, "; ") + "."
}

// narrows reports whether p can make a result smaller: not one that orders it (sort,
// sort_by, sort_dir, sort_order) nor one that asks for more (include_deleted,
// include_device_info, fetch_all), which the hint of a result too large must not
// suggest.
func narrows(p tools.Param) bool {
	n := p.Name
	return n != "sort" && !strings.HasPrefix(n, "sort_") && !strings.HasPrefix(n, "include_") &&
		n != "fetch_all"
}

// pagingParams are the parameter names that select a page.
var pagingParams = map[string]bool{
	"page": true, "page_size": true, "page_num": true, "limit": true, "offset": true,
}
