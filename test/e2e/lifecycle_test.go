package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// lifecycleEnv is a clean environment with a run directory of the test's own, so the
// lifecycle commands see only the servers this test starts.
func lifecycleEnv(t *testing.T, extra ...string) ([]string, string) {
	t.Helper()
	dir := t.TempDir()
	return cleanEnv(append([]string{"ZSCALER_MCP_RUN_DIR=" + dir}, extra...)...), dir
}

// dotenvFile writes a .env file in a directory of its own and returns its path.
func dotenvFile(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".env")
	rewrite(t, path, lines...)
	return path
}

func rewrite(t *testing.T, path string, lines ...string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600))
}

// pidFileOf waits for the server's PID file in dir and returns its path.
func pidFileOf(t *testing.T, dir string, pid int) string {
	t.Helper()
	path := lifecycle.InstanceFile(dir, pid)
	require.Eventually(t, func() bool {
		_, err := lifecycle.Read(path)
		return err == nil
	}, 10*time.Second, 10*time.Millisecond, "no PID file %s", path)
	return path
}

// exited waits for the child to end and returns its exit status.
func exited(t *testing.T, wait func() error) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- wait() }()
	select {
	case err := <-done:
		if err == nil {
			return 0
		}
		var status interface{ ExitCode() int }
		require.ErrorAs(t, err, &status)
		return status.ExitCode()
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not exit")
		return -1
	}
}

func TestReloadTurnsAuditingOnFromTheNextCall(t *testing.T) {
	env, dir := lifecycleEnv(t)
	dotenv := dotenvFile(t, "ZSCALER_MCP_LOG_TOOL_CALLS=false")
	s := startStdio(t, env, "--demo", "--dotenv-path", dotenv)
	pidFileOf(t, dir, s.cmd.Process.Pid)

	mustCall(t, s, "zia_get_activation_status", nil)
	require.Empty(t, s.stderr.auditLines(), "auditing is off")

	rewrite(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS=true", "ZSCALER_MCP_DISABLED_TOOLS=zms_*")
	status, stdout, stderr := run(t, env, "reload")
	require.Equal(t, 0, status, stderr)
	pid := strconv.Itoa(s.cmd.Process.Pid)
	require.Contains(t, stdout, "Sent SIGHUP to zscaler-mcp pid "+pid)
	require.Contains(t, stdout, "Reloaded "+dotenv+": auditing on.")
	require.Contains(t, stdout, "Changed; takes effect on restart: ZSCALER_MCP_DISABLED_TOOLS.")
	require.Contains(t, stdout, "env source : live ("+dotenv+")")
	require.Contains(t, s.stderr.String(),
		`msg="ZSCALER_MCP_DISABLED_TOOLS changed; takes effect on restart" from="" to=zms_*`)

	mustCall(t, s, "zia_get_activation_status", nil)
	lines := s.stderr.waitAudit(t, 2)
	require.Len(t, lines, 2, "exactly the next call is audited")
	require.Equal(t, "[TOOL CALL] zia_get_activation_status | args: {}", lines[0])
	require.Regexp(t, `^\[TOOL OK\]   zia_get_activation_status \| \d+ms \| ok$`, lines[1])

	// Nothing but protocol ever reached stdout.
	for _, line := range strings.Split(strings.TrimSpace(s.stdout.String()), "\n") {
		require.True(t, json.Valid([]byte(line)), "not protocol on stdout: %q", line)
	}
}

func TestReloadWithABrokenDotenvKeepsTheRunningSettings(t *testing.T) {
	env, dir := lifecycleEnv(t)
	dotenv := dotenvFile(t, "ZSCALER_MCP_LOG_TOOL_CALLS=true")
	s := startHTTP(t, env, "--demo", "--dotenv-path", dotenv)
	pidFileOf(t, dir, s.cmd.Process.Pid)
	c := s.connect(t)

	for broken, reason := range map[string]string{
		`ZSCALER_CLIENT_SECRET="never closed`: "line 2 is not a KEY=VALUE assignment",
		"ZSCALER_MCP_DEBUG=sure":              `invalid ZSCALER_MCP_DEBUG (in ` + dotenv + `)="sure"`,
	} {
		rewrite(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS=false", broken)
		status, stdout, stderr := run(t, env, "reload")
		require.Equal(t, 1, status, stdout)
		require.Contains(t, stdout, "Sent SIGHUP")
		require.Contains(t, stderr, "Reload refused: ")
		require.Contains(t, stderr, reason)
		require.Contains(t, stderr, "The server keeps its running configuration.")
		require.NotContains(t, stderr, "never closed", "the .env contents are never shown")
	}
	require.Contains(t, s.stderr.String(), "reload refused; the running configuration stays")

	res, err := call(t, c, "zia_get_activation_status", nil)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))
	require.Len(t, s.stderr.waitAudit(t, 2), 2, "auditing is still on")
}

