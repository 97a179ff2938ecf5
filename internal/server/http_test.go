package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/httpauth"
)

const testKey = "test-api-key-0123456789abcdef"

type httpFixture struct {
	url   string
	logs  *syncBuffer
	audit *syncBuffer
}

// serveHTTPTest serves the configured transport through the full handler on an
// httptest server on loopback, with an API key unless cfg says otherwise.
func serveHTTPTest(t *testing.T, cfg *config.Config) *httpFixture {
	t.Helper()
	if cfg.Transport == "" {
		cfg.Transport = config.TransportStreamableHTTP
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.HTTP.Auth.Mode == "" {
		cfg.HTTP.Auth = config.Auth{Mode: config.AuthModeAPIKey, APIKey: testKey}
	}
	logs, auditSink := &syncBuffer{}, &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a := audit.New(auditSink)
	a.SetEnabled(true)
	a.AddSecret(cfg.HTTP.Auth.APIKey)
	up := &fakeUpstream{}
	srv, err := New(Deps{Config: cfg, Version: "test", Logger: logger, Audit: a, Upstream: up, Prober: up})
	require.NoError(t, err)

	auth, err := httpauth.New(context.Background(), httpauth.Options{Auth: cfg.HTTP.Auth,
		Endpoint: HTTPEndpoint(cfg.Transport), Logger: logger})
	require.NoError(t, err)
	var tr mcpTransport
	if cfg.Transport == config.TransportSSE {
		tr = srv.newSSETransport(&http.Server{})
	} else {
		tr = srv.newStreamableTransport(&http.Server{})
	}
	h, err := srv.httpHandler(tr, auth, true, false)
	require.NoError(t, err)
	ts := httptest.NewServer(h)
	t.Cleanup(func() {
		_ = tr.shutdown(context.Background())
		ts.Close()
		auth.Close()
	})
	return &httpFixture{url: ts.URL, logs: logs, audit: auditSink}
}

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
	`"capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`

// post sends body to path with the headers and returns status, headers and body.
func (f *httpFixture) do(t *testing.T, method, path string, body io.Reader,
	header map[string]string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.url+path, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func authed(extra map[string]string) map[string]string {
	h := map[string]string{"Authorization": "Bearer " + testKey}
	for k, v := range extra {
		h[k] = v
	}
	return h
}

func TestHTTPHealthIsOpenAndRevealsNothing(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{AllowedSourceIPs: []string{"10.0.0.0/8"}}})
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		status, h, body := f.do(t, method, "/health", nil, map[string]string{"Host": "evil.example.com"})
		require.Equal(t, http.StatusOK, status)
		require.Equal(t, "no-store", h.Get("Cache-Control"))
		if method == http.MethodGet {
			require.Equal(t, `{"status":"ok"}`, body)
		}
	}
	status, _, _ := f.do(t, http.MethodPost, "/health", nil, nil)
	require.Equal(t, http.StatusMethodNotAllowed, status)
}

func TestHTTPHostAllowlist(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{
		AllowedHosts: []string{"*.example.com", "mcp.internal:8443"}}})
	cases := []struct {
		host string
		want int
	}{
		{"evil.example.org", http.StatusMisdirectedRequest},
		{"example.com", http.StatusMisdirectedRequest},
		{"mcp.internal", http.StatusMisdirectedRequest},
		{"mcp.internal:8443", http.StatusOK},
		{"a.example.com", http.StatusOK},
		{"deep.a.example.com:9999", http.StatusOK},
		{"localhost:1234", http.StatusOK},
		{"127.0.0.1", http.StatusOK},
		{"[::1]:8000", http.StatusOK},
		{"[::2]:8000", http.StatusMisdirectedRequest},
	}
	for _, tc := range cases {
		status, _, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
			authed(map[string]string{"Host": tc.host}))
		require.Equal(t, tc.want, status, "%s: %s", tc.host, body)
		if tc.want == http.StatusMisdirectedRequest {
			require.Contains(t, body, `"Misdirected request`)
		}
	}
}

