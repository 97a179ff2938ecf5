// Package httpauth authenticates the clients of the HTTP transports.
//
// One Authenticator serves the configured mode: a shared API key, JWTs verified
// against a JSON Web Key Set, OneAPI client credentials checked against the tenant's
// token endpoint, or tokens of an OpenID Connect issuer with this server acting as an
// OAuth protected resource (RFC 9728). Mode none, allowed on loopback only, lets every
// request through.
//
// Refusals answer 401 (or 403 for missing scopes, 503 when a credential cannot be
// checked right now) with a short reason and a WWW-Authenticate challenge. No
// credential, token or secret ever appears in a response, a log line or an error.
package httpauth
