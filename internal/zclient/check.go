package zclient

import (
	"context"
	"time"

	"github.com/zscaler/zscaler-sdk-go/v3/zscaler"
)

// CheckToken proves that the credentials still obtain a OneAPI token and returns how
// long that took. Without a cached SDK client it creates one (which fetches a
// token); with one, it asks the token endpoint again through the same configuration
// and transport, leaving the client's own token untouched.
func (c *Client) CheckToken(ctx context.Context) (time.Duration, error) {
	c.mu.Lock()
	cached := c.sess
	c.mu.Unlock()
	start := time.Now()
	s, err := c.session(ctx)
	if err != nil {
		return 0, err
	}
	if cached == nil || cached != s {
		return time.Since(start), nil
	}
	seq := s.tr.tokenFailures()
	start = time.Now()
	// The SDK client's lock guards the configuration (the token lives in it) and every
	// request takes it, so copy the configuration under the lock and ask for a token
	// outside it: a slow token endpoint must not stall the other calls.
	s.svc.Client.Lock()
	cfg := *s.cfg
	s.svc.Client.Unlock()
	_, err = zscaler.Authenticate(ctx, &cfg, cfg.Logger)
	elapsed := time.Since(start)
	if err != nil {
		if perr := ctx.Err(); perr != nil {
			return 0, contextError(perr)
		}
		return 0, tokenError(s.tr, seq, err, s.scrub, c.log)
	}
	return elapsed, nil
}
