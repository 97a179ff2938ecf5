package container

import (
	"bytes"
	"context"
	"debug/elf"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// Values the test gives the Dockerfile's build arguments.
const (
	testVersion = "9.8.7-container"
	testCommit  = "c0ffee1"
	testDate    = "2030-01-02T03:04:05Z"
)

// buildLikeTheImage runs the Dockerfile's build command, word for word, for Linux on
// this machine's architecture, writing the binary into dir. It returns the binary.
func buildLikeTheImage(t *testing.T, img image, dir string) string {
	t.Helper()
	vars := map[string]string{
		"TARGETOS": "linux", "TARGETARCH": runtime.GOARCH,
		"VERSION": testVersion, "COMMIT": testCommit, "DATE": testDate,
	}
	words := shellWords(t, img.buildRun, vars)

	// Leading NAME=value words are the command's environment, as in sh.
	env := map[string]string{}
	for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
		k, v, _ := strings.Cut(words[0], "=")
		env[k] = v
		words = words[1:]
	}
	require.GreaterOrEqual(t, len(words), 2)
	require.Equal(t, []string{"go", "build"}, words[:2], "the build command runs go build")
	require.Equal(t, "0", env["CGO_ENABLED"], "the build must set CGO_ENABLED=0")
	require.Contains(t, words, "-trimpath")

	out := filepath.Join(dir, "zscaler-mcp")
	args := append([]string(nil), words[1:]...)
	seenOut := false
	for i := range args {
		if args[i] == "-o" && i+1 < len(args) {
			require.Equal(t, img.builtPath, args[i+1],
				"the final stage must copy what the build writes")
			args[i+1], seenOut = out, true
		}
	}
	require.True(t, seenOut, "the build command names its output with -o")

	cmd := exec.Command("go", args...)
	cmd.Dir = repoRoot
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	require.NoError(t, cmd.Run(), "%s\n%s", strings.Join(words, " "), stderr.String())
	return out
}

func TestImageBinaryIsStaticStrippedAndStamped(t *testing.T) {
	img := readImage(t)
	bin := buildLikeTheImage(t, img, t.TempDir())

	f, err := elf.Open(bin)
	require.NoError(t, err)
	defer func() { _ = f.Close() }()
	for _, p := range f.Progs {
		require.NotEqual(t, elf.PT_INTERP, p.Type, "a dynamic loader is requested: not static")
		require.NotEqual(t, elf.PT_DYNAMIC, p.Type, "the binary has a dynamic section")
	}
	libs, err := f.ImportedLibraries()
	require.NoError(t, err)
	require.Empty(t, libs, "shared libraries are needed: not static")
	for _, s := range f.Sections {
		require.NotEqual(t, ".symtab", s.Name, "symbols were not stripped (-s)")
		require.False(t, strings.HasPrefix(s.Name, ".debug") || strings.HasPrefix(s.Name, ".zdebug"),
			"DWARF was not stripped (-w): %s", s.Name)
	}

	data, err := os.ReadFile(bin)
	require.NoError(t, err)
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	require.NotContains(t, string(data), root, "build paths leak into the binary (-trimpath)")

	if runtime.GOOS == "linux" {
		out, err := exec.Command(bin, "--version").Output()
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("zscaler-mcp %s (commit %s, built %s)\n",
			testVersion, testCommit, testDate), string(out))
	}
}

