package server

import "time"

// idleSignal lets goroutines wait for a count, kept by its owner, to reach zero. The
// owner calls channel and reached under its own lock.
type idleSignal struct{ ch chan struct{} }

// channel returns a channel that closes at the next reached.
func (s *idleSignal) channel() <-chan struct{} {
	if s.ch == nil {
		s.ch = make(chan struct{})
	}
	return s.ch
}

// reached wakes every waiter.
func (s *idleSignal) reached() {
	if s.ch != nil {
		close(s.ch)
		s.ch = nil
	}
}

// waitClosed waits up to timeout for ch to close and reports whether it did.
func waitClosed(ch <-chan struct{}, timeout time.Duration) bool {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-ch:
		return true
	case <-timer.C:
		return false
	}
}
