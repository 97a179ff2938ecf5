package httpauth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// zscaler mode caching. A good pair is trusted for its token's life, less a margin;
// a refused pair is remembered briefly, so a client retrying a wrong secret does not
// make this server hammer the tenant's token endpoint.
const (
	validityMargin  = time.Minute
	refusedFor      = 30 * time.Second
	maxCacheEntries = 4096
	maxTokenBody    = 64 << 10
	oneAPIAudience  = "https://api.zscaler.com"
	zscalerHeaderID = "X-Zscaler-Client-ID"
	zscalerHeaderSe = "X-Zscaler-Client-Secret"
)

const basicChallenge = `Basic realm="` + realm + `", charset="UTF-8"`

// zscalerAuth accepts OneAPI client credentials of the tenant: the client id and
// secret, as HTTP Basic or in the X-Zscaler-Client-ID and X-Zscaler-Client-Secret
// headers, are checked with a client-credentials grant at the tenant's token endpoint.
// Results are cached under an HMAC of the pair with a key made at start, so memory
// never holds the secret or a digest that could be tested offline.
type zscalerAuth struct {
	tokenURL string
	client   *http.Client
	key      []byte
	now      func() time.Time

	mu       sync.Mutex
	good     map[string]time.Time // until
	bad      map[string]time.Time // until
	inflight map[string]*attempt
}

// attempt is one token request that concurrent requests with the same pair share.
type attempt struct {
	done chan struct{}
	f    *Failure
}

func newZscalerAuth(client *http.Client, tokenURL string) *zscalerAuth {
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	return &zscalerAuth{tokenURL: tokenURL, client: client, key: key, now: time.Now,
		good: map[string]time.Time{}, bad: map[string]time.Time{}, inflight: map[string]*attempt{}}
}

// tokenURL is the OneAPI token endpoint of a tenant, named the way the Zscaler SDKs
// name it: https://{vanity}.zslogin.net in production, zslogin{cloud} elsewhere.
func tokenURL(t Tenant) string {
	vanity, cloud := strings.TrimSpace(t.VanityDomain), strings.ToLower(strings.TrimSpace(t.Cloud))
	if cloud == "" || cloud == "production" {
		return "https://" + vanity + ".zslogin.net/oauth2/v1/token"
	}
	return "https://" + vanity + ".zslogin" + cloud + ".net/oauth2/v1/token"
}

func (z *zscalerAuth) check(r *http.Request) (Identity, *Failure) {
	id, secret := r.Header.Get(zscalerHeaderID), r.Header.Get(zscalerHeaderSe)
	if id == "" && secret == "" {
		id, secret, _ = r.BasicAuth()
	}
	if id == "" || secret == "" {
		return Identity{}, unauthorized("OneAPI client credentials required (HTTP Basic, or "+
			zscalerHeaderID+" and "+zscalerHeaderSe+")", basicChallenge)
	}
	if f := z.validate(r.Context(), id, secret); f != nil {
		return Identity{}, f
	}
	return Identity{Mode: config.AuthModeZscaler, Subject: id}, nil
}

// validate checks a pair, from the cache when it can.
func (z *zscalerAuth) validate(ctx context.Context, id, secret string) *Failure {
	k := z.cacheKey(id, secret)
	z.mu.Lock()
	now := z.now()
	if until, ok := z.good[k]; ok && now.Before(until) {
		z.mu.Unlock()
		return nil
	}
	if until, ok := z.bad[k]; ok && now.Before(until) {
		z.mu.Unlock()
		return invalidCredentials()
	}
	if a, ok := z.inflight[k]; ok {
		z.mu.Unlock()
		select {
		case <-a.done:
			return a.f
		case <-ctx.Done():
			return unavailable("request cancelled while checking credentials")
		}
	}
	a := &attempt{done: make(chan struct{})}
	z.inflight[k] = a
	z.mu.Unlock()

	life, f := z.requestToken(ctx, id, secret)

	z.mu.Lock()
	delete(z.inflight, k)
	now = z.now()
	if len(z.good)+len(z.bad) >= maxCacheEntries {
		z.pruneLocked(now)
	}
	switch {
	case f == nil && life > validityMargin:
		z.good[k] = now.Add(life - validityMargin)
	case f != nil && f.Status == http.StatusUnauthorized:
		z.bad[k] = now.Add(refusedFor)
	}
	z.mu.Unlock()
	a.f = f
	close(a.done)
	return f
}

// pruneLocked drops expired entries, and everything if the cache is still full: a
// flood of distinct pairs must not grow memory without bound.
func (z *zscalerAuth) pruneLocked(now time.Time) {
	for k, until := range z.good {
		if !now.Before(until) {
			delete(z.good, k)
		}
	}
	for k, until := range z.bad {
		if !now.Before(until) {
			delete(z.bad, k)
		}
	}
	if len(z.good)+len(z.bad) >= maxCacheEntries {
		z.good, z.bad = map[string]time.Time{}, map[string]time.Time{}
	}
}

func (z *zscalerAuth) cacheKey(id, secret string) string {
	m := hmac.New(sha256.New, z.key)
	m.Write([]byte(id))
	m.Write([]byte{0})
	m.Write([]byte(secret))
	return string(m.Sum(nil))
}

// requestToken performs the client-credentials grant and returns the token's life.
// The token itself is dropped: the tools use the server's own credentials.
func (z *zscalerAuth) requestToken(ctx context.Context, id, secret string) (time.Duration, *Failure) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
		"audience":      {oneAPIAudience},
	}
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, z.tokenURL,
		strings.NewReader(form.Encode()))
	if err != nil {
		return 0, unavailable("cannot reach the OneAPI token endpoint")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := z.client.Do(req)
	if err != nil {
		return 0, unavailable("cannot reach the OneAPI token endpoint")
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenBody))
	switch {
	case resp.StatusCode == http.StatusBadRequest, resp.StatusCode == http.StatusUnauthorized,
		resp.StatusCode == http.StatusForbidden:
		return 0, invalidCredentials()
	case resp.StatusCode != http.StatusOK || err != nil:
		return 0, unavailable("the OneAPI token endpoint did not answer normally")
	}
	var tok struct {
		AccessToken string          `json:"access_token"`
		ExpiresIn   json.RawMessage `json:"expires_in"`
	}
	if json.Unmarshal(body, &tok) != nil || tok.AccessToken == "" {
		return 0, unavailable("the OneAPI token endpoint did not answer normally")
	}
	return expiresIn(tok.ExpiresIn), nil
}

// expiresIn reads expires_in, a number or a numeric string depending on the cloud.
func expiresIn(raw json.RawMessage) time.Duration {
	var n float64
	if json.Unmarshal(raw, &n) != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0
		}
		if json.Unmarshal([]byte(s), &n) != nil {
			return 0
		}
	}
	if n <= 0 || n > 86400 {
		return 0
	}
	return time.Duration(n * float64(time.Second))
}

func invalidCredentials() *Failure {
	return unauthorized("invalid OneAPI client credentials", basicChallenge)
}

func unavailable(reason string) *Failure {
	return &Failure{Status: http.StatusServiceUnavailable, Reason: reason}
}
