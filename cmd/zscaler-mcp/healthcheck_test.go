package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

func TestHealthURLAsksThisMachine(t *testing.T) {
	cases := []struct {
		host, cert, want string
	}{
		{"127.0.0.1", "", "http://127.0.0.1:8000/health"},
		{"0.0.0.0", "", "http://127.0.0.1:8000/health"},
		{"::", "", "http://127.0.0.1:8000/health"},
		{"::1", "", "http://[::1]:8000/health"},
		{"localhost", "/tls/cert.pem", "https://localhost:8000/health"},
		{"10.1.2.3", "", "http://10.1.2.3:8000/health"},
	}
	for _, tc := range cases {
		cfg := &config.Config{Host: tc.host, Port: 8000, HTTP: config.HTTP{TLSCertFile: tc.cert}}
		require.Equal(t, tc.want, healthURL(cfg), tc.host)
	}
}

// healthServer serves /health with the given status and body; it returns its config.
func healthServer(t *testing.T, status int, body string, tlsOn bool) (
	*config.Config, *httptest.Server,
) {
	t.Helper()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/health" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
	srv := httptest.NewUnstartedServer(h)
	if tlsOn {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	t.Cleanup(srv.Close)
	cfg := &config.Config{
		Transport: config.TransportStreamableHTTP,
		Host:      "127.0.0.1",
		Port:      srv.Listener.Addr().(*net.TCPAddr).Port,
	}
	return cfg, srv
}

func TestProbeHealth(t *testing.T) {
	cfg, _ := healthServer(t, http.StatusOK, `{"status":"ok"}`, false)
	_, err := probeHealth(context.Background(), cfg)
	require.NoError(t, err)

	cfg, _ = healthServer(t, http.StatusServiceUnavailable, `{"status":"ok"}`, false)
	_, err = probeHealth(context.Background(), cfg)
	require.ErrorContains(t, err, "503")

	cfg, _ = healthServer(t, http.StatusOK, `<html>welcome</html>`, false)
	_, err = probeHealth(context.Background(), cfg)
	require.ErrorContains(t, err, "another service")

	cfg.Port = closedPort(t)
	_, err = probeHealth(context.Background(), cfg)
	require.ErrorContains(t, err, "connection refused")
}

func TestProbeHealthOverTLSTrustsOnlyTheConfiguredCertificate(t *testing.T) {
	cfg, srv := healthServer(t, http.StatusOK, `{"status":"ok"}`, true)
	dir := t.TempDir()

	served := filepath.Join(dir, "served.pem")
	writePEM(t, served, srv.Certificate().Raw)
	cfg.HTTP.TLSCertFile = served
	_, err := probeHealth(context.Background(), cfg)
	require.NoError(t, err, "the certificate in the file is the one served, whatever its names")

	other := filepath.Join(dir, "other.pem")
	writePEM(t, other, selfSigned(t))
	cfg.HTTP.TLSCertFile = other
	_, err = probeHealth(context.Background(), cfg)
	require.ErrorContains(t, err, "certificate other than the one in ZSCALER_MCP_TLS_CERTFILE")

	cfg.HTTP.TLSCertFile = filepath.Join(dir, "missing.pem")
	_, err = probeHealth(context.Background(), cfg)
	require.ErrorContains(t, err, "read ZSCALER_MCP_TLS_CERTFILE")
}

func TestHealthcheckCommandExitsOneOnEveryFailure(t *testing.T) {
	isolate(t)
	t.Setenv("ZSCALER_MCP_AUTH_MODE", "none") // the HTTP settings must be valid, as the server's are
	cfg, _ := healthServer(t, http.StatusOK, `{"status":"ok"}`, false)
	port := strconv.Itoa(cfg.Port)

	out, err := runHealthcheck(t, "--transport", "streamable-http", "--port", port)
	require.NoError(t, err)
	require.Contains(t, out, "healthy: GET http://127.0.0.1:"+port+"/health answered 200")

	out, err = runHealthcheck(t)
	require.NoError(t, err, "stdio has nothing to probe")
	require.Contains(t, out, "stdio")

	t.Setenv("ZSCALER_MCP_TRANSPORT", "streamable-http")
	t.Setenv("ZSCALER_MCP_PORT", strconv.Itoa(closedPort(t)))
	for _, args := range [][]string{
		nil,                                  // nothing listens
		{"--port", "0"},                      // a configuration error
		{"--no-such-flag"},                   // a flag error
		{"--port", port, "--timeout", "1ns"}, // too slow
		{"--port", port, "extra"},            // an argument
		{"--port", port, "--host"},           // a flag without its value
	} {
		_, err := runHealthcheck(t, args...)
		require.Error(t, err, "%v", args)
		require.Equal(t, 1, exitStatus(err), "%v: %v", args, err)
	}
}

// TestHealthcheckIgnoresSettingsItDoesNotUse: the server read its settings at start; a
// .env file edited since with a mistake in a setting the probe does not use is
// reported, but the server that runs fine stays healthy. A mistake in what the probe
// needs to reach the server still fails it, with exit status 1.
func TestHealthcheckIgnoresSettingsItDoesNotUse(t *testing.T) {
	cfg, _ := healthServer(t, http.StatusOK, `{"status":"ok"}`, false)
	port := strconv.Itoa(cfg.Port)
	reach := "ZSCALER_MCP_TRANSPORT=streamable-http\nZSCALER_MCP_PORT=" + port + "\n"
	healthy := "healthy: GET http://127.0.0.1:" + port + "/health answered 200\n"

	for name, tc := range map[string]struct{ dotenv, want string }{
		"a mistyped boolean": {reach + "ZSCALER_MCP_DEBUG=maybe\n" +
			"ZSCALER_MCP_AUTH_MODE=none\n", `invalid ZSCALER_MCP_DEBUG (in .env)="maybe": not a boolean`},
		"a malformed pattern": {reach + "ZSCALER_MCP_DISABLED_TOOLS=zia_[\n" +
			"ZSCALER_MCP_AUTH_MODE=none\n", `invalid ZSCALER_MCP_DISABLED_TOOLS (in .env)="zia_[": malformed`},
		"an unknown auth mode": {reach + "ZSCALER_MCP_AUTH_MODE=nope\n",
			`invalid ZSCALER_MCP_AUTH_MODE (in .env)="nope": unknown mode`},
	} {
		t.Run(name, func(t *testing.T) {
			writeDotenv(t, isolate(t), tc.dotenv)
			var stdout, stderr bytes.Buffer
			err := runHealthcheckTo(t, &stdout, &stderr)
			require.NoError(t, err)
			require.Equal(t, healthy, stdout.String())
			require.Contains(t, stderr.String(), "note: "+tc.want)
			require.Contains(t, stderr.String(), "the server would refuse this at its next "+
				"start or reload, but the health check does not depend on it")
		})
	}

	for name, dotenv := range map[string]string{
		"a mistyped transport": "ZSCALER_MCP_TRANSPORT=streamable-htp\nZSCALER_MCP_PORT=" +
			port + "\nZSCALER_MCP_DEBUG=maybe\n",
		"a mistyped port":       "ZSCALER_MCP_TRANSPORT=streamable-http\nZSCALER_MCP_PORT=80o0\n",
		"a mistyped host":       reach + "ZSCALER_MCP_HOST=local host\n",
		"a missing certificate": reach + "ZSCALER_MCP_TLS_CERTFILE=/nonexistent/cert.pem\n",
	} {
		t.Run(name, func(t *testing.T) {
			writeDotenv(t, isolate(t), dotenv)
			var stdout, stderr bytes.Buffer
			err := runHealthcheckTo(t, &stdout, &stderr)
			require.Error(t, err)
			require.Equal(t, 1, exitStatus(err), "%v", err)
			require.Empty(t, stdout.String())
		})
	}
}

// runHealthcheckTo runs `zscaler-mcp healthcheck args...` with its own streams.
func runHealthcheckTo(t *testing.T, stdout, stderr *bytes.Buffer, args ...string) error {
	t.Helper()
	cmd := newRootCommand(context.Background(), runIO{stdout: stdout, stderr: stderr}, nil)
	cmd.SetArgs(append([]string{"healthcheck"}, args...))
	return cmd.Execute()
}

// runHealthcheck runs `zscaler-mcp healthcheck args...` and returns its stdout.
func runHealthcheck(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &out}, nil)
	cmd.SetArgs(append([]string{"healthcheck"}, args...))
	err := cmd.Execute()
	return out.String(), err
}

func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())
	return port
}

func writePEM(t *testing.T, path string, der []byte) {
	t.Helper()
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	require.NoError(t, os.WriteFile(path, data, 0o600))
}

func selfSigned(t *testing.T) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return der
}
