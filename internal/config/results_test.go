package config

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMaxResultBytes(t *testing.T) {
	cfg, err := Load(mapSource(nil))
	require.NoError(t, err)
	require.Equal(t, DefaultMaxResultBytes, cfg.MaxResultBytes)

	for _, tc := range []struct {
		value string
		want  int
	}{{"0", 0}, {"4096", 4096}, {" 500000 ", 500000}} {
		cfg, err := Load(mapSource(map[string]string{EnvMaxResultBytes: tc.value}))
		require.NoError(t, err, tc.value)
		require.Equal(t, tc.want, cfg.MaxResultBytes, tc.value)
	}

	for _, value := range []string{"4095", "-1", "200KB", "1.5", "2000000000"} {
		_, err := Load(mapSource(map[string]string{EnvMaxResultBytes: value}))
		require.EqualError(t, err, `invalid ZSCALER_MCP_MAX_RESULT_BYTES="`+value+`": not a `+
			`size; use a whole number of bytes from 4096 to 1073741824, or 0 for no limit`)
	}
}
