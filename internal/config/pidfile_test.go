package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLoadRefusesAPIDFileThatCannotBeWritten: the operator named that exact file, so a
// server that could not write it refuses to start instead of running unfindable.
func TestLoadRefusesAPIDFileThatCannotBeWritten(t *testing.T) {
	dir := t.TempDir()
	aFile := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(aFile, nil, 0o600))
	missing := filepath.Join(dir, "missing")
	cases := map[string]struct{ path, want string }{
		"missing directory": {filepath.Join(missing, "server.json"),
			"its directory " + missing + " does not exist; create it, or name a file in a " +
				"directory that exists"},
		"file as directory": {filepath.Join(aFile, "server.json"), aFile + " is not a directory"},
		"a directory":       {dir, "it is a directory; name a file"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Load(mapSource(map[string]string{EnvPIDFile: tc.path}))
			var ce *Error
			require.ErrorAs(t, err, &ce)
			require.Equal(t, EnvPIDFile, ce.Setting)
			require.Equal(t, tc.path, ce.Value)
			require.Equal(t, tc.want, ce.Reason)
		})
	}

	cfg, err := Load(mapSource(map[string]string{EnvPIDFile: filepath.Join(dir, "x.json")}))
	require.NoError(t, err, "a new file in a directory that exists")
	require.Equal(t, filepath.Join(dir, "x.json"), cfg.PIDFile)
}
