package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

const e2eKey = "e2e-api-key-0123456789-abcdefgh"

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
	`"capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`

// send makes one request and returns status, headers and body.
func (s *httpServer) send(t *testing.T, method, path string, body io.Reader,
	header map[string]string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, body)
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
	resp, err := s.client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// connectWith opens an initialized streamable HTTP session sending header on every
// request, or returns the initialize error.
func (s *httpServer) connectWith(t *testing.T, header map[string]string) (*client.Client, error) {
	t.Helper()
	c, err := client.NewStreamableHttpClient(s.url+"/mcp", transport.WithHTTPHeaders(header),
		transport.WithHTTPBasicClient(s.client))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() {
		_ = c.Close()
		cancel()
	})
	require.NoError(t, c.Start(ctx))
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "e2e", Version: "1"}
	ictx, icancel := context.WithTimeout(ctx, 20*time.Second)
	defer icancel()
	_, err = c.Initialize(ictx, req)
	return c, err
}

func TestHTTPRefusesToStartWithoutUsableSecurity(t *testing.T) {
	dir := t.TempDir()
	cert, key, _ := writeCert(t, dir)
	cases := []struct {
		name   string
		args   []string
		env    []string
		stderr []string
	}{
		{"no authentication", []string{"--transport", "streamable-http"}, nil, []string{
			"ZSCALER_MCP_AUTH_API_KEY", "ZSCALER_MCP_AUTH_JWKS_URI", "OIDCPROXY_CONFIG_URL",
			"ZSCALER_MCP_AUTH_MODE=zscaler", "--generate-auth-token"}},
		{"OneAPI credentials are not client authentication", []string{"--transport", "sse"},
			[]string{"ZSCALER_CLIENT_ID=id", "ZSCALER_CLIENT_SECRET=top-secret-value", "ZSCALER_VANITY_DOMAIN=acme"},
			[]string{"needs client authentication"}},
		{"plaintext on a public address", []string{"--transport", "streamable-http", "--host", "192.0.2.1"},
			[]string{"ZSCALER_MCP_AUTH_API_KEY=" + e2eKey}, []string{`invalid --host="192.0.2.1"`, "ZSCALER_MCP_ALLOW_HTTP"}},
		{"any-address without hosts", []string{"--transport", "streamable-http", "--host", "0.0.0.0"},
			[]string{"ZSCALER_MCP_AUTH_API_KEY=" + e2eKey, "ZSCALER_MCP_TLS_CERTFILE=" + cert, "ZSCALER_MCP_TLS_KEYFILE=" + key},
			[]string{"ZSCALER_MCP_ALLOWED_HOSTS"}},
		{"no auth off loopback", []string{"--transport", "streamable-http", "--host", "0.0.0.0", "--demo"},
			[]string{"ZSCALER_MCP_AUTH_MODE=none", "ZSCALER_MCP_ALLOW_HTTP=true", "ZSCALER_MCP_ALLOWED_HOSTS=*"},
			[]string{"only allowed on a loopback bind"}},
		{"short key", []string{"--transport", "streamable-http"}, []string{"ZSCALER_MCP_AUTH_API_KEY=hunter2"},
			[]string{"ZSCALER_MCP_AUTH_API_KEY: too short"}},
		{"key reuses the OneAPI secret", []string{"--transport", "streamable-http"},
			[]string{"ZSCALER_MCP_AUTH_API_KEY=top-secret-value", "ZSCALER_CLIENT_ID=id",
				"ZSCALER_CLIENT_SECRET=top-secret-value", "ZSCALER_VANITY_DOMAIN=acme"},
			[]string{"invalid ZSCALER_MCP_AUTH_API_KEY: has the same value as ZSCALER_CLIENT_SECRET"}},
		{"TLS key missing", []string{"--transport", "streamable-http", "--demo"},
			[]string{"ZSCALER_MCP_TLS_CERTFILE=" + cert, "ZSCALER_MCP_TLS_KEYFILE=" + dir + "/nope.pem"},
			[]string{"ZSCALER_MCP_TLS_KEYFILE", "no such file"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, stdout, stderr := run(t, cleanEnv(tc.env...), tc.args...)
			require.Equal(t, 2, status, stderr)
			require.Empty(t, stdout)
			for _, want := range tc.stderr {
				require.Contains(t, stderr, want)
			}
			require.NotContains(t, stderr, "hunter2")
			require.NotContains(t, stderr, "top-secret-value")
		})
	}
}

