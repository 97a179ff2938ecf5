package zclient

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/zscaler/zscaler-sdk-go/v3/cache"
	"github.com/zscaler/zscaler-sdk-go/v3/logger"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// Second bounds on the SDK's own retry loop. Our transport turns 429, 5xx and network
// faults into errors, so the SDK only retries SESSION_NOT_VALID (re-authenticating)
// and edit-lock conflicts; its waits there are plain sleeps, so they are kept short.
//
// TODO: those SDK sleeps (2 s after SESSION_NOT_VALID, up to 2 s per edit-lock retry)
// and the SDK's pre-request token refresh (made with a background context) do not
// notice a cancelled call; only our transport's budget bounds them.
const (
	sdkMaxRetries         = 3
	sdkSessionRetries     = 1
	sdkEditLockWaitMin    = 500 * time.Millisecond
	sdkEditLockWaitMax    = 2 * time.Second
	tokenEndpointFailHint = "check ZSCALER_CLIENT_ID and ZSCALER_CLIENT_SECRET " +
		"(or ZSCALER_PRIVATE_KEY) and ZSCALER_VANITY_DOMAIN"
)

// session is one authenticated SDK client with what it was built from.
type session struct {
	svc   *zscaler.Service
	cfg   *zscaler.Configuration
	creds Credentials
	tr    *retryTransport
	scrub *scrubber
}

// newSession builds the SDK configuration and client and fetches the first token, so
// that bad credentials show at once.
func (c *Client) newSession(ctx context.Context, creds Credentials) (*session, error) {
	key, err := loadPrivateKey(creds.PrivateKey)
	if err != nil {
		return nil, err
	}
	sc := newScrubber(creds)
	tr := &retryTransport{
		base:        c.base,
		log:         c.log,
		maxAttempts: c.opts.MaxAttempts,
		budget:      c.opts.RetryBudget,
		perAttempt:  c.opts.RequestTimeout,
		backoff:     c.backoff,
		scrub:       sc,
	}
	hc := &http.Client{Transport: tr}

	setters := []zscaler.ConfigSetter{
		zscaler.WithClientID(strings.TrimSpace(creds.ClientID)),
		zscaler.WithVanityDomain(strings.TrimSpace(creds.VanityDomain)),
		zscaler.WithZscalerCloud(strings.TrimSpace(creds.Cloud)),
		zscaler.WithCache(false),
		zscaler.WithRateLimitMaxRetries(sdkMaxRetries),
		zscaler.WithRateLimitMinWait(sdkEditLockWaitMin),
		zscaler.WithRateLimitMaxWait(sdkEditLockWaitMax),
		zscaler.WithRateLimitMaxSessionNotValidRetries(sdkSessionRetries),
		zscaler.WithRequestTimeout(c.opts.RetryBudget),
	}
	if c.opts.UserAgent != "" {
		setters = append(setters, zscaler.WithUserAgentExtra(c.opts.UserAgent))
	}
	cfg, err := zscaler.NewConfiguration(setters...)
	if err != nil {
		return nil, toolerr.Wrap(toolerr.Configuration, err,
			"the Zscaler SDK refused the OneAPI settings")
	}
	// Everything below must follow NewConfiguration: its setters rebuild the HTTP
	// clients, and it also loads ~/.zscaler/zscaler.yaml and ZSCALER_* variables,
	// which must not override the settings we were given.
	if key != nil {
		cfg.Zscaler.Client.PrivateKey = key
		cfg.Zscaler.Client.ClientSecret = ""
	} else {
		cfg.Zscaler.Client.PrivateKey = nil
		cfg.Zscaler.Client.ClientSecret = strings.TrimSpace(creds.ClientSecret)
	}
	cfg.Zscaler.Client.CustomerID = ""
	cfg.Zscaler.Client.MicrotenantID = ""
	cfg.Zscaler.Client.Cache.Enabled = false
	cfg.CacheManager = cache.NewNopCache()
	cfg.UseLegacyClient = false
	cfg.LegacyClient = nil
	cfg.Debug = false
	// The SDK's default logger writes to stdout when ZSCALER_SDK_LOG is set.
	cfg.Logger = logger.NewNopLogger()
	cfg.HTTPClient = hc
	cfg.ZIAHTTPClient = hc
	cfg.ZPAHTTPClient = hc
	cfg.ZTWHTTPClient = hc
	cfg.ZCCHTTPClient = hc
	cfg.ZDXHTTPClient = hc

	// NewOneAPIClient would fetch a token and start a renewal ticker whose goroutine
	// races with the SDK's own Close. With the legacy flag set it does neither; the
	// first token is fetched below with the SDK's Authenticate, and later ones by the
	// SDK's check before each request (token missing or within 30 s of expiry).
	cfg.UseLegacyClient = true
	svc, err := zscaler.NewOneAPIClient(cfg)
	cfg.UseLegacyClient = false
	if err != nil {
		return nil, toolerr.Wrap(toolerr.Internal, err, "the Zscaler SDK client could not be built")
	}
	tok, err := zscaler.Authenticate(ctx, cfg, cfg.Logger)
	if err != nil {
		if ctx.Err() != nil {
			return nil, contextError(ctx.Err())
		}
		return nil, tokenError(tr, 0, err, sc, c.log)
	}
	cfg.Zscaler.Client.AuthToken = tok
	return &session{svc: svc, cfg: cfg, creds: creds, tr: tr, scrub: sc}, nil
}

// close releases the SDK client. No renewal goroutine runs (see newSession), so this
// only marks it closed.
func (s *session) close() { s.svc.Client.Close() }
