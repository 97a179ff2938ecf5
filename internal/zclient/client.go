package zclient

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// Defaults for Options fields left at zero.
const (
	defaultMaxAttempts    = 3
	defaultRetryBudget    = 30 * time.Second
	defaultRequestTimeout = 30 * time.Second
	// firstBackoff is the wait before the second attempt when the API gave no hint;
	// it doubles for every later attempt.
	firstBackoff = 250 * time.Millisecond
)

// Options configure a Client.
type Options struct {
	// Credentials is read each time the SDK client is (re)created and returns the
	// current settings. Nil means no credentials.
	Credentials func() Credentials
	// Transport is the base transport. Nil means a clone of http.DefaultTransport;
	// the demo passes one that sends every host to the simulator.
	Transport http.RoundTripper
	// Logger receives debug and warning lines. It must not write to stdout.
	Logger *slog.Logger
	// UserAgent is appended to the SDK's User-Agent, e.g. "zscaler-mcp/1.2.3".
	UserAgent string
	// MaxAttempts bounds the attempts per HTTP request, the first included.
	MaxAttempts int
	// RetryBudget bounds the time one call may spend, waits included.
	RetryBudget time.Duration
	// RequestTimeout bounds each single attempt.
	RequestTimeout time.Duration
}

// Client reaches one tenant. The SDK client behind it is created on first use, since
// creating it already fetches a token, and is shared by all calls until
// ResetCredentials or Close. It is safe for concurrent use.
type Client struct {
	opts    Options
	log     *slog.Logger
	base    http.RoundTripper
	ownBase bool
	backoff time.Duration

	// life ends on Close; it bounds token fetches made outside any caller's call.
	life    context.Context
	endLife context.CancelFunc

	mu      sync.Mutex
	sess    *session
	pending *creation
	gen     uint64
	closed  bool
}

// creation is one SDK client being built; callers wait on done.
type creation struct {
	done chan struct{}
	sess *session
	err  error
}

// New returns a Client. It does no I/O.
func New(opts Options) *Client {
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = defaultMaxAttempts
	}
	if opts.RetryBudget <= 0 {
		opts.RetryBudget = defaultRetryBudget
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = defaultRequestTimeout
	}
	c := &Client{opts: opts, log: opts.Logger, base: opts.Transport, backoff: firstBackoff}
	c.life, c.endLife = context.WithCancel(context.Background())
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.base == nil {
		c.base = http.DefaultTransport.(*http.Transport).Clone()
		c.ownBase = true
	}
	return c
}

// ResetCredentials drops the cached SDK client so that the next call reads
// Credentials again. Calls already running finish on the old client.
func (c *Client) ResetCredentials() {
	c.mu.Lock()
	old := c.sess
	c.sess = nil
	c.pending = nil
	c.gen++
	c.mu.Unlock()
	if old != nil {
		old.close()
	}
}

// Close ends a token fetch in progress and releases idle connections. Later calls
// fail with Cancelled.
func (c *Client) Close() {
	c.mu.Lock()
	old := c.sess
	c.sess = nil
	c.pending = nil
	c.closed = true
	c.gen++
	c.mu.Unlock()
	c.endLife()
	if old != nil {
		old.close()
	}
	if ci, ok := c.base.(interface{ CloseIdleConnections() }); ok && c.ownBase {
		ci.CloseIdleConnections()
	}
}

// session returns the shared SDK client, creating it if needed. Only one creation runs
// at a time; a failed one is not cached. The wait honours ctx, while the creation
// itself goes on (bounded by the transport) so that its token is not wasted.
func (c *Client) session(ctx context.Context) (*session, error) {
	if err := ctx.Err(); err != nil {
		return nil, contextError(err)
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, errClosed()
	}
	if s := c.sess; s != nil {
		c.mu.Unlock()
		return s, nil
	}
	p := c.pending
	if p == nil {
		creds := c.readCredentials()
		if err := checkCredentials(creds); err != nil {
			c.mu.Unlock()
			return nil, err
		}
		p = &creation{done: make(chan struct{})}
		c.pending = p
		go c.create(p, creds, c.gen)
	}
	c.mu.Unlock()
	select {
	case <-p.done:
		return p.sess, p.err
	case <-ctx.Done():
		return nil, contextError(ctx.Err())
	}
}

// create builds an SDK client and publishes it unless the credentials were reset or
// the client closed meanwhile; waiters get the result either way.
func (c *Client) create(p *creation, creds Credentials, gen uint64) {
	defer close(p.done)
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("zscaler SDK client creation panicked", "panic", r)
			p.err = toolerr.New(toolerr.Internal, "creating the Zscaler API client failed unexpectedly")
			c.mu.Lock()
			if c.pending == p {
				c.pending = nil
			}
			c.mu.Unlock()
		}
	}()
	s, err := c.newSession(c.life, creds)
	c.mu.Lock()
	current := gen == c.gen && !c.closed
	if err == nil && current {
		c.sess = s
	}
	if c.pending == p {
		c.pending = nil
	}
	closed := c.closed
	c.mu.Unlock()
	switch {
	case err != nil:
		p.err = err
	case closed:
		s.close()
		p.err = errClosed()
	case !current:
		// Superseded by a reload: serve the callers that were waiting only.
		p.sess = s
		s.close()
	default:
		p.sess = s
	}
}

// currentCredentials returns the settings of the cached SDK client, or the current
// settings when none is cached.
func (c *Client) currentCredentials() Credentials {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess != nil {
		return c.sess.creds
	}
	return c.readCredentials()
}

func (c *Client) readCredentials() Credentials {
	if c.opts.Credentials == nil {
		return Credentials{}
	}
	return c.opts.Credentials()
}

func errClosed() *toolerr.Error {
	return toolerr.New(toolerr.Cancelled, "the server is shutting down")
}
