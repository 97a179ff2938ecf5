package e2e

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// lockedBuffer collects a child's stderr while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// auditLines returns the stderr lines that start with "[TOOL ".
func (b *lockedBuffer) auditLines() []string {
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "[TOOL ") {
			out = append(out, l)
		}
	}
	return out
}

// waitAudit waits until n audit lines are present: the OK/ERR line is written just
// before the response, but stderr and stdout are separate pipes.
func (b *lockedBuffer) waitAudit(t *testing.T, n int) []string {
	t.Helper()
	require.Eventually(t, func() bool { return len(b.auditLines()) >= n }, 5*time.Second,
		10*time.Millisecond, "want %d audit lines, stderr:\n%s", n, b.String())
	return b.auditLines()
}

// cleanEnv returns the environment without any ZSCALER_ setting, plus the test run
// directory and extra.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ZSCALER_") {
			env = append(env, kv)
		}
	}
	env = append(env, "ZSCALER_MCP_RUN_DIR="+runDir)
	return append(env, extra...)
}

type stdioServer struct {
	cmd    *exec.Cmd
	client *client.Client
	stderr *lockedBuffer
	stdout *countingReader
}

// countingReader records every byte the server wrote to stdout.
type countingReader struct {
	r   io.Reader
	mu  sync.Mutex
	raw bytes.Buffer
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.mu.Lock()
	c.raw.Write(p[:n])
	c.mu.Unlock()
	return n, err
}

func (c *countingReader) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.raw.String()
}

// startStdio runs the binary with args and connects an MCP client over its pipes.
func startStdio(t *testing.T, env []string, args ...string) *stdioServer {
	t.Helper()
	return startStdioWith(t, nil, env, args...)
}

// startStdioWith is startStdio with client options, such as an elicitation handler.
func startStdioWith(t *testing.T, opts []client.ClientOption, env []string,
	args ...string) *stdioServer {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	require.NoError(t, cmd.Start())

	out := &countingReader{r: stdout}
	tr := transport.NewIO(out, stdin, io.NopCloser(strings.NewReader("")))
	c := client.NewClient(tr, opts...)
	// The transport answers the server's requests (elicitations) under the context it
	// was started with, so that context lives as long as the client.
	ctx, cancel := context.WithCancel(context.Background())
	require.NoError(t, c.Start(ctx))
	initialize(t, c)

	s := &stdioServer{cmd: cmd, client: c, stderr: stderr, stdout: out}
	t.Cleanup(func() {
		_ = c.Close()
		cancel()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return s
}

func initialize(t *testing.T, c *client.Client) {
	t.Helper()
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "e2e", Version: "1"}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := c.Initialize(ctx, req)
	require.NoError(t, err)
}

func call(t *testing.T, c *client.Client, name string, args map[string]any) (*mcp.CallToolResult, error) {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return c.CallTool(ctx, req)
}

func text(r *mcp.CallToolResult) string {
	var parts []string
	for _, c := range r.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			parts = append(parts, tc.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// records decodes a list result's text.
func records(t *testing.T, r *mcp.CallToolResult) []map[string]any {
	t.Helper()
	require.False(t, r.IsError, text(r))
	var out []map[string]any
	require.NoError(t, json.Unmarshal([]byte(text(r)), &out), text(r))
	return out
}

// page decodes a ZMS page result's text.
func page(t *testing.T, r *mcp.CallToolResult) ([]map[string]any, map[string]any) {
	t.Helper()
	require.False(t, r.IsError, text(r))
	var out struct {
		Nodes    []map[string]any `json:"nodes"`
		PageInfo map[string]any   `json:"pageInfo"`
	}
	require.NoError(t, json.Unmarshal([]byte(text(r)), &out), text(r))
	return out.Nodes, out.PageInfo
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return port
}

type httpServer struct {
	cmd    *exec.Cmd
	url    string
	stderr *lockedBuffer
	// client trusts the server's certificate when it serves TLS.
	client *http.Client
}

// serverSpec says how to start the binary on HTTP; zero values mean streamable HTTP
// on 127.0.0.1 at a free port, plain HTTP.
type serverSpec struct {
	env       []string
	args      []string
	transport string
	host      string
	port      int
	// roots, when set, makes the server speak TLS with a certificate they sign.
	roots *x509.CertPool
	// binary, when set, is run instead of the binary built for the test run.
	binary string
}

// startHTTP runs the binary on streamable HTTP and waits for /health.
func startHTTP(t *testing.T, env []string, args ...string) *httpServer {
	t.Helper()
	return startServer(t, serverSpec{env: env, args: args})
}

// startServer runs the binary as spec says and waits for /health.
func startServer(t *testing.T, spec serverSpec) *httpServer {
	t.Helper()
	if spec.transport == "" {
		spec.transport = "streamable-http"
	}
	if spec.host == "" {
		spec.host = "127.0.0.1"
	}
	if spec.port == 0 {
		spec.port = freePort(t)
	}
	args := append(slices.Clip(spec.args), "--transport", spec.transport, "--host", spec.host,
		"--port", strconv.Itoa(spec.port))
	bin := binary
	if spec.binary != "" {
		bin = spec.binary
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = spec.env
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	cmd.Stdout = stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})

	scheme, hc := "http", &http.Client{}
	if spec.roots != nil {
		scheme = "https"
		hc = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: spec.roots}}}
	}
	base := scheme + "://" + net.JoinHostPort(spec.host, strconv.Itoa(spec.port))
	require.Eventually(t, func() bool {
		resp, err := hc.Get(base + "/health")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, 15*time.Second, 50*time.Millisecond, "server did not come up:\n%s", stderr.String())
	return &httpServer{cmd: cmd, url: base, stderr: stderr, client: hc}
}

// connect opens an initialized MCP session with the server over streamable HTTP; opts
// configure the client, for instance with an elicitation handler.
func (s *httpServer) connect(t *testing.T, opts ...client.ClientOption) *client.Client {
	t.Helper()
	// The client library logs an error when the server closes a call's stream before
	// the acknowledgement of an elicitation answer arrives, although the server got the
	// answer; the tests judge by results and the server's stderr instead.
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	tr, err := transport.NewStreamableHTTP(s.url+"/mcp", transport.WithHTTPLogger(quiet))
	require.NoError(t, err)
	return start(t, client.NewClient(tr, opts...))
}

// connectSSE opens an initialized MCP session with the server over the SSE transport;
// opts configure the transport, for instance with headers.
func (s *httpServer) connectSSE(t *testing.T, opts ...transport.ClientOption) *client.Client {
	t.Helper()
	c, err := client.NewSSEMCPClient(s.url+"/sse", opts...)
	require.NoError(t, err)
	return start(t, c)
}

// start starts c, closes it when the test ends, and initializes the session.
func start(t *testing.T, c *client.Client) *client.Client {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() {
		_ = c.Close()
		cancel()
	})
	require.NoError(t, c.Start(ctx))
	initialize(t, c)
	return c
}

var (
	durationRE = regexp.MustCompile(`\| \d+ms \|`)
)

// normalize replaces durations so lines can be compared exactly.
func normalize(line string) string {
	return durationRE.ReplaceAllString(line, "| Nms |")
}
