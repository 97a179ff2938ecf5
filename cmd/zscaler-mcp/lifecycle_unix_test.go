//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// TestLifecycleCommandsTrustOnlyTheirOwnDotenv: the .env file of the working directory
// may name the PID file only when the user running the command (or root) owns it and
// no other user can write it; otherwise it is ignored with a warning naming it.
func TestLifecycleCommandsTrustOnlyTheirOwnDotenv(t *testing.T) {
	dir := isolate(t)
	run := t.TempDir()
	t.Setenv(lifecycle.EnvRunDir, run)
	named := filepath.Join(t.TempDir(), "named.json")
	body := "ZSCALER_MCP_PID_FILE=" + named + "\n"
	dotenv := filepath.Join(dir, ".env")
	ignored := "warning: ignoring " + dotenv + ": "
	fallback := "No running zscaler-mcp server found: no PID file in " + run

	writeDotenv(t, dir, body)
	code, _, stderr := runLifecycle(t, "status")
	require.Equal(t, 1, code)
	require.Equal(t, "No zscaler-mcp PID file at "+named+" (from ZSCALER_MCP_PID_FILE in "+
		".env).\n", stderr, "a file of one's own is read")

	require.NoError(t, os.Chmod(dotenv, 0o666))
	code, _, stderr = runLifecycle(t, "status")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, ignored+"writable by other users (mode 0666). Lifecycle "+
		"commands read ZSCALER_MCP_PID_FILE only from a .env file that you or root own and "+
		"no other user can write; name the file with --pid-file instead.\n")
	require.Contains(t, stderr, fallback)
	require.NotContains(t, stderr, named)

	require.NoError(t, os.Chmod(dotenv, 0o600))
	if os.Geteuid() == 0 {
		require.NoError(t, os.Chown(dotenv, 65534, 65534))
		code, _, stderr = runLifecycle(t, "status")
		require.Equal(t, 1, code)
		require.Contains(t, stderr, ignored+"owned by uid 65534, which is neither you "+
			"(uid 0) nor root.")
		require.Contains(t, stderr, fallback)
	}

	// A FIFO would block a plain open until somebody wrote to it.
	require.NoError(t, os.Remove(dotenv))
	require.NoError(t, syscall.Mkfifo(dotenv, 0o600))
	code, _, stderr = runLifecycle(t, "status")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, ignored+"not a regular file.")

	// A file named explicitly is the user's choice and is read as given.
	require.NoError(t, os.Remove(dotenv))
	other := filepath.Join(t.TempDir(), "settings.env")
	require.NoError(t, os.WriteFile(other, []byte(body), 0o666))
	require.NoError(t, os.Chmod(other, 0o666))
	t.Setenv("ZSCALER_MCP_DOTENV_PATH", other)
	code, _, stderr = runLifecycle(t, "status")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "No zscaler-mcp PID file at "+named)
}

// TestStaleFileThatCannotBeRemoved: a stale PID file that another user's server left
// in a directory the caller may not write stays; every command says it is stale, that
// it could not be removed and why, instead of claiming to have removed it or that
// there is no file.
func TestStaleFileThatCannotBeRemoved(t *testing.T) {
	isolate(t)
	run := t.TempDir()
	t.Setenv(lifecycle.EnvRunDir, run)
	stale := deadRecord(t)
	path := publish(t, run, stale)
	removeStale = func(p string) (bool, error) {
		return false, fmt.Errorf("remove stale PID file: %w",
			&fs.PathError{Op: "remove", Path: p, Err: syscall.EACCES})
	}
	t.Cleanup(func() { removeStale = lifecycle.RemoveStale })
	pid := strconv.Itoa(stale.PID)
	listed := "Stale PID file " + path + " (pid " + pid + " is no longer running) could " +
		"not be removed: permission denied (you may not remove files in " + run + "; remove " +
		"it as a user who may, such as the one whose server wrote it, or with sudo).\n"

	code, _, stderr := runLifecycle(t, "stop", "--pid", pid)
	require.Equal(t, 1, code)
	require.Equal(t, listed+"No running zscaler-mcp server with pid "+pid+": its PID file "+
		path+" is stale (pid "+pid+" is no longer running).\n", stderr)

	code, _, stderr = runLifecycle(t, "status")
	require.Equal(t, 1, code)
	require.Equal(t, listed, stderr)

	code, _, stderr = runLifecycle(t, "reload", "--pid-file", path)
	require.Equal(t, 1, code)
	require.Equal(t, "No running zscaler-mcp server: PID file "+path+" names pid "+pid+
		", which is no longer running; could not remove the stale file: permission denied "+
		"(you may not remove files in "+run+"; remove it as a user who may, such as the one "+
		"whose server wrote it, or with sudo).\n", stderr)
	require.FileExists(t, path)
}
