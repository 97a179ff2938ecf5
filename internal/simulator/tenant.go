package simulator

import (
	"sync"
	"time"

	"github.com/vektah/gqlparser/v2/ast"
)

// Identity of the seeded demo tenant. The token endpoint accepts DemoClientID with
// DemoClientSecret (or a client assertion issued by DemoClientID) unless
// WithClientCredentials says otherwise, and ZMS answers for DemoCustomerID only.
const (
	DemoClientID     = "demo-client-id"
	DemoClientSecret = "demo-client-secret"
	DemoVanityDomain = "demo"
	DemoCloud        = "beta"
	DemoCustomerID   = "72058304855015424"
)

// DefaultTokenTTL is the token lifetime the beta cloud was observed to grant.
const DefaultTokenTTL = 86399 * time.Second

type config struct {
	tokenTTL     time.Duration
	latency      time.Duration
	clock        func() time.Time
	clientID     string
	clientSecret string
	customerID   string
}

// Option configures a Tenant.
type Option func(*config)

// WithTokenTTL sets the lifetime of issued access tokens (default 86399 s). A TTL of 30 s
// or less makes the SDK fetch a token before every request.
func WithTokenTTL(d time.Duration) Option { return func(c *config) { c.tokenTTL = d } }

// WithLatency delays every response by d, honouring request cancellation.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = d } }

// WithClock replaces time.Now for token expiry and modification timestamps.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithClientCredentials changes the OAuth2 client the token endpoint accepts.
func WithClientCredentials(id, secret string) Option {
	return func(c *config) { c.clientID, c.clientSecret = id, secret }
}

// WithCustomerID changes the ZMS customer id the tenant answers for.
func WithCustomerID(id string) Option { return func(c *config) { c.customerID = id } }

// Tenant is one simulated Zscaler tenant. All methods are safe for concurrent use.
type Tenant struct {
	cfg    config
	schema *ast.Schema

	mu       sync.Mutex
	zia      *ziaState
	zms      map[string]*zmsData
	pending  bool
	nextID   int64
	faults   []*faultEntry
	faultSeq int
	tokens   map[string]*tokenInfo
	tokenSeq int
	requests []Request
	writes   []Write
	reqSeq   int64
	rate     map[string]*rateWindow
}

// Request is one request the simulator received, recorded before any fault or
// authentication check. Secrets (form bodies, Authorization headers) are never kept.
type Request struct {
	Method string
	Path   string
	// RawQuery is the query string exactly as sent (e.g. "&pageSize=1000&page=1").
	RawQuery string
	// Host is the Host header the simulator saw; OriginalHost is X-Original-Host as set
	// by Transport (the host the client meant to reach).
	Host         string
	OriginalHost string
	// Operation is the GraphQL operationName of a /zms/graphql request.
	Operation string
	// Status is the HTTP status answered (0 while the request is still in flight).
	Status int
}

// New returns a tenant loaded with the deterministic seed.
func New(opts ...Option) *Tenant {
	cfg := config{
		tokenTTL:     DefaultTokenTTL,
		clock:        time.Now,
		clientID:     DemoClientID,
		clientSecret: DemoClientSecret,
		customerID:   DemoCustomerID,
	}
	for _, o := range opts {
		o(&cfg)
	}
	t := &Tenant{
		cfg:    cfg,
		schema: zmsSchema(),
		tokens: map[string]*tokenInfo{},
		rate:   map[string]*rateWindow{},
	}
	t.reseed()
	return t
}

// Reset puts the tenant back to its seed: data, activation status, faults, the
// request log and the write log. Issued tokens stay valid so that clients built before
// Reset keep working.
func (t *Tenant) Reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.reseed()
	t.faults = nil
	t.requests = nil
}

// reseed rebuilds the seeded state. The caller holds t.mu (or owns t exclusively).
func (t *Tenant) reseed() {
	t.zia = seedZIA()
	t.zms = map[string]*zmsData{t.cfg.customerID: seedZMS(t.cfg.customerID)}
	t.pending = false
	t.nextID = firstAllocatedID
	t.writes = nil
}

// Requests returns a copy of the request log.
func (t *Tenant) Requests() []Request {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Request, len(t.requests))
	copy(out, t.requests)
	return out
}

// ClearRequests empties the request log.
func (t *Tenant) ClearRequests() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.requests = nil
}

// ActivationPending reports whether staged ZIA changes await activation.
func (t *Tenant) ActivationPending() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pending
}

// firstAllocatedID is where ids of objects created through the API start; seeded ids
// stay below it so that new ids never collide with the seed.
const firstAllocatedID = 900_000_000

// allocID returns the next deterministic id. The caller holds t.mu.
func (t *Tenant) allocID() int64 {
	t.nextID++
	return t.nextID
}

func (t *Tenant) now() time.Time { return t.cfg.clock() }
