//go:build unix

package lifecycle

import (
	"fmt"
	"os"
	"syscall"
)

// Exec replaces the process image with path run with argv and env, keeping the PID,
// the open standard streams and the parent. It returns only on failure.
func Exec(path string, argv, env []string) error {
	// The path is this server's own executable, resolved when it started; a restart
	// re-executes it by design.
	if err := syscall.Exec(path, argv, env); err != nil { //nolint:gosec // G204: own binary
		return fmt.Errorf("exec %s: %w", path, err)
	}
	return nil
}

// CheckExecutable tells early whether Exec of path could work, so a restart can be
// refused while the server still runs rather than fail after it has drained.
func CheckExecutable(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	if err := syscall.Access(path, 0x1); err != nil { // X_OK
		return fmt.Errorf("%s is not executable: %w", path, err)
	}
	return nil
}