func TestHTTPAPIKeyEndToEnd(t *testing.T) {
	s := startHTTP(t, cleanEnv("ZSCALER_MCP_AUTH_API_KEY="+e2eKey), "--demo", "--log-tool-calls")

	status, h, body := s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody), nil)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Equal(t, `Bearer realm="zscaler-mcp"`, h.Get("WWW-Authenticate"))
	require.Contains(t, body, "API key required")

	_, err := s.connectWith(t, map[string]string{"Authorization": "Bearer wrong-" + e2eKey})
	require.Error(t, err)

	c, err := s.connectWith(t, map[string]string{"X-Api-Key": e2eKey})
	require.NoError(t, err)
	res, err := call(t, c, "zia_list_rule_labels", map[string]any{"search": e2eKey})
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))

	lines := s.stderr.waitAudit(t, 2)
	require.Contains(t, lines[0], "zia_list_rule_labels")
	require.NotContains(t, s.stderr.String(), e2eKey, "the key appears in no log or audit line")
	require.Contains(t, s.stderr.String(), "client authentication failed")
	require.Contains(t, s.stderr.String(), "auth=api-key")
}

func TestHTTPOverTLS(t *testing.T) {
	cert, key, roots := writeCert(t, t.TempDir())
	s := startServer(t, serverSpec{
		env: cleanEnv("ZSCALER_MCP_TLS_CERTFILE="+cert, "ZSCALER_MCP_TLS_KEYFILE="+key,
			"ZSCALER_MCP_AUTH_API_KEY="+e2eKey),
		args:  []string{"--demo"},
		roots: roots,
	})
	require.True(t, strings.HasPrefix(s.url, "https://"))
	c, err := s.connectWith(t, map[string]string{"Authorization": "Bearer " + e2eKey})
	require.NoError(t, err)
	res, err := call(t, c, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))

	// Plain HTTP to the TLS port gets no MCP answer.
	resp, err := http.Post("http://"+strings.TrimPrefix(s.url, "https://")+"/mcp", "application/json",
		strings.NewReader(initBody))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.Contains(t, s.stderr.String(), "TLS certificate loaded")
}

func TestHTTPIPv6Loopback(t *testing.T) {
	ln, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		t.Skip("no IPv6 loopback on this machine:", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())

	s := startServer(t, serverSpec{env: cleanEnv(), args: []string{"--demo"}, host: "::1", port: port})
	require.Equal(t, "http://[::1]:"+strconv.Itoa(port), s.url)
	c, err := s.connectWith(t, nil)
	require.NoError(t, err)
	res, err := call(t, c, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))

	status, _, _ := s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		map[string]string{"Host": "evil.example.com"})
	require.Equal(t, http.StatusMisdirectedRequest, status)
	status, _, _ = s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		map[string]string{"Origin": "http://[::1]:3000"})
	require.Equal(t, http.StatusOK, status, "a page on this machine")
	status, _, _ = s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		map[string]string{"Origin": "http://evil.example.com"})
	require.Equal(t, http.StatusForbidden, status)
}

