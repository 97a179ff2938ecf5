package e2e

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// run executes the binary and returns its exit status, stdout and stderr.
func run(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	cmd.Dir = t.TempDir()
	var stdout, stderr lockedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stdout.String(), stderr.String()
	}
	require.NoError(t, err)
	return 0, stdout.String(), stderr.String()
}

func TestExitStatusAndMessages(t *testing.T) {
	cases := []struct {
		args   []string
		env    []string
		status int
		stderr string
	}{
		{[]string{"--port", "0"}, nil, 2, `invalid --port="0"`},
		{[]string{"--transport", "sse2"}, nil, 2, `invalid --transport="sse2"`},
		{[]string{"--log-tool-calls=maybe"}, nil, 2, "maybe"},
		{nil, []string{"ZSCALER_MCP_DEBUG=sure"}, 2, `invalid ZSCALER_MCP_DEBUG="sure"`},
		{[]string{"serve"}, nil, 2, `unexpected argument "serve"`},
		{[]string{"--dotenv-path", "/nonexistent/.env"}, nil, 2, `invalid --dotenv-path="/nonexistent/.env"`},
	}
	for _, tc := range cases {
		status, stdout, stderr := run(t, cleanEnv(tc.env...), tc.args...)
		require.Equal(t, tc.status, status, "%v: %s", tc.args, stderr)
		require.Contains(t, stderr, tc.stderr)
		require.Empty(t, stdout, "errors never reach stdout")
	}

	status, stdout, _ := run(t, cleanEnv(), "--version")
	require.Equal(t, 0, status)
	require.True(t, strings.HasPrefix(stdout, "zscaler-mcp "), stdout)

	status, stdout, _ = run(t, cleanEnv(), "--list-tools")
	require.Equal(t, 0, status)
	require.Contains(t, stdout, "tools (meta 5, zia 112, zms 20)")
}
