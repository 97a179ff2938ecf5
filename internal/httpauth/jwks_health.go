package httpauth

import (
	"net/http"
	"strconv"
	"sync/atomic"
)

// keysRetryAfter is the Retry-After of a 503 for an unreachable key set: the gap
// between two fetches a token with an unknown key may trigger (keyRefreshGap).
var keysRetryAfter = strconv.Itoa(int(keyRefreshGap.Seconds()))

// keySetHealth remembers whether the last fetch of the JSON Web Key Set succeeded, so
// a token whose key cannot be found can be told apart: while the set is reachable, the
// token was signed by a key the issuer does not publish (401); while it is not, the
// server cannot know (503), and the client should retry rather than sign in again.
type keySetHealth struct {
	reachable atomic.Bool
}

// client returns c with its transport observed: an HTTP 200 marks the set reachable,
// anything else unreachable. A body that turns out not to be a key set is reported
// through failed afterwards.
func (h *keySetHealth) client(c *http.Client) *http.Client {
	rt := c.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	observed := *c
	observed.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := rt.RoundTrip(r)
		h.reachable.Store(err == nil && resp.StatusCode == http.StatusOK)
		return resp, err
	})
	return &observed
}

// failed records a fetch that did not produce a key set.
func (h *keySetHealth) failed() { h.reachable.Store(false) }

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// keysUnavailable is the refusal of a token that cannot be checked for want of keys.
func keysUnavailable() *Failure {
	return &Failure{Status: http.StatusServiceUnavailable, RetryAfter: keysRetryAfter,
		Reason: "cannot fetch the token issuer's signing keys; try again later"}
}