// TestImageRunsAsNonRootPID1WithoutAShell runs the binary as the image runs it: from
// a root directory holding only the binary, the user files, /tmp, /proc and the
// directories the image gives its user; as the image's non-root user; with only the
// image's environment plus `docker run -e` settings and a .env file in the working
// directory, as a bind mount would put it; as PID 1 of a new PID namespace. It serves
// HTTP in demo mode, passes the image's health check, answers lifecycle commands run as
// `docker exec` runs them, and stops cleanly on SIGTERM, which PID 1 only gets when the
// process handles it itself.
func TestImageRunsAsNonRootPID1WithoutAShell(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs Linux namespaces; the image is Linux-only")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to change root directory and user, as a container runtime does; " +
			"run as root (CI does) to include this test")
	}
	for _, tool := range []string{"unshare", "nsenter"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s(1) from util-linux", tool)
		}
	}
	if out, err := exec.Command("unshare", "--pid", "--fork", "--mount-proc", "true").
		CombinedOutput(); err != nil {
		t.Skipf("PID namespaces are unavailable here (unshare --pid --fork --mount-proc: %v: %s)",
			err, bytes.TrimSpace(out))
	}

	img := readImage(t)
	uid, gid := userIDs(t, img.user)
	rootfs := newRootfs(t, img, uid, gid)
	buildLikeTheImage(t, img, filepath.Join(rootfs, filepath.Dir(img.binaryPath)))
	// The .env file of a bind-mounted configuration directory, given to the image's user.
	dotenv := filepath.Join(rootfs, img.workdir, ".env")
	writeOwned(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS=false\n", uid, gid)

	port := freePort(t)
	env := imageEnv(img,
		// As `docker run -e ...`: HTTP in demo mode on a free port. Tests bind loopback
		// only, so the image's 0.0.0.0 is narrowed to 127.0.0.1 here.
		"ZSCALER_MCP_TRANSPORT=streamable-http", "ZSCALER_MCP_DEMO=true",
		"ZSCALER_MCP_HOST=127.0.0.1", "ZSCALER_MCP_PORT="+strconv.Itoa(port),
	)

	server := exec.Command("unshare", append([]string{"--pid", "--fork", "--kill-child",
		"--mount-proc"}, jail(rootfs, img, uid, gid, img.entrypoint)...)...)
	server.Env = env
	logs := &lockedBuffer{}
	server.Stdout, server.Stderr = logs, logs
	require.NoError(t, server.Start())
	exited := make(chan struct{})
	var exitErr error
	go func() {
		exitErr = server.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = server.Process.Kill()
		<-exited
	})

	base := "http://127.0.0.1:" + strconv.Itoa(port)
	waitHealthy(t, base, exited, &exitErr, logs)

	pid := childOf(t, server.Process.Pid)
	// unshare's --kill-child does not reach a child that changed its user, so a failed
	// test kills the server itself; until unshare is killed the PID is still the server's.
	// Cleanups run last first: this one before unshare's.
	t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) })
	status := procStatus(t, pid)
	require.Equal(t, "1", lastField(status["NSpid"]), "the server is PID 1 in its namespace")
	u := strconv.Itoa(uid)
	require.Equal(t, []string{u, u, u, u}, strings.Fields(status["Uid"]),
		"real, effective, saved and filesystem uid are the image's user")
	require.Equal(t, strconv.Itoa(gid), strings.Fields(status["Gid"])[0])
	require.Empty(t, strings.TrimSpace(status["Groups"]), "no supplementary groups")

	// The protocol answers under these constraints, not only the probe.
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":` +
		`"2025-06-18","capabilities":{},"clientInfo":{"name":"container-test","version":"1"}}}`
	req, err := http.NewRequest(http.MethodPost, base+"/mcp", strings.NewReader(initialize))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	// The image's HEALTHCHECK, run as `docker exec` would: same user, root and env.
	code, out := runJailed(t, rootfs, img, uid, gid, env, img.healthcheck)
	require.Equal(t, 0, code, "the health check fails against a healthy server: %s", out)
	require.Contains(t, out, "healthy: GET "+base+"/health answered 200")

	// `docker exec <container> zscaler-mcp status` and `reload`: the same user, root,
	// working directory and environment, inside the server's PID and mount namespaces.
	// They find the server's PID file in the image's run directory, and the .env file.
	code, out = execInside(t, pid, uid, gid, env, "zscaler-mcp", "status")
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "pid file        : "+filepath.Join(lifecycle.SystemRunDir, "1.json"))
	require.Contains(t, out, "alive           : yes")
	require.Contains(t, out, ".env path       : "+filepath.Join(img.workdir, ".env"))
	writeOwned(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS=true\n", uid, gid)
	code, out = execInside(t, pid, uid, gid, env, "zscaler-mcp", "reload")
	require.Equal(t, 0, code, "%s\nserver:\n%s", out, logs)
	require.Contains(t, out, "auditing on")

	// `docker stop` sends SIGTERM to PID 1, which the kernel drops unless the process
	// handles it: the server must stop on it, cleanly, well before Docker's SIGKILL.
	require.NoError(t, syscall.Kill(pid, syscall.SIGTERM))
	select {
	case <-exited:
		require.NoError(t, exitErr, "the server's exit status after SIGTERM:\n%s", logs)
	case <-time.After(10 * time.Second):
		t.Fatalf("the server ignored SIGTERM as PID 1:\n%s", logs)
	}
	require.Contains(t, logs.String(), "stopping")

	code, out = runJailed(t, rootfs, img, uid, gid, env, img.healthcheck)
	require.Equal(t, 1, code, "the health check passes with no server: %s", out)
	require.Contains(t, out, "unhealthy")
}

// waitHealthy waits until base answers /health, failing at once when the server exits.
func waitHealthy(t *testing.T, base string, exited <-chan struct{}, exitErr *error, logs fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatalf("the server exited at start (%v):\n%s", *exitErr, logs)
		case <-time.After(50 * time.Millisecond):
		}
		resp, err := http.Get(base + "/health")
		if err != nil {
			continue
		}
		_ = resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
	}
	t.Fatalf("the server did not come up in 20s:\n%s", logs)
}

