package lifecycle

import "errors"

// Signal is a request a lifecycle command sends to a server.
type Signal int

// The lifecycle signals.
const (
	// Reload (SIGHUP) rereads the .env file and applies what can change live.
	Reload Signal = iota + 1
	// Restart (SIGUSR2) drains and replaces the process image, keeping the PID.
	Restart
	// Stop (SIGTERM) drains and exits.
	Stop
	// Kill (SIGKILL) ends the process at once.
	Kill
)

// String is the signal's conventional name.
func (s Signal) String() string {
	switch s {
	case Reload:
		return "SIGHUP"
	case Restart:
		return "SIGUSR2"
	case Stop:
		return "SIGTERM"
	case Kill:
		return "SIGKILL"
	}
	return "signal"
}

// Errors of Send.
var (
	ErrUnsupported = errors.New("this platform has no such signal")
	ErrNoProcess   = errors.New("no such process")
	ErrPermission  = errors.New("not permitted to signal the process; run as the user " +
		"that started the server, or with sudo")
)