func TestHTTPWildcardHostsSourceAddressesAndBodyLimit(t *testing.T) {
	s := startHTTP(t, cleanEnv("ZSCALER_MCP_ALLOWED_HOSTS=*.example.test,[2001:db8::1]:8443"), "--demo")
	for host, want := range map[string]int{
		"mcp.example.test":      http.StatusOK,
		"a.b.example.test:8000": http.StatusOK,
		"example.test":          http.StatusMisdirectedRequest,
		"example.test.evil.com": http.StatusMisdirectedRequest,
		"[2001:db8::1]:8443":    http.StatusOK,
		"[2001:db8::1]:8444":    http.StatusMisdirectedRequest,
	} {
		status, _, body := s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody), map[string]string{"Host": host})
		require.Equal(t, want, status, "%s: %s", host, body)
	}

	status, _, body := s.send(t, http.MethodPost, "/mcp",
		strings.NewReader(strings.Repeat(" ", 16<<20)+initBody), nil)
	require.Equal(t, http.StatusRequestEntityTooLarge, status)
	require.Contains(t, body, "4 MiB")

	blocked := startHTTP(t, cleanEnv("ZSCALER_MCP_ALLOWED_SOURCE_IPS=10.0.0.0/8,2001:db8::/32"), "--demo")
	status, _, _ = blocked.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody), nil)
	require.Equal(t, http.StatusForbidden, status)
	status, _, _ = blocked.send(t, http.MethodGet, "/health", nil, nil)
	require.Equal(t, http.StatusOK, status, "probes stay open")
}

func TestHTTPJWTEndToEnd(t *testing.T) {
	p := newIDP(t)
	s := startHTTP(t, cleanEnv("ZSCALER_MCP_AUTH_JWKS_URI="+p.srv.URL+"/jwks",
		"ZSCALER_MCP_AUTH_ISSUER="+p.srv.URL, "ZSCALER_MCP_AUTH_AUDIENCE=zscaler-mcp-e2e"), "--demo")

	good := p.token(t, "zscaler-mcp-e2e", nil, nil)
	c, err := s.connectWith(t, map[string]string{"Authorization": "Bearer " + good})
	require.NoError(t, err, s.stderr.String())
	res, err := call(t, c, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))

	refused := map[string]string{
		"expired": p.token(t, "zscaler-mcp-e2e", nil, func(c jwt.MapClaims) {
			c["exp"] = time.Now().Add(-time.Minute * 5).Unix()
		}),
		"wrongly signed": p.token(t, "zscaler-mcp-e2e", p.stranger, nil),
		"other audience": p.token(t, "another-service", nil, nil),
	}
	reasons := map[string]string{"expired": "token expired", "wrongly signed": "invalid token signature",
		"other audience": "another audience"}
	for name, tok := range refused {
		status, h, body := s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
			map[string]string{"Authorization": "Bearer " + tok})
		require.Equal(t, http.StatusUnauthorized, status, name)
		require.Contains(t, body, reasons[name], name)
		require.Contains(t, h.Get("WWW-Authenticate"), `error="invalid_token"`)
		require.NotContains(t, body, tok)
	}
	logs := s.stderr.String()
	for _, tok := range append([]string{good}, refused["expired"], refused["wrongly signed"]) {
		require.NotContains(t, logs, tok)
		require.NotContains(t, logs, tok[strings.LastIndexByte(tok, '.')+1:], "not even the signature")
	}
}

func TestHTTPZscalerModeAgainstTheTokenEndpoint(t *testing.T) {
	s := startHTTP(t, cleanEnv("ZSCALER_MCP_AUTH_MODE=zscaler"), "--demo")
	basic := func(id, secret string) string {
		return "Basic " + base64.StdEncoding.EncodeToString([]byte(id+":"+secret))
	}
	const wrong = "not-the-demo-secret-123"
	status, h, body := s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		map[string]string{"Authorization": basic("demo-client-id", wrong)})
	require.Equal(t, http.StatusUnauthorized, status)
	require.Contains(t, body, "invalid OneAPI client credentials")
	require.Contains(t, h.Get("WWW-Authenticate"), "Basic")
	require.NotContains(t, body, wrong)

	c, err := s.connectWith(t, map[string]string{"Authorization": basic("demo-client-id", "demo-client-secret")})
	require.NoError(t, err)
	res, err := call(t, c, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))

	c2, err := s.connectWith(t, map[string]string{"X-Zscaler-Client-ID": "demo-client-id",
		"X-Zscaler-Client-Secret": "demo-client-secret"})
	require.NoError(t, err)
	_, err = call(t, c2, "zia_list_rule_labels", nil)
	require.NoError(t, err)

	require.NotContains(t, s.stderr.String(), wrong)
	require.NotContains(t, s.stderr.String(), "demo-client-secret")
}

