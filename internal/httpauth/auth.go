package httpauth

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/httpguard"
)

// realm names this server in Basic and Bearer challenges.
const realm = "zscaler-mcp"

// fetchTimeout bounds each request to an identity provider or token endpoint.
const fetchTimeout = 10 * time.Second

// Identity is the authenticated client of a request.
type Identity struct {
	// Mode is the authentication mode that accepted the request.
	Mode string
	// Subject names the client: the JWT subject, the OneAPI client id, or the mode
	// itself for api-key and none, where all clients share one credential.
	Subject string
	// Issuer is the token's issuer in jwt and oidc modes, empty otherwise.
	Issuer string
}

// Key names the client uniquely, for binding state such as an MCP session to it: two
// requests have the same Key exactly when they come from the same client. It holds
// no credential, only the names above.
func (id Identity) Key() string {
	return id.Mode + "\x00" + id.Issuer + "\x00" + id.Subject
}

// Failure is why a request was refused.
type Failure struct {
	// Status is 401, 403 (insufficient scope) or 503 (the credential cannot be checked
	// right now: the token endpoint or the key set is unreachable).
	Status int
	// Reason is short, written by this server, and never quotes the credential.
	Reason string
	// Challenge is the WWW-Authenticate value, if any.
	Challenge string
	// RetryAfter is the Retry-After value of a 503, in seconds, if any.
	RetryAfter string
}

// Tenant says where the OneAPI token endpoint of zscaler mode is.
type Tenant struct {
	VanityDomain string
	Cloud        string
	// Transport carries the token requests; nil means a clone of
	// http.DefaultTransport. The demo passes the simulator's.
	Transport http.RoundTripper
}

// Options configure New.
type Options struct {
	// Auth is the validated configuration, its Mode resolved.
	Auth config.Auth
	// Tenant locates the token endpoint in zscaler mode.
	Tenant Tenant
	// Endpoint is the path of the MCP endpoint ("/mcp", or "/sse"), which oidc mode
	// names as the protected resource.
	Endpoint string
	Logger   *slog.Logger
}

// Authenticator checks the clients of one HTTP server.
type Authenticator struct {
	mode   string
	check  func(*http.Request) (Identity, *Failure)
	routes map[string]http.Handler
	stop   context.CancelFunc
	logger *slog.Logger
}

// New builds the authenticator of the configured mode. In oidc mode it fetches the
// issuer's discovery document; in jwt and oidc modes it starts fetching keys in the
// background until Close.
func New(ctx context.Context, o Options) (*Authenticator, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Endpoint == "" {
		o.Endpoint = "/mcp"
	}
	client := newClient(nil)

	life, stop := context.WithCancel(context.WithoutCancel(ctx))
	a := &Authenticator{mode: o.Auth.Mode, stop: stop, logger: o.Logger}
	var err error
	switch o.Auth.Mode {
	case config.AuthModeNone:
		a.check = func(*http.Request) (Identity, *Failure) {
			return Identity{Mode: config.AuthModeNone, Subject: config.AuthModeNone}, nil
		}
	case config.AuthModeAPIKey:
		a.check = newAPIKey(o.Auth.APIKey).check
	case config.AuthModeJWT:
		var v *jwtVerifier
		v, err = newJWTVerifier(life, client, o.Logger, jwtSettings{
			jwksURI: o.Auth.JWKSURI, issuer: o.Auth.Issuer, audience: o.Auth.Audience,
			algorithms: o.Auth.Algorithms})
		if err == nil {
			a.check = (&bearerJWT{v: v, challenge: `Bearer realm="` + realm + `"`}).check
		}
	case config.AuthModeOIDC:
		var p *protectedResource
		p, err = newProtectedResource(life, client, o)
		if err == nil {
			a.check, a.routes = p.check, p.routes()
		}
	case config.AuthModeZscaler:
		a.check = newZscalerAuth(newClient(o.Tenant.Transport), tokenURL(o.Tenant)).check
	default:
		err = fmt.Errorf("unknown authentication mode %q", o.Auth.Mode)
	}
	if err != nil {
		stop()
		return nil, err
	}
	return a, nil
}

// newClient returns the client for identity providers and token endpoints over rt
// (nil: a clone of http.DefaultTransport). They answer directly; following a redirect
// could send keys or credentials somewhere else.
func newClient(rt http.RoundTripper) *http.Client {
	if rt == nil {
		rt = http.DefaultTransport.(*http.Transport).Clone()
	}
	return &http.Client{Transport: rt, Timeout: fetchTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// Mode is the authentication mode in force.
func (a *Authenticator) Mode() string { return a.mode }

// Routes are the unauthenticated documents the mode publishes, by path: in oidc
// mode, the protected resource metadata.
func (a *Authenticator) Routes() map[string]http.Handler { return a.routes }

// Close stops background key fetching.
func (a *Authenticator) Close() { a.stop() }

// Wrap lets authenticated requests through to next, with their Identity in the
// context, and refuses the others.
func (a *Authenticator) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, f := a.check(r)
		if f != nil {
			a.logger.Info("client authentication failed", "mode", a.mode, "status", f.Status,
				"reason", f.Reason, "remote", r.RemoteAddr, "method", r.Method, "path", r.URL.Path)
			if f.Challenge != "" {
				w.Header().Set("WWW-Authenticate", f.Challenge)
			}
			if f.RetryAfter != "" {
				w.Header().Set("Retry-After", f.RetryAfter)
			}
			prefix := "Unauthorized: "
			switch f.Status {
			case http.StatusForbidden:
				prefix = "Forbidden: "
			case http.StatusServiceUnavailable:
				prefix = "Unavailable: "
			}
			httpguard.Refuse(w, f.Status, prefix+f.Reason)
			return
		}
		a.logger.Debug("client authenticated", "mode", id.Mode, "subject", id.Subject,
			"remote", r.RemoteAddr)
		next.ServeHTTP(w, r.WithContext(WithIdentity(r.Context(), id)))
	})
}

type identityKey struct{}

// WithIdentity returns ctx carrying id.
func WithIdentity(ctx context.Context, id Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// IdentityFrom returns the authenticated client of a request's context.
func IdentityFrom(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok
}

// unauthorized is a 401 with challenge.
func unauthorized(reason, challenge string) *Failure {
	return &Failure{Status: http.StatusUnauthorized, Reason: reason, Challenge: challenge}
}
