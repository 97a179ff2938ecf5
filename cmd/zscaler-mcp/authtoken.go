package main

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"

	"github.com/spf13/viper"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// apiKeyBytes is the randomness of a generated key: 256 bits, 43 characters.
const apiKeyBytes = 32

// vsCodeInput names the VS Code input that prompts for the key, so the key is kept in
// VS Code's secret storage instead of a workspace file.
const vsCodeInput = "zscaler-mcp-api-key"

// newAPIKey returns a fresh random key in URL-safe base64.
func newAPIKey() (string, error) {
	b := make([]byte, apiKeyBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read random bytes: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// printAuthToken writes a new API key and client configurations that use it. The
// URL comes from the settings as far as they are known (a bad setting elsewhere does
// not stop this: the key is often made before the rest is configured).
func printAuthToken(w io.Writer, v *viper.Viper) error {
	key, err := newAPIKey()
	if err != nil {
		return err
	}
	url, sse := clientURL(v)
	transportFlag := "streamable-http"
	if sse {
		transportFlag = "sse"
	}

	remoteArgs := []string{"-y", "mcp-remote", url, "--header", "Authorization:${ZSCALER_MCP_AUTH_HEADER}"}
	if strings.HasPrefix(url, "http://") && !config.IsLoopbackHost(urlHost(url)) {
		remoteArgs = append(remoteArgs, "--allow-http")
	}
	if sse {
		remoteArgs = append(remoteArgs, "--transport", "sse-only")
	}
	header := map[string]string{"Authorization": "Bearer " + key}
	claude := map[string]any{"mcpServers": map[string]any{"zscaler": struct {
		Command string            `json:"command"`
		Args    []string          `json:"args"`
		Env     map[string]string `json:"env"`
	}{"npx", remoteArgs, map[string]string{"ZSCALER_MCP_AUTH_HEADER": "Bearer " + key}}}}
	cursor := map[string]any{"mcpServers": map[string]any{"zscaler": struct {
		URL     string            `json:"url"`
		Headers map[string]string `json:"headers"`
	}{url, header}}}
	vsType := "http"
	if sse {
		vsType = "sse"
	}
	vscode := struct {
		Inputs  []map[string]any `json:"inputs"`
		Servers map[string]any   `json:"servers"`
	}{
		Inputs: []map[string]any{{"type": "promptString", "id": vsCodeInput,
			"description": "zscaler-mcp API key", "password": true}},
		Servers: map[string]any{"zscaler": struct {
			Type    string            `json:"type"`
			URL     string            `json:"url"`
			Headers map[string]string `json:"headers"`
		}{vsType, url, map[string]string{"Authorization": "Bearer ${input:" + vsCodeInput + "}"}}},
	}

	var b strings.Builder
	fmt.Fprintf(&b, "# A new API key for zscaler-mcp. Anyone who holds it can use the tenant\n")
	fmt.Fprintf(&b, "# through the server: keep it out of source control and chat logs.\n\n")
	fmt.Fprintf(&b, "## Server: put this line in the server's .env file (or its environment)\n\n")
	fmt.Fprintf(&b, "%s=%s\n\n", config.EnvAuthAPIKey, key)
	if configured := strings.TrimSpace(v.GetString(config.EnvTransport)); strings.EqualFold(configured,
		transportFlag) {
		fmt.Fprintf(&b, "The settings already select the %s transport. Clients connect to %s\n",
			transportFlag, url)
	} else {
		fmt.Fprintf(&b, "Start the server with --transport %s (or %s=%s). Clients connect to %s\n",
			transportFlag, config.EnvTransport, transportFlag, url)
	}
	fmt.Fprintf(&b, "(change the address if they reach the server under another name or through a proxy).\n\n")
	section(&b, "## Claude Desktop (claude_desktop_config.json), through mcp-remote; needs Node.js", claude)
	section(&b, "## Cursor (~/.cursor/mcp.json or .cursor/mcp.json)", cursor)
	section(&b, "## VS Code (.vscode/mcp.json); paste the key when VS Code asks for it", vscode)
	_, err = io.WriteString(w, b.String())
	return err
}

func section(b *strings.Builder, title string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
	fmt.Fprintf(b, "%s\n\n%s\n", title, buf.String())
}

// clientURL is the URL clients use, from the transport, TLS, host and port settings,
// or from OIDCPROXY_BASE_URL when set. It reports whether the transport is SSE.
func clientURL(v *viper.Viper) (string, bool) {
	sse := strings.EqualFold(strings.TrimSpace(v.GetString(config.EnvTransport)), config.TransportSSE)
	endpoint := "/mcp"
	if sse {
		endpoint = "/sse"
	}
	if base := strings.TrimSpace(v.GetString(config.EnvOIDCBaseURL)); base != "" {
		return strings.TrimSuffix(base, "/") + endpoint, sse
	}

	host := strings.Trim(strings.TrimSpace(v.GetString(config.EnvHost)), "[]")
	if host == "" {
		host = config.DefaultHost
	}
	if config.IsUnspecifiedHost(host) {
		host = "localhost"
		// The first exact name clients are allowed to use is the best guess.
		for _, h := range strings.Split(v.GetString(config.EnvAllowedHosts), ",") {
			h = strings.TrimSpace(h)
			if h != "" && !strings.ContainsAny(h, "*:[") {
				host = h
				break
			}
		}
	}
	port := config.DefaultPort
	if p, err := strconv.Atoi(strings.TrimSpace(v.GetString(config.EnvPort))); err == nil && p > 0 {
		port = p
	}
	scheme := "http"
	if strings.TrimSpace(v.GetString(config.EnvTLSCertFile)) != "" {
		scheme = "https"
	}
	return scheme + "://" + net.JoinHostPort(host, strconv.Itoa(port)) + endpoint, sse
}

// urlHost returns the host of an http(s) URL built by clientURL.
func urlHost(u string) string {
	rest := u[strings.Index(u, "://")+3:]
	hostport, _, _ := strings.Cut(rest, "/")
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}
