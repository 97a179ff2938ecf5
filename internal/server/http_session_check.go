package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"net/http"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/httpauth"
	"github.com/zscaler/zscaler-mcp/internal/httpguard"
)

// Refusal messages of the session check; docs/troubleshooting.md quotes them.
const (
	msgSessionRequired = "Bad request: Mcp-Session-Id header required; send initialize first"
	msgSessionUnknown  = "Session not found: unknown or terminated session"
)

// requireSession refuses a message for a session this server does not hold, or that
// another client opened, with a JSON-RPC error body like every other refusal: 404 for
// an unknown, ended or foreign session id, 400 for a stream (GET), a session end (DELETE) or a request (POST) that carries
// none. mcp-go checks POSTs itself but answers in plain text and with 404 for a
// missing id, where the protocol asks for 400.
//
// Left to mcp-go: initialize, which starts a session; messages of protocol 2026-07-28
// and later, which have no sessions and ignore the header; a client's response without
// a session id; and bodies that are not a JSON object, which it refuses as such.
func requireSession(sessions *sessionIDs, logger *slog.Logger, next http.Handler) http.Handler {
	refuse := func(w http.ResponseWriter, r *http.Request, status int, id json.RawMessage,
		message string) {
		logger.Info("HTTP request refused", "status", status, "reason", message,
			"remote", r.RemoteAddr, "method", r.Method, "path", r.URL.Path)
		httpguard.RefuseRequest(w, status, id, message)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var id json.RawMessage
		check := false
		switch r.Method {
		case http.MethodGet, http.MethodDelete:
			check = !mcp.IsModernProtocol(r.Header.Get(mcp.HeaderProtocolVersion))
		case http.MethodPost:
			check, id = postNeedsSession(r)
		}
		if !check {
			next.ServeHTTP(w, r)
			return
		}
		sid := r.Header.Get(mcpserver.HeaderKeySessionID)
		if sid == "" {
			refuse(w, r, http.StatusBadRequest, id, msgSessionRequired)
			return
		}
		switch sessions.state(sid, ownerOf(r)) {
		case sessionLive:
			next.ServeHTTP(w, r)
		case sessionForeign:
			// The same answer as for an unknown id, so the client learns nothing of
			// the session; the log tells the operator who tried, never with what.
			who, _ := httpauth.IdentityFrom(r.Context())
			logger.Warn("HTTP request refused", "status", http.StatusNotFound,
				"reason", "session opened by another client", "mode", who.Mode,
				"subject", who.Subject, "issuer", who.Issuer, "remote", r.RemoteAddr,
				"method", r.Method, "path", r.URL.Path)
			httpguard.RefuseRequest(w, http.StatusNotFound, id, msgSessionUnknown)
		default:
			refuse(w, r, http.StatusNotFound, id, msgSessionUnknown)
		}
	})
}

// postNeedsSession reports whether a POST must belong to a live session, and the
// JSON-RPC id of its message. The body was already read in full by limitBody.
func postNeedsSession(r *http.Request) (bool, json.RawMessage) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil ||
		mt != "application/json" || r.Body == nil {
		return false, nil
	}
	data, err := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(data))
	if err != nil {
		return false, nil
	}
	var msg struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if json.Unmarshal(data, &msg) != nil || msg.Method == string(mcp.MethodInitialize) {
		return false, nil
	}
	var params struct {
		Meta map[string]any `json:"_meta"`
	}
	_ = json.Unmarshal(msg.Params, &params) // params of another shape carry no version
	version, _ := params.Meta[mcp.MetaKeyProtocolVersion].(string)
	if mcp.IsModernProtocol(version) ||
		mcp.IsModernProtocol(r.Header.Get(mcp.HeaderProtocolVersion)) {
		return false, nil
	}
	if msg.Method == "" && r.Header.Get(mcpserver.HeaderKeySessionID) == "" {
		// A response to a server request: mcp-go answers one without a session.
		return false, nil
	}
	return true, msg.ID
}
