package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// removeStale is lifecycle.RemoveStale; tests replace it to fail as it does for a user
// who may not write the file's directory, which root always may.
var removeStale = lifecycle.RemoveStale

// reportStale removes the stale PID file of in and says so, or why it stays.
func (f finder) reportStale(in lifecycle.Instance) {
	removed, err := removeStale(in.Path)
	switch {
	case removed:
		printf(f.errw, "Removed stale PID file %s (pid %d is no longer running).\n",
			in.Path, in.Record.PID)
	case err != nil:
		printf(f.errw, "Stale PID file %s (pid %d is no longer running) could not be "+
			"removed: %s.\n", in.Path, in.Record.PID, whyNotRemoved(in.Path, err))
	}
}

// clearStale removes the stale PID file at path and says what became of it, as the
// end of a sentence.
func clearStale(path string) string {
	removed, err := removeStale(path)
	switch {
	case removed:
		return "removed the stale file"
	case err != nil:
		return "could not remove the stale file: " + whyNotRemoved(path, err)
	}
	return "its file has since been removed or replaced"
}

// whyNotRemoved explains a failed removal of the file at path and what to do.
func whyNotRemoved(path string, err error) string {
	reason := err.Error()
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		reason = pathErr.Err.Error()
	}
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Sprintf("%s (you may not remove files in %s; remove it as a user who "+
			"may, such as the one whose server wrote it, or with sudo)", reason, filepath.Dir(path))
	}
	return reason
}
