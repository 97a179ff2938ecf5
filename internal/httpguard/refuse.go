package httpguard

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// refusalCode is the JSON-RPC error code of a request refused by the HTTP layer before
// the MCP server saw it, the implementation-defined server error other MCP SDKs use.
const refusalCode = -32000

// Refuse answers a request with status and a JSON-RPC error carrying message, so MCP
// clients can show why. message is written by this server and never quotes what the
// client sent beyond what it already knows.
func Refuse(w http.ResponseWriter, status int, message string) {
	RefuseRequest(w, status, nil, message)
}

// RefuseRequest is Refuse for a request whose JSON-RPC id is known, so the client can
// match the error to the request it sent; a missing or malformed id is sent as null.
func RefuseRequest(w http.ResponseWriter, status int, id json.RawMessage, message string) {
	var rid any
	if len(id) > 0 && json.Valid(id) {
		rid = id
	}
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{
		"jsonrpc": "2.0",
		"id":      rid,
		"error":   map[string]any{"code": refusalCode, "message": message},
	})
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(body.Bytes())
}

// EntryError is a malformed allowlist entry.
type EntryError struct {
	Entry  string
	Reason string
}

func (e *EntryError) Error() string { return e.Entry + ": " + e.Reason }
