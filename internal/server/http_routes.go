package server

import (
	"net/http"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/httpauth"
	"github.com/zscaler/zscaler-mcp/internal/httpguard"
)

// Request headers a browser page may send, and response headers it may read, when
// its origin is allowed.
var (
	corsAllowedHeaders = []string{"Accept", "Authorization", "Content-Type", "Last-Event-ID",
		"Mcp-Protocol-Version", "Mcp-Session-Id", "X-Api-Key", "X-Zscaler-Client-ID",
		"X-Zscaler-Client-Secret"}
	corsExposedHeaders = []string{"Mcp-Protocol-Version", "Mcp-Session-Id", "WWW-Authenticate"}
)

// httpHandler composes the layers every request passes, outermost first:
//
//	/health                      answered at once, for probes; reveals nothing else
//	source address allowlist     403
//	Host allowlist               421 (DNS rebinding, misrouted requests)
//	browser Origin allowlist     403, and CORS for allowed origins (preflights end here)
//	client authentication        401 / 403 / 503
//	body limit                   413
//	the MCP transport
//
// The protected resource metadata of oidc mode sits behind the first three only, as
// clients read it before they have a token.
func (s *Server) httpHandler(t mcpTransport, auth *httpauth.Authenticator,
	loopback, tlsOn bool) (http.Handler, error) {
	guard, err := s.httpGuard(loopback, tlsOn)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for path, h := range auth.Routes() {
		mux.Handle(path, guard.Browser(h, corsAllowedHeaders, corsExposedHeaders))
	}
	t.mount(mux, func(h http.Handler) http.Handler {
		return guard.Browser(auth.Wrap(h), corsAllowedHeaders, corsExposedHeaders)
	})
	network := guard.Network(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/health" {
			health(w, r)
			return
		}
		network.ServeHTTP(w, r)
	}), nil
}

// httpGuard builds the allowlists. The Host allowlist always takes this machine's
// names and the bound address besides the configured ones; the Origin allowlist takes
// pages of this machine when the server is bound to loopback, where such pages are
// the only legitimate browser clients.
func (s *Server) httpGuard(loopback, tlsOn bool) (*httpguard.Guard, error) {
	h := s.cfg.HTTP
	hostEntries := append([]string(nil), h.AllowedHosts...)
	if host := s.cfg.Host; host != "" && !config.IsUnspecifiedHost(host) {
		// A bind name the allowlist syntax cannot express is simply not added.
		if _, err := httpguard.ParseHosts([]string{host}); err == nil {
			hostEntries = append(hostEntries, host)
		}
	}
	hosts, err := httpguard.ParseHosts(hostEntries)
	if err != nil {
		return nil, &config.Error{Setting: config.EnvAllowedHosts, Reason: err.Error()}
	}
	hosts.AllowLoopback()

	origins, err := httpguard.ParseOrigins(h.AllowedOrigins)
	if err != nil {
		return nil, &config.Error{Setting: config.EnvAllowedOrigins, Reason: err.Error()}
	}
	if loopback {
		origins.AllowLoopback()
	}

	g := &httpguard.Guard{Hosts: hosts, Origins: origins, TLS: tlsOn, Logger: s.logger}
	if len(h.AllowedSourceIPs) > 0 {
		if g.SourceIPs, err = httpguard.ParseSourceIPs(h.AllowedSourceIPs); err != nil {
			return nil, &config.Error{Setting: config.EnvAllowedSourceIPs, Reason: err.Error()}
		}
	}
	return g, nil
}

// health answers probes with a fixed body: no version, tenant or configuration.
func health(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(`{"status":"ok"}`))
}
