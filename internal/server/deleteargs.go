package server

import (
	"maps"
	"slices"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// TokenParam is the parameter through which an agent hands back a confirmation token.
// The registrar adds it to every delete tool; delete tools do not declare it.
const TokenParam = "confirmation_token"

var tokenParam = tools.Param{
	Name: TokenParam, Type: tools.String,
	Description: "Leave unset on the first call. If the server answers with a confirmation " +
		"prompt, show it to the user, and only after they explicitly agree call again with " +
		"the same arguments and this set to the token from the prompt.",
}

// ServedParams returns the parameters t is served with: its own, and for a delete tool
// the optional confirmation_token.
func ServedParams(t tools.Tool) []tools.Param {
	if t.Kind != tools.Delete || slices.ContainsFunc(t.Params,
		func(p tools.Param) bool { return p.Name == TokenParam }) {
		return t.Params
	}
	return append(slices.Clone(t.Params), tokenParam)
}

// splitToken validates a delete call's arguments against the served parameters, so
// errors name confirmation_token too, and returns the tool's own arguments, as its
// handler will see them, and the token, if one was sent.
func splitToken(t tools.Tool, raw map[string]any) (tools.Args, string, error) {
	if _, err := tools.Validate(ServedParams(t), raw); err != nil {
		return tools.Args{}, "", err
	}
	own := maps.Clone(raw)
	token, _ := own[TokenParam].(string)
	delete(own, TokenParam)
	args, err := tools.Validate(t.Params, own)
	return args, strings.TrimSpace(token), err
}
