package httpauth

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// apiKey accepts the one shared key, sent as "Authorization: Bearer <key>" or in
// X-Api-Key. Digests of equal length are compared in constant time, so neither the
// key's content nor its length can be learnt from response times.
type apiKey struct {
	want [sha256.Size]byte
}

func newAPIKey(key string) *apiKey {
	return &apiKey{want: sha256.Sum256([]byte(key))}
}

const apiKeyChallenge = `Bearer realm="` + realm + `"`

func (k *apiKey) check(r *http.Request) (Identity, *Failure) {
	got, present := bearerToken(r)
	if !present {
		got = r.Header.Get("X-Api-Key")
	}
	if got == "" {
		if r.Header.Get("Authorization") != "" {
			return Identity{}, unauthorized("send the API key as Authorization: Bearer <key> "+
				"or in X-Api-Key", apiKeyChallenge)
		}
		return Identity{}, unauthorized("API key required (Authorization: Bearer <key> or "+
			"X-Api-Key)", apiKeyChallenge)
	}
	sum := sha256.Sum256([]byte(got))
	if subtle.ConstantTimeCompare(sum[:], k.want[:]) != 1 {
		return Identity{}, unauthorized("invalid API key", apiKeyChallenge+`, error="invalid_token"`)
	}
	return Identity{Mode: config.AuthModeAPIKey, Subject: config.AuthModeAPIKey}, nil
}

// bearerToken returns the token of an "Authorization: Bearer" header, and whether the
// header uses that scheme. The scheme is case-insensitive (RFC 9110).
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}
