package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestToolsDocIsCurrent fails when docs/tools.md no longer matches the registry.
// UPDATE_DOCS=1 rewrites it.
func TestToolsDocIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "tools.md")
	want := ToolsMarkdown()
	if os.Getenv("UPDATE_DOCS") == "1" {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err, "docs/tools.md is missing; run make docs")
	require.Equal(t, want, string(got), "docs/tools.md is stale; run make docs")
}
