package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// HTTP limits. Bodies above maxRequestBody are refused with 413 before mcp-go reads
// them; WriteTimeout stays unset because it would cut long-lived SSE streams.
const (
	maxRequestBody    = 4 << 20
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 2 * time.Minute
	sessionIdleTTL    = 30 * time.Minute
	heartbeat         = 30 * time.Second
)

// ServeStreamableHTTP serves streamable HTTP on /mcp and a health probe on /health at
// addr until ctx is cancelled, then drains running calls within drainTimeout.
func (s *Server) ServeStreamableHTTP(ctx context.Context, addr string, drainTimeout time.Duration) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}

	httpSrv := &http.Server{
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
	sessions := newSessionIDs(sessionIdleTTL)
	streamable := mcpserver.NewStreamableHTTPServer(s.mcp,
		mcpserver.WithStreamableHTTPServer(httpSrv),
		mcpserver.WithEndpointPath("/mcp"),
		// A session id must have been issued here and not terminated, else 404.
		mcpserver.WithSessionIdManager(sessions),
		mcpserver.WithSessionIdleTTL(sessionIdleTTL),
		mcpserver.WithHeartbeatInterval(heartbeat),
		mcpserver.WithStreamableHTTPLogger(s.logger),
	)
	httpSrv.Handler = s.routes(streamable, isLoopbackAddr(ln.Addr()), sessions)

	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	s.logger.Info("serving streamable HTTP", "addr", ln.Addr().String(), "endpoint", "/mcp")
	s.announceReady(ln.Addr().String())

	select {
	case err := <-served:
		return fmt.Errorf("serve HTTP: %w", err)
	case <-ctx.Done():
	}

	// Stop accepting connections and close the long-lived streams, let running calls
	// finish (or cancel them at the deadline), then let their responses reach the
	// clients: Shutdown waits for the connections still answering.
	s.registrar.inflight.beginDrain()
	s.logger.Info("stopping: finishing the calls already received; a second Ctrl-C stops at once",
		"timeout", drainTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainTimeout+drainGrace)
	defer cancel()
	shutdown := make(chan error, 1)
	go func() { shutdown <- streamable.Shutdown(shutdownCtx) }()

	if !s.Drain(drainTimeout) {
		s.logger.Warn("shutdown deadline passed; cancelling the calls still running",
			"timeout", drainTimeout)
	}
	if err := <-shutdown; err != nil {
		s.logger.Warn("HTTP connections still open at the shutdown deadline; closing them",
			"error", err)
		_ = httpSrv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve HTTP: %w", err)
	}
	return nil
}

// routes mounts the MCP endpoint on its exact path (mcp-go's handler ignores the path)
// behind a guard, and a health probe that reveals nothing about the tenant.
func (s *Server) routes(mcpHandler http.Handler, loopback bool, sessions *sessionIDs) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/mcp", guard(http.MaxBytesHandler(mcpHandler, maxRequestBody), loopback, sessions))
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
	return mux
}

// guard refuses what the MCP handler should never see: a body announced as larger than
// the limit (413, before reading it); on a loopback bind, a browser request from a page
// that is not itself on this machine (403), which is how DNS-rebinding and cross-site
// attacks reach local servers; and a stream (GET) or session end (DELETE) for a session
// this server does not hold (400 without an id, 404 for an unknown or ended one), which
// mcp-go only checks on POST. mcp-go checks the Host header itself.
//
// TODO: an origin allowlist for non-loopback binds belongs with client authentication.
func guard(next http.Handler, loopback bool, sessions *sessionIDs) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > maxRequestBody {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && loopback && !loopbackOrigin(origin) {
			http.Error(w, "origin not allowed", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodGet || r.Method == http.MethodDelete {
			id := r.Header.Get(mcpserver.HeaderKeySessionID)
			if id == "" {
				http.Error(w, "Mcp-Session-Id header required", http.StatusBadRequest)
				return
			}
			if ended, err := sessions.Validate(id); err != nil || ended {
				http.Error(w, "unknown or terminated session", http.StatusNotFound)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackOrigin reports whether an Origin header names a page served from this machine.
func loopbackOrigin(origin string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && config.IsLoopbackHost(u.Hostname())
}

func isLoopbackAddr(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
