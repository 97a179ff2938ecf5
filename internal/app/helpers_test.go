package app

import (
	"context"
	"io"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/joho/godotenv"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/server"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// echoTool answers call n with an n-item summary, or with an error naming n when n is
// a multiple of three, so every audit line can be traced to the call that wrote it.
// Calls take up to 3ms, so that they overlap reloads.
func echoTool() tools.Tool {
	return tools.Tool{
		Name: "zia_echo", Description: "Echo.", Toolset: "zia_locations", Service: "zia",
		Params: []tools.Param{{Name: "n", Type: tools.Integer, Required: true,
			Description: "Call number."}},
		Handler: func(_ context.Context, args tools.Args) (tools.Result, error) {
			n := args.Int("n")
			time.Sleep(time.Duration(n%4) * time.Millisecond)
			if n%3 == 0 {
				return tools.Result{}, toolerr.New(toolerr.InvalidArgument, "refused %d", n)
			}
			return tools.Result{Value: map[string]any{"n": n}, Items: int(n)}, nil
		},
	}
}

// writeDotenv replaces the .env file at path.
func writeDotenv(t *testing.T, path string, lines ...string) {
	t.Helper()
	var content string
	for _, l := range lines {
		content += l + "\n"
	}
	tmp := path + ".tmp"
	require.NoError(t, os.WriteFile(tmp, []byte(content), 0o600))
	require.NoError(t, os.Rename(tmp, path))
}

// dotenvLoader stands in for the command line's loader: the .env file alone.
func dotenvLoader(loads *atomic.Int64) func(string) (*config.Config, error) {
	return func(path string) (*config.Config, error) {
		if loads != nil {
			loads.Add(1)
		}
		values := map[string]string{}
		if path != "" {
			var err error
			if values, err = godotenv.Read(path); err != nil {
				return nil, err
			}
		}
		return config.Load(func(name string) (string, bool) {
			v, ok := values[name]
			return v, ok
		})
	}
}

type resetCounter struct{ n atomic.Int64 }

func (r *resetCounter) ResetCredentials() { r.n.Add(1) }

// inProcess connects an initialized client to srv.
func inProcess(t *testing.T, srv *server.Server) *client.Client {
	t.Helper()
	c, err := client.NewInProcessClient(srv.MCP())
	require.NoError(t, err)
	require.NoError(t, c.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	_, err = c.Initialize(context.Background(), init)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func callEcho(c *client.Client, n int) error {
	req := mcp.CallToolRequest{}
	req.Params.Name = "zia_echo"
	req.Params.Arguments = map[string]any{"n": n}
	_, err := c.CallTool(context.Background(), req)
	return err
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// logTo returns a logger writing text to w, and its level.
func logTo(w io.Writer) (*slog.Logger, *slog.LevelVar) { return newLevelLogger(w, false) }

// auditedServer builds a server with the echo tool auditing to the file at path.
func auditedServer(t *testing.T, cfg *config.Config) (*server.Server, *audit.Logger) {
	t.Helper()
	a, err := audit.OpenFile(cfg.AuditLogFile)
	require.NoError(t, err)
	a.SetEnabled(cfg.LogToolCalls)
	t.Cleanup(func() { _ = a.Close() })
	srv, err := server.New(server.Deps{Config: cfg, Version: "test", Logger: discard(),
		Audit: a, Catalog: []tools.Tool{echoTool()}})
	require.NoError(t, err)
	return srv, a
}
