package config

// HTTP transport hardening and client authentication settings.
const (
	EnvTLSCertFile      = "ZSCALER_MCP_TLS_CERTFILE"
	EnvTLSKeyFile       = "ZSCALER_MCP_TLS_KEYFILE"
	EnvAllowHTTP        = "ZSCALER_MCP_ALLOW_HTTP"
	EnvAllowedHosts     = "ZSCALER_MCP_ALLOWED_HOSTS"
	EnvAllowedOrigins   = "ZSCALER_MCP_ALLOWED_ORIGINS"
	EnvAllowedSourceIPs = "ZSCALER_MCP_ALLOWED_SOURCE_IPS"
	EnvMaxRequestBytes  = "ZSCALER_MCP_MAX_REQUEST_BYTES"

	EnvAuthMode       = "ZSCALER_MCP_AUTH_MODE"
	EnvAuthEnabled    = "ZSCALER_MCP_AUTH_ENABLED"
	EnvAuthAPIKey     = "ZSCALER_MCP_AUTH_API_KEY"
	EnvAuthJWKSURI    = "ZSCALER_MCP_AUTH_JWKS_URI"
	EnvAuthIssuer     = "ZSCALER_MCP_AUTH_ISSUER"
	EnvAuthAudience   = "ZSCALER_MCP_AUTH_AUDIENCE"
	EnvAuthAlgorithms = "ZSCALER_MCP_AUTH_ALGORITHMS"

	EnvOIDCConfigURL      = "OIDCPROXY_CONFIG_URL"
	EnvOIDCBaseURL        = "OIDCPROXY_BASE_URL"
	EnvOIDCAudience       = "OIDCPROXY_AUDIENCE"
	EnvOIDCClientID       = "OIDCPROXY_CLIENT_ID"
	EnvOIDCRequiredScopes = "OIDCPROXY_REQUIRED_SCOPES"
)

// Defaults of the HTTP settings.
const (
	DefaultMaxRequestBytes = 4 << 20
	DefaultAuthAudience    = "zscaler-mcp-server"
	DefaultAuthAlgorithms  = "RS256,ES256"
)

// HTTP configures the streamable HTTP and SSE transports: TLS, request checks and how
// clients authenticate. None of it applies to stdio.
type HTTP struct {
	TLSCertFile string
	TLSKeyFile  string
	// AllowHTTP says TLS terminates in front of the server, so plaintext may be served
	// on a non-loopback address.
	AllowHTTP        bool
	AllowedHosts     []string
	AllowedOrigins   []string
	AllowedSourceIPs []string
	MaxRequestBytes  int64

	Auth Auth
}

// Auth configures client authentication on HTTP.
type Auth struct {
	// Mode is api-key, jwt, zscaler, oidc or none; empty means detect from what is set.
	Mode string
	// Enabled is false only when ZSCALER_MCP_AUTH_ENABLED is explicitly false.
	Enabled    bool
	APIKey     string
	JWKSURI    string
	Issuer     string
	Audience   string
	Algorithms []string

	OIDC OIDC
}

// OIDC configures the server as an OAuth protected resource of an external issuer.
type OIDC struct {
	ConfigURL      string
	BaseURL        string
	Audience       string
	ClientID       string
	RequiredScopes []string
}

func (r *reader) http() HTTP {
	h := HTTP{
		TLSCertFile:      r.str(EnvTLSCertFile, ""),
		TLSKeyFile:       r.str(EnvTLSKeyFile, ""),
		AllowHTTP:        r.boolean(EnvAllowHTTP),
		AllowedHosts:     r.list(EnvAllowedHosts, true),
		AllowedOrigins:   r.list(EnvAllowedOrigins, false),
		AllowedSourceIPs: r.list(EnvAllowedSourceIPs, false),
		MaxRequestBytes:  int64(r.positive(EnvMaxRequestBytes, DefaultMaxRequestBytes)),
		Auth: Auth{
			Mode:       r.str(EnvAuthMode, ""),
			Enabled:    true,
			APIKey:     r.str(EnvAuthAPIKey, ""),
			JWKSURI:    r.str(EnvAuthJWKSURI, ""),
			Issuer:     r.str(EnvAuthIssuer, ""),
			Audience:   r.str(EnvAuthAudience, DefaultAuthAudience),
			Algorithms: r.list(EnvAuthAlgorithms, false),
			OIDC: OIDC{
				ConfigURL:      r.str(EnvOIDCConfigURL, ""),
				BaseURL:        r.str(EnvOIDCBaseURL, ""),
				Audience:       r.str(EnvOIDCAudience, ""),
				ClientID:       r.str(EnvOIDCClientID, ""),
				RequiredScopes: r.list(EnvOIDCRequiredScopes, false),
			},
		},
	}
	if v, ok := r.raw(EnvAuthEnabled); ok && v != "" {
		h.Auth.Enabled = r.boolean(EnvAuthEnabled)
	}
	if len(h.Auth.Algorithms) == 0 {
		h.Auth.Algorithms = []string{"RS256", "ES256"}
	}
	return h
}

// validate checks the HTTP settings that do not depend on the transport.
func (h HTTP) validate() error {
	if (h.TLSCertFile == "") != (h.TLSKeyFile == "") {
		return &Error{Setting: EnvTLSCertFile,
			Reason: "set both ZSCALER_MCP_TLS_CERTFILE and ZSCALER_MCP_TLS_KEYFILE, or neither"}
	}
	if _, err := normalAuthMode(h.Auth.Mode); err != nil {
		return err
	}
	return nil
}
