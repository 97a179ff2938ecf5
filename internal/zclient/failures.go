package zclient

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// statusFailure classifies a reply the transport must not hand to the SDK: any
// failed token reply, 429 and 5xx. It returns nil for replies the SDK should see.
func statusFailure(req *http.Request, resp *http.Response, safe, isToken bool) *failure {
	code := resp.StatusCode
	host := req.URL.Hostname()
	wait, hinted := retryHint(resp.Header, code)
	if isToken {
		switch {
		case code < 300:
			return nil
		case code == 400 || code == 401 || code == 403:
			return &failure{err: toolerr.New(toolerr.PermissionDenied,
				"the token endpoint rejected the OneAPI credentials; %s", tokenEndpointFailHint)}
		case code == http.StatusTooManyRequests:
			return &failure{err: toolerr.New(toolerr.RateLimited,
				"the token endpoint %s is rate limiting", host), retry: true, wait: wait, hinted: hinted}
		case code >= 500:
			return &failure{err: toolerr.New(toolerr.UpstreamUnavailable,
				"the token endpoint %s returned HTTP %d", host, code), retry: true, wait: wait, hinted: hinted}
		default:
			return &failure{err: toolerr.New(toolerr.UpstreamUnavailable,
				"the token endpoint %s returned HTTP %d; check ZSCALER_VANITY_DOMAIN and ZSCALER_CLOUD",
				host, code)}
		}
	}
	switch {
	case code == http.StatusTooManyRequests:
		return &failure{err: toolerr.New(toolerr.RateLimited,
			"rate limit reached (HTTP 429)"), retry: true, wait: wait, hinted: hinted}
	case code == http.StatusServiceUnavailable:
		return &failure{err: toolerr.New(toolerr.UpstreamUnavailable,
			"%s is unavailable (HTTP 503)", host), retry: true, wait: wait, hinted: hinted}
	case code >= 500:
		return &failure{err: toolerr.New(toolerr.UpstreamUnavailable,
			"%s returned HTTP %d", host, code), retry: safe}
	}
	return nil
}

// networkFailure classifies a transport error. Failures to connect are retried for
// any method since nothing was sent; others only for safe requests.
func networkFailure(req *http.Request, err error, timeout time.Duration, safe bool) *failure {
	host := req.URL.Hostname()
	fail := func(retry bool, format string, args ...any) *failure {
		te := toolerr.Wrap(toolerr.UpstreamUnavailable, err, format, args...)
		return &failure{err: te, retry: retry}
	}
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var opErr *net.OpError
	var netErr net.Error
	switch {
	case errors.As(err, &dnsErr):
		return fail(dnsErr.IsTemporary || dnsErr.IsTimeout,
			"cannot resolve %s; check ZSCALER_VANITY_DOMAIN and ZSCALER_CLOUD", host)
	case errors.Is(err, syscall.ECONNREFUSED):
		return fail(true, "connection refused by %s", host)
	case errors.As(err, &certErr):
		return fail(false, "the TLS certificate of %s is not trusted", host)
	case errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		return fail(safe, "timeout after %s waiting for %s", timeout.Round(time.Millisecond), host)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fail(true, "cannot connect to %s", host)
	}
	return fail(safe, "the connection to %s failed", host)
}

// retryHint reads how long the API asked us to wait: Retry-After as seconds, an HTTP
// date or a Go duration, else (for 429 and 503) X-Ratelimit-Reset seconds.
func retryHint(h http.Header, code int) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs >= 0 {
			return time.Duration(secs) * time.Second, true
		}
		if at, err := http.ParseTime(v); err == nil {
			return max(time.Until(at), 0), true
		}
		if d, err := time.ParseDuration(v); err == nil && d >= 0 {
			return d, true
		}
	}
	if code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable {
		reset := strings.TrimSpace(h.Get("X-Ratelimit-Reset"))
		if secs, err := strconv.Atoi(reset); err == nil && secs >= 0 {
			return time.Duration(secs) * time.Second, true
		}
	}
	return 0, false
}

func itoa(n int) string { return strconv.Itoa(n) }
