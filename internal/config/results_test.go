package config

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMaxResultBytes(t *testing.T) {
	cfg, err := Load(mapSource(nil))
	require.NoError(t, err)
	require.Equal(t, 200_000, cfg.MaxResultBytes, "the default the docs give")

	for _, tc := range []struct {
		value string
		want  int
	}{{"0", 0}, {"4096", 4096}, {" 500000 ", 500000}} {
		cfg, err := Load(mapSource(map[string]string{EnvMaxResultBytes: tc.value}))
		require.NoError(t, err, tc.value)
		require.Equal(t, tc.want, cfg.MaxResultBytes, tc.value)
	}

	for value, reason := range map[string]string{"4095": "below the smallest limit",
		"-1": "below the smallest limit", "200KB": "not a size", "1.5": "not a size",
		"2000000000": "above the largest limit"} {
		_, err := Load(mapSource(map[string]string{EnvMaxResultBytes: value}))
		require.EqualError(t, err, `invalid ZSCALER_MCP_MAX_RESULT_BYTES="`+value+`": `+reason+
			`; use a whole number of bytes from 4096 to 1073741824, or 0 for no limit`)
	}
}
