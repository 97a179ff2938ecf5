package server

import (
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/parsing"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// JMESPath answers a field that no record has with null, and a filter on it with an
// empty list: a query written with the Python server's snake_case names, or one that
// starts with "nodes" on a page the query already runs inside, would quietly answer
// "nothing matches". These checks turn the two mistakes an agent switching servers
// makes into an error that names the fix.

// checkQueryFields refuses a query that names a field no record has when the fix is
// plain: the camelCase spelling of a snake_case name is there, or "nodes" names the
// list the query already runs on. Other absent fields are left alone: an optional
// field may be missing from every record of a small result.
func checkQueryFields(ast parsing.ASTNode, records any) error {
	suspects := suspectFields(ast)
	if len(suspects) == 0 {
		return nil
	}

	have := map[string]bool{}
	collectKeys(records, have)
	for _, name := range suspects {
		if have[name] {
			continue
		}
		if camel := camelCase(name); camel != name && have[camel] {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q names the field %q, which no record has; field names are the "+
					"API's own camelCase ones, as in the result: write %q", QueryParam, name, camel)
		}
		if name == "nodes" {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q names the field \"nodes\", which no record has: on a page the "+
					"query already runs on the nodes list, so drop the leading nodes "+
					"(write [?…] rather than nodes[?…])", QueryParam)
		}
	}
	return nil
}

// suspectFields returns the field names of the expression that could be one of the
// two mistakes: snake_case names and "nodes".
func suspectFields(ast parsing.ASTNode) []string {
	var out []string
	var walk func(n parsing.ASTNode)
	walk = func(n parsing.ASTNode) {
		if n.NodeType == parsing.ASTField {
			if name, ok := n.Value.(string); ok && (strings.Contains(name, "_") || name == "nodes") {
				out = append(out, name)
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(ast)
	return out
}

// collectKeys adds every object key found anywhere in v to have.
func collectKeys(v any, have map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			have[k] = true
			collectKeys(e, have)
		}
	case []any:
		for _, e := range t {
			collectKeys(e, have)
		}
	}
}

// camelCase turns snake_case into the API's lowerCamelCase: auth_required becomes
// authRequired.
func camelCase(name string) string {
	parts := strings.Split(name, "_")
	var b strings.Builder
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			p = strings.ToUpper(p[:1]) + p[1:]
		}
		b.WriteString(p)
	}
	return b.String()
}
