package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// The demo ends its server as an MCP client should, by closing the server's input, so
// the server finishes and removes its PID file: a killed one would leave a stale file
// that the next `zscaler-mcp status` reports.
func TestDemoLeavesNoStalePIDFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the server")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "zscaler-mcp")
	build := exec.Command("go", "build", "-o", bin, "../zscaler-mcp")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run(), "build zscaler-mcp")
	runDir := filepath.Join(dir, "run")
	t.Setenv("ZSCALER_MCP_RUN_DIR", runDir)

	require.NoError(t, run([]string{bin, "--demo"}))
	left, err := filepath.Glob(filepath.Join(runDir, "*.json"))
	require.NoError(t, err)
	require.Empty(t, left, "the demo left PID files behind")
}
