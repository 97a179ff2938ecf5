package confirm

import (
	"fmt"
	"time"
)

// Code says why a token was rejected.
type Code int

// The reasons a token can be rejected.
const (
	// Malformed: not a token of this server's format, perhaps cut or retyped.
	Malformed Code = iota
	// Mismatch: the signature does not cover this call. The token was issued for
	// another tool or other arguments, was altered, or was signed with another key.
	Mismatch
	// Expired: the token is older than its lifetime.
	Expired
	// Used: the token was redeemed already.
	Used
	// Busy: too many redeemed tokens are still live to remember one more.
	Busy
)

// RejectionError is why Redeem refused a token. Its text is meant for the agent and the
// audit log and never contains the token.
type RejectionError struct {
	Code Code
	// ID is the presented token's id when the token could be parsed.
	ID string
	// Expired and TTL describe an Expired rejection.
	Expired time.Time
	TTL     time.Duration
}

func (r *RejectionError) Error() string {
	switch r.Code {
	case Mismatch:
		return "the token does not match this call: it was issued for another tool, " +
			"other arguments or another server, or it was altered"
	case Expired:
		return fmt.Sprintf("the token expired at %s; tokens are valid for %s",
			r.Expired.UTC().Format(time.RFC3339), Lifetime(r.TTL))
	case Used:
		return fmt.Sprintf("token id %s was already used; each token confirms one call", r.ID)
	case Busy:
		return "too many confirmations were redeemed recently; try again in a few minutes"
	}
	return "the token is malformed; send the confirmation_token of the latest prompt unchanged"
}

// Lifetime renders a duration for people: "5 minutes", "90 seconds", "1 minute".
func Lifetime(d time.Duration) string {
	switch {
	case d >= time.Minute && d%time.Minute == 0:
		return plural(int64(d/time.Minute), "minute")
	case d >= time.Second && d%time.Second == 0:
		return plural(int64(d/time.Second), "second")
	}
	return d.Round(time.Millisecond).String()
}

func plural(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
