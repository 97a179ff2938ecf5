package simulator

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

const (
	tokenPath          = "/oauth2/v1/token"
	ctToken            = "application/json;charset=UTF-8"
	jwtBearerAssertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
)

type tokenInfo struct {
	expiry  time.Time
	revoked bool
}

// serveToken implements the OAuth2 client-credentials grant of ZIdentity.
func (t *Tenant) serveToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, ctToken, oauthError("invalid_request",
			"The token endpoint only accepts POST."))
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, ctToken, oauthError("invalid_request",
			"The request body is not a valid form."))
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "client_credentials" {
		writeJSON(w, http.StatusBadRequest, ctToken, oauthError("unsupported_grant_type",
			fmt.Sprintf("Grant type %q is not supported.", gt)))
		return
	}
	if msg := t.checkClient(r.PostForm.Get("client_id"), r.PostForm.Get("client_secret"),
		r.PostForm.Get("client_assertion"), r.PostForm.Get("client_assertion_type")); msg != "" {
		writeJSON(w, http.StatusUnauthorized, ctToken, oauthError("invalid_client", msg))
		return
	}
	t.mu.Lock()
	t.tokenSeq++
	sum := sha256.Sum256(fmt.Appendf(nil, "%s/%d", t.cfg.clientID, t.tokenSeq))
	tok := fmt.Sprintf("sim.%d.%s", t.tokenSeq, hex.EncodeToString(sum[:12]))
	t.tokens[tok] = &tokenInfo{expiry: t.now().Add(t.cfg.tokenTTL)}
	t.mu.Unlock()
	writeJSON(w, http.StatusOK, ctToken, map[string]any{
		"access_token": tok,
		"token_type":   "Bearer",
		"expires_in":   int64(t.cfg.tokenTTL / time.Second),
	})
}

// checkClient returns why the client is refused, or "" when it is accepted. A client
// assertion is accepted when its issuer is the client; its signature is not verified.
func (t *Tenant) checkClient(id, secret, assertion, assertionType string) string {
	if id != t.cfg.clientID {
		return "The client credentials are invalid."
	}
	if assertion == "" {
		if secret == "" || secret != t.cfg.clientSecret {
			return "The client credentials are invalid."
		}
		return ""
	}
	if assertionType != jwtBearerAssertion {
		return "Unsupported client_assertion_type."
	}
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 {
		return "The client assertion is not a JWT."
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "The client assertion is not a JWT."
	}
	var claims struct {
		Iss string  `json:"iss"`
		Exp float64 `json:"exp"`
	}
	if err := json.Unmarshal(raw, &claims); err != nil {
		return "The client assertion is not a JWT."
	}
	if claims.Iss != id {
		return "The client assertion was not issued by the client."
	}
	if claims.Exp != 0 && t.now().Unix() > int64(claims.Exp) {
		return "The client assertion has expired."
	}
	return ""
}

func oauthError(code, desc string) map[string]any {
	return map[string]any{"error": code, "error_description": desc}
}

// authorize checks the bearer token of an API call and answers 401 when it is missing,
// unknown, expired or revoked; it reports whether the request may proceed.
func (t *Tenant) authorize(w http.ResponseWriter, r *http.Request, svc service) bool {
	ct := ctJSON
	if svc == svcZMS {
		ct = ctGraphQL
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	t.mu.Lock()
	info := t.tokens[strings.TrimSpace(tok)]
	expired := info != nil && (info.revoked || !t.now().Before(info.expiry))
	t.mu.Unlock()
	switch {
	case !ok || info == nil:
		writeJSON(w, http.StatusUnauthorized, ct,
			map[string]any{"detail": "unauthorized", "type": "", "title": "", "status": ""})
		return false
	case expired:
		writeJSON(w, http.StatusUnauthorized, ct, sessionNotValidBody())
		return false
	}
	return true
}

func sessionNotValidBody() map[string]any {
	return map[string]any{"code": "SESSION_NOT_VALID", "message": "Session is no longer valid"}
}

// RevokeTokens invalidates every token issued so far: later calls with them get
// 401 SESSION_NOT_VALID, which makes the SDK fetch a new token and retry.
func (t *Tenant) RevokeTokens() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, info := range t.tokens {
		info.revoked = true
	}
}
