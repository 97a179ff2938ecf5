package main

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// generate runs --generate-auth-token with args and returns stdout and stderr.
func generate(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	served := false
	cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &errOut},
		func(*config.Config) error { served = true; return nil })
	cmd.SetArgs(append([]string{"--generate-auth-token"}, args...))
	require.NoError(t, cmd.Execute())
	require.False(t, served, "generating a key never starts the server")
	return out.String(), errOut.String()
}

var keyLine = regexp.MustCompile(`(?m)^ZSCALER_MCP_AUTH_API_KEY=([A-Za-z0-9_-]+)$`)

// jsonBlocks returns the JSON documents of the output, in order.
func jsonBlocks(t *testing.T, out string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	for _, block := range strings.Split(out, "\n\n") {
		if strings.HasPrefix(block, "{") {
			var doc map[string]any
			require.NoError(t, json.Unmarshal([]byte(block), &doc), block)
			docs = append(docs, doc)
		}
	}
	return docs
}

func TestGenerateAuthTokenPrintsAFreshKeyAndClientConfigs(t *testing.T) {
	isolate(t)
	out, stderr := generate(t)
	require.Empty(t, stderr)
	m := keyLine.FindStringSubmatch(out)
	require.NotNil(t, m, out)
	key := m[1]
	require.Len(t, key, 43)
	require.GreaterOrEqual(t, len(key), config.MinAPIKeyLength)

	docs := jsonBlocks(t, out)
	require.Len(t, docs, 3, "Claude Desktop, Cursor, VS Code")
	require.Contains(t, out, "Start the server with --transport streamable-http "+
		"(or ZSCALER_MCP_TRANSPORT=streamable-http).")
	claude := docs[0]["mcpServers"].(map[string]any)["zscaler"].(map[string]any)
	require.Equal(t, "npx", claude["command"])
	require.Equal(t, []any{"-y", "mcp-remote", "http://127.0.0.1:8000/mcp", "--header",
		"Authorization:${ZSCALER_MCP_AUTH_HEADER}"}, claude["args"])
	require.Equal(t, "Bearer "+key, claude["env"].(map[string]any)["ZSCALER_MCP_AUTH_HEADER"])
	cursor := docs[1]["mcpServers"].(map[string]any)["zscaler"].(map[string]any)
	require.Equal(t, "http://127.0.0.1:8000/mcp", cursor["url"])
	require.Equal(t, "Bearer "+key, cursor["headers"].(map[string]any)["Authorization"])
	vscode := docs[2]["servers"].(map[string]any)["zscaler"].(map[string]any)
	require.Equal(t, "http", vscode["type"])
	require.Equal(t, "Bearer ${input:zscaler-mcp-api-key}", vscode["headers"].(map[string]any)["Authorization"])
	var cfg *config.Config
	vsText, err := json.Marshal(docs[2])
	require.NoError(t, err)
	require.NotContains(t, string(vsText), key, "VS Code keeps the key in its secret storage")

	again, _ := generate(t)
	require.NotEqual(t, key, keyLine.FindStringSubmatch(again)[1], "every run makes a new key")

	// The generated key passes the server's own check.
	cfg, err = config.Load(func(name string) (string, bool) {
		switch name {
		case config.EnvTransport:
			return config.TransportStreamableHTTP, true
		case config.EnvAuthAPIKey:
			return key, true
		}
		return "", false
	})
	require.NoError(t, err)
	require.Equal(t, config.AuthModeAPIKey, cfg.HTTP.Auth.Mode)
}

func TestGenerateAuthTokenFollowsTheSettings(t *testing.T) {
	dir := isolate(t)
	// Not a valid server configuration yet (no key): generation still works.
	writeDotenv(t, dir, "ZSCALER_MCP_TRANSPORT=sse\nZSCALER_MCP_HOST=0.0.0.0\n"+
		"ZSCALER_MCP_ALLOWED_HOSTS=*.example.com,mcp.example.com\nZSCALER_MCP_ALLOW_HTTP=true\n")
	out, _ := generate(t, "--port", "9443")
	docs := jsonBlocks(t, out)
	claude := docs[0]["mcpServers"].(map[string]any)["zscaler"].(map[string]any)
	require.Equal(t, []any{"-y", "mcp-remote", "http://mcp.example.com:9443/sse", "--header",
		"Authorization:${ZSCALER_MCP_AUTH_HEADER}", "--allow-http", "--transport", "sse-only"}, claude["args"])
	require.Equal(t, "sse", docs[2]["servers"].(map[string]any)["zscaler"].(map[string]any)["type"])
	require.Contains(t, out, "The settings already select the sse transport.",
		"no advice to pass a flag the settings already give")
	require.NotContains(t, out, "Start the server with")

	t.Setenv(config.EnvOIDCBaseURL, "https://mcp.example.com/zscaler/")
	out, _ = generate(t)
	require.Contains(t, out, `"url": "https://mcp.example.com/zscaler/sse"`)
}