func TestRestartKeepsThePIDAndReadsTheNewDotenv(t *testing.T) {
	env, dir := lifecycleEnv(t)
	dotenv := dotenvFile(t, "ZSCALER_MCP_LOG_TOOL_CALLS=false")
	s := startHTTP(t, env, "--demo", "--dotenv-path", dotenv)
	pid := s.cmd.Process.Pid
	pidFile := pidFileOf(t, dir, pid)
	before, err := lifecycle.Read(pidFile)
	require.NoError(t, err)

	rewrite(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS=true", "ZSCALER_MCP_DISABLED_TOOLS=zms_*")
	status, stdout, stderr := run(t, env, "restart")
	require.Equal(t, 0, status, "%s\n%s\nserver:\n%s", stdout, stderr, s.stderr.String())
	require.Contains(t, stdout, "Sent SIGUSR2 to zscaler-mcp pid "+strconv.Itoa(pid))
	require.Contains(t, stdout, "Restarted: pid "+strconv.Itoa(pid)+" serves again after")

	after, err := lifecycle.Read(pidFile)
	require.NoError(t, err)
	require.Equal(t, pid, after.PID, "same process, same PID")
	require.True(t, after.StartedAt.After(before.StartedAt))
	require.Equal(t, lifecycle.StateServing, after.State)
	require.Equal(t, before.Argv, after.Argv, "same arguments")

	c := s.connect(t)
	listed, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	for _, tool := range listed.Tools {
		require.False(t, strings.HasPrefix(tool.Name, "zms_"), "%s is disabled now", tool.Name)
	}
	mustCallOn(t, c, "zia_get_activation_status")
	require.Len(t, s.stderr.waitAudit(t, 2), 2, "auditing is on after the restart")

	status, stdout, _ = run(t, env, "status")
	require.Equal(t, 0, status)
	require.Contains(t, stdout, "pid             : "+strconv.Itoa(pid))
	require.Contains(t, stdout, "alive           : yes")
}

// TestRestartIsRefusedWhenTheBinaryCannotStart replaces the server's binary on disk
// with files that exist and are executable but cannot run: the restart must be refused
// while the server still serves, not attempted after it has drained.
func TestRestartIsRefusedWhenTheBinaryCannotStart(t *testing.T) {
	env, dir := lifecycleEnv(t)
	exe := filepath.Join(t.TempDir(), "zscaler-mcp")
	data, err := os.ReadFile(binary)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(exe, data, 0o755))
	s := startServer(t, serverSpec{env: env, args: []string{"--demo"}, binary: exe})
	pid := s.cmd.Process.Pid
	pidFile := pidFileOf(t, dir, pid)

	for name, content := range map[string][]byte{
		"not a program":   []byte("not a program\n"),
		"a partial copy":  data[:len(data)/3],
		"a failing shell": []byte("#!/bin/sh\nexit 3\n"),
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.Remove(exe)) // as an upgrade replaces it
			require.NoError(t, os.WriteFile(exe, content, 0o755))
			status, stdout, stderr := run(t, env, "restart")
			require.Equal(t, 1, status, "%s\n%s\nserver:\n%s", stdout, stderr, s.stderr.String())
			require.Contains(t, stderr, "Restart refused: the binary cannot be run again")
			require.Contains(t, stderr, "The server keeps running.")
			rec, err := lifecycle.Read(pidFile)
			require.NoError(t, err)
			require.Equal(t, lifecycle.StateServing, rec.State)
			mustCallOn(t, s.connect(t), "zia_get_activation_status")
		})
	}
}

