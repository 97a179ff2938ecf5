package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/httpauth"
)

// TestConfirmedDeletesOverStreamableHTTP runs both confirmation paths over the real
// HTTP transport: the elicitation travels on the call's own event stream, and the
// token path needs nothing but ordinary calls.
func TestConfirmedDeletesOverStreamableHTTP(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	url := serveHTTP(t, f.srv)

	connect := func(elicit elicitFunc) *client.Client {
		tr, err := transport.NewStreamableHTTP(url + "/mcp")
		require.NoError(t, err)
		var opts []client.ClientOption
		if elicit != nil {
			opts = append(opts, client.WithElicitationHandler(elicit))
		}
		c := client.NewClient(tr, opts...)
		require.NoError(t, c.Start(context.Background()))
		t.Cleanup(func() { _ = c.Close() })
		init := mcp.InitializeRequest{}
		init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
		init.Params.ClientInfo = mcp.Implementation{Name: "http", Version: "1"}
		_, err = c.Initialize(context.Background(), init)
		require.NoError(t, err)
		return c
	}
	call := func(c *client.Client, args map[string]any) *mcp.CallToolResult {
		req := mcp.CallToolRequest{}
		req.Params.Name = "zia_delete_rule_label"
		req.Params.Arguments = args
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		res, err := c.CallTool(ctx, req)
		require.NoError(t, err)
		return res
	}

	var asked []string
	eliciting := connect(func(_ context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		asked = append(asked, req.Params.Message)
		return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "delete"}), nil
	})
	id := f.newLabel(t, "Over HTTP")
	res := call(eliciting, map[string]any{"label_id": id})
	require.False(t, res.IsError, resultText(res))
	require.Len(t, asked, 1)
	require.Contains(t, asked[0], `Delete rule label `+id+` "Over HTTP"?`)
	require.Equal(t, 1, f.deletes(id))

	plain := connect(nil)
	id = f.newLabel(t, "Token over HTTP")
	res = call(plain, map[string]any{"label_id": id})
	require.Zero(t, f.deletes(id))
	res = call(plain, map[string]any{"label_id": id, "confirmation_token": token(t, res)})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, 1, f.deletes(id))

	lines := f.audit.lines()
	require.Regexp(t, `\| ok \(confirmed by the user\)$`, lines[3])
	require.Regexp(t, redeemedLine, lines[len(lines)-1])
}

// serveHTTP serves s on a free loopback port until the test ends.
func serveHTTP(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	auth, err := httpauth.New(ctx, httpauth.Options{Auth: config.Auth{Mode: config.AuthModeNone},
		Endpoint: HTTPEndpoint(config.TransportStreamableHTTP)})
	require.NoError(t, err)
	go func() {
		served <- s.ServeHTTPTransport(ctx, HTTPOptions{Addr: addr, DrainTimeout: time.Second, Auth: auth})
	}()
	t.Cleanup(func() {
		defer auth.Close()
		cancel()
		if err := <-served; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve: %v", err)
		}
	})

	url := "http://" + addr
	require.Eventually(t, func() bool {
		resp, err := http.Get(url + "/health")
		if err != nil {
			return false
		}
		_ = resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, 5*time.Second, 10*time.Millisecond)
	return url
}

// TestElicitationOverStdio asks the user over the stdio transport, where the question
// is written to stdout between the call and its answer.
func TestElicitationOverStdio(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- f.srv.ServeStdio(ctx, inR, outW, time.Second) }()
	t.Cleanup(func() {
		cancel()
		_ = inW.Close()
		go func() { _, _ = io.Copy(io.Discard, outR) }()
		<-served
	})

	var asked []string
	c := client.NewClient(transport.NewIO(outR, inW, io.NopCloser(strings.NewReader(""))),
		client.WithElicitationHandler(elicitFunc(func(_ context.Context,
			req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
			asked = append(asked, req.Params.Message)
			return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "delete"}), nil
		})))
	require.NoError(t, c.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "stdio", Version: "1"}
	_, err := c.Initialize(context.Background(), init)
	require.NoError(t, err)

	id := f.newLabel(t, "Over stdio")
	req := mcp.CallToolRequest{}
	req.Params.Name = "zia_delete_rule_label"
	req.Params.Arguments = map[string]any{"label_id": id}
	callCtx, stop := context.WithTimeout(context.Background(), 10*time.Second)
	defer stop()
	res, err := c.CallTool(callCtx, req)
	require.NoError(t, err)
	require.False(t, res.IsError, resultText(res))
	require.Len(t, asked, 1)
	require.Equal(t, 1, f.deletes(id))
}
