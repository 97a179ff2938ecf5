//go:build !unix

package lifecycle

// Exec is not available: this platform cannot replace a process image in place.
func Exec(string, []string, []string) error { return ErrUnsupported }

// CheckExecutable fails for the same reason.
func CheckExecutable(string) error { return ErrUnsupported }
