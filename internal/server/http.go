package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/httpauth"
)

// HTTP limits. WriteTimeout stays unset because it would cut long-lived SSE streams;
// slow request bodies are bounded per request instead (see limitBody).
const (
	readHeaderTimeout = 10 * time.Second
	bodyReadTimeout   = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	sessionIdleTTL    = 30 * time.Minute
	heartbeat         = 30 * time.Second
)

// HTTPOptions say how to serve one of the HTTP transports.
type HTTPOptions struct {
	// Addr is the listen address, host:port.
	Addr string
	// DrainTimeout bounds how long running calls may finish after ctx ends.
	DrainTimeout time.Duration
	// Auth authenticates every client; mode none is an Authenticator too, so a
	// missing one is a wiring bug, not a configuration.
	Auth *httpauth.Authenticator
}

// HTTPEndpoint is the path clients connect to on transport: /mcp for streamable
// HTTP, /sse for the HTTP+SSE transport.
func HTTPEndpoint(transport string) string {
	if transport == config.TransportSSE {
		return "/sse"
	}
	return "/mcp"
}

// mcpTransport is streamable HTTP or HTTP+SSE, mounted on our own mux.
type mcpTransport interface {
	// mount registers the transport's endpoints; wrap puts the origin check and
	// authentication in front of each.
	mount(mux *http.ServeMux, wrap func(http.Handler) http.Handler)
	// shutdown closes open streams and shuts the HTTP server down.
	shutdown(ctx context.Context) error
}

// ServeHTTPTransport serves the configured HTTP transport at o.Addr, with TLS when
// configured, until ctx is cancelled, then drains running calls within o.DrainTimeout.
func (s *Server) ServeHTTPTransport(ctx context.Context, o HTTPOptions) error {
	if o.Auth == nil {
		return errors.New("serve HTTP: no authenticator")
	}
	tlsConf, err := loadTLS(s.cfg.HTTP, s.logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.Addr, err)
	}

	httpSrv := &http.Server{
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		TLSConfig:         tlsConf,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
	var t mcpTransport
	if s.cfg.Transport == config.TransportSSE {
		t = s.newSSETransport(httpSrv)
	} else {
		t = s.newStreamableTransport(httpSrv)
	}
	handler, err := s.httpHandler(t, o.Auth, isLoopbackAddr(ln.Addr()), tlsConf != nil)
	if err != nil {
		_ = ln.Close()
		return err
	}
	httpSrv.Handler = handler

	served := make(chan error, 1)
	go func() {
		if tlsConf != nil {
			served <- httpSrv.ServeTLS(ln, "", "")
			return
		}
		served <- httpSrv.Serve(ln)
	}()
	scheme := "http"
	if tlsConf != nil {
		scheme = "https"
	}
	s.logger.Info("serving "+s.cfg.Transport, "addr", ln.Addr().String(),
		"url", scheme+"://"+ln.Addr().String()+HTTPEndpoint(s.cfg.Transport),
		"auth", o.Auth.Mode(), "tls", tlsConf != nil)
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
		"timeout", o.DrainTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.DrainTimeout+drainGrace)
	defer cancel()
	shutdown := make(chan error, 1)
	go func() { shutdown <- t.shutdown(shutdownCtx) }()

	if !s.Drain(o.DrainTimeout) {
		s.logger.Warn("shutdown deadline passed; cancelling the calls still running",
			"timeout", o.DrainTimeout)
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

func isLoopbackAddr(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
