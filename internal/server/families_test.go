package server

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/toolsets"
)

// familyStep is one call of a toolset's scenario against the simulated tenant, made
// through the whole server: validation, write gate, confirmation, sanitization and
// audit, exactly as an agent's call.
type familyStep struct {
	// Tool is the tool to call.
	Tool string
	// Args builds the arguments from what earlier steps saved (ids of created
	// objects, for instance). Nil means no arguments.
	Args func(s familyState) map[string]any
	// Check inspects the decoded structured content of a successful call and may save
	// values for later steps. Lists arrive as {"result": [...]}.
	Check func(t *testing.T, s familyState, v map[string]any)
	// WantError, when set, is the error kind the call must fail with (NotFound after a
	// delete, for instance); the text the agent read is passed to Check as
	// {"error": text}.
	WantError string
	// Summary, when set, is the summary the call's OK audit line must end with
	// ("1 item (1 before query)", for instance).
	Summary string
}

// familyState carries values between the steps of one scenario.
type familyState map[string]any

// str returns a saved value as its plain decimal or string form.
func (s familyState) str(key string) string {
	switch v := s[key].(type) {
	case nil:
		return ""
	case float64:
		return fmt.Sprintf("%.0f", v)
	case json.Number:
		return v.String()
	default:
		return fmt.Sprint(v)
	}
}

// familyScenarios maps a toolset to its scenario. Each toolset's file adds its own in
// an init function, so a new toolset only adds a file.
var familyScenarios = map[string][]familyStep{}

// addFamily registers the scenario of a toolset; it panics on a duplicate so two files
// cannot silently claim the same toolset.
func addFamily(toolset string, steps ...familyStep) {
	if _, dup := familyScenarios[toolset]; dup {
		panic("two scenarios for toolset " + toolset)
	}
	familyScenarios[toolset] = steps
}

// TestEveryToolsetAgainstTheSimulator runs every toolset's scenario, the server's own
// tools included, and checks that the scenario called every tool the toolset has: a
// tool added to a toolset without being tried against the simulator fails here.
func TestEveryToolsetAgainstTheSimulator(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	byToolset := map[string][]string{}
	for _, tool := range append(tools.All(f.up), (&meta{srv: f.srv}).tools()...) {
		byToolset[tool.Toolset] = append(byToolset[tool.Toolset], tool.Name)
	}

	for _, ts := range toolsets.Catalog() {
		if len(byToolset[ts.ID]) == 0 {
			continue
		}
		t.Run(ts.ID, func(t *testing.T) {
			steps, ok := familyScenarios[ts.ID]
			require.True(t, ok, "toolset %s has no scenario", ts.ID)

			f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
			called := map[string]bool{}
			state := familyState{}
			for i, step := range steps {
				called[step.Tool] = true
				f.runStep(t, i, step, state)
			}

			var missed []string
			for _, name := range byToolset[ts.ID] {
				if !called[name] {
					missed = append(missed, name)
				}
			}
			sort.Strings(missed)
			require.Empty(t, missed, "tools of %s the scenario never calls", ts.ID)
		})
	}
}

// runStep makes one call. A delete is confirmed through the token flow: the first call
// must only prompt and the second, with the token, deletes.
func (f *writeFixture) runStep(t *testing.T, i int, step familyStep, state familyState) {
	t.Helper()
	var args map[string]any
	if step.Args != nil {
		args = step.Args(state)
	}
	where := fmt.Sprintf("step %d (%s %v)", i, step.Tool, args)

	res := f.call(t, step.Tool, args)
	if isDelete(step.Tool) && step.WantError == "" {
		require.True(t, isPrompt(res), "%s: a delete must ask for confirmation first: %s",
			where, resultText(res))
		checkPromptNames(t, step.Tool, args, res)
	}
	if isPrompt(res) {
		confirmed := map[string]any{TokenParam: token(t, res)}
		for k, v := range args {
			confirmed[k] = v
		}
		res = f.call(t, step.Tool, confirmed)
	}

	if step.WantError != "" {
		require.True(t, res.IsError, "%s should fail: %s", where, resultText(res))
		require.True(t, strings.HasPrefix(resultText(res), step.WantError+":"),
			"%s: %s", where, resultText(res))
		if step.Check != nil {
			step.Check(t, state, map[string]any{"error": resultText(res)})
		}
		return
	}
	require.False(t, res.IsError, "%s: %s", where, resultText(res))
	if step.Summary != "" {
		lines := f.audit.lines()
		require.NotEmpty(t, lines, where)
		last := lines[len(lines)-1]
		require.True(t, strings.HasPrefix(last, "[TOOL OK]"), "%s: %s", where, last)
		require.Equal(t, step.Summary, strings.SplitN(last, " | ", 3)[2], where)
	}
	if step.Check != nil {
		step.Check(t, state, structured(t, res))
	}
}

// deleteTools names the catalog's delete tools.
var deleteTools = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, tool := range tools.All(nil) {
		out[tool.Name] = tool.Kind == tools.Delete
	}
	return out
})

// isDelete reports whether the catalog's tool of that name is a delete.
func isDelete(name string) bool { return deleteTools()[name] }

// isPrompt reports whether a result is a delete's confirmation prompt.
func isPrompt(res *mcp.CallToolResult) bool {
	sc, ok := res.StructuredContent.(map[string]any)
	return ok && !res.IsError && sc["status"] == "confirmation_required"
}

// records returns the list a list tool returned.
func records(t *testing.T, v map[string]any) []map[string]any {
	t.Helper()
	list, ok := v["result"].([]any)
	require.True(t, ok, "not a list result: %v", v)
	out := make([]map[string]any, 0, len(list))
	for _, item := range list {
		m, ok := item.(map[string]any)
		require.True(t, ok, "record %v is not an object", item)
		out = append(out, m)
	}
	return out
}

// saveFirstID returns a Check that saves the id of a list's first record under key.
func saveFirstID(key string) func(t *testing.T, s familyState, v map[string]any) {
	return func(t *testing.T, s familyState, v map[string]any) {
		t.Helper()
		recs := records(t, v)
		require.NotEmpty(t, recs, "the seeded tenant should have records")
		s[key] = recs[0]["id"]
	}
}

// saveCreatedID returns a Check that saves the id of the object a create returned.
// Write results carry the object under "created".
func saveCreatedID(key string) func(t *testing.T, s familyState, v map[string]any) {
	return func(t *testing.T, s familyState, v map[string]any) {
		t.Helper()
		obj, ok := v["created"].(map[string]any)
		require.True(t, ok, "no created object in %v", v)
		require.NotNil(t, obj["id"])
		s[key] = obj["id"]
	}
}

// withID returns Args that send the saved value key as the parameter param, plus extra.
func withID(param, key string, extra map[string]any) func(s familyState) map[string]any {
	return func(s familyState) map[string]any {
		args := map[string]any{param: s.str(key)}
		for k, v := range extra {
			args[k] = v
		}
		return args
	}
}

// fixed returns Args that are always the same.
func fixed(args map[string]any) func(familyState) map[string]any {
	return func(familyState) map[string]any { return args }
}