func TestHTTPOriginsAndCORS(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{
		AllowedOrigins: []string{"https://app.example.com"}}})

	status, _, _ := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		authed(map[string]string{"Origin": "https://evil.example.com"}))
	require.Equal(t, http.StatusForbidden, status)

	status, _, _ = f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		authed(map[string]string{"Origin": "http://localhost:6274"}))
	require.Equal(t, http.StatusOK, status, "pages of this machine may call a loopback server")

	status, h, _ := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		authed(map[string]string{"Origin": "https://app.example.com"}))
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "https://app.example.com", h.Get("Access-Control-Allow-Origin"))
	require.Contains(t, h.Get("Access-Control-Expose-Headers"), "Mcp-Session-Id")

	// A preflight carries no credential and is answered before authentication.
	status, h, _ = f.do(t, http.MethodOptions, "/mcp", nil, map[string]string{
		"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST",
		"Access-Control-Request-Headers": "authorization,content-type,mcp-protocol-version"})
	require.Equal(t, http.StatusNoContent, status)
	require.Equal(t, "https://app.example.com", h.Get("Access-Control-Allow-Origin"))

	// A browser can read a 401 and its challenge.
	status, h, _ = f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		map[string]string{"Origin": "https://app.example.com"})
	require.Equal(t, http.StatusUnauthorized, status)
	require.Equal(t, "https://app.example.com", h.Get("Access-Control-Allow-Origin"))
	require.Contains(t, h.Get("Access-Control-Expose-Headers"), "Www-Authenticate")
}

func TestHTTPSourceAddressesAreCheckedBeforeAuthentication(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{AllowedSourceIPs: []string{"10.0.0.0/8", "2001:db8::/32"}}})
	status, h, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody), nil)
	require.Equal(t, http.StatusForbidden, status)
	require.Empty(t, h.Get("WWW-Authenticate"))
	require.Contains(t, body, "this address may not use the server")
	require.NotContains(t, f.logs.String(), "client authentication failed")
	require.Contains(t, f.logs.String(), "source address not allowed")

	g := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{AllowedSourceIPs: []string{"127.0.0.0/8"}}})
	status, _, _ = g.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody), authed(nil))
	require.Equal(t, http.StatusOK, status)
}

func TestHTTPBodyLimit(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{})
	big := strings.Repeat(" ", 16<<20) + initBody
	status, _, body := f.do(t, http.MethodPost, "/mcp", strings.NewReader(big), authed(nil))
	require.Equal(t, http.StatusRequestEntityTooLarge, status, "16 MB with Content-Length")
	require.Contains(t, body, "the limit is 4 MiB")

	// Without Content-Length (chunked), the bound is found while reading.
	status, _, _ = f.do(t, http.MethodPost, "/mcp", io.MultiReader(strings.NewReader(big)), authed(nil))
	require.Equal(t, http.StatusRequestEntityTooLarge, status, "16 MB chunked")

	status, _, _ = f.do(t, http.MethodPost, "/mcp", strings.NewReader(big), nil)
	require.Equal(t, http.StatusUnauthorized, status, "an unauthenticated client learns nothing about limits")

	small := serveHTTPTest(t, &config.Config{HTTP: config.HTTP{MaxRequestBytes: 1024}})
	padded := strings.NewReader(initBody + strings.Repeat(" ", 1024))
	status, _, _ = small.do(t, http.MethodPost, "/mcp", padded, authed(nil))
	require.Equal(t, http.StatusRequestEntityTooLarge, status)
	status, _, _ = small.do(t, http.MethodPost, "/mcp", strings.NewReader(initBody), authed(nil))
	require.Equal(t, http.StatusOK, status)
}

func TestHTTPStreamsAndSessionEndsNeedALiveSession(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{})
	status, _, _ := f.do(t, http.MethodGet, "/mcp", nil, authed(nil))
	require.Equal(t, http.StatusBadRequest, status)
	status, _, _ = f.do(t, http.MethodDelete, "/mcp", nil,
		authed(map[string]string{"Mcp-Session-Id": "mcp-session-forged"}))
	require.Equal(t, http.StatusNotFound, status)
	status, _, _ = f.do(t, http.MethodGet, "/mcp", nil, nil)
	require.Equal(t, http.StatusUnauthorized, status, "authentication comes before session checks")
}

