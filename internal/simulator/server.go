package simulator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// Handler returns the HTTP handler of the tenant. It routes on the URL path alone, so
// one listener serves the token host and the API gateway host alike.
func (t *Tenant) Handler() http.Handler { return http.HandlerFunc(t.serveHTTP) }

// service classifies a path for rate-limit headers and error formats.
type service int

const (
	svcOther service = iota
	svcToken
	svcZIA
	svcZMS
)

// classify tells which service a cleaned path belongs to.
func classify(path string) service {
	switch {
	case path == tokenPath:
		return svcToken
	case path == "/zia" || strings.HasPrefix(path, "/zia/"):
		return svcZIA
	case path == zmsPath || strings.HasPrefix(path, "/zms/"):
		return svcZMS
	}
	return svcOther
}

// statusRecorder remembers the status written so that the request log can show it.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// serveHTTP logs the request, applies the configured latency and any matching fault,
// then routes it. The request log records every request, faulted ones included, so that
// tests can count the retries a client made.
func (t *Tenant) serveHTTP(w http.ResponseWriter, r *http.Request) {
	path := cleanPath(r.URL.Path)
	svc := classify(path)
	op := ""
	if svc == svcZMS {
		op = peekOperationName(r)
	}
	idx := t.record(r, path, op)
	t.commonHeaders(w, svc)
	rec := &statusRecorder{ResponseWriter: w}
	defer func() { t.recordStatus(idx, rec.status) }()

	if !sleepCtx(r.Context(), t.cfg.latency) {
		return
	}
	if f := t.matchFault(r.Method, path, op); f != nil {
		if !sleepCtx(r.Context(), f.Latency) {
			return
		}
		if f.answers() {
			t.writeFault(rec, svc, f)
			return
		}
	}

	switch {
	case path == "/health":
		writeJSON(rec, http.StatusOK, ctJSON, map[string]any{"status": "ok"})
	case svc == svcToken:
		t.serveToken(rec, r)
	case svc == svcZIA:
		if t.authorize(rec, r, svc) {
			t.serveZIA(rec, r, path)
		}
	case svc == svcZMS:
		if t.authorize(rec, r, svc) {
			t.serveZMS(rec, r, path)
		}
	default:
		writeJSON(rec, http.StatusNotFound, ctJSON,
			map[string]any{"code": "RESOURCE_NOT_FOUND", "message": "Unknown endpoint " + path})
	}
}

// cleanPath collapses repeated slashes (the SDK asks for /urlCategories//urlQuota) and
// drops a trailing slash, without the redirects http.ServeMux would answer.
func cleanPath(p string) string {
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	if p == "" {
		p = "/"
	}
	return p
}

// record appends r to the request log and returns its index, so that the status can be
// filled in once the answer is written.
func (t *Tenant) record(r *http.Request, path, op string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.requests = append(t.requests, Request{
		Method:       r.Method,
		Path:         path,
		RawQuery:     r.URL.RawQuery,
		Host:         r.Host,
		OriginalHost: r.Header.Get(OriginalHostHeader),
		Operation:    op,
	})
	return len(t.requests) - 1
}

// recordStatus sets the status of the logged request at idx.
func (t *Tenant) recordStatus(idx, status int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	// Reset may have emptied the log while the request was in flight.
	if idx < len(t.requests) {
		t.requests[idx].Status = status
	}
}

// sleepCtx waits d unless ctx ends first; it reports whether the wait completed.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// Server is a tenant served on a loopback listener.
type Server struct {
	// URL is the base URL, e.g. "http://127.0.0.1:41234".
	URL    string
	Tenant *Tenant

	srv  *http.Server
	done chan struct{}
}

// Start serves t on 127.0.0.1 at a free port over plain HTTP.
func Start(t *Tenant) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen on loopback: %w", err)
	}
	s := &Server{
		URL:    "http://" + ln.Addr().String(),
		Tenant: t,
		srv:    &http.Server{Handler: t.Handler(), ReadHeaderTimeout: 10 * time.Second},
		done:   make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// Close stops the listener and drops open connections; handlers still sleeping on
// injected latency see their request context cancelled.
func (s *Server) Close() error {
	err := s.srv.Close()
	<-s.done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
