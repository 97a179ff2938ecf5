package lifecycle

import (
	"context"
	"sync/atomic"
	"time"
)

// Coalescer turns bursts of requests into few runs. A run starts settle after the
// first request, so a burst that arrives within that time is served by one run; any
// number of requests made while a run is in progress cause exactly one more run after
// it, which sees everything they asked for. So a hundred SIGHUPs sent at once cost one
// reload, a stream of them at most one reload per settle period, and the last signal
// is never lost.
type Coalescer struct {
	pending  chan struct{}
	requests atomic.Uint64
	settle   time.Duration
}

// NewCoalescer returns a Coalescer with no request pending that waits settle after a
// first request before it runs.
func NewCoalescer(settle time.Duration) *Coalescer {
	return &Coalescer{pending: make(chan struct{}, 1), settle: settle}
}

// Request asks for a run. It never blocks.
func (c *Coalescer) Request() {
	c.requests.Add(1)
	select {
	case c.pending <- struct{}{}:
	default: // a run is already pending; it will serve this request too
	}
}

// Run calls fn once per coalesced batch of requests until ctx ends, passing how many
// requests the batch holds. Only one fn runs at a time.
func (c *Coalescer) Run(ctx context.Context, fn func(requests uint64)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.pending:
			if !c.wait(ctx) {
				return
			}
			// Zero means the requests behind this token were counted, and served, by
			// the run before: they arrived between its start and its count.
			if n := c.requests.Swap(0); n > 0 {
				fn(n)
			}
		}
	}
}

// wait lets the rest of a burst arrive, and reports false if ctx ended meanwhile.
func (c *Coalescer) wait(ctx context.Context) bool {
	if c.settle <= 0 {
		return true
	}
	t := time.NewTimer(c.settle)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
	}
	// Requests of the burst left a token; this run serves them.
	select {
	case <-c.pending:
	default:
	}
	return true
}
