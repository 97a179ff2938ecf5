package tools

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Every id a tool takes, in a path, a query or a body, reaches the API in plain decimal
// with every digit: 2^53+1 is neither written 9.007199254740993e+15 nor rounded to 2^53.
// Each ZIA tool runs with all its id parameters set to that value, given as a JSON
// number (a read tool with its required parameters only, since list filters next to an
// optional id are refused), and every request it makes is inspected.
func TestEveryToolSendsIDsInPlainDecimal(t *testing.T) {
	const big = "9007199254740993"
	rounded := []string{"9007199254740992", "9007199254740994", "e+15", "E+15", "e+1", "E+1"}
	walked := 0
	for _, tool := range append(ziaTools(&ziaFake{}), ziaWriteTools(&ziaFake{})...) {
		args := argumentsFor(tool, "")
		for k, v := range listingArgs[tool.Name] {
			args[k] = v
		}
		hasID := false
		for _, p := range tool.Params {
			switch {
			case p.Type == ID:
				args[p.Name], hasID = json.Number(big), true
			case p.Type == IDList:
				args[p.Name], hasID = []any{json.Number(big)}, true
			case !p.Required && tool.Kind == Read:
				delete(args, p.Name)
			}
		}
		if !hasID {
			continue
		}
		walked++
		t.Run(tool.Name, func(t *testing.T) {
			fake := &ziaFake{reply: func(c ziaCall) (any, error) {
				if c.Path == "/customTags" { // tags are checked against the tenant's
					return []any{map[string]any{"id": json.Number(big), "name": "t"}}, nil
				}
				return nil, nil
			}}
			_, _ = ziaRun(t, fake, tool.Name, args)
			carried := false
			for _, c := range fake.Calls() {
				body, err := json.Marshal(c.Body)
				require.NoError(t, err)
				sent := c.Path + "?" + c.Query.Encode() + " " + string(body)
				for _, bad := range rounded {
					require.NotContains(t, sent, bad, "%s sent %s", tool.Name, sent)
				}
				carried = carried || strings.Contains(sent, big)
			}
			require.True(t, carried, "%s never sent the id it was given", tool.Name)
		})
	}
	require.Greater(t, walked, 50)
}
