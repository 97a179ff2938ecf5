package server

import (
	"bytes"
	"context"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// fakeUpstream answers every request with empty data, or err when set.
type fakeUpstream struct {
	err error
}

func (f *fakeUpstream) ZIAList(context.Context, string, url.Values) ([]any, error) {
	return []any{}, f.err
}

func (f *fakeUpstream) ZIAListUnpaged(context.Context, string, url.Values) ([]any, error) {
	return []any{}, f.err
}

func (f *fakeUpstream) ZIAGet(context.Context, string, url.Values) (any, error) {
	return map[string]any{"status": "ACTIVE"}, f.err
}

func (f *fakeUpstream) ZIAPostRead(context.Context, string, any) (any, error) {
	return []any{}, f.err
}

func (f *fakeUpstream) ZIAWrite(context.Context, string, string, any) (any, error) {
	return map[string]any{}, f.err
}

func (f *fakeUpstream) ZMS(context.Context, string, string, map[string]any) (*zclient.GraphQLResult, error) {
	if f.err != nil {
		return nil, f.err
	}
	return &zclient.GraphQLResult{Data: map[string]any{}}, nil
}

func (f *fakeUpstream) CheckToken(context.Context) (time.Duration, error) {
	return 0, f.err
}

// syncBuffer is a goroutine-safe audit sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) lines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := strings.TrimRight(b.buf.String(), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type fixture struct {
	srv    *Server
	client *client.Client
	audit  *syncBuffer
}

// newFixture assembles a server with audit logging on and connects an in-process
// client to it.
func newFixture(t *testing.T, cfg *config.Config, catalog []tools.Tool, up *fakeUpstream) *fixture {
	t.Helper()
	if cfg == nil {
		cfg = &config.Config{}
	}
	if up == nil {
		up = &fakeUpstream{}
	}
	sink := &syncBuffer{}
	a := audit.New(sink)
	a.SetEnabled(true)

	srv, err := New(Deps{Config: cfg, Version: "test", Audit: a, Upstream: up, Prober: up, Catalog: catalog})
	require.NoError(t, err)
	return connect(t, srv, sink)
}

// connect connects an in-process client to srv, whose audit lines go to sink.
func connect(t *testing.T, srv *Server, sink *syncBuffer) *fixture {
	t.Helper()
	c, err := client.NewInProcessClient(srv.MCP())
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, c.Start(ctx))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return &fixture{srv: srv, client: c, audit: sink}
}

func (f *fixture) call(t *testing.T, name string, args any) (*mcp.CallToolResult, error) {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	return f.client.CallTool(context.Background(), req)
}

func resultText(r *mcp.CallToolResult) string {
	var parts []string
	for _, c := range r.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			parts = append(parts, tc.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
