package config

import (
	"crypto/subtle"
	"net/url"
	"strings"
)

// Client authentication modes on HTTP.
const (
	AuthModeAPIKey  = "api-key"
	AuthModeJWT     = "jwt"
	AuthModeZscaler = "zscaler"
	AuthModeOIDC    = "oidc"
	AuthModeNone    = "none"
)

// MinAPIKeyLength is the shortest shared API key accepted: anything shorter can be
// guessed by a patient client. --generate-auth-token makes 43-character keys.
const MinAPIKeyLength = 16

// SupportedJWTAlgorithms are the signature algorithms a JWT may be verified with.
// Only public-key algorithms: an HMAC key would have to be shared with every issuer of
// tokens, and "none" would accept unsigned tokens.
var SupportedJWTAlgorithms = []string{
	"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
}

// authHelp says which variables configure each mode; it ends every error about a
// missing or ambiguous authentication configuration.
const authHelp = "configure one of: " +
	"api-key (ZSCALER_MCP_AUTH_API_KEY; make one with --generate-auth-token), " +
	"jwt (ZSCALER_MCP_AUTH_JWKS_URI and ZSCALER_MCP_AUTH_ISSUER, optionally " +
	"ZSCALER_MCP_AUTH_AUDIENCE and ZSCALER_MCP_AUTH_ALGORITHMS), " +
	"oidc (OIDCPROXY_CONFIG_URL and OIDCPROXY_BASE_URL, optionally OIDCPROXY_AUDIENCE or " +
	"OIDCPROXY_CLIENT_ID and OIDCPROXY_REQUIRED_SCOPES), " +
	"zscaler (ZSCALER_MCP_AUTH_MODE=zscaler with ZSCALER_VANITY_DOMAIN: clients send OneAPI " +
	"client credentials), or ZSCALER_MCP_AUTH_MODE=none on a loopback bind only"

// normalAuthMode returns the canonical spelling of a mode, accepting the Python
// server's aliases for oidc; "" stays "" (detect).
func normalAuthMode(mode string) (string, error) {
	m := strings.ToLower(strings.TrimSpace(mode))
	switch m {
	case "", AuthModeAPIKey, AuthModeJWT, AuthModeZscaler, AuthModeOIDC, AuthModeNone:
		return m, nil
	case "oidcproxy", "oauth-proxy":
		return AuthModeOIDC, nil
	}
	return "", &Error{Setting: EnvAuthMode, Value: mode,
		Reason: "unknown mode; use api-key, jwt, zscaler, oidc or none"}
}

// resolveAuth picks the authentication mode of an HTTP server, from
// ZSCALER_MCP_AUTH_MODE or from what is configured, and checks that the mode has what
// it needs. Unlike the Python server it never falls back to the OneAPI credentials:
// those are set for the tools anyway, so their presence says nothing about intent.
func (c *Config) resolveAuth(loopback bool) error {
	a := &c.HTTP.Auth
	mode, err := normalAuthMode(a.Mode)
	if err != nil {
		return err
	}
	if !a.Enabled {
		if mode != "" && mode != AuthModeNone {
			return &Error{Setting: EnvAuthEnabled, Value: "false",
				Reason: "conflicts with ZSCALER_MCP_AUTH_MODE=" + mode + "; remove one of them"}
		}
		mode = AuthModeNone
	}
	if mode == "" {
		if mode, err = c.detectAuthMode(loopback); err != nil {
			return err
		}
	}
	a.Mode = mode

	switch mode {
	case AuthModeAPIKey:
		if err := a.checkAPIKey(); err != nil {
			return err
		}
		return c.checkAPIKeyReuse()
	case AuthModeJWT:
		return a.checkJWT()
	case AuthModeOIDC:
		return a.checkOIDC()
	case AuthModeZscaler:
		if !c.Demo && strings.TrimSpace(c.Credentials.VanityDomain) == "" {
			return &Error{Setting: EnvVanityDomain, Reason: "zscaler authentication checks client " +
				"credentials against the tenant's token endpoint, which needs ZSCALER_VANITY_DOMAIN " +
				"(and ZSCALER_CLOUD outside production)"}
		}
	case AuthModeNone:
		if !loopback {
			setting, value := EnvAuthMode, AuthModeNone
			if !a.Enabled {
				setting, value = EnvAuthEnabled, "false"
			}
			return &Error{Setting: setting, Value: value, Reason: "turning client authentication " +
				"off is only allowed on a loopback bind, and ZSCALER_MCP_HOST=" + c.Host +
				" is reachable from other machines; " + authHelp}
		}
	}
	return nil
}

