//go:build linux

package e2e

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// namespaceEnv is the environment of the containerised server and of the commands
// run inside it: clean, and without the test run directory, so the default run
// directory (/var/run/zscaler-mcp inside the namespace) is used as in an image.
func namespaceEnv() []string {
	var env []string
	for _, kv := range cleanEnv() {
		if !strings.HasPrefix(kv, "ZSCALER_MCP_RUN_DIR=") {
			env = append(env, kv)
		}
	}
	return env
}

// childOf returns the PID of the first child of pid, from /proc.
func childOf(pid int) (int, bool) {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		s := string(data)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 1 && fields[1] == strconv.Itoa(pid) {
			return child, true
		}
	}
	return 0, false
}

// container is a server running as PID 1 of its own PID and mount namespaces, the
// way a container runs it, with a private /run.
type container struct {
	init   int // the server's PID outside the namespace; PID 1 inside
	stderr *lockedBuffer
	wait   func() error
	inside func(args ...string) (int, string, string)
}

// requireNamespaces skips the test where PID namespaces cannot be created.
func requireNamespaces(t *testing.T) (unshare, nsenter string) {
	t.Helper()
	unshare, err1 := exec.LookPath("unshare")
	nsenter, err2 := exec.LookPath("nsenter")
	if err1 != nil || err2 != nil {
		t.Skip("skipped: unshare and nsenter (util-linux) are needed to run the server " +
			"in a PID namespace")
	}
	if out, err := exec.Command(unshare, "--pid", "--fork", "--mount-proc", "true").
		CombinedOutput(); err != nil {
		t.Skipf("skipped: unshare --pid --fork --mount-proc is not permitted here "+
			"(it needs root or unprivileged user namespaces): %v %s", err, out)
	}
	return unshare, nsenter
}

// startContainer runs the shell lines setup in new namespaces, then execs the server
// with args, so that it is PID 1. env is the environment of the server and of the
// commands run inside.
func startContainer(t *testing.T, env []string, setup []string, args ...string) *container {
	t.Helper()
	unshare, nsenter := requireNamespaces(t)
	script := strings.Join(append(append([]string{"set -e",
		`mount -t tmpfs tmpfs "$(readlink -f /var/run)"`}, setup...),
		`exec "$BINARY" "$@"`), "; ")
	cmd := exec.Command(unshare, append([]string{"--pid", "--fork", "--mount-proc", "--",
		"sh", "-c", script, "sh"}, args...)...)
	cmd.Env = append(slices.Clip(env), "BINARY="+binary)
	stderr := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = stderr, stderr
	require.NoError(t, cmd.Start())
	var waitErr error
	waited := make(chan struct{})
	go func() { waitErr = cmd.Wait(); close(waited) }()

	c := &container{stderr: stderr, wait: func() error { <-waited; return waitErr }}
	require.Eventually(t, func() bool {
		var ok bool
		c.init, ok = childOf(cmd.Process.Pid)
		return ok
	}, 10*time.Second, 10*time.Millisecond)
	t.Cleanup(func() {
		select {
		case <-waited:
			return
		default:
		}
		// unshare still runs, so it has not reaped its child: the PID is still the
		// server's (alive or a zombie) and cannot name another process.
		c.kill()
		<-waited
	})

	c.inside = func(args ...string) (int, string, string) {
		run := exec.Command(nsenter, append([]string{"--target", strconv.Itoa(c.init), "--pid",
			"--mount", "--", binary}, args...)...)
		run.Env = env
		var out, errOut lockedBuffer
		run.Stdout, run.Stderr = &out, &errOut
		err := run.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), out.String(), errOut.String()
		}
		require.NoError(t, err)
		return 0, out.String(), errOut.String()
	}
	require.Eventually(t, func() bool {
		code, _, _ := c.inside("status")
		return code == 0
	}, 15*time.Second, 50*time.Millisecond, "server did not come up:\n%s", stderr.String())
	return c
}

// kill ends the container at once, as a crash or `docker kill` would.
func (c *container) kill() {
	if p, err := os.FindProcess(c.init); err == nil {
		_ = p.Kill()
	}
}

