package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/app"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// started runs the root command with args as a server would start, and returns the
// command (its flags parsed) and the configuration it would serve.
func started(t *testing.T, args ...string) (*cobra.Command, *config.Config) {
	t.Helper()
	var got *config.Config
	var out bytes.Buffer
	cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &out},
		func(cfg *config.Config) error { got = cfg; return nil })
	cmd.SetArgs(args)
	require.NoError(t, cmd.Execute(), out.String())
	return cmd, got
}

func TestReloadRereadsDotenvOverTheEnvironmentUnderFlags(t *testing.T) {
	dir := isolate(t)
	path := writeDotenv(t, dir, "ZSCALER_CLIENT_ID=dotenv-1\nZSCALER_MCP_DEBUG=false\n")
	t.Setenv(config.EnvClientID, "from-env")
	t.Setenv(config.EnvCustomerID, "env-only")
	cmd, cfg := started(t, "--log-tool-calls=false")
	require.Equal(t, "from-env", cfg.Credentials.ClientID, "at start the environment wins")

	writeDotenv(t, dir, "ZSCALER_CLIENT_ID=dotenv-2\nZSCALER_MCP_DEBUG=yes\n"+
		"ZSCALER_MCP_LOG_TOOL_CALLS=true\nzscaler_cloud=ignored\n")
	next, err := reloadConfig(cmd, path)
	require.NoError(t, err)
	require.Equal(t, "dotenv-2", next.Credentials.ClientID, "on reload the .env file wins")
	require.Equal(t, "env-only", next.Credentials.CustomerID, "the environment fills the rest")
	require.True(t, next.Debug)
	require.False(t, next.LogToolCalls, "a flag still wins")
	require.Empty(t, next.Credentials.Cloud, "names are case-sensitive")
	require.Equal(t, path, next.DotenvPath)

	writeDotenv(t, dir, "ZSCALER_MCP_PORT=eighty\n")
	_, err = reloadConfig(cmd, path)
	require.ErrorContains(t, err, `invalid ZSCALER_MCP_PORT (in `+path+`)="eighty"`)

	writeDotenv(t, dir, "ZSCALER_CLIENT_SECRET=\"open\n")
	_, err = reloadConfig(cmd, path)
	require.ErrorContains(t, err, "line 1")
	require.NotContains(t, err.Error(), "open", "the file's contents are never quoted")

	require.NoError(t, os.Remove(path))
	_, err = reloadConfig(cmd, path)
	require.EqualError(t, err, "the .env file "+path+" cannot be read: no such file or directory",
		"the file the server started with is named, not a variable the user never set")
}

func TestRestartFindsANewDotenvAndKeepsItsPrecedence(t *testing.T) {
	dir := isolate(t)
	t.Setenv(config.EnvClientID, "from-env")
	cmd, cfg := started(t)
	require.Empty(t, cfg.DotenvPath)

	writeDotenv(t, dir, "ZSCALER_CLIENT_ID=from-dotenv\nZSCALER_MCP_TOOLSETS=zms\n")
	next, err := restartConfig(cmd)
	require.NoError(t, err)
	require.Equal(t, inWorkdir(t, ".env"), next.DotenvPath,
		"a restart reads the .env file found now, named absolutely")
	require.Equal(t, []string{"zms"}, next.Toolsets)
	require.Equal(t, "from-dotenv", next.Credentials.ClientID)

	// The restarted image is told to keep the .env file winning.
	t.Setenv(app.EnvDotenvOverride, "true")
	_, cfg = started(t)
	require.Equal(t, "from-dotenv", cfg.Credentials.ClientID)
	require.Equal(t, inWorkdir(t, ".env"), cfg.DotenvPath)
}

// liveRecord describes a live process: this test, or its parent. Both are given this
// test's executable, which only this test's own process passes for.
func liveRecord(t *testing.T, pid int, transport string) lifecycle.Record {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	rec := lifecycle.Record{PID: pid, StartedAt: time.Now(), Version: "test",
		Transport: transport, Argv: []string{"zscaler-mcp"}, ShutdownTimeoutSeconds: 1,
		Executable: exe}
	lifecycle.IdentityOf(pid).Stamp(&rec)
	return rec
}

