package server

import (
	"crypto/rand"
	"errors"
	"net/http"
	"sync"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/httpauth"
)

// sessionIDs issues and checks streamable HTTP session ids, each bound to the client
// that initialized it. Unlike mcp-go's in-memory manager, it forgets: sessions unseen
// for ttl and terminated ids older than ttl are dropped, so a long-running server's
// memory does not grow with every client that ever connected. An id it no longer holds
// is answered with 404, and the client starts a new session, as the protocol intends.
//
// Its own methods serve mcp-go where no request is at hand (the idle sweeper,
// shutdown); requests get a manager bound to their client from ResolveSessionIdManager.
type sessionIDs struct {
	mu         sync.Mutex
	ttl        time.Duration
	now        func() time.Time
	live       map[string]*liveSession
	terminated map[string]time.Time // when
	lastPrune  time.Time
}

// liveSession is a session id in use: who opened it and when it was last seen.
type liveSession struct {
	owner string // httpauth.Identity.Key of the initializing client
	seen  time.Time
}

// sessionState is what a session id is to a client.
type sessionState int

const (
	sessionUnknown sessionState = iota
	sessionLive
	sessionTerminated
	// sessionForeign is a live session another client opened.
	sessionForeign
)

var (
	errUnknownSession = errors.New("unknown session id")
	errForeignSession = errors.New("session opened by another client")
)

// noOwner stands for a request without an authenticated identity, which the
// authentication layer never lets through; it matches no session.
const noOwner = "\x00unauthenticated"

func newSessionIDs(ttl time.Duration) *sessionIDs {
	return &sessionIDs{ttl: ttl, now: time.Now, live: map[string]*liveSession{},
		terminated: map[string]time.Time{}}
}

// ResolveSessionIdManager binds the manager to the client of r; mcp-go passes nil
// outside requests, for which the unbound manager serves.
func (s *sessionIDs) ResolveSessionIdManager(r *http.Request) mcpserver.SessionIdManager {
	if r == nil {
		return s
	}
	return &clientSessions{ids: s, owner: ownerOf(r)}
}

// ownerOf is the session owner key of a request's client.
func ownerOf(r *http.Request) string {
	id, ok := httpauth.IdentityFrom(r.Context())
	if !ok {
		return noOwner
	}
	return id.Key()
}

// Generate issues a session id owned by nobody; requests use clientSessions.
func (s *sessionIDs) Generate() string { return s.generate(noOwner) }

// Validate reports whether id is a live session, or a terminated one.
func (s *sessionIDs) Validate(id string) (bool, error) {
	switch s.state(id, "") {
	case sessionTerminated:
		return true, nil
	case sessionUnknown:
		return false, errUnknownSession
	}
	return false, nil
}

// Terminate ends a live session, whoever owns it: the sweeper and shutdown call it.
func (s *sessionIDs) Terminate(id string) (bool, error) {
	s.terminate(id, "")
	return false, nil
}

func (s *sessionIDs) generate(owner string) string {
	id := "mcp-session-" + rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pruneLocked()
	s.live[id] = &liveSession{owner: owner, seen: s.now()}
	return id
}

// state reports what id is to the client owner, and marks a live session owned by
// that client as seen. An empty owner matches every session.
func (s *sessionIDs) state(id, owner string) sessionState {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pruneLocked()
	if _, ok := s.terminated[id]; ok {
		return sessionTerminated
	}
	l, ok := s.live[id]
	switch {
	case !ok:
		return sessionUnknown
	case owner != "" && l.owner != owner:
		return sessionForeign
	}
	l.seen = s.now()
	return sessionLive
}

// terminate ends a live session owned by owner (any, if empty), and reports whether
// the session belonged to another client.
func (s *sessionIDs) terminate(id, owner string) (foreign bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.live[id]
	if !ok {
		return false
	}
	if owner != "" && l.owner != owner {
		return true
	}
	delete(s.live, id)
	s.terminated[id] = s.now()
	return false
}

// pruneLocked drops expired entries, at most once a minute.
func (s *sessionIDs) pruneLocked() {
	now := s.now()
	if now.Sub(s.lastPrune) < time.Minute {
		return
	}
	s.lastPrune = now
	for id, l := range s.live {
		if now.Sub(l.seen) > s.ttl {
			delete(s.live, id)
		}
	}
	for id, at := range s.terminated {
		if now.Sub(at) > s.ttl {
			delete(s.terminated, id)
		}
	}
}

// clientSessions is the session id manager of one request: the ids it issues belong
// to the request's client, and ids of other clients are unknown to it. requireSession
// refuses such requests before mcp-go sees them; this is the second line.
type clientSessions struct {
	ids   *sessionIDs
	owner string
}

func (c *clientSessions) Generate() string { return c.ids.generate(c.owner) }

func (c *clientSessions) Validate(id string) (bool, error) {
	switch c.ids.state(id, c.owner) {
	case sessionTerminated:
		return true, nil
	case sessionUnknown:
		return false, errUnknownSession
	case sessionForeign:
		return false, errForeignSession
	}
	return false, nil
}

// Terminate refuses to end another client's session: mcp-go would also drop that
// session's state.
func (c *clientSessions) Terminate(id string) (bool, error) {
	return c.ids.terminate(id, c.owner), nil
}
