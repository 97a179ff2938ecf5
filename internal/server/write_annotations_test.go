package server

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// TestAnnotationsFollowTheKind checks the hints every served tool advertises: creates
// add objects and touch none, updates and deletes change or remove existing ones.
func TestAnnotationsFollowTheKind(t *testing.T) {
	kinds := map[tools.Kind]int{}
	for _, tool := range tools.All(nil) {
		a := definition(tool).Annotations
		kinds[tool.Kind]++
		switch tool.Kind {
		case tools.Read:
			require.True(t, *a.ReadOnlyHint, tool.Name)
			require.False(t, *a.DestructiveHint, tool.Name)
		case tools.Create:
			require.False(t, *a.ReadOnlyHint, tool.Name)
			require.False(t, *a.DestructiveHint, tool.Name)
			require.False(t, *a.IdempotentHint, "%s: a second call creates a second object",
				tool.Name)
		case tools.Update, tools.Delete:
			require.False(t, *a.ReadOnlyHint, tool.Name)
			require.True(t, *a.DestructiveHint, tool.Name)
		}
		require.False(t, *a.OpenWorldHint, tool.Name)
	}
	for _, k := range []tools.Kind{tools.Read, tools.Create, tools.Update, tools.Delete} {
		require.NotZero(t, kinds[k], "the catalog has %s tools", k)
	}
}
