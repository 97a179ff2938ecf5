package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// maxAuditedName bounds a client-supplied tool name in audit lines.
const maxAuditedName = 128

// unknownToolMessage is what a call to a tool this server does not serve is told.
const unknownToolMessage = "no such tool on this server; " +
	"zscaler_list_toolsets shows what can be enabled"

// auditRejectedCalls audits tools/call requests that mcp-go refuses before any handler
// runs: unknown or unregistered tools and requests it could not parse. Registered tool
// handlers never return a Go error, so every tools/call error seen here is one of those.
func (r *Registrar) auditRejectedCalls(hooks *mcpserver.Hooks) {
	hooks.AddOnError(func(_ context.Context, _ any, method mcp.MCPMethod, message any, err error) {
		if method != mcp.MethodToolsCall {
			return
		}

		name, args, readable := "", map[string]any(nil), true
		var unparsable *mcpserver.UnparsableMessageError
		if errors.As(err, &unparsable) {
			name, args, readable = sentCall(unparsable.GetMessage())
		} else if req, ok := message.(*mcp.CallToolRequest); ok {
			name = req.Params.Name
			args, _ = writtenArguments(req.Params).(map[string]any)
		}

		// The placeholders are the server's own words and are shown as they are; only
		// a name the client chose is made printable.
		var label string
		switch {
		case !readable:
			label = "(unparsable request)"
		case name == "":
			label = "(no tool name)"
		default:
			// Secrets and tokens go before the name is reshaped and cut, so that no
			// part of one is left.
			label = auditedName(r.audit.Scrub(name))
		}

		entry := r.audit.Begin(label, args)
		if errors.Is(err, mcpserver.ErrToolNotFound) {
			entry.Err(0, string(toolerr.UnknownTool), unknownToolMessage)
			return
		}
		entry.Err(0, string(toolerr.InvalidArgument), "the request was malformed")
	})
}

// sentCall reads the tool name and arguments of a tools/call message mcp-go could not
// decode, numbers as written. Its partial decoding is no record of the call: it holds
// null for a number it could not represent (1e400), and no arguments at all when the
// name is not a string. A name that is not a string is returned empty; readable is
// false when the message has no params object to read either from.
func sentCall(message json.RawMessage) (name string, args map[string]any, readable bool) {
	var msg struct {
		Params struct {
			Name      json.RawMessage `json:"name"`
			Arguments json.RawMessage `json:"arguments"`
		} `json:"params"`
	}
	if json.Unmarshal(message, &msg) != nil {
		return "", nil, false
	}
	_ = json.Unmarshal(msg.Params.Name, &name)
	written, _ := decodeWritten(msg.Params.Arguments)
	args, _ = written.(map[string]any)
	return name, args, true
}

// auditedName makes a client-chosen name safe to print on one audit line: spaces, "|"
// and control characters become "_", and invisible characters are written as \u
// escapes, so a name padded with, say, a right-to-left override cannot pass for a real
// tool's name.
func auditedName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == ' ' || r == '|' || r < 0x20 || r == 0x7f:
			b.WriteByte('_')
		case r == utf8.RuneError || sanitize.IsInvisible(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	name = b.String()
	if utf8.RuneCountInString(name) > maxAuditedName {
		name = string([]rune(name)[:maxAuditedName]) + "…"
	}
	return name
}
