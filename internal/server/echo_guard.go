package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// errSecretInRequest refuses a request that holds a secret or a confirmation token
// where mcp-go might quote it back.
var errSecretInRequest = errors.New("the request holds a configured secret or a " +
	"confirmation token outside a tool's arguments, so it was not read")

// refuseSecretEchoes keeps configured secrets out of the protocol errors mcp-go writes
// itself. mcp-go quotes the client's text in several of them and offers no way to
// reword them: "tool '<name>' not found" for an unknown tool, "Method <name> not found"
// for an unknown method, "invalid logging level '<level>'" for logging/setLevel, the
// protocol version a client asked for, and possibly others. A request that holds a
// configured secret or a confirmation token anywhere but in a tools/call's arguments
// is therefore refused before mcp-go reads it, with an invalid-request error (-32600).
// An unknown method or tool name is quoted redacted; other refusals quote nothing.
// A tool's arguments are left to the call, which keeps secrets out of its result.
//
// The request id is not searched: JSON-RPC makes every answer repeat it, a refusal too.
//
// TODO: answer a tool name holding a secret with the invalid-params error (-32602) MCP
// specifies for unknown tools, as other unknown tools get, once mcp-go lets a server
// shape that error; a refusal here can only be an invalid-request error (-32600).
func (r *Registrar) refuseSecretEchoes(hooks *mcpserver.Hooks) {
	hooks.AddOnRequestInitialization(func(_ context.Context, _ any, message any) error {
		raw, ok := message.(json.RawMessage)
		if !ok {
			return nil
		}
		var msg map[string]json.RawMessage
		if json.Unmarshal(raw, &msg) != nil {
			return nil // mcp-go answers with a parse error that quotes nothing
		}
		var method string
		_ = json.Unmarshal(msg["method"], &method)
		if scrubbed := r.audit.Scrub(method); scrubbed != method {
			return fmt.Errorf("method %s not found", scrubbed)
		}
		if method != string(mcp.MethodToolsCall) {
			if r.holdsSecret(msg, "id") {
				return errSecretInRequest
			}
			return nil
		}

		var params map[string]json.RawMessage
		if json.Unmarshal(msg["params"], &params) != nil {
			// Params that are not an object: mcp-go refuses the call as malformed.
			if r.holdsSecret(msg, "id") {
				return errSecretInRequest
			}
			return nil
		}
		var name string
		_ = json.Unmarshal(params["name"], &name)
		unknown := !r.IsRegistered(name)
		scrubbed := r.audit.Scrub(name)
		if unknown && scrubbed != name {
			// mcp-go calls no error hook for a request refused here, so the call is
			// audited as auditRejectedCalls audits other unknown tools.
			_, args, _ := sentCall(raw)
			r.audit.Begin(auditedName(scrubbed), args).
				Err(0, string(toolerr.UnknownTool), unknownToolMessage)
			return fmt.Errorf("tool '%s' not found", scrubbed)
		}
		if r.holdsSecret(msg, "id", "params") || r.holdsSecret(params, "arguments") {
			_, args, _ := sentCall(raw)
			r.audit.Begin(auditedName(scrubbed), args).
				Err(0, string(toolerr.InvalidArgument), errSecretInRequest.Error())
			return errSecretInRequest
		}
		return nil
	})
}

// holdsSecret reports whether a member of an object, other than those skipped, holds a
// configured secret or a confirmation token in its name or anywhere in its value.
// Text without escapes is searched as written, which is the common case and costs one
// substring search per secret; text with escapes is decoded first, so that an escaped
// letter cannot hide a secret.
func (r *Registrar) holdsSecret(members map[string]json.RawMessage, skip ...string) bool {
	for name, value := range members {
		if slices.Contains(skip, name) {
			continue
		}
		if r.audit.Scrub(name) != name {
			return true
		}
		text := string(value)
		if !strings.Contains(text, `\`) {
			if r.audit.Scrub(text) != text {
				return true
			}
			continue
		}
		if v, err := decodeWritten(value); err == nil && r.holdsSecretValue(v) {
			return true
		}
	}
	return false
}

// holdsSecretValue is holdsSecret for a decoded value.
func (r *Registrar) holdsSecretValue(v any) bool {
	switch t := v.(type) {
	case string:
		return r.audit.Scrub(t) != t
	case json.Number:
		return r.audit.Scrub(string(t)) != string(t)
	case map[string]any:
		for k, e := range t {
			if r.audit.Scrub(k) != k || r.holdsSecretValue(e) {
				return true
			}
		}
	case []any:
		for _, e := range t {
			if r.holdsSecretValue(e) {
				return true
			}
		}
	}
	return false
}
