package query

import (
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/parsing"
)

// A name can be a field in one place of the records and a misspelling in another: URL
// categories have a "type" of their own, and their scopes a "Type". So where the
// expression alone tells which objects a field is read from, the name is looked up
// among the keys of those objects, not of the whole records. Lists do not count as
// places: [0], [], [*], [?…] and slices lead to the same objects as the list they
// apply to, so a place is the member names leading from a record to the objects.

// place is where in the records a value comes from: the member names from a record to
// it, or unknown when the expression alone cannot tell (a function's result, a
// built object, a variable, a literal).
type place struct {
	path  []string
	known bool
}

// recordPlace is a record itself, or the records: the place of @ at the top and of $.
var recordPlace = place{known: true}

// unknownPlace is anything the records do not hold as they are.
var unknownPlace = place{}

// member is the place of field name read from the objects at p.
func (p place) member(name string) place {
	if !p.known {
		return unknownPlace
	}
	return place{path: append(p.path[:len(p.path):len(p.path)], name), known: true}
}

// fieldRead is one field the expression reads, and from the objects at which place.
type fieldRead struct {
	name string
	at   place
}

// sameValue reports whether n evaluates its children on the value it is given and
// makes a new value of their results: a comparison, a boolean, arithmetic, a built
// list or object, a let expression and its bindings.
func sameValue(n parsing.ASTNode) bool {
	switch n.NodeType {
	case parsing.ASTComparator, parsing.ASTOrExpression, parsing.ASTAndExpression,
		parsing.ASTNotExpression, parsing.ASTArithmeticExpression,
		parsing.ASTArithmeticUnaryExpression, parsing.ASTKeyValPair,
		parsing.ASTMultiSelectList, parsing.ASTMultiSelectHash, parsing.ASTLetExpression,
		parsing.ASTBindings, parsing.ASTBinding, parsing.ASTLiteral, parsing.ASTVariable:
		return true
	}
	return false
}

// fieldReads returns each field the expression reads with the place it reads it from,
// each pair once, in the order they appear. It follows JMESPath's evaluation: the
// right side of a.b, a[…], a | b and the projections is read from the left side's
// result, a filter's condition from each entry, and the &expression of sort_by,
// min_by, max_by, group_by and map from the entries of the list they go through.
func fieldReads(ast parsing.ASTNode) []fieldRead {
	var reads []fieldRead
	seen := map[string]bool{}
	var eval func(n parsing.ASTNode, at place) place
	eval = func(n parsing.ASTNode, at place) place {
		switch n.NodeType {
		case parsing.ASTField:
			name, _ := n.Value.(string)
			key := name
			if at.known {
				key += "\x00" + placeKey(at.path)
			}
			if !seen[key] {
				seen[key] = true
				reads = append(reads, fieldRead{name: name, at: at})
			}
			return at.member(name)
		case parsing.ASTSubexpression, parsing.ASTIndexExpression, parsing.ASTPipe,
			parsing.ASTProjection:
			for _, c := range n.Children {
				at = eval(c, at)
			}
			return at
		case parsing.ASTFilterProjection:
			entries := eval(n.Children[0], at)
			eval(n.Children[2], entries)
			return eval(n.Children[1], entries)
		case parsing.ASTFlatten:
			return eval(n.Children[0], at)
		case parsing.ASTValueProjection:
			// x.* reads members whatever their names: its right side reads from
			// objects the expression does not name.
			eval(n.Children[0], at)
			eval(n.Children[1], unknownPlace)
			return unknownPlace
		case parsing.ASTIdentity, parsing.ASTCurrentNode, parsing.ASTIndex, parsing.ASTSlice:
			return at
		case parsing.ASTRootNode:
			return recordPlace
		case parsing.ASTFunctionExpression:
			return evalFunction(n, at, eval)
		}
		inner := unknownPlace
		if sameValue(n) {
			inner = at
		}
		for _, c := range n.Children {
			eval(c, inner)
		}
		return unknownPlace
	}
	eval(ast, recordPlace)
	return reads
}

// evalFunction follows a function call for fieldReads: its arguments are read from
// the value it is given, and an &expression from the entries of its list argument.
// Only the functions that pick entries of a list (sort_by, min_by, max_by) return
// values from the place of that list.
func evalFunction(n parsing.ASTNode, at place,
	eval func(parsing.ASTNode, place) place) place {
	args := make([]place, len(n.Children))
	for i, c := range n.Children {
		if c.NodeType != parsing.ASTExpRef {
			args[i] = eval(c, at)
		}
	}
	name, _ := n.Value.(string)
	list := -1
	switch name {
	case "sort_by", "min_by", "max_by", "group_by":
		list = 0
	case "map":
		list = 1
	}
	for i, c := range n.Children {
		if c.NodeType != parsing.ASTExpRef {
			continue
		}
		entries := unknownPlace
		if list >= 0 && list < len(args) && list != i {
			entries = args[list]
		}
		for _, e := range c.Children {
			eval(e, entries)
		}
	}
	if (name == "sort_by" || name == "min_by" || name == "max_by") && len(args) > 0 {
		return args[0]
	}
	return unknownPlace
}

// keysAt gathers the keys of the objects at the places of reads (lists passed
// through), stopping as soon as each read name is among the keys of its place: a
// query that names fields the records have reads few of them, and only one naming an
// absent field pays for a walk of them all. The result maps a place's key (placeKey)
// to the keys seen there; a place with no object has no entry.
func keysAt(records any, reads []fieldRead) map[string]map[string]bool {
	root := &placeNode{}
	missing := 0
	for _, r := range reads {
		if !r.at.known {
			continue
		}
		n := root
		for _, k := range r.at.path {
			n = n.child(k)
		}
		if n.want == nil {
			n.want = map[string]bool{}
		}
		if !n.want[r.name] {
			n.want[r.name] = true
			missing++
		}
	}
	out := map[string]map[string]bool{}
	if missing == 0 {
		return out
	}
	var walk func(v any, n *placeNode, path string) bool
	walk = func(v any, n *placeNode, path string) bool {
		switch t := v.(type) {
		case map[string]any:
			if n.want != nil {
				keys := out[path]
				if keys == nil {
					keys = map[string]bool{}
					out[path] = keys
				}
				for k := range t {
					if !keys[k] && n.want[k] {
						missing--
					}
					keys[k] = true
				}
			}
			for k, c := range n.children {
				if e, has := t[k]; has && walk(e, c, path+"\x00"+k) {
					return true
				}
			}
		case []any:
			for _, e := range t {
				if walk(e, n, path) {
					return true
				}
			}
		}
		return missing == 0
	}
	walk(records, root, "")
	return out
}

// placeNode is one place in the tree of places keysAt looks at.
type placeNode struct {
	children map[string]*placeNode
	// want holds the names sought among the keys of the objects here.
	want map[string]bool
}

// child returns the node of member k, adding it when new.
func (n *placeNode) child(k string) *placeNode {
	if n.children == nil {
		n.children = map[string]*placeNode{}
	}
	c := n.children[k]
	if c == nil {
		c = &placeNode{}
		n.children[k] = c
	}
	return c
}

// placeKey writes a place's path as one string, each member name after a NUL byte,
// so that no two paths are written alike.
func placeKey(path []string) string {
	var b strings.Builder
	for _, k := range path {
		b.WriteString("\x00" + k)
	}
	return b.String()
}
