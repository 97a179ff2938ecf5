package server

import (
	"maps"
	"slices"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/query"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The registrar serves some tools with parameters they do not declare themselves: it
// reads those arguments, and the tool's handler never sees them.
const (
	// TokenParam is the parameter through which an agent hands back a confirmation
	// token. The registrar adds it to every delete tool.
	TokenParam = "confirmation_token"
	// QueryParam is the optional JMESPath expression applied to a list tool's records.
	// The registrar adds it to every tool marked Lists; the query engine names it in
	// its errors.
	QueryParam = query.Param
)

var tokenParam = tools.Param{
	Name: TokenParam, Type: tools.String,
	Description: "Leave unset on the first call. If the server answers with a confirmation " +
		"prompt, show it to the user, and only after they explicitly agree call again with " +
		"the same arguments and this set to the token from the prompt.",
}

var queryParam = tools.Param{
	Name: QueryParam, Type: tools.String,
	Description: "Optional JMESPath expression the server applies to the records before " +
		"returning them, to keep only the records and fields you need; prefer the tool's " +
		"own filters where they exist. Field names are the API's own, exactly as in the " +
		"result (camelCase), and the records are the cleaned ones this tool returns: e.g. " +
		"[?state=='ENABLED'].{id: id, name: name}, or length(@) for a count. Numbers " +
		"compare as numbers, ids of any size exactly: [?id > `5`]. On a page ({nodes, " +
		"pageInfo}) it applies to nodes and pageInfo is kept. An invalid expression is an " +
		"error, and nothing is read.",
}

// ServedParams returns the parameters t is served with: its own, the optional
// confirmation_token for a delete tool, and the optional query for a list tool.
func ServedParams(t tools.Tool) []tools.Param {
	out := t.Params
	add := func(p tools.Param) {
		if slices.ContainsFunc(out, func(q tools.Param) bool { return q.Name == p.Name }) {
			return
		}
		out = append(slices.Clone(out), p)
	}
	if t.Kind == tools.Delete {
		add(tokenParam)
	}
	if t.Lists && t.Kind == tools.Read {
		add(queryParam)
	}
	return out
}

// retiredConfirmation is the advice for the Python server's ways of confirming a
// deletion, which saved prompts and scripts may still use.
const retiredConfirmation = "confirm a deletion by calling again with the token " +
	"from the confirmation prompt in " + TokenParam + "; leave this out"

// RetiredParams returns the Python server's parameters of t that it is not served with,
// with the advice given to a call that still uses one: the tool's own, and on a delete
// tool the kwargs channel and confirmed flag that carried the confirmation there.
func RetiredParams(t tools.Tool) map[string]string {
	if t.Kind != tools.Delete {
		return t.Retired
	}
	out := map[string]string{"kwargs": retiredConfirmation, "confirmed": retiredConfirmation}
	maps.Copy(out, t.Retired)
	return out
}

// servedArgs are the arguments of the parameters the registrar adds, as the call gave
// them; empty when not given.
type servedArgs struct {
	token string
	query string
}

// splitServed validates a call's arguments against the served parameters, so errors
// name the added parameters too, and returns the tool's own arguments, as its handler
// will see them, and the added ones.
func splitServed(t tools.Tool, raw map[string]any) (tools.Args, servedArgs, error) {
	if err := tools.RefuseRetired(RetiredParams(t), raw); err != nil {
		return tools.Args{}, servedArgs{}, err
	}
	served := ServedParams(t)
	if len(served) == len(t.Params) {
		args, err := tools.Validate(t.Params, raw)
		return args, servedArgs{}, err
	}
	if _, err := tools.Validate(served, raw); err != nil {
		return tools.Args{}, servedArgs{}, err
	}
	own := maps.Clone(raw)
	var s servedArgs
	for _, p := range served[len(t.Params):] {
		v, _ := own[p.Name].(string)
		delete(own, p.Name)
		switch p.Name {
		case TokenParam:
			s.token = strings.TrimSpace(v)
		case QueryParam:
			s.query = strings.TrimSpace(v)
		}
	}
	args, err := tools.Validate(t.Params, own)
	return args, s, err
}
