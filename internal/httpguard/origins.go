package httpguard

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/rs/cors"
)

// Origins is the allowlist of browser origins (scheme://host[:port]) that may call the
// server. Requests without an Origin header come from non-browser clients and are not
// affected; a request with an Origin not on the list is refused with 403, since a
// browser would otherwise let any page drive the server with the user's network
// position.
type Origins struct {
	any      bool
	loopback bool
	rules    []originRule
}

type originRule struct {
	scheme string
	host   string // exact host, or "" with suffix set
	suffix string // ".example.com" for https://*.example.com
	port   string // "" means the scheme's default port
}

// ParseOrigins parses allowlist entries: "*" for any origin, an exact origin such as
// "https://app.example.com" or "http://localhost:6274", or a wildcard in the first
// label of the host, "https://*.example.com". Default ports may be written or left
// out; paths are not allowed.
func ParseOrigins(entries []string) (*Origins, error) {
	o := &Origins{}
	for _, e := range entries {
		if strings.TrimSpace(e) == "*" {
			o.any = true
			continue
		}
		r, ok := parseOrigin(e, true)
		if !ok {
			return nil, &EntryError{Entry: e, Reason: "not an origin; use scheme://host[:port], " +
				"as in https://app.example.com or https://*.example.com"}
		}
		o.rules = append(o.rules, r)
	}
	return o, nil
}

// AllowLoopback allows pages served from this machine (http or https on localhost,
// 127.0.0.0/8 or [::1], any port).
func (o *Origins) AllowLoopback() { o.loopback = true }

// Allows reports whether a browser origin may call the server.
func (o *Origins) Allows(origin string) bool {
	if o.any {
		return true
	}
	got, ok := parseOrigin(origin, false)
	if !ok {
		return false // includes "null", sent by sandboxed and file:// pages
	}
	if o.loopback && (got.scheme == "http" || got.scheme == "https") && isLoopbackName(got.host) {
		return true
	}
	for _, r := range o.rules {
		if r.scheme != got.scheme || r.port != got.port {
			continue
		}
		if r.suffix != "" && strings.HasSuffix(got.host, r.suffix) && len(got.host) > len(r.suffix) {
			return true
		}
		if r.suffix == "" && r.host == got.host {
			return true
		}
	}
	return false
}

// CORS wraps next with CORS handling for the allowed origins: preflight requests are
// answered, and responses to allowed origins carry the headers a browser needs to read
// them. Requests from other origins must already have been refused (see Guard).
// exposed lists the response headers a browser client may read.
func (o *Origins) CORS(next http.Handler, allowedHeaders, exposed []string) http.Handler {
	return cors.New(cors.Options{
		AllowOriginFunc: o.Allows,
		AllowedMethods:  []string{http.MethodGet, http.MethodPost, http.MethodDelete},
		AllowedHeaders:  allowedHeaders,
		ExposedHeaders:  exposed,
		// Clients send their credential in a header, never as a cookie, so the browser
		// is not asked to attach ambient credentials.
		AllowCredentials: false,
		MaxAge:           600,
	}).Handler(next)
}

// parseOrigin normalises an origin: lower-cased scheme and host, default port
// dropped. pattern allows a "*." wildcard in the host and a trailing slash.
func parseOrigin(s string, pattern bool) (originRule, bool) {
	s = strings.TrimSpace(s)
	if pattern {
		s = strings.TrimSuffix(s, "/")
	}
	wildcard := false
	if pattern {
		if i := strings.Index(s, "://*."); i > 0 {
			wildcard = true
			s = s[:i+3] + s[i+5:]
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.User != nil || u.Path != "" ||
		u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "#") {
		return originRule{}, false
	}
	scheme := strings.ToLower(u.Scheme)
	host, port, ok := splitHost(u.Host)
	if !ok {
		return originRule{}, false
	}
	if _, err := netip.ParseAddr(host); err != nil && !validName(host) {
		return originRule{}, false
	}
	if port == defaultPorts[scheme] {
		port = ""
	}
	r := originRule{scheme: scheme, host: host, port: port}
	if wildcard {
		if !validName(host) {
			return originRule{}, false
		}
		r.host, r.suffix = "", "."+host
	}
	return r, true
}

var defaultPorts = map[string]string{"http": "80", "https": "443"}
