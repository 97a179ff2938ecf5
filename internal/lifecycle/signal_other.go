//go:build !unix

package lifecycle

import (
	"os"
)

// Supported reports whether s exists on this platform: lifecycle signals are Unix
// only.
func (s Signal) Supported() bool { return false }

// OS returns nil: there is nothing to notify on.
func (s Signal) OS() os.Signal { return nil }

// Send fails: the signal does not exist here.
func (s Signal) Send(int) error { return ErrUnsupported }

// exists asks the operating system for the process.
func exists(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
