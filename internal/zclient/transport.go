package zclient

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// readOnlyKey marks a request context whose non-GET request only reads.
type readOnlyKey struct{}

// MarkReadOnly returns a context whose requests may be retried like GETs after a
// server error or a dropped connection. Use it for POSTs that change nothing, such as
// ZIA's /urlLookup or a ZMS GraphQL query.
func MarkReadOnly(ctx context.Context) context.Context {
	return context.WithValue(ctx, readOnlyKey{}, true)
}

func isMarkedReadOnly(ctx context.Context) bool {
	v, _ := ctx.Value(readOnlyKey{}).(bool)
	return v
}

// tokenPath is the OneAPI token endpoint's path on the login host.
const tokenPath = "/oauth2/v1/token"

// retryTransport sits beneath the SDK, so every request it makes (token calls
// included) gets bounded, context-aware retries, and every final failure becomes a
// classified *toolerr.Error instead of a response, which keeps the SDK's own loop
// (plain sleeps, 5xx retried even for POST) out of play.
//
// Retried: 429 and 503 for any method (the request was not processed), connection
// failures before anything was sent for any method, and other 5xx, timeouts and
// broken connections only for GET, HEAD, OPTIONS, token requests and requests marked
// with MarkReadOnly. PUT, POST, PATCH and DELETE are never re-sent after the server may
// have acted on them.
type retryTransport struct {
	base        http.RoundTripper
	log         *slog.Logger
	maxAttempts int
	budget      time.Duration
	perAttempt  time.Duration
	backoff     time.Duration
	scrub       *scrubber

	mu        sync.Mutex
	tokenSeq  uint64
	tokenFail *toolerr.Error
}

// failure is the outcome of one attempt that did not succeed.
type failure struct {
	err   *toolerr.Error
	retry bool
	// wait is the API's hint (Retry-After, rate-limit reset) when hinted is set.
	wait   time.Duration
	hinted bool
}

// RoundTrip implements http.RoundTripper.
func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	isToken := req.URL.Path == tokenPath
	if tok, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok {
		t.scrub.noteToken(tok)
	}
	safe := isToken || isMarkedReadOnly(ctx) || req.Method == http.MethodGet ||
		req.Method == http.MethodHead || req.Method == http.MethodOptions
	replayable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	deadline := time.Now().Add(t.budget)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}

	for attempt := 1; ; attempt++ {
		resp, timeout, err := t.attempt(req, attempt, deadline)
		var f *failure
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			f = networkFailure(req, err, timeout, safe)
		} else {
			if f = statusFailure(req, resp, safe, isToken); f == nil {
				return resp, nil
			}
			drainClose(resp.Body)
		}
		wait := f.wait
		if !f.hinted {
			wait = t.backoff << (attempt - 1)
		}
		if f.err.Kind == toolerr.RateLimited {
			f.err.RetryAfter = roundUpSecond(wait)
			f.err.Message += "; retry after " + itoa(int(f.err.RetryAfter/time.Second)) + "s"
		}
		if !f.retry || !replayable || attempt >= t.maxAttempts ||
			time.Until(deadline) < wait+time.Millisecond {
			return nil, t.final(isToken, attempt, f.err)
		}
		t.log.Debug("retrying Zscaler API request", "method", req.Method,
			"host", req.URL.Host, "path", req.URL.Path, "attempt", attempt,
			"wait", wait, "reason", f.err.Message)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// attempt sends one copy of req with its own timeout, which keeps running while the
// caller reads the body and ends when the body is closed.
func (t *retryTransport) attempt(req *http.Request, n int, deadline time.Time) (
	*http.Response, time.Duration, error) {
	timeout := min(t.perAttempt, time.Until(deadline))
	ctx, cancel := context.WithTimeout(req.Context(), timeout)
	r := req.Clone(ctx)
	if n > 1 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			cancel()
			return nil, timeout, err
		}
		r.Body = body
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		cancel()
		return nil, timeout, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, timeout, nil
}

// final records token endpoint failures, whose error chain the SDK breaks by
// formatting it with %v, and returns the error for the SDK to pass up.
func (t *retryTransport) final(isToken bool, attempts int, err *toolerr.Error) error {
	if attempts > 1 {
		err.Message += " (after " + itoa(attempts) + " attempts)"
	}
	if isToken {
		t.mu.Lock()
		t.tokenSeq++
		t.tokenFail = err
		t.mu.Unlock()
	}
	return err
}

// tokenFailures returns how many token requests have failed so far.
func (t *retryTransport) tokenFailures() uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.tokenSeq
}

// tokenFailureSince returns the latest token endpoint failure if one happened after
// the count seq was taken.
func (t *retryTransport) tokenFailureSince(seq uint64) *toolerr.Error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tokenSeq == seq {
		return nil
	}
	return t.tokenFail
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// cancelOnClose releases an attempt's context once the body is done with.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// drainClose reads a little of a discarded body so the connection can be reused.
func drainClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	_ = body.Close()
}

func roundUpSecond(d time.Duration) time.Duration {
	if d <= 0 {
		return time.Second
	}
	return ((d + time.Second - 1) / time.Second) * time.Second
}
