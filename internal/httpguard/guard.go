package httpguard

import (
	"log/slog"
	"net/http"
)

// Guard applies the allowlists to every request it wraps, cheapest and least revealing
// check first: the source address (403), the Host header (421), then the browser Origin
// (403). A nil allowlist allows everything it would check.
type Guard struct {
	SourceIPs *SourceIPs
	Hosts     *Hosts
	Origins   *Origins
	// TLS tells which port a Host header without one stands for.
	TLS    bool
	Logger *slog.Logger
}

// Network checks the source address and the Host header: what every path needs,
// probes excepted.
func (g *Guard) Network(next http.Handler) http.Handler {
	defaultPort := "80"
	if g.TLS {
		defaultPort = "443"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.SourceIPs != nil && !g.SourceIPs.Allows(r.RemoteAddr) {
			g.refused(r, http.StatusForbidden, "source address not allowed")
			Refuse(w, http.StatusForbidden, "Forbidden: this address may not use the server")
			return
		}
		if g.Hosts != nil && !g.Hosts.Allows(r.Host, defaultPort) {
			g.refused(r, http.StatusMisdirectedRequest, "host not allowed", "host", r.Host)
			Refuse(w, http.StatusMisdirectedRequest,
				"Misdirected request: this server does not answer to that Host name")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Browser refuses requests from browser origins that are not allowed, and serves CORS
// for the ones that are. allowedHeaders and exposed are the request headers a page may
// send and the response headers it may read.
func (g *Guard) Browser(next http.Handler, allowedHeaders, exposed []string) http.Handler {
	if g.Origins == nil {
		return next
	}
	withCORS := g.Origins.CORS(next, allowedHeaders, exposed)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && !g.Origins.Allows(origin) {
			g.refused(r, http.StatusForbidden, "origin not allowed", "origin", origin)
			Refuse(w, http.StatusForbidden, "Forbidden: origin not allowed")
			return
		}
		withCORS.ServeHTTP(w, r)
	})
}

func (g *Guard) refused(r *http.Request, status int, reason string, attrs ...any) {
	if g.Logger == nil {
		return
	}
	attrs = append([]any{"status", status, "reason", reason, "remote", r.RemoteAddr,
		"method", r.Method, "path", r.URL.Path}, attrs...)
	g.Logger.Info("HTTP request refused", attrs...)
}