// newRootfs lays out the smallest root directory the image provides: the directory of
// the binary, the passwd and group entries of its user, CA certificates when this
// machine has them, a sticky /tmp, an empty /proc to mount, and the working directory
// owned by the user. There is no shell or any other program.
func newRootfs(t *testing.T, img image, uid, gid int) string {
	t.Helper()
	root, err := os.MkdirTemp("", "zscaler-mcp-rootfs")
	require.NoError(t, err)
	t.Cleanup(func() { _ = os.RemoveAll(root) })
	require.NoError(t, os.Chmod(root, 0o755))

	for _, dir := range []string{filepath.Dir(img.binaryPath), "/etc/ssl/certs", "/proc", "/tmp",
		img.workdir} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, dir), 0o755))
	}
	require.NoError(t, os.Chmod(filepath.Join(root, "tmp"), 0o777|os.ModeSticky))
	require.NoError(t, os.Chown(filepath.Join(root, img.workdir), uid, gid))
	for dir, owner := range img.ownedDirs {
		ou, og := userIDs(t, owner)
		require.NoError(t, os.MkdirAll(filepath.Join(root, dir), 0o755))
		require.NoError(t, os.Chown(filepath.Join(root, dir), ou, og))
	}

	home := img.workdir
	passwd := fmt.Sprintf("root:x:0:0:root:/root:/sbin/nologin\n"+
		"nonroot:x:%d:%d:nonroot:%s:/sbin/nologin\n", uid, gid, home)
	group := fmt.Sprintf("root:x:0:\nnonroot:x:%d:\n", gid)
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/passwd"), []byte(passwd), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/group"), []byte(group), 0o644))
	if certs, err := os.ReadFile("/etc/ssl/certs/ca-certificates.crt"); err == nil {
		require.NoError(t, os.WriteFile(filepath.Join(root, "etc/ssl/certs/ca-certificates.crt"),
			certs, 0o644))
	}
	return root
}

// imageEnv is the environment a container of img starts with: the image's ENV, HOME
// as Docker sets it from the user's passwd entry, then the `docker run -e` values.
func imageEnv(img image, runEnv ...string) []string {
	var env []string
	for _, k := range img.envOrder {
		env = append(env, k+"="+img.env[k])
	}
	env = append(env, "HOME="+img.workdir)
	return append(env, runEnv...)
}

// jail is unshare's arguments that enter rootfs as the image's user and run argv,
// which unshare looks up on the image's PATH inside rootfs.
func jail(rootfs string, img image, uid, gid int, argv []string) []string {
	return append([]string{"--root=" + rootfs, "--wd=" + img.workdir,
		"--setgid=" + strconv.Itoa(gid), "--setuid=" + strconv.Itoa(uid), "--"}, argv...)
}

// runJailed runs argv inside rootfs as the image's user and returns its exit status and
// its output.
func runJailed(t *testing.T, rootfs string, img image, uid, gid int, env, argv []string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "unshare", jail(rootfs, img, uid, gid, argv)...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), string(out)
	}
	require.NoError(t, err)
	return 0, string(out)
}

// execInside runs argv as `docker exec` does: in the PID and mount namespaces, root
// directory and working directory of the process pid, as the image's user, with env.
// It returns the exit status and the output.
func execInside(t *testing.T, pid, uid, gid int, env []string, argv ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	args := append([]string{"--target", strconv.Itoa(pid), "--pid", "--mount", "--root", "--wd",
		"--setuid", strconv.Itoa(uid), "--setgid", strconv.Itoa(gid), "--"}, argv...)
	cmd := exec.CommandContext(ctx, "nsenter", args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), string(out)
	}
	require.NoError(t, err)
	return 0, string(out)
}

// writeOwned writes a private file owned by uid:gid, as a user gives a .env file to the
// image's user.
func writeOwned(t *testing.T, path, content string, uid, gid int) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	require.NoError(t, os.Chown(path, uid, gid))
}

// childOf returns the only child of the unshare process: the server.
func childOf(t *testing.T, pid int) int {
	t.Helper()
	var child int
	require.Eventually(t, func() bool {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
		if err != nil {
			return false
		}
		fields := strings.Fields(string(data))
		if len(fields) != 1 {
			return false
		}
		child, err = strconv.Atoi(fields[0])
		return err == nil
	}, 5*time.Second, 20*time.Millisecond)
	return child
}

// procStatus reads /proc/<pid>/status into a map of field to value.
func procStatus(t *testing.T, pid int) map[string]string {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	require.NoError(t, err)
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			out[k] = strings.TrimSpace(v)
		}
	}
	return out
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return port
}

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