// detectAuthMode chooses the mode from the one configured; --demo on loopback needs
// none, since its tenant is simulated.
func (c *Config) detectAuthMode(loopback bool) (string, error) {
	a := c.HTTP.Auth
	var found []string
	if a.APIKey != "" {
		found = append(found, AuthModeAPIKey)
	}
	if a.JWKSURI != "" {
		found = append(found, AuthModeJWT)
	}
	if a.OIDC.ConfigURL != "" {
		found = append(found, AuthModeOIDC)
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return "", &Error{Setting: EnvAuthMode, Reason: "settings of several authentication modes " +
			"are present (" + strings.Join(found, ", ") + "); choose one with ZSCALER_MCP_AUTH_MODE"}
	case c.Demo && loopback:
		return AuthModeNone, nil
	}
	return "", &Error{Setting: EnvAuthMode, Reason: "an HTTP server needs client authentication " +
		"and none is configured; " + authHelp}
}

func (a *Auth) checkAPIKey() error {
	switch {
	case a.APIKey == "":
		return &Error{Setting: EnvAuthAPIKey,
			Reason: "not set; api-key mode needs it (make one with --generate-auth-token)"}
	case len(a.APIKey) < MinAPIKeyLength:
		// The value is a secret: never part of the message.
		return &Error{Setting: EnvAuthAPIKey, Reason: "too short; use at least 16 characters " +
			"(make one with --generate-auth-token)"}
	}
	return nil
}

// checkAPIKeyReuse refuses an API key that is also the server's OneAPI client secret or
// private key. Every client holds the API key and sends it with each request, so
// reusing the tenant credential would hand every client, and every proxy log on the
// way, what it takes to call the Zscaler APIs directly with the server's roles. The
// message names the settings, never the value.
func (c *Config) checkAPIKeyReuse() error {
	key := strings.TrimSpace(c.HTTP.Auth.APIKey)
	for _, cred := range []struct{ setting, value string }{
		{EnvClientSecret, c.Credentials.ClientSecret},
		{EnvPrivateKey, c.Credentials.PrivateKey},
	} {
		v := strings.TrimSpace(cred.value)
		if v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(key)) == 1 {
			return &Error{Setting: EnvAuthAPIKey, Reason: "has the same value as " + cred.setting +
				"; never reuse the OneAPI credential as the API key, since every client holds " +
				"the key. Make a key of its own with --generate-auth-token"}
		}
	}
	return nil
}

func (a *Auth) checkJWT() error {
	if a.JWKSURI == "" {
		return &Error{Setting: EnvAuthJWKSURI,
			Reason: "not set; jwt mode needs the URL of the issuer's JSON Web Key Set"}
	}
	if err := checkFetchURL(EnvAuthJWKSURI, a.JWKSURI); err != nil {
		return err
	}
	if a.Issuer == "" {
		return &Error{Setting: EnvAuthIssuer,
			Reason: "not set; jwt mode needs the issuer (the iss claim tokens must carry)"}
	}
	if a.Audience == "" {
		return &Error{Setting: EnvAuthAudience, Reason: "must not be empty"}
	}
	return a.checkAlgorithms()
}

func (a *Auth) checkOIDC() error {
	o := a.OIDC
	if o.ConfigURL == "" {
		return &Error{Setting: EnvOIDCConfigURL, Reason: "not set; oidc mode needs the issuer's " +
			"discovery document, e.g. https://idp.example.com/.well-known/openid-configuration"}
	}
	if err := checkFetchURL(EnvOIDCConfigURL, o.ConfigURL); err != nil {
		return err
	}
	if o.BaseURL == "" {
		return &Error{Setting: EnvOIDCBaseURL, Reason: "not set; oidc mode needs the URL clients " +
			"reach this server at, e.g. https://mcp.example.com"}
	}
	if err := checkFetchURL(EnvOIDCBaseURL, o.BaseURL); err != nil {
		return err
	}
	return a.checkAlgorithms()
}

func (a *Auth) checkAlgorithms() error {
	for i, alg := range a.Algorithms {
		canonical := ""
		for _, s := range SupportedJWTAlgorithms {
			if strings.EqualFold(s, alg) {
				canonical = s
			}
		}
		if canonical == "" {
			return &Error{Setting: EnvAuthAlgorithms, Value: alg, Reason: "unsupported; use " +
				strings.Join(SupportedJWTAlgorithms, ", ") + " (no HMAC and never none)"}
		}
		a.Algorithms[i] = canonical
	}
	return nil
}

// checkFetchURL accepts an absolute https URL, or http on loopback for local issuers
// and tests: keys and metadata fetched in clear text could be replaced in transit.
func checkFetchURL(setting, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return &Error{Setting: setting, Reason: "not an absolute http(s) URL"}
	}
	if u.User != nil {
		return &Error{Setting: setting, Value: u.Redacted(), Reason: "must not carry credentials"}
	}
	switch {
	case u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
		return &Error{Setting: setting, Value: raw, Reason: "not an absolute http(s) URL"}
	case u.Scheme == "http" && !IsLoopbackHost(u.Hostname()):
		return &Error{Setting: setting, Value: raw,
			Reason: "must use https (plain http only on localhost)"}
	case u.Fragment != "":
		return &Error{Setting: setting, Value: raw, Reason: "must not carry a fragment"}
	}
	return nil
}
