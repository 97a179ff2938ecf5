package app

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

func TestReloadAppliesTheResultSizeLimitLive(t *testing.T) {
	f := newReloadFixture(t)
	require.Equal(t, config.DefaultMaxResultBytes, f.r.maxResultBytes())

	writeDotenv(t, f.dotenv, "ZSCALER_MCP_MAX_RESULT_BYTES=50000")
	out := f.r.reload(1)
	require.True(t, out.OK, out.Error)
	require.Contains(t, out.Applied, "result size limit 50000 bytes")
	require.Empty(t, out.RestartNeeded)
	require.Equal(t, 50000, f.r.maxResultBytes(), "the server reads the new limit on its next call")

	writeDotenv(t, f.dotenv, "ZSCALER_MCP_MAX_RESULT_BYTES=0")
	out = f.r.reload(1)
	require.Contains(t, out.Applied, "result size limit off")
	require.Zero(t, f.r.maxResultBytes())

	writeDotenv(t, f.dotenv, "ZSCALER_MCP_MAX_RESULT_BYTES=12")
	out = f.r.reload(1)
	require.False(t, out.OK)
	require.Contains(t, out.Error, "ZSCALER_MCP_MAX_RESULT_BYTES")
	require.Zero(t, f.r.maxResultBytes(), "a refused reload keeps the running limit")
}