func deadRecord(t *testing.T) lifecycle.Record {
	t.Helper()
	c := exec.Command("true")
	require.NoError(t, c.Run())
	return lifecycle.Record{PID: c.Process.Pid, StartedAt: time.Now(), Transport: "stdio"}
}

func publish(t *testing.T, dir string, rec lifecycle.Record) string {
	t.Helper()
	path := lifecycle.InstanceFile(dir, rec.PID)
	require.NoError(t, lifecycle.Write(path, rec, lifecycle.Identity{PID: rec.PID}))
	return path
}

// runLifecycle runs a subcommand and returns its exit status and output.
func runLifecycle(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := newRootCommand(context.Background(), runIO{stdout: &stdout, stderr: &stderr}, nil)
	cmd.SetArgs(args)
	err := cmd.Execute()
	code := 0
	var exit *exitError
	var usage *usageError
	switch {
	case errors.As(err, &exit):
		code = exit.code
	case errors.As(err, &usage):
		code = 2 // as main maps it, printing the error
		stderr.WriteString(err.Error())
	default:
		require.NoError(t, err, "lifecycle commands report their own errors")
	}
	return code, stdout.String(), stderr.String()
}

func TestLifecycleCommandsFindTheirServer(t *testing.T) {
	isolate(t)
	run := filepath.Join(t.TempDir(), "run")
	require.NoError(t, os.MkdirAll(run, 0o700))
	t.Setenv(lifecycle.EnvRunDir, run)

	code, stdout, stderr := runLifecycle(t, "reload")
	require.Equal(t, 1, code)
	require.Empty(t, stdout)
	require.Contains(t, stderr, "No running zscaler-mcp server found: no live PID file in "+run)

	stale := deadRecord(t)
	stalePath := publish(t, run, stale)
	code, _, stderr = runLifecycle(t, "stop")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "Removed stale PID file "+stalePath)
	require.NoFileExists(t, stalePath)

	self := publish(t, run, liveRecord(t, os.Getpid(), "stdio"))
	parent := publish(t, run, liveRecord(t, os.Getppid(), "streamable-http"))
	code, _, stderr = runLifecycle(t, "reload")
	require.Equal(t, 2, code, "several servers: the user must choose")
	require.Contains(t, stderr, "2 zscaler-mcp servers are running; choose one with --pid N "+
		"or --pid-file PATH:")
	require.Contains(t, stderr, self)
	require.Contains(t, stderr, parent)

	code, _, stderr = runLifecycle(t, "restart", "--pid", strconv.Itoa(os.Getpid()))
	require.Equal(t, 2, code, "chosen by --pid: a stdio server, which cannot restart")
	require.Contains(t, stderr, "serves stdio")
	require.Contains(t, stderr, self)

	code, _, stderr = runLifecycle(t, "stop", "--pid", "999999999")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "No running zscaler-mcp server with pid 999999999")

	missing := filepath.Join(run, "elsewhere.json")
	code, _, stderr = runLifecycle(t, "reload", "--pid-file", missing)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "PID file "+missing+" (from --pid-file) does not exist")

	t.Setenv(config.EnvPIDFile, publish(t, t.TempDir(), deadRecord(t)))
	code, _, stderr = runLifecycle(t, "reload")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "which is no longer running; removed the stale file")

	code, _, stderr = runLifecycle(t, "reload", "--pid", "oops")
	require.Equal(t, 2, code, "usage errors exit 2")
	require.Contains(t, stderr, `invalid argument "oops" for "--pid"`)
}

