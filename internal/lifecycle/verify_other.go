//go:build !linux

package lifecycle

// Verify cannot look behind a PID without /proc: the record's start time and PID
// are all there is to go on, so every live record passes.
func Verify(Instance) error { return nil }
