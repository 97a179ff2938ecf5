package server

import (
	"context"
	"log/slog"
	"net/http"

	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// streamable is the streamable HTTP transport on /mcp.
type streamable struct {
	srv      *mcpserver.StreamableHTTPServer
	sessions *sessionIDs
	logger   *slog.Logger
	limit    int64
}

func (s *Server) newStreamableTransport(httpSrv *http.Server) *streamable {
	sessions := newSessionIDs(sessionIdleTTL)
	return &streamable{
		sessions: sessions,
		logger:   s.logger,
		limit:    maxBody(s.cfg),
		srv: mcpserver.NewStreamableHTTPServer(s.mcp,
			mcpserver.WithStreamableHTTPServer(httpSrv),
			mcpserver.WithEndpointPath("/mcp"),
			// A session id must have been issued here, to the same client, and not
			// terminated, else 404.
			mcpserver.WithSessionIdManagerResolver(sessions),
			mcpserver.WithSessionIdleTTL(sessionIdleTTL),
			mcpserver.WithHeartbeatInterval(heartbeat),
			mcpserver.WithStreamableHTTPLogger(s.logger),
			// Our Host allowlist already refuses what mcp-go's loopback check would,
			// and also accepts the names an administrator listed for a local proxy.
			mcpserver.WithDisableLocalhostProtection(true),
		),
	}
}

// mount serves the endpoint on its exact path: mcp-go's handler ignores the path.
func (t *streamable) mount(mux *http.ServeMux, wrap func(http.Handler) http.Handler) {
	mux.Handle("/mcp", wrap(limitBody(t.limit, requireSession(t.sessions, t.logger, t.srv))))
}

func (t *streamable) shutdown(ctx context.Context) error { return t.srv.Shutdown(ctx) }

// maxBody is the configured request body bound, or the default.
func maxBody(cfg *config.Config) int64 {
	if cfg.HTTP.MaxRequestBytes > 0 {
		return cfg.HTTP.MaxRequestBytes
	}
	return config.DefaultMaxRequestBytes
}
