package httpauth

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/time/rate"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// Key set refresh: every hour, and at most once per keyRefreshGap when a token names
// a key the set does not hold (the issuer rotated its keys). A request never waits
// long for that refresh: a flood of tokens with invented key ids cannot turn this
// server into a load generator against the issuer.
const (
	keyRefreshInterval = time.Hour
	keyRefreshGap      = 30 * time.Second
	keyRefreshWait     = time.Second
	// clockSkew tolerates clocks that disagree a little on exp, nbf and iat.
	clockSkew = 30 * time.Second
)

type jwtSettings struct {
	jwksURI, issuer, audience string
	algorithms                []string
}

// jwtVerifier checks a JWT's signature against the issuer's key set, and its issuer,
// audience, expiry and algorithm.
type jwtVerifier struct {
	keys   keyfunc.Keyfunc
	health *keySetHealth
	parser *jwt.Parser
}

func newJWTVerifier(life context.Context, client *http.Client, logger *slog.Logger,
	s jwtSettings) (*jwtVerifier, error) {
	u, err := url.Parse(s.jwksURI)
	if err != nil {
		return nil, err
	}
	where := u.Redacted()
	noFirstError := true
	health := &keySetHealth{}
	keys, err := keyfunc.NewDefaultOverrideCtx(life, []string{s.jwksURI}, keyfunc.Override{
		Client:                    health.client(client),
		HTTPTimeout:               fetchTimeout,
		RefreshInterval:           keyRefreshInterval,
		RefreshUnknownKID:         rate.NewLimiter(rate.Every(keyRefreshGap), 1),
		RateLimitWaitMax:          keyRefreshWait,
		NoErrorReturnFirstHTTPReq: &noFirstError,
		RefreshErrorHandlerFunc: func(string) func(context.Context, error) {
			return func(_ context.Context, err error) {
				health.failed()
				logger.Warn("cannot fetch the JSON Web Key Set; tokens signed with keys not "+
					"yet known are refused until it succeeds", "url", where, "error", err)
			}
		},
	})
	if err != nil {
		return nil, err
	}
	return &jwtVerifier{
		keys:   keys,
		health: health,
		parser: jwt.NewParser(
			jwt.WithValidMethods(s.algorithms),
			jwt.WithIssuer(s.issuer),
			jwt.WithAudience(s.audience),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithLeeway(clockSkew),
		),
	}, nil
}

// verify returns the claims of a valid token, or why it is not: a 401 without
// challenge for a bad token, a 503 when its key cannot be looked up because the key
// set is unreachable.
func (v *jwtVerifier) verify(ctx context.Context, raw string) (jwt.MapClaims, *Failure) {
	claims := jwt.MapClaims{}
	_, err := v.parser.ParseWithClaims(raw, claims, v.keys.KeyfuncCtx(ctx))
	switch {
	case err == nil:
		return claims, nil
	case errors.Is(err, jwt.ErrTokenUnverifiable) && !v.health.reachable.Load():
		return nil, keysUnavailable()
	}
	return nil, &Failure{Status: http.StatusUnauthorized, Reason: jwtReason(err)}
}

// jwtReason turns a verification error into a fixed phrase: the library's messages
// can quote claim values, which are the client's to know, not the log's.
func jwtReason(err error) string {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return "malformed token"
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		return "token signed by an unknown key"
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return "invalid token signature or algorithm"
	case errors.Is(err, jwt.ErrTokenExpired):
		return "token expired"
	case errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return "token not valid yet"
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return "token lacks a required claim (exp, iss or aud)"
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return "token from another issuer"
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return "token issued for another audience"
	}
	return "invalid token"
}

// bearerJWT is jwt mode: a Bearer token verified with jwtVerifier.
type bearerJWT struct {
	v         *jwtVerifier
	challenge string
}

func (b *bearerJWT) check(r *http.Request) (Identity, *Failure) {
	raw, ok := bearerToken(r)
	if !ok || raw == "" {
		return Identity{}, unauthorized("bearer token required", b.challenge)
	}
	claims, f := b.v.verify(r.Context(), raw)
	if f != nil {
		if f.Status == http.StatusUnauthorized {
			f.Challenge = b.challenge + `, error="invalid_token"`
		}
		return Identity{}, f
	}
	return Identity{Mode: config.AuthModeJWT, Subject: subject(claims), Issuer: tokenIssuer(claims)}, nil
}

// tokenIssuer is the token's iss, which the parser has already checked.
func tokenIssuer(claims jwt.MapClaims) string {
	iss, _ := claims.GetIssuer()
	return iss
}

func subject(claims jwt.MapClaims) string {
	sub, _ := claims.GetSubject()
	if sub == "" {
		return "unknown"
	}
	return sub
}

// scopes returns the scopes a token grants, from "scope" (space-separated, RFC 8693)
// or "scp" (a string or a list, as some issuers write it).
func scopes(claims jwt.MapClaims) map[string]bool {
	out := map[string]bool{}
	add := func(v any) {
		switch s := v.(type) {
		case string:
			for _, f := range strings.Fields(s) {
				out[f] = true
			}
		case []any:
			for _, e := range s {
				if str, ok := e.(string); ok {
					out[str] = true
				}
			}
		}
	}
	add(claims["scope"])
	add(claims["scp"])
	return out
}
