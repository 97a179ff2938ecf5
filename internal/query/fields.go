package query

import (
	"sort"
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/parsing"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// JMESPath answers a field that no record has with null, and a filter on it with an
// empty list: a query written with the Python server's snake_case names, or one that
// starts with "nodes" on a page the query already runs inside, would quietly answer
// "nothing matches". These checks turn the mistakes an agent switching servers makes
// into an error that names the fix.

// checkQueryFields refuses a query that names a field no record has when the fix is
// plain: the records have the same name spelled otherwise (authRequired for
// auth_required), or the name is the list the query already runs on, or a member kept
// beside it (pageInfo of a page). It also refuses a field read from objects that lack
// it where those same objects have it spelled otherwise (type of a URL category's
// scopes, which have Type), although other objects of the records have that name.
// envelope is the object around the records and listField the member holding them,
// when the result is such an object. Other absent fields are left alone: an optional
// field may be missing from every record of a small result.
func checkQueryFields(ast parsing.ASTNode, records any, envelope map[string]any,
	listField string) error {
	names, built, fromData := fieldNames(ast)
	if len(names) == 0 || fromData {
		return nil
	}

	have := keysUntilFound(records, names)
	for k := range built {
		have[k] = true
	}
	var spellings map[string]string
	for _, name := range names {
		if have[name] {
			continue
		}
		if name == listField {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q names the field %q, which no record has: the query already "+
					"runs on the %s list, so drop the leading %s (write [?…] rather than "+
					"%s[?…])", Param, name, name, name, name)
		}
		if _, beside := envelope[name]; beside {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q names the field %q, which no record has: the query runs on "+
					"the %s list, and %s is returned beside its result unchanged",
				Param, name, listField, name)
		}
		if spellings == nil {
			spellings = foldedKeys(have)
		}
		if twin, ok := spellings[foldName(name)]; ok {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q names the field %q, which no record has; field names are the "+
					"API's own, spelled as in the result: write %q", Param, name, twin)
		}
	}
	return checkFieldPlaces(ast, records, built)
}

// checkFieldPlaces refuses a field read where the expression tells from which objects
// (see fieldReads), when none of those objects has it and they have a key spelled
// alike. Fields read from values the query made, and places holding no object, are
// left alone: no refusal is better than a wrong one.
func checkFieldPlaces(ast parsing.ASTNode, records any, built map[string]bool) error {
	reads := fieldReads(ast)
	keys := keysAt(records, reads)
	for _, r := range reads {
		if !r.at.known || built[r.name] {
			continue
		}
		here := keys[placeKey(r.at.path)]
		if len(here) == 0 || here[r.name] {
			continue
		}
		if twin, ok := foldedKeys(here)[foldName(r.name)]; ok {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q names the field %q of %s, which have no such field; field "+
					"names are the API's own, spelled as in the result: write %q",
				Param, r.name, placeLabel(r.at.path), twin)
		}
	}
	return nil
}

// placeLabel names the objects at a place for a message: "the records", or the
// members leading to them ("scopes", "createdBy.name").
func placeLabel(path []string) string {
	if len(path) == 0 {
		return "the records"
	}
	return strings.Join(path, ".")
}

// fieldNames returns the field names the expression reads, each once; the keys it
// builds itself ({Name: name}, object literals), which a later part may read; and
// whether it builds objects whose keys come from the data (group_by, from_items), in
// which case a name the records lack may be one of those keys.
func fieldNames(ast parsing.ASTNode) (names []string, built map[string]bool, fromData bool) {
	seen := map[string]bool{}
	built = map[string]bool{}
	var walk func(n parsing.ASTNode)
	walk = func(n parsing.ASTNode) {
		switch n.NodeType {
		case parsing.ASTField:
			if name, ok := n.Value.(string); ok && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		case parsing.ASTKeyValPair:
			if key, ok := n.Value.(string); ok {
				built[key] = true
			}
		case parsing.ASTLiteral:
			collectKeys(n.Value, built)
		case parsing.ASTFunctionExpression:
			fromData = fromData || n.Value == "group_by" || n.Value == "from_items"
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(ast)
	return names, built, fromData
}

// collectKeys adds every object key found anywhere in v to keys.
func collectKeys(v any, keys map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			keys[k] = true
			collectKeys(e, keys)
		}
	case []any:
		for _, e := range t {
			collectKeys(e, keys)
		}
	}
}

// keysUntilFound collects the object keys found anywhere in v, stopping as soon as
// every one of names is among them: the usual query names fields of the first record,
// so the usual check reads one record, and only a query naming an absent field pays
// for a walk of them all.
func keysUntilFound(v any, names []string) map[string]bool {
	have := map[string]bool{}
	missing := len(names)
	wanted := make(map[string]bool, len(names))
	for _, n := range names {
		wanted[n] = true
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch t := v.(type) {
		case map[string]any:
			for k, e := range t {
				if !have[k] {
					have[k] = true
					if wanted[k] {
						missing--
					}
				}
				if missing == 0 || walk(e) {
					return true
				}
			}
		case []any:
			for _, e := range t {
				if walk(e) {
					return true
				}
			}
		}
		return missing == 0
	}
	walk(v)
	return have
}

// foldedKeys maps each key's folded spelling to the key; where two keys fold alike,
// the first in sorted order is kept, so the advice does not change from call to call.
func foldedKeys(have map[string]bool) map[string]string {
	keys := make([]string, 0, len(have))
	for k := range have {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(map[string]string, len(keys))
	for _, k := range keys {
		if _, dup := out[foldName(k)]; !dup {
			out[foldName(k)] = k
		}
	}
	return out
}

// foldName is a field name with case and underscores ignored: auth_required,
// authRequired and AuthRequired fold alike.
func foldName(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, "_", ""))
}
