package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// TestCommandsRefuseAProcessThatIsNotTheServer: a .env file in the working directory
// names a PID file crafted from what /proc shows of another process (PID and start
// time), as a file left in an untrusted directory for `sudo zscaler-mcp stop` would.
// The command must send nothing and say which file and what did not match.
func TestCommandsRefuseAProcessThatIsNotTheServer(t *testing.T) {
	dir := isolate(t)
	t.Setenv(lifecycle.EnvRunDir, t.TempDir())
	sleep := exec.Command("sleep", "30")
	require.NoError(t, sleep.Start())
	t.Cleanup(func() { _ = sleep.Process.Kill(); _ = sleep.Wait() })
	sleepExe, err := os.Readlink("/proc/" + strconv.Itoa(sleep.Process.Pid) + "/exe")
	require.NoError(t, err)

	crafted := liveRecord(t, sleep.Process.Pid, "streamable-http")
	pidFile := filepath.Join(t.TempDir(), "server.json")
	require.NoError(t, lifecycle.Write(pidFile, crafted, lifecycle.Identity{PID: crafted.PID}))
	writeDotenv(t, dir, "ZSCALER_MCP_PID_FILE="+pidFile+"\n")

	for _, args := range [][]string{{"stop", "--force"}, {"reload"}, {"restart"}} {
		command := args[0]
		code, stdout, stderr := runLifecycle(t, append(args, "--timeout", "1s")...)
		require.Equal(t, 1, code, stderr)
		require.Empty(t, stdout)
		require.Equal(t, "Refusing to "+command+": PID file "+pidFile+" (from "+
			"ZSCALER_MCP_PID_FILE in .env) names pid "+strconv.Itoa(crafted.PID)+", which is "+
			"not the zscaler-mcp server that wrote it: it runs "+sleepExe+", not "+
			crafted.Executable+" as the file records. Nothing was sent; remove the file if no "+
			"server wrote it.\n", stderr)
		require.True(t, lifecycle.Running(crafted), "the process was not signalled")
		require.FileExists(t, pidFile, "the file is kept for the operator to look at")
	}
}
