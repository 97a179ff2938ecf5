package e2e

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/server"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// TestEveryToolAgainstTheSimulator calls every served tool that needs no arguments,
// in process, through the real SDK and the simulated tenant: each must succeed. It
// catches a tool and the API disagreeing on a path, a query or a reply's shape.
func TestEveryToolAgainstTheSimulator(t *testing.T) {
	sim, err := simulator.Start(simulator.New())
	require.NoError(t, err)
	defer sim.Close()

	up := zclient.New(zclient.Options{
		Credentials: func() zclient.Credentials {
			return zclient.Credentials{
				ClientID: simulator.DemoClientID, ClientSecret: simulator.DemoClientSecret,
				VanityDomain: simulator.DemoVanityDomain, Cloud: simulator.DemoCloud,
				CustomerID: simulator.DemoCustomerID,
			}
		},
		Transport: simulator.Transport(sim.URL, http.DefaultTransport),
	})
	defer up.Close()
	quiet := audit.New(io.Discard)
	srv, err := server.New(server.Deps{Config: &config.Config{}, Audit: quiet, Upstream: up, Prober: up})
	require.NoError(t, err)

	c, err := client.NewInProcessClient(srv.MCP())
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, c.Start(ctx))
	defer c.Close()
	initialize(t, c)

	listed, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	require.NoError(t, err)
	called := 0
	for _, tool := range listed.Tools {
		if len(tool.InputSchema.Required) > 0 || tool.Name == "zia_geo_search" {
			continue
		}
		res, err := call(t, c, tool.Name, map[string]any{})
		require.NoError(t, err, tool.Name)
		require.False(t, res.IsError, "%s: %s", tool.Name, text(res))
		require.NotNil(t, res.StructuredContent, tool.Name)
		called++
	}
	require.Greater(t, called, 40)
}
