//go:build unix

package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLoadRefusesAPIDFileInADirectoryItCannotWrite(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write every directory")
	}
	dir := t.TempDir()
	require.NoError(t, os.Chmod(dir, 0o555))
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	path := filepath.Join(dir, "server.json")
	_, err := Load(mapSource(map[string]string{EnvPIDFile: path}))
	require.EqualError(t, err, `invalid ZSCALER_MCP_PID_FILE="`+path+`": no file can be `+
		`created in its directory `+dir+`: permission denied`)
}