func TestStatusListsEveryServerAndClearsStaleFiles(t *testing.T) {
	isolate(t)
	run := t.TempDir()
	t.Setenv(lifecycle.EnvRunDir, run)

	code, stdout, stderr := runLifecycle(t, "status")
	require.Equal(t, 1, code)
	require.Empty(t, stdout)
	require.Contains(t, stderr, "No running zscaler-mcp server found: no PID file in "+run)

	stalePath := publish(t, run, deadRecord(t))
	selfPath := publish(t, run, liveRecord(t, os.Getpid(), "streamable-http"))
	code, stdout, stderr = runLifecycle(t, "status")
	require.Equal(t, 0, code, "one server is alive")
	require.Contains(t, stdout, "pid file        : "+selfPath)
	require.Contains(t, stdout, "alive           : yes")
	require.Contains(t, stdout, "pid file        : "+stalePath)
	require.Contains(t, stdout, "alive           : NO (stale PID file)")
	require.Contains(t, stderr, "Removed stale PID file "+stalePath)
	require.NoFileExists(t, stalePath)

	code, stdout, _ = runLifecycle(t, "status", "--json")
	require.Equal(t, 0, code)
	require.True(t, strings.HasPrefix(stdout, "[\n"), stdout)
	require.Contains(t, stdout, `"state": "alive"`)
	require.Contains(t, stdout, `"label": "none"`)
}

// TestStartRefusesAPIDFileInAMissingDirectory: the operator asked for that exact file;
// a server that could not write it must not start unfindable. It is a configuration
// error (exit 2) that names the setting as given and the missing directory.
func TestStartRefusesAPIDFileInAMissingDirectory(t *testing.T) {
	isolate(t)
	missing := filepath.Join(t.TempDir(), "run")
	path := filepath.Join(missing, "server.json")
	reason := `": its directory ` + missing + ` does not exist; create it, or name a file ` +
		`in a directory that exists`

	_, err := resolve(t, "--pid-file", path)
	require.Equal(t, 2, exitStatus(err))
	require.EqualError(t, err, `invalid --pid-file="`+path+reason)

	t.Setenv(config.EnvPIDFile, path)
	_, err = resolve(t)
	require.Equal(t, 2, exitStatus(err))
	require.EqualError(t, err, `invalid ZSCALER_MCP_PID_FILE="`+path+reason)
}

// TestCommandsAimedAtOnePIDLeaveOtherFilesAlone: a command given --pid N removes a
// stale PID file only when it is N's; the stale files of other servers stay for a
// command without --pid, or status, to clear.
func TestCommandsAimedAtOnePIDLeaveOtherFilesAlone(t *testing.T) {
	isolate(t)
	run := t.TempDir()
	t.Setenv(lifecycle.EnvRunDir, run)
	target, other := deadRecord(t), deadRecord(t)
	targetPath, otherPath := publish(t, run, target), publish(t, run, other)
	publish(t, run, liveRecord(t, os.Getpid(), "stdio"))
	self := strconv.Itoa(os.Getpid())

	for _, args := range [][]string{
		{"restart", "--pid", self}, // refused: a stdio server cannot restart
		{"stop", "--pid", "999999999"},
		{"reload", "--pid", "999999999"},
		{"status", "--pid", self},
	} {
		_, _, stderr := runLifecycle(t, args...)
		require.FileExists(t, otherPath, args)
		require.FileExists(t, targetPath, args)
		require.NotContains(t, stderr, "stale", args)
	}

	pid := strconv.Itoa(target.PID)
	code, _, stderr := runLifecycle(t, "stop", "--pid", pid)
	require.Equal(t, 1, code)
	require.Equal(t, "Removed stale PID file "+targetPath+" (pid "+pid+" is no longer "+
		"running).\nNo running zscaler-mcp server with pid "+pid+": its PID file "+
		targetPath+" is stale (pid "+pid+" is no longer running).\n", stderr)
	require.NoFileExists(t, targetPath)
	require.FileExists(t, otherPath, "another server's file is not this command's business")

	code, _, stderr = runLifecycle(t, "status")
	require.Equal(t, 0, code)
	require.Contains(t, stderr, "Removed stale PID file "+otherPath)
	require.NoFileExists(t, otherPath)
}
