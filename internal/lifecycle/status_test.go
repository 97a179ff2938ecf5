package lifecycle

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestFormatUptime(t *testing.T) {
	cases := map[time.Duration]string{
		-time.Second:     "0s",
		0:                "0s",
		59 * time.Second: "59s",
		61 * time.Second: "1m 1s",
		2*time.Hour + 3*time.Minute + 4*time.Second:  "2h 3m 4s",
		49*time.Hour + 5*time.Minute + 6*time.Second: "2d 1h 5m",
	}
	for d, want := range cases {
		require.Equal(t, want, FormatUptime(d), d.String())
	}
}

func TestClassifyEnvSource(t *testing.T) {
	dir := t.TempDir()
	envFile := filepath.Join(dir, ".env")
	noEnvDir := t.TempDir()

	http := func(dotenv, workdir string) Record {
		return Record{Transport: "streamable-http", DotenvPath: dotenv, Workdir: workdir}
	}
	require.NoError(t, os.WriteFile(envFile, []byte("A=1\n"), 0o600))

	cases := []struct {
		name   string
		rec    Record
		label  string
		path   string
		advice string
	}{
		{"recorded file present", http(envFile, dir), EnvLive, envFile, "restart for everything else"},
		{"recorded file gone", http(filepath.Join(noEnvDir, ".env"), noEnvDir), EnvMissing,
			filepath.Join(noEnvDir, ".env"), "restart is refused"},
		{"none then, one now", http("", dir), EnvFreshDiscovery, envFile, "restart to read it"},
		{"none then or now", http("", noEnvDir), EnvNone, "", "environment and flags alone"},
		{"stdio", Record{Transport: "stdio", DotenvPath: envFile}, EnvLive, envFile,
			"need the client to start the server again"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ClassifyEnvSource(tc.rec)
			require.Equal(t, tc.label, got.Label)
			require.Equal(t, tc.path, got.Path)
			require.Contains(t, got.Advice, tc.advice)
		})
	}
}

func TestWriteStatus(t *testing.T) {
	started := time.Date(2025, 3, 5, 6, 0, 0, 0, time.UTC)
	rec := Record{PID: 42, StartedAt: started, Version: "1.2.3", Transport: "streamable-http",
		Host: "0.0.0.0", Port: 8000, Argv: []string{"zscaler-mcp", "--transport", "streamable-http"},
		Executable: "/usr/local/bin/zscaler-mcp", State: StateServing,
		LastReload: &ReloadOutcome{At: started.Add(time.Hour), OK: true,
			Applied: []string{"auditing on"}, RestartNeeded: []string{"ZSCALER_MCP_PORT"}}}
	var b bytes.Buffer
	require.NoError(t, WriteStatus(&b, Instance{Path: "/run/42.json", Record: rec, State: Live},
		started.Add(2*time.Hour+3*time.Second)))
	out := b.String()
	for _, want := range []string{
		"pid file        : /run/42.json\n",
		"pid             : 42\n",
		"alive           : yes\n",
		"uptime          : 2h 0m 3s\n",
		"bind            : 0.0.0.0:8000\n",
		".env path       : (none)\n",
		"env source      : none\n",
		"last reload     : 1h 0m 3s ago, applied: auditing on; on restart: ZSCALER_MCP_PORT\n",
		"argv            : zscaler-mcp --transport streamable-http\n",
	} {
		require.Contains(t, out, want)
	}
	for _, line := range strings.Split(out, "\n") {
		require.LessOrEqual(t, len(line), statusWidth, "long values wrap: %q", line)
	}

	b.Reset()
	require.NoError(t, WriteStatus(&b, Instance{Path: "/run/42.json", Record: rec, State: Stale},
		started))
	require.Contains(t, b.String(), "alive           : NO (stale PID file)\n")
	require.NotContains(t, b.String(), "uptime")
}