func mustCallOn(t *testing.T, c interface {
	CallTool(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error)
}, name string) {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))
}

func TestRestartIsRefusedForStdio(t *testing.T) {
	env, dir := lifecycleEnv(t)
	s := startStdio(t, env, "--demo")
	pidFile := pidFileOf(t, dir, s.cmd.Process.Pid)

	status, stdout, stderr := run(t, env, "restart")
	require.Equal(t, 2, status)
	require.Empty(t, stdout)
	require.Contains(t, stderr, "(PID file "+pidFile+") serves stdio: it cannot be restarted in place")
	mustCall(t, s, "zia_get_activation_status", nil) // still serving, untouched

	// Sent directly, the signal is refused by the server itself.
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGUSR2))
	require.Eventually(t, func() bool {
		rec, err := lifecycle.Read(pidFile)
		return err == nil && rec.RestartRefused != nil
	}, 5*time.Second, 10*time.Millisecond)
	require.Contains(t, s.stderr.String(), "a stdio server cannot restart itself")
	mustCall(t, s, "zia_get_activation_status", nil)
}

// TestStopDrainsAnInFlightCall stops the server with the command while a slow call
// runs: the call gets its result, both its audit lines are written, and the command
// reports a clean exit.
func TestStopDrainsAnInFlightCall(t *testing.T) {
	env, dir := lifecycleEnv(t, "ZSCALER_MCP_DEMO_LATENCY=1500ms")
	auditFile := filepath.Join(t.TempDir(), "audit.log")
	s := startHTTP(t, env, "--demo", "--log-tool-calls", "--audit-log-file", auditFile)
	pidFile := pidFileOf(t, dir, s.cmd.Process.Pid)
	c := s.connect(t)

	type outcome struct {
		res *mcp.CallToolResult
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := call(t, c, "zia_get_activation_status", nil)
		done <- outcome{res, err}
	}()
	require.Eventually(t, func() bool {
		data, _ := os.ReadFile(auditFile)
		return strings.Contains(string(data), "[TOOL CALL]")
	}, 10*time.Second, 10*time.Millisecond)

	status, stdout, stderr := run(t, env, "stop")
	require.Equal(t, 0, status, stderr)
	require.Contains(t, stdout, "Sent SIGTERM to zscaler-mcp pid "+strconv.Itoa(s.cmd.Process.Pid))
	require.Contains(t, stdout, "Stopped: pid "+strconv.Itoa(s.cmd.Process.Pid)+
		" finished its calls and exited after")

	got := <-done
	require.NoError(t, got.err)
	require.False(t, got.res.IsError, text(got.res))
	require.Equal(t, 0, exited(t, s.cmd.Wait))
	require.NoFileExists(t, pidFile)

	data, err := os.ReadFile(auditFile)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, 2)
	require.Contains(t, lines[0], "[TOOL CALL] zia_get_activation_status | args: {}")
	require.Regexp(t, `\[TOOL OK\]   zia_get_activation_status \| \d+ms \| ok$`, lines[1])
}

