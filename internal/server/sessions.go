package server

import (
	"crypto/rand"
	"errors"
	"sync"
	"time"
)

// sessionIDs issues and checks streamable HTTP session ids. Unlike mcp-go's in-memory
// manager, it forgets: sessions unseen for ttl and terminated ids older than ttl are
// dropped, so a long-running server's memory does not grow with every client that
// ever connected. An id it no longer holds is answered with 404, and the client starts
// a new session, as the protocol intends.
type sessionIDs struct {
	mu         sync.Mutex
	ttl        time.Duration
	now        func() time.Time
	live       map[string]time.Time // last seen
	terminated map[string]time.Time // when
	lastPrune  time.Time
}

var errUnknownSession = errors.New("unknown session id")

func newSessionIDs(ttl time.Duration) *sessionIDs {
	return &sessionIDs{ttl: ttl, now: time.Now, live: map[string]time.Time{},
		terminated: map[string]time.Time{}}
}

// Generate issues a new session id.
func (s *sessionIDs) Generate() string {
	id := "mcp-session-" + rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pruneLocked()
	s.live[id] = s.now()
	return id
}

// Validate reports whether id is a live session, or a terminated one.
func (s *sessionIDs) Validate(id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pruneLocked()
	if _, ok := s.terminated[id]; ok {
		return true, nil
	}
	if _, ok := s.live[id]; !ok {
		return false, errUnknownSession
	}
	s.live[id] = s.now()
	return false, nil
}

// Terminate ends a live session.
func (s *sessionIDs) Terminate(id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.live[id]; ok {
		delete(s.live, id)
		s.terminated[id] = s.now()
	}
	return false, nil
}

// pruneLocked drops expired entries, at most once a minute.
func (s *sessionIDs) pruneLocked() {
	now := s.now()
	if now.Sub(s.lastPrune) < time.Minute {
		return
	}
	s.lastPrune = now
	for id, seen := range s.live {
		if now.Sub(seen) > s.ttl {
			delete(s.live, id)
		}
	}
	for id, at := range s.terminated {
		if now.Sub(at) > s.ttl {
			delete(s.terminated, id)
		}
	}
}
