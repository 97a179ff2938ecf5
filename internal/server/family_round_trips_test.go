package server

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// Every kind of object a toolset can create goes through one whole round trip in the
// toolset's scenario: created, read back, updated, then deleted with confirmation (the
// scenario runner requires the prompt of every delete that is meant to succeed).
func TestEveryCreatableKindHasAWriteRoundTrip(t *testing.T) {
	kinds := map[string]tools.Kind{}
	toolsetOf := map[string]string{}
	for _, tool := range tools.All(nil) {
		kinds[tool.Name] = tool.Kind
		toolsetOf[tool.Name] = tool.Toolset
	}
	checked := 0
	for name, kind := range kinds {
		noun, isCreate := strings.CutPrefix(name, "zia_create_")
		if kind != tools.Create || !isCreate {
			continue
		}
		update, del := "zia_update_"+noun, "zia_delete_"+noun
		if kinds[update] != tools.Update || kinds[del] != tools.Delete {
			continue
		}
		checked++
		steps := familyScenarios[toolsetOf[name]]
		created, readBack, updated, deleted := -1, -1, -1, -1
		for i, s := range steps {
			switch {
			case s.WantError != "":
			case s.Tool == name && created < 0:
				created = i
			case created >= 0 && updated < 0 && kinds[s.Tool] == tools.Read:
				readBack = i
			case s.Tool == update && readBack > created && updated < 0:
				updated = i
			case s.Tool == del && updated > readBack && deleted < 0:
				deleted = i
			}
		}
		require.True(t, created >= 0 && readBack > created && updated > readBack &&
			deleted > updated,
			"%s: the scenario of %s must create, read back, update and delete a %s "+
				"in that order (steps %d, %d, %d, %d)", name, toolsetOf[name], noun,
			created, readBack, updated, deleted)
	}
	require.Greater(t, checked, 20)
}
