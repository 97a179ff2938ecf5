// Package toolerr defines the small set of error kinds a tool call can end in.
//
// Upstream failures (HTTP statuses, GraphQL errors, transport faults) are mapped to
// one of these kinds with a short, actionable message written by us. The kind is what
// the audit line and the agent see first, so it must stay stable; the message never
// carries a raw upstream body, since those can echo credentials.
package toolerr

import (
	"errors"
	"fmt"
	"time"
)

// Kind classifies a failed tool call.
type Kind string

// The kinds of failure a tool call can report.
const (
	// NotFound means the requested object does not exist in the tenant.
	NotFound Kind = "NotFound"
	// PermissionDenied means the credentials are valid but lack the right scope,
	// subscription or role, or were rejected by the token endpoint.
	PermissionDenied Kind = "PermissionDenied"
	// RateLimited means the API refused the call for now; RetryAfter says when to retry.
	RateLimited Kind = "RateLimited"
	// UpstreamUnavailable covers timeouts, connection failures, 5xx replies and
	// replies we could not decode.
	UpstreamUnavailable Kind = "UpstreamUnavailable"
	// InvalidArgument means the arguments were rejected, by us or by the API.
	InvalidArgument Kind = "InvalidArgument"
	// Configuration means the server is missing or has bad settings (credentials,
	// customer id, cloud).
	Configuration Kind = "Configuration"
	// UnknownTool means the tool does not exist or is not enabled on this server.
	UnknownTool Kind = "UnknownTool"
	// Cancelled means the client cancelled the call or the server is shutting down.
	Cancelled Kind = "Cancelled"
	// ConfirmationRejected means a destructive call was refused for want of a valid
	// human confirmation: a bad, expired or reused token, or an elicitation that failed
	// or went unanswered. Nothing was changed.
	ConfirmationRejected Kind = "ConfirmationRejected"
	// Internal means a bug on our side, such as a recovered panic.
	Internal Kind = "Internal"
)

// Error is a classified tool failure.
type Error struct {
	Kind Kind
	// Message is short, one line, free of secrets and meant for the agent.
	Message string
	// RetryAfter is set for RateLimited errors when the API said how long to wait.
	RetryAfter time.Duration
	// Err is the underlying cause, kept for errors.Is/As and debug logs only; its text
	// is never shown to clients.
	Err error
}

// Error renders the error as "Kind: message", the form used in audit lines.
func (e *Error) Error() string {
	return string(e.Kind) + ": " + e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// New returns an error of the given kind with a formatted message.
func New(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an error of the given kind that keeps cause for errors.Is/As.
func Wrap(kind Kind, cause error, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...), Err: cause}
}

// As extracts a classified error from err. Unclassified errors become Internal with a
// generic message, so that their text (which may quote upstream bodies) is not shown.
func As(err error) *Error {
	var te *Error
	if errors.As(err, &te) {
		return te
	}
	return &Error{Kind: Internal, Message: "unexpected error; see the server log", Err: err}
}
