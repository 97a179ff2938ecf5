package server

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSessionIDsForgetWhatExpired(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	s := newSessionIDs(30 * time.Minute)
	s.now = func() time.Time { return now }

	a, b := s.Generate(), s.Generate()
	require.NotEqual(t, a, b)
	terminated, err := s.Validate(a)
	require.NoError(t, err)
	require.False(t, terminated)

	_, err = s.Terminate(a)
	require.NoError(t, err)
	terminated, err = s.Validate(a)
	require.NoError(t, err)
	require.True(t, terminated, "a terminated id is reported as such")

	_, err = s.Validate("mcp-session-invented")
	require.ErrorIs(t, err, errUnknownSession)

	now = now.Add(31 * time.Minute)
	_, err = s.Validate(b)
	require.ErrorIs(t, err, errUnknownSession, "an idle session expires")
	require.Empty(t, s.live)
	require.Empty(t, s.terminated, "terminated ids are forgotten too")
}

func TestSessionIDsRequestManagersSeeOnlyTheirClientsSessions(t *testing.T) {
	s := newSessionIDs(30 * time.Minute)
	alice := &clientSessions{ids: s, owner: "jwt\x00iss\x00alice"}
	bob := &clientSessions{ids: s, owner: "jwt\x00iss\x00bob"}
	id := alice.Generate()

	_, err := bob.Validate(id)
	require.ErrorIs(t, err, errForeignSession)
	notAllowed, err := bob.Terminate(id)
	require.NoError(t, err)
	require.True(t, notAllowed, "another client cannot end the session")
	terminated, err := alice.Validate(id)
	require.NoError(t, err)
	require.False(t, terminated)

	// The sweeper's manager ends any session.
	_, err = s.Terminate(id)
	require.NoError(t, err)
	terminated, err = alice.Validate(id)
	require.NoError(t, err)
	require.True(t, terminated)
}
