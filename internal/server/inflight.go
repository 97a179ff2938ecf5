package server

import (
	"context"
	"sync"
	"time"
)

// inflight tracks running tool calls so a shutdown can let them finish, and write their
// audit lines, within a bound.
//
// Transports cancel a request's context as soon as they stop (stdio at end of input,
// HTTP when a connection closes). While draining, handlers are shielded from that and
// keep running until they finish or the drain deadline passes, whichever comes first.
// Outside a drain, a cancelled request cancels its handler at once.
type inflight struct {
	mu       sync.Mutex
	running  int
	draining bool
	idle     idleSignal

	expired context.Context
	expire  context.CancelFunc
}

func newInflight() *inflight {
	expired, expire := context.WithCancel(context.Background())
	return &inflight{expired: expired, expire: expire}
}

// enter registers a call; the returned function marks it finished.
func (f *inflight) enter() func() {
	f.mu.Lock()
	f.running++
	f.mu.Unlock()

	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.running--
		if f.running == 0 {
			f.idle.reached()
		}
	}
}

// beginDrain marks the start of a shutdown, before the transport stops its input.
func (f *inflight) beginDrain() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.draining = true
}

func (f *inflight) isDraining() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.draining
}

// handlerContext derives the context a tool handler runs with from the request's.
func (f *inflight) handlerContext(req context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(req))
	stopReq := context.AfterFunc(req, func() {
		if !f.isDraining() {
			cancel()
		}
	})
	stopExpired := context.AfterFunc(f.expired, cancel)
	return ctx, func() {
		stopReq()
		stopExpired()
		cancel()
	}
}

// drainGrace is how long cancelled calls get to return and write their audit lines.
const drainGrace = 2 * time.Second

// cancelAll cancels every running and future handler.
func (f *inflight) cancelAll() { f.expire() }

// drain waits up to timeout for running calls to finish. Calls still running then are
// cancelled, and drain waits up to grace more for them to return and write their audit
// lines. It reports whether every call finished on its own.
func (f *inflight) drain(timeout, grace time.Duration) bool {
	if f.wait(timeout) {
		return true
	}
	f.expire()
	f.wait(grace)
	return false
}

func (f *inflight) wait(timeout time.Duration) bool {
	f.mu.Lock()
	f.draining = true
	if f.running == 0 {
		f.mu.Unlock()
		return true
	}
	idle := f.idle.channel()
	f.mu.Unlock()
	return waitClosed(idle, timeout)
}
