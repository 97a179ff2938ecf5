package lifecycle

import "fmt"

// UntrustedError says a file was not opened because a user other than the caller or
// root could have written what it says.
type UntrustedError struct {
	Path   string
	Reason string
}

func (e *UntrustedError) Error() string {
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}