// TestSecondSignalEndsTheDrainAtOnce sends SIGINT twice while a slow call runs, to a
// server started with SIGINT ignored, as a background job of a script is: the second
// one must still end it at once.
func TestSecondSignalEndsTheDrainAtOnce(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("needs /bin/sh to start the server with SIGINT ignored")
	}
	env, dir := lifecycleEnv(t, "ZSCALER_MCP_DEMO_LATENCY=20s")
	s := startServer(t, serverSpec{env: env, binary: "/bin/sh",
		args: []string{"-c", `trap "" INT; exec "$0" "$@"`, binary, "--demo", "--log-tool-calls"}})
	pidFile := pidFileOf(t, dir, s.cmd.Process.Pid)
	c := s.connect(t)
	go func() { _, _ = call(t, c, "zia_get_activation_status", nil) }()
	s.stderr.waitAudit(t, 1)

	require.NoError(t, s.cmd.Process.Signal(syscall.SIGINT))
	require.Eventually(t, func() bool {
		return strings.Contains(s.stderr.String(), "stopping: finishing the calls")
	}, 5*time.Second, 10*time.Millisecond)
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGINT))

	require.Equal(t, 128+int(syscall.SIGINT), exited(t, s.cmd.Wait), s.stderr.String())
	require.Contains(t, s.stderr.String(), "second interrupt while finishing calls; exiting at once")
	require.Len(t, s.stderr.auditLines(), 1, "the call never finished")
	require.FileExists(t, pidFile, "a server ended at once leaves its file, which commands "+
		"then recognise as stale")
}

func TestPIDFileIsRemovedOnEveryCleanExit(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			env, dir := lifecycleEnv(t)
			s := startHTTP(t, env, "--demo")
			pidFile := pidFileOf(t, dir, s.cmd.Process.Pid)
			require.NoError(t, s.cmd.Process.Signal(sig))
			require.Equal(t, 0, exited(t, s.cmd.Wait))
			require.NoFileExists(t, pidFile)
		})
	}
	t.Run("stdio end of input", func(t *testing.T) {
		env, dir := lifecycleEnv(t)
		s := startStdio(t, env, "--demo")
		pidFile := pidFileOf(t, dir, s.cmd.Process.Pid)
		require.NoError(t, s.client.Close())
		require.Equal(t, 0, exited(t, s.cmd.Wait))
		require.NoFileExists(t, pidFile)
	})
}

// TestSeveralServersNeverShareAPIDFile starts two stdio servers, as two desktop
// clients would: each has its own file, commands refuse to guess between them, and
// --pid picks one. A third server told to use the first one's file keeps its hands off.
func TestSeveralServersNeverShareAPIDFile(t *testing.T) {
	env, dir := lifecycleEnv(t)
	a := startStdio(t, env, "--demo")
	b := startStdio(t, env, "--demo")
	fileA := pidFileOf(t, dir, a.cmd.Process.Pid)
	fileB := pidFileOf(t, dir, b.cmd.Process.Pid)
	require.NotEqual(t, fileA, fileB)

	status, _, stderr := run(t, env, "reload")
	require.Equal(t, 2, status)
	require.Contains(t, stderr,
		"2 zscaler-mcp servers are running; choose one with --pid N or --pid-file PATH:")
	require.Contains(t, stderr, fileA)
	require.Contains(t, stderr, fileB)

	status, stdout, stderr := run(t, env, "reload", "--pid", strconv.Itoa(b.cmd.Process.Pid))
	require.Equal(t, 0, status, stderr)
	require.Contains(t, stdout, "pid "+strconv.Itoa(b.cmd.Process.Pid))

	status, stdout, _ = run(t, env, "status")
	require.Equal(t, 0, status)
	require.Equal(t, 2, strings.Count(stdout, "alive           : yes"))

	c := startStdio(t, env, "--demo", "--pid-file", fileA)
	fileC := pidFileOf(t, dir, c.cmd.Process.Pid)
	require.Contains(t, c.stderr.String(), "the PID file belongs to another running server")
	rec, err := lifecycle.Read(fileA)
	require.NoError(t, err)
	require.Equal(t, a.cmd.Process.Pid, rec.PID, "the live server's file is untouched")

	status, stdout, stderr = run(t, env, "stop", "--pid-file", fileA)
	require.Equal(t, 0, status, stderr)
	require.Contains(t, stdout, "Stopped: pid "+strconv.Itoa(a.cmd.Process.Pid))
	require.Equal(t, 0, exited(t, a.cmd.Wait))
	require.FileExists(t, fileB)
	require.FileExists(t, fileC)
}
