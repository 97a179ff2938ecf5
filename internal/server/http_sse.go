package server

import (
	"context"
	"net/http"

	mcpserver "github.com/mark3labs/mcp-go/server"
)

// sse is the older HTTP+SSE transport: a GET on /sse opens the event stream, whose
// first event names the URL (/message?sessionId=...) to POST requests to. The stream
// is also served on /mcp, where the Python server had it, so existing client
// configurations keep working. A session belongs to the client that opened its
// stream (see sseSessions).
type sse struct {
	srv      *mcpserver.SSEServer
	sessions *sseSessions
	limit    int64
}

func (s *Server) newSSETransport(httpSrv *http.Server) *sse {
	sessions := newSSESessions(s.logger)
	return &sse{
		limit:    maxBody(s.cfg),
		sessions: sessions,
		srv: mcpserver.NewSSEServer(s.mcp,
			mcpserver.WithSessionIDGenerator(sessions.generate),
			mcpserver.WithHTTPServer(httpSrv),
			mcpserver.WithSSEEndpoint("/sse"),
			mcpserver.WithMessageEndpoint("/message"),
			mcpserver.WithKeepAlive(true),
			mcpserver.WithKeepAliveInterval(heartbeat),
			mcpserver.WithSSEDisableLocalhostProtection(true),
		),
	}
}

func (t *sse) mount(mux *http.ServeMux, wrap func(http.Handler) http.Handler) {
	stream := wrap(t.sessions.stream(keepCORS(t.srv.SSEHandler())))
	mux.Handle("GET /sse", stream)
	mux.Handle("GET /mcp", stream)
	mux.Handle("POST /message", wrap(limitBody(t.limit, t.sessions.message(t.srv.MessageHandler()))))
}

// shutdown closes the open streams, then shuts the HTTP server down.
func (t *sse) shutdown(ctx context.Context) error { return t.srv.Shutdown(ctx) }

// keepCORS undoes mcp-go's blanket "Access-Control-Allow-Origin: *" on the event
// stream: the CORS layer in front has already decided which origin may read it.
func keepCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		decided := w.Header().Values("Access-Control-Allow-Origin")
		next.ServeHTTP(&corsKeeper{ResponseWriter: w, decided: decided}, r)
	})
}

type corsKeeper struct {
	http.ResponseWriter
	decided []string
	fixed   bool
}

func (c *corsKeeper) fix() {
	if c.fixed {
		return
	}
	c.fixed = true
	h := c.Header()
	h.Del("Access-Control-Allow-Origin")
	for _, v := range c.decided {
		h.Add("Access-Control-Allow-Origin", v)
	}
}

func (c *corsKeeper) WriteHeader(code int) {
	c.fix()
	c.ResponseWriter.WriteHeader(code)
}

func (c *corsKeeper) Write(b []byte) (int, error) {
	c.fix()
	return c.ResponseWriter.Write(b)
}

func (c *corsKeeper) Flush() {
	c.fix()
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (c *corsKeeper) Unwrap() http.ResponseWriter { return c.ResponseWriter }