// TestLifecycleCommandsInsideAPIDNamespace is the container case without a container
// engine: the server runs as PID 1 of its own PID and mount namespaces, with its .env
// file bind-mounted into its working directory, and the lifecycle commands run inside
// those namespaces through nsenter, the way `docker exec` runs them in a container.
func TestLifecycleCommandsInsideAPIDNamespace(t *testing.T) {
	hostEnv := filepath.Join(t.TempDir(), "host.env")
	rewrite(t, hostEnv, "ZSCALER_MCP_LOG_TOOL_CALLS=false")
	app := t.TempDir() // the image's working directory, where .env is bind-mounted
	port := freePort(t)
	ctr := startContainer(t, append(namespaceEnv(), "APP="+app, "HOST_ENV="+hostEnv),
		[]string{`touch "$APP/.env"`, `mount --bind "$HOST_ENV" "$APP/.env"`, `cd "$APP"`},
		"--demo", "--transport", "streamable-http", "--port", strconv.Itoa(port))
	inside, stderr := ctr.inside, ctr.stderr

	s := &httpServer{url: "http://127.0.0.1:" + strconv.Itoa(port), stderr: stderr}
	require.Eventually(t, func() bool {
		code, _, _ := inside("status")
		return code == 0
	}, 15*time.Second, 50*time.Millisecond, "server did not come up:\n%s", stderr.String())

	code, stdout, errOut := inside("status")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, stdout, "pid file        : /var/run/zscaler-mcp/1.json")
	require.Contains(t, stdout, "pid             : 1\n")
	require.Contains(t, stdout, "alive           : yes")
	require.Contains(t, stdout, "bind            : 127.0.0.1:"+strconv.Itoa(port))
	require.Contains(t, stdout, "env source      : live (bind-mounted)")

	c := s.connect(t)
	mustCallOn(t, c, "zia_get_activation_status")
	require.Empty(t, stderr.auditLines())

	// Edit the file on the host, reload inside: auditing is on from the next call.
	rewrite(t, hostEnv, "ZSCALER_MCP_LOG_TOOL_CALLS=true")
	code, stdout, errOut = inside("reload")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, stdout, "Sent SIGHUP to zscaler-mcp pid 1 ")
	require.Contains(t, stdout, "auditing on")
	mustCallOn(t, c, "zia_get_activation_status")
	require.Len(t, stderr.waitAudit(t, 2), 2)

	// Restart in place: still PID 1, with a setting only a restart applies.
	rewrite(t, hostEnv, "ZSCALER_MCP_LOG_TOOL_CALLS=true", "ZSCALER_MCP_DISABLED_TOOLS=zms_*")
	code, stdout, errOut = inside("restart")
	require.Equal(t, 0, code, "%s\n%s\nserver:\n%s", stdout, errOut, stderr.String())
	require.Contains(t, stdout, "Restarted: pid 1 serves again")
	c = s.connect(t)
	listed, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	for _, tool := range listed.Tools {
		require.False(t, strings.HasPrefix(tool.Name, "zms_"), tool.Name)
	}

	// Stop: PID 1 ends, and with it the namespace, so the command may be killed before
	// its final report, as `docker exec ... stop` would be; the server's own exit
	// status and log tell how it ended.
	_, stdout, _ = inside("stop")
	if stdout != "" {
		require.Contains(t, stdout, "Sent SIGTERM to zscaler-mcp pid 1 ")
	}
	require.Equal(t, 0, exited(t, ctr.wait), stderr.String())
	require.Contains(t, stderr.String(), `msg="PID file removed" path=/var/run/zscaler-mcp/1.json`)
}

// TestContainerRestartReplacesItsEarlierPIDFile runs a container twice on the same
// run directory, as `docker restart` does with the container's files: the first
// server is killed and leaves its PID file, written as PID 1 of a namespace that no
// longer exists; the second, PID 1 again, must take that file over.
func TestContainerRestartReplacesItsEarlierPIDFile(t *testing.T) {
	runDir := t.TempDir()
	env := append(namespaceEnv(), "ZSCALER_MCP_RUN_DIR="+runDir)
	first := startContainer(t, env, nil, "--demo", "--transport", "streamable-http",
		"--port", strconv.Itoa(freePort(t)))
	first.kill()
	require.NotEqual(t, 0, exited(t, first.wait))
	left, err := os.ReadFile(filepath.Join(runDir, "1.json"))
	require.NoError(t, err, "a killed server leaves its PID file")

	second := startContainer(t, env, nil, "--demo", "--transport", "streamable-http",
		"--port", strconv.Itoa(freePort(t)))
	code, stdout, errOut := second.inside("status")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, stdout, "pid             : 1\n")
	require.Contains(t, stdout, "alive           : yes")
	now, err := os.ReadFile(filepath.Join(runDir, "1.json"))
	require.NoError(t, err)
	require.NotEqual(t, string(left), string(now))
	require.Contains(t, second.stderr.String(),
		"replacing a PID file written in another PID namespace")

	code, stdout, errOut = second.inside("reload")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, stdout, "Sent SIGHUP to zscaler-mcp pid 1 ")

	// From outside the container, the file cannot be judged: it is left alone.
	code, stdout, _ = run(t, env, "status")
	require.Equal(t, 1, code, "nothing alive can be seen from here")
	require.Contains(t, stdout, "written in another PID namespace")
	require.FileExists(t, filepath.Join(runDir, "1.json"))
	code, _, errOut = run(t, env, "stop")
	require.Equal(t, 1, code)
	require.Contains(t, errOut,
		"run this command inside it (docker exec <container> zscaler-mcp stop)")
}
