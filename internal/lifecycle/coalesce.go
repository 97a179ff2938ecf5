package lifecycle

import (
	"context"
	"sync/atomic"
)

// Coalescer turns bursts of requests into few runs. A request made while no run is
// in progress starts one; any number of requests made while a run is in progress
// cause exactly one more run after it, which sees everything they asked for. So a
// burst of a hundred SIGHUPs costs at most two reloads, and the last signal is never
// lost.
type Coalescer struct {
	pending  chan struct{}
	requests atomic.Uint64
}

// NewCoalescer returns a Coalescer with no request pending.
func NewCoalescer() *Coalescer {
	return &Coalescer{pending: make(chan struct{}, 1)}
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
			// Zero means the requests behind this token were counted, and served, by
			// the run before: they arrived between its start and its count.
			if n := c.requests.Swap(0); n > 0 {
				fn(n)
			}
		}
	}
}