func TestHTTPStreamableSessionWithAPIKey(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{})

	bad, err := client.NewStreamableHttpClient(f.url+"/mcp",
		transport.WithHTTPHeaders(map[string]string{"X-Api-Key": "wrong-key-0123456789"}))
	require.NoError(t, err)
	require.NoError(t, bad.Start(context.Background()))
	_, err = bad.Initialize(context.Background(), initRequest())
	require.Error(t, err)
	_ = bad.Close()

	c, err := client.NewStreamableHttpClient(f.url+"/mcp",
		transport.WithHTTPHeaders(map[string]string{"X-Api-Key": testKey}))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.Start(context.Background()))
	_, err = c.Initialize(context.Background(), initRequest())
	require.NoError(t, err)
	res, err := callTool(c, "zia_list_rule_labels", map[string]any{"search": testKey})
	require.NoError(t, err)
	require.False(t, res.IsError, resultText(res))

	require.NotContains(t, f.logs.String(), testKey)
	require.NotContains(t, f.logs.String(), "wrong-key-0123456789")
	require.NotEmpty(t, f.audit.lines())
	for _, l := range f.audit.lines() {
		require.NotContains(t, l, testKey, "the API key is scrubbed from audit lines")
	}
}

func TestHTTPSSETransport(t *testing.T) {
	f := serveHTTPTest(t, &config.Config{Transport: config.TransportSSE,
		HTTP: config.HTTP{AllowedOrigins: []string{"https://app.example.com"}}})

	// Without the key, the stream is refused before it opens.
	status, h, _ := f.do(t, http.MethodGet, "/sse", nil, nil)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Contains(t, h.Get("WWW-Authenticate"), "Bearer")
	status, _, _ = f.do(t, http.MethodPost, "/message?sessionId=x", strings.NewReader(initBody), nil)
	require.Equal(t, http.StatusUnauthorized, status)
	status, _, _ = f.do(t, http.MethodPost, "/message?sessionId=x",
		strings.NewReader(strings.Repeat(" ", 5<<20)), authed(nil))
	require.Equal(t, http.StatusRequestEntityTooLarge, status)

	for _, path := range []string{"/sse", "/mcp"} {
		c, err := client.NewSSEMCPClient(f.url+path, client.WithHeaders(map[string]string{
			"Authorization": "Bearer " + testKey}))
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		require.NoError(t, c.Start(ctx))
		_, err = c.Initialize(ctx, initRequest())
		require.NoError(t, err, path)
		listed, err := c.ListTools(ctx, mcp.ListToolsRequest{})
		require.NoError(t, err)
		require.NotEmpty(t, listed.Tools)
		res, err := callTool(c, "zia_list_rule_labels", nil)
		require.NoError(t, err)
		require.False(t, res.IsError, resultText(res))
		_ = c.Close()
		cancel()
	}

	// The stream answers an allowed browser origin with that origin, not "*".
	req, err := http.NewRequest(http.MethodGet, f.url+"/sse", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Origin", "https://app.example.com")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, []string{"https://app.example.com"}, resp.Header.Values("Access-Control-Allow-Origin"))
	cancel()
	resp.Body.Close()
}

func TestHTTPEndpoint(t *testing.T) {
	require.Equal(t, "/mcp", HTTPEndpoint(config.TransportStreamableHTTP))
	require.Equal(t, "/sse", HTTPEndpoint(config.TransportSSE))
}

func TestHumanBytes(t *testing.T) {
	require.Equal(t, "4 MiB", humanBytes(4<<20))
	require.Equal(t, "64 KiB", humanBytes(64<<10))
	require.Equal(t, "1000 bytes", humanBytes(1000))
}

func initRequest() mcp.InitializeRequest {
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	return req
}

func callTool(c *client.Client, name string, args map[string]any) (*mcp.CallToolResult, error) {
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	return c.CallTool(context.Background(), req)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
