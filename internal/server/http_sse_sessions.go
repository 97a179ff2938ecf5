package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"sync"

	"github.com/zscaler/zscaler-mcp/internal/httpauth"
	"github.com/zscaler/zscaler-mcp/internal/httpguard"
)

// sseSessions binds each HTTP+SSE session to the client that opened its stream. The
// session id travels in the message URL (/message?sessionId=...), so anyone who sees
// that URL could otherwise post into the session.
type sseSessions struct {
	mu     sync.Mutex
	owners map[string]string // session id -> httpauth.Identity.Key
	logger *slog.Logger
}

func newSSESessions(logger *slog.Logger) *sseSessions {
	return &sseSessions{owners: map[string]string{}, logger: logger}
}

// sseSlot carries the id of the session a stream request opened back to the stream
// handler, which forgets it when the stream ends.
type sseSlot struct{ id string }

type sseSlotKey struct{}

// generate is mcp-go's session id generator: it issues the id of a new stream and
// records the client that opened it.
func (s *sseSessions) generate(ctx context.Context, r *http.Request) (string, error) {
	id := rand.Text()
	s.mu.Lock()
	s.owners[id] = ownerOf(r)
	s.mu.Unlock()
	if slot, ok := ctx.Value(sseSlotKey{}).(*sseSlot); ok {
		slot.id = id
	}
	return id, nil
}

// stream serves an event stream and forgets its session when the stream ends, at
// which point mcp-go has forgotten it too.
func (s *sseSessions) stream(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slot := &sseSlot{}
		defer func() {
			if slot.id != "" {
				s.mu.Lock()
				delete(s.owners, slot.id)
				s.mu.Unlock()
			}
		}()
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sseSlotKey{}, slot)))
	})
}

// message lets through the messages of a session the sending client opened, and
// answers the others 404 with the same JSON-RPC error as streamable HTTP gives an
// unknown session: a client cannot tell another's session from none. A message
// without a session id is left to mcp-go, which refuses it.
func (s *sseSessions) message(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sid := r.URL.Query().Get("sessionId")
		if sid == "" {
			next.ServeHTTP(w, r)
			return
		}
		s.mu.Lock()
		owner, ok := s.owners[sid]
		s.mu.Unlock()
		if ok && owner == ownerOf(r) {
			next.ServeHTTP(w, r)
			return
		}
		reason := "unknown or ended session"
		level := slog.LevelInfo
		if ok {
			reason, level = "session opened by another client", slog.LevelWarn
		}
		who, _ := httpauth.IdentityFrom(r.Context())
		s.logger.Log(r.Context(), level, "HTTP request refused", "status", http.StatusNotFound,
			"reason", reason, "mode", who.Mode, "subject", who.Subject, "issuer", who.Issuer,
			"remote", r.RemoteAddr, "method", r.Method, "path", r.URL.Path)
		httpguard.RefuseRequest(w, http.StatusNotFound, messageID(r), msgSessionUnknown)
	})
}

// messageID is the JSON-RPC id of a message body already read in full by limitBody,
// or nil.
func messageID(r *http.Request) json.RawMessage {
	if r.Body == nil {
		return nil
	}
	data, err := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var msg struct {
		ID json.RawMessage `json:"id"`
	}
	_ = json.Unmarshal(data, &msg)
	return msg.ID
}
