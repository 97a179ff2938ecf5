//go:build unix

package lifecycle

import (
	"errors"
	"os"
	"syscall"
)

// sysSignals maps each lifecycle signal to the operating system's.
var sysSignals = map[Signal]syscall.Signal{
	Reload:  syscall.SIGHUP,
	Restart: syscall.SIGUSR2,
	Stop:    syscall.SIGTERM,
	Kill:    syscall.SIGKILL,
}

// Supported reports whether s exists on this platform.
func (s Signal) Supported() bool {
	_, ok := sysSignals[s]
	return ok
}

// OS returns the os.Signal for s, for signal.Notify; nil where s does not exist.
func (s Signal) OS() os.Signal {
	if sig, ok := sysSignals[s]; ok {
		return sig
	}
	return nil
}

// Send delivers s to process pid.
func (s Signal) Send(pid int) error {
	sig, ok := sysSignals[s]
	if !ok {
		return ErrUnsupported
	}
	if pid <= 0 {
		return ErrNoProcess
	}
	switch err := syscall.Kill(pid, sig); {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ESRCH):
		return ErrNoProcess
	case errors.Is(err, syscall.EPERM):
		return ErrPermission
	default:
		return err
	}
}

// exists reports whether a process with that PID exists, including one of another
// user that may not be signalled.
func exists(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
