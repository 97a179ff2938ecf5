package lifecycle

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCandidates(t *testing.T) {
	p := Places{System: "/var/run/zscaler-mcp", Runtime: "/run/user/1000", Home: "/home/u",
		Temp: "/tmp", UID: 1000}
	require.Equal(t, []string{
		"/var/run/zscaler-mcp",
		"/run/user/1000/zscaler-mcp",
		"/home/u/.zscaler-mcp/run",
		"/tmp/zscaler-mcp-1000",
	}, p.Candidates())

	p.Override = "/srv/run"
	require.Equal(t, []string{"/srv/run"}, p.Candidates(), "an override is the only place")

	require.Equal(t, []string{"/tmp/zscaler-mcp-0"}, Places{Temp: "/tmp"}.Candidates())
}

func TestChooseSkipsUnusableDirectories(t *testing.T) {
	base := t.TempDir()
	blocked := filepath.Join(base, "file")
	require.NoError(t, os.WriteFile(blocked, nil, 0o600))

	open := filepath.Join(base, "open")
	require.NoError(t, os.MkdirAll(filepath.Join(open, "zscaler-mcp"), 0o700))
	require.NoError(t, os.Chmod(filepath.Join(open, "zscaler-mcp"), 0o777))

	p := Places{System: filepath.Join(blocked, "sub"), Runtime: open, Home: base,
		Temp: base, UID: 7}
	dir, err := p.Choose()
	require.NoError(t, err)
	require.Equal(t, filepath.Join(base, ".zscaler-mcp", "run"), dir,
		"a file in the way and a directory others can write are both passed over")
	fi, err := os.Stat(dir)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), fi.Mode().Perm())

	_, err = Places{System: filepath.Join(blocked, "sub")}.Choose()
	require.ErrorContains(t, err, blocked)
}
