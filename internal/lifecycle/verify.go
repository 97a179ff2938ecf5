package lifecycle

import "fmt"

// NotServerError says the process a PID file names is not the server that wrote the
// file: a command sends it no signal. A record can be crafted, start time and all,
// from what /proc shows of any process; these checks tie it to the process by what
// a crafted file cannot copy.
type NotServerError struct {
	Path   string
	PID    int
	Reason string
}

func (e *NotServerError) Error() string {
	return fmt.Sprintf("PID file %s names pid %d, which is not the zscaler-mcp server that "+
		"wrote it: %s", e.Path, e.PID, e.Reason)
}
