package server

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// refuseSecretEchoes keeps configured secrets out of the protocol errors mcp-go writes
// itself. mcp-go answers a call to an unknown tool with "tool '<name>' not found" and an
// unknown method with "Method <name> not found", the client's text verbatim, and offers
// no way to reword those errors. A request whose method, or tools/call tool name, holds
// a configured secret or a confirmation token is therefore refused before mcp-go reads
// it, with that text redacted.
//
// TODO: answer such a tool name with the invalid-params error (-32602) MCP specifies
// for unknown tools, as other unknown tools get, once mcp-go lets a server shape that
// error; a refusal here can only be an invalid-request error (-32600).
func (r *Registrar) refuseSecretEchoes(hooks *mcpserver.Hooks) {
	hooks.AddOnRequestInitialization(func(_ context.Context, _ any, message any) error {
		raw, ok := message.(json.RawMessage)
		if !ok {
			return nil
		}
		var msg struct {
			Method string `json:"method"`
			Params struct {
				Name json.RawMessage `json:"name"`
			} `json:"params"`
		}
		if json.Unmarshal(raw, &msg) != nil {
			return nil // mcp-go answers with a parse error that quotes nothing
		}
		if scrubbed := r.audit.Scrub(msg.Method); scrubbed != msg.Method {
			return fmt.Errorf("method %s not found", scrubbed)
		}
		if msg.Method != string(mcp.MethodToolsCall) {
			return nil
		}
		var name string
		if json.Unmarshal(msg.Params.Name, &name) != nil || r.IsRegistered(name) {
			return nil
		}
		scrubbed := r.audit.Scrub(name)
		if scrubbed == name {
			return nil
		}
		// mcp-go calls no error hook for a request refused here, so the call is
		// audited as auditRejectedCalls audits other unknown tools.
		_, args, _ := sentCall(raw)
		r.audit.Begin(auditedName(scrubbed), args).
			Err(0, string(toolerr.UnknownTool), unknownToolMessage)
		return fmt.Errorf("tool '%s' not found", scrubbed)
	})
}