func TestHTTPOIDCEndToEnd(t *testing.T) {
	p := newIDP(t)
	port := freePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	s := startServer(t, serverSpec{port: port, args: []string{"--demo"}, env: cleanEnv(
		"OIDCPROXY_CONFIG_URL="+p.srv.URL+"/.well-known/openid-configuration",
		"OIDCPROXY_BASE_URL="+base, "OIDCPROXY_REQUIRED_SCOPES=mcp")})

	status, _, body := s.send(t, http.MethodGet, "/.well-known/oauth-protected-resource/mcp", nil, nil)
	require.Equal(t, http.StatusOK, status)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	require.Equal(t, base+"/mcp", doc["resource"])
	require.Equal(t, []any{p.srv.URL}, doc["authorization_servers"])

	status, h, _ := s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody), nil)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Equal(t, `Bearer resource_metadata="`+base+`/.well-known/oauth-protected-resource/mcp", scope="mcp"`,
		h.Get("WWW-Authenticate"))

	scoped := func(c jwt.MapClaims) { c["scope"] = "mcp" }
	c, err := s.connectWith(t, map[string]string{"Authorization": "Bearer " + p.token(t, base+"/mcp", nil, scoped)})
	require.NoError(t, err)
	res, err := call(t, c, "zia_list_rule_labels", nil)
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))

	status, h, _ = s.send(t, http.MethodPost, "/mcp", strings.NewReader(initBody),
		map[string]string{"Authorization": "Bearer " + p.token(t, base+"/mcp", nil, nil)})
	require.Equal(t, http.StatusForbidden, status)
	require.Contains(t, h.Get("WWW-Authenticate"), `error="insufficient_scope"`)
}

func TestSSETransportEndToEnd(t *testing.T) {
	s := startServer(t, serverSpec{transport: "sse", env: cleanEnv("ZSCALER_MCP_AUTH_API_KEY=" + e2eKey),
		args: []string{"--demo", "--log-tool-calls"}})

	status, _, _ := s.send(t, http.MethodGet, "/sse", nil, nil)
	require.Equal(t, http.StatusUnauthorized, status)

	c := s.connectSSE(t, transport.WithHeaders(map[string]string{"X-Api-Key": e2eKey}))
	ctx := context.Background()
	listed, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(listed.Tools), 69)
	res, err := call(t, c, "zms_list_resources", map[string]any{"page_num": 1, "page_size": 2})
	require.NoError(t, err)
	nodes, _ := page(t, res)
	require.Len(t, nodes, 2)

	lines := s.stderr.waitAudit(t, 2)
	require.Equal(t, `[TOOL CALL] zms_list_resources | args: {page_num: 1, page_size: 2}`, lines[0])
	require.Equal(t, `[TOOL OK]   zms_list_resources | Nms | 2 items`, normalize(lines[1]))
	require.NotContains(t, s.stderr.String(), e2eKey)
	require.Contains(t, s.stderr.String(), "serving sse")
}

func TestGenerateAuthTokenCLI(t *testing.T) {
	status, stdout, stderr := run(t, cleanEnv(), "--generate-auth-token", "--port", "9000")
	require.Equal(t, 0, status, stderr)
	require.Regexp(t, `(?m)^ZSCALER_MCP_AUTH_API_KEY=[A-Za-z0-9_-]{43}$`, stdout)
	require.Contains(t, stdout, "http://127.0.0.1:9000/mcp")
	require.Contains(t, stdout, `"mcp-remote"`)
	require.NotContains(t, stderr, "ZSCALER_MCP_AUTH_API_KEY=")
}
