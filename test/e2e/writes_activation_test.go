package e2e

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// stagedNote is what every ZIA write result says about activation.
const stagedNote = "Staged, not yet in effect: ZIA applies configuration changes only once they " +
	"are activated. Call zia_activate_configuration after the last change."

func activationStatus(t *testing.T, s *stdioServer) any {
	t.Helper()
	return object(t, mustCall(t, s, "zia_get_activation_status", nil))["status"]
}

// TestCreateUpdateActivateRoundTrip is an agent's change from start to finish: a
// created and an updated label are staged, the results say so, and activation puts
// them into effect.
func TestCreateUpdateActivateRoundTrip(t *testing.T) {
	s := startStdio(t, writeEnv(labelWrites), "--demo", "--log-tool-calls")
	require.Equal(t, "ACTIVE", activationStatus(t, s))

	from := mark(t, s.client, s.stderr)
	res := mustCall(t, s, "zia_create_rule_label",
		map[string]any{"name": "Change window", "description": "Until Friday"})
	created := object(t, res)
	require.Equal(t, stagedNote, created["activation"])
	require.Contains(t, text(res), "zia_activate_configuration", "the text reminds the agent too")
	label := created["created"].(map[string]any)
	require.Equal(t, "Change window", label["name"])
	id := label["id"].(interface{ String() string }).String()
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_create_rule_label | args: {description: "Until Friday", name: "Change window"}`,
		`[TOOL OK]   zia_create_rule_label | Nms | ok`)
	require.Equal(t, "PENDING", activationStatus(t, s), "the change is staged")

	from = mark(t, s.client, s.stderr)
	res = mustCall(t, s, "zia_update_rule_label",
		map[string]any{"label_id": id, "description": "Until Monday"})
	updated := object(t, res)
	require.Equal(t, stagedNote, updated["activation"])
	require.Equal(t, "Until Monday", updated["updated"].(map[string]any)["description"])
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_update_rule_label | args: {description: "Until Monday", label_id: "`+id+`"}`,
		`[TOOL OK]   zia_update_rule_label | Nms | ok`)

	got := object(t, mustCall(t, s, "zia_get_rule_label", map[string]any{"label_id": id}))
	require.Equal(t, "Change window", got["name"], "what the update did not name keeps its value")
	require.Equal(t, "Until Monday", got["description"])

	res = failed(t, s.client, "zia_update_rule_label", map[string]any{"label_id": id})
	require.Equal(t, "InvalidArgument: nothing to change: give at least one of name, description",
		text(res))
	res = failed(t, s.client, "zia_create_rule_label", map[string]any{"name": "Change window"})
	require.Contains(t, text(res), "already exists", "names are unique")
	require.Equal(t, "PENDING", activationStatus(t, s))

	from = mark(t, s.client, s.stderr)
	res = mustCall(t, s, "zia_activate_configuration", nil)
	require.Equal(t, "ACTIVE", object(t, res)["status"])
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_activate_configuration | args: {}`,
		`[TOOL OK]   zia_activate_configuration | Nms | ok`)
	require.Equal(t, "ACTIVE", activationStatus(t, s))
	require.True(t, labelExists(t, s.client, id))
}
