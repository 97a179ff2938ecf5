package httpauth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// wellKnownResource is where RFC 9728 protected resource metadata lives.
const wellKnownResource = "/.well-known/oauth-protected-resource"

// maxDiscoveryBytes bounds the discovery document read at start.
const maxDiscoveryBytes = 1 << 20

// protectedResource is oidc mode: the server is an OAuth 2.0 protected resource whose
// tokens come from one OpenID Connect issuer. It publishes RFC 9728 metadata naming
// that issuer, so MCP clients can discover where to log in, and verifies Bearer
// tokens like jwt mode, plus the required scopes.
type protectedResource struct {
	v          *jwtVerifier
	resource   string // the MCP endpoint's public URL, e.g. https://mcp.example.com/mcp
	metadata   string // the metadata document's public URL
	issuer     string
	audience   string
	required   []string
	localPaths []string
	doc        []byte
}

func newProtectedResource(life context.Context, client *http.Client, o Options) (*protectedResource, error) {
	oc := o.Auth.OIDC
	issuer, jwksURI, err := discover(life, client, oc.ConfigURL)
	if err != nil {
		return nil, err
	}

	base, err := url.Parse(strings.TrimSuffix(oc.BaseURL, "/"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", config.EnvOIDCBaseURL, err)
	}
	resource := base.String() + o.Endpoint
	resourcePath := base.Path + o.Endpoint
	p := &protectedResource{
		resource: resource,
		metadata: base.Scheme + "://" + base.Host + wellKnownResource + resourcePath,
		issuer:   issuer,
		required: oc.RequiredScopes,
		// Served at the path a client derives from the resource URL, at the path this
		// server sees behind a proxy that strips a prefix, and at the root.
		localPaths: dedupe(wellKnownResource+resourcePath, wellKnownResource+o.Endpoint,
			wellKnownResource),
	}
	// The audience tokens must carry: the configured one, else the client id the
	// issuer puts there, else this resource's URL (RFC 8707 resource indicators).
	p.audience = firstNonEmpty(oc.Audience, oc.ClientID, resource)

	p.v, err = newJWTVerifier(life, client, o.Logger, jwtSettings{jwksURI: jwksURI,
		issuer: issuer, audience: p.audience, algorithms: o.Auth.Algorithms})
	if err != nil {
		return nil, err
	}

	doc := map[string]any{
		"resource":                 resource,
		"authorization_servers":    []string{issuer},
		"bearer_methods_supported": []string{"header"},
		"resource_name":            "Zscaler MCP server",
	}
	if len(p.required) > 0 {
		doc["scopes_supported"] = p.required
	}
	if p.doc, err = json.Marshal(doc); err != nil {
		return nil, err
	}
	o.Logger.Info("oidc authentication ready", "issuer", issuer, "audience", p.audience,
		"resource", resource, "metadata", p.metadata, "required_scopes", p.required)
	return p, nil
}

// challenge is the WWW-Authenticate value pointing clients at the metadata.
func (p *protectedResource) challenge(errCode, desc string) string {
	c := `Bearer resource_metadata="` + p.metadata + `"`
	if len(p.required) > 0 {
		c += `, scope="` + strings.Join(p.required, " ") + `"`
	}
	if errCode != "" {
		c += `, error="` + errCode + `", error_description="` + desc + `"`
	}
	return c
}

func (p *protectedResource) check(r *http.Request) (Identity, *Failure) {
	raw, ok := bearerToken(r)
	if !ok || raw == "" {
		return Identity{}, unauthorized("bearer token required", p.challenge("", ""))
	}
	claims, f := p.v.verify(r.Context(), raw)
	if f != nil {
		if f.Status == http.StatusUnauthorized {
			f.Challenge = p.challenge("invalid_token", f.Reason)
		}
		return Identity{}, f
	}
	granted := scopes(claims)
	for _, s := range p.required {
		if !granted[s] {
			reason := "token lacks a required scope"
			return Identity{}, &Failure{Status: http.StatusForbidden, Reason: reason,
				Challenge: p.challenge("insufficient_scope", reason)}
		}
	}
	return Identity{Mode: config.AuthModeOIDC, Subject: subject(claims), Issuer: tokenIssuer(claims)}, nil
}

// routes serves the metadata document, unauthenticated, as RFC 9728 requires.
func (p *protectedResource) routes() map[string]http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		_, _ = w.Write(p.doc)
	})
	out := map[string]http.Handler{}
	for _, path := range p.localPaths {
		out[path] = h
	}
	return out
}

// discover reads the issuer and its key set URL from an OpenID Connect discovery
// document (or RFC 8414 authorization server metadata), and checks that the document
// speaks for the issuer its URL names.
func discover(ctx context.Context, client *http.Client,
	configURL string) (issuer, jwksURI string, err error) {
	fail := func(format string, a ...any) (string, string, error) {
		return "", "", fmt.Errorf("%s: "+format, append([]any{config.EnvOIDCConfigURL}, a...)...)
	}
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, configURL, nil)
	if err != nil {
		return fail("%w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return fail("cannot fetch the discovery document: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fail("the discovery document answered HTTP %d", resp.StatusCode)
	}
	var doc struct {
		Issuer  string `json:"issuer"`
		JWKSURI string `json:"jwks_uri"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxDiscoveryBytes)).Decode(&doc); err != nil {
		return fail("the discovery document is not JSON: %w", err)
	}
	if doc.Issuer == "" || doc.JWKSURI == "" {
		return fail("the discovery document lacks issuer or jwks_uri")
	}
	if want, ok := expectedIssuer(configURL); ok &&
		strings.TrimSuffix(want, "/") != strings.TrimSuffix(doc.Issuer, "/") {
		return fail("the discovery document names issuer %q, not %q", doc.Issuer, want)
	}
	if u, err := url.Parse(doc.JWKSURI); err != nil || u.Host == "" ||
		(u.Scheme != "https" && (u.Scheme != "http" || !config.IsLoopbackHost(u.Hostname()))) {
		return fail("the discovery document's jwks_uri is not an https URL")
	}
	return doc.Issuer, doc.JWKSURI, nil
}

// expectedIssuer derives the issuer a well-known discovery URL belongs to.
func expectedIssuer(configURL string) (string, bool) {
	u, err := url.Parse(configURL)
	if err != nil {
		return "", false
	}
	origin := u.Scheme + "://" + u.Host
	if prefix, ok := strings.CutSuffix(u.Path, "/.well-known/openid-configuration"); ok {
		return origin + prefix, true
	}
	if rest, ok := strings.CutPrefix(u.Path, "/.well-known/oauth-authorization-server"); ok {
		return origin + rest, true
	}
	return "", false
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func dedupe(s ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
