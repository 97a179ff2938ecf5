package server

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// renderResult is a successful result: the value's compact JSON text, already encoded,
// plus the value as structured content. Structured content must be an object, so
// lists and scalars are wrapped as {"result": value}.
func renderResult(value any, text string) *mcp.CallToolResult {
	structured, ok := value.(map[string]any)
	if !ok {
		structured = map[string]any{"result": value}
	}
	return &mcp.CallToolResult{
		Content:           []mcp.Content{mcp.NewTextContent(text)},
		StructuredContent: structured,
	}
}

// withBanner puts the external-content banner before a result's content, as a block of
// its own so the JSON text block after it still parses. Structured content is left as
// it is: it is the tool's value, which an agent may pass back.
func withBanner(res *mcp.CallToolResult) {
	res.Content = append([]mcp.Content{mcp.NewTextContent(sanitize.ExternalContentBanner)},
		res.Content...)
}

// errorResult is the isError result the agent sees: "Kind: message", the same text
// the audit line records.
func errorResult(text string) *mcp.CallToolResult {
	return &mcp.CallToolResult{
		Content: []mcp.Content{mcp.NewTextContent(text)},
		IsError: true,
	}
}

// encodeJSON marshals without HTML escaping, so "a & b" stays readable to the agent.
func encodeJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimRight(buf.Bytes(), "\n")), nil
}

// partialSummary says "partial" where the summary of a complete success says "ok":
// "ok (token id …)" becomes "partial (token id …)". A summary without "ok" (a list's
// "N items") gets ", partial" appended.
func partialSummary(summary string) string {
	if rest, found := strings.CutPrefix(summary, "ok"); found {
		return "partial" + rest
	}
	return summary + ", partial"
}
