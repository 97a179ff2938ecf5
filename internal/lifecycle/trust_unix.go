//go:build unix

package lifecycle

import (
	"fmt"
	"os"
	"syscall"
)

// OpenTrusted opens the file at path for reading if it is a regular file that the
// effective user or root owns and that no other user may write, so that what it says
// may steer a command running with this process's privileges (root, under sudo). The
// checks are made on the opened file, so it cannot be swapped in between; a FIFO
// cannot make the open block. A file that fails them gives an *UntrustedError.
func OpenTrusted(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	reason := ""
	st, _ := fi.Sys().(*syscall.Stat_t)
	euid := os.Geteuid()
	switch {
	case !fi.Mode().IsRegular():
		reason = "not a regular file"
	case st != nil && int(st.Uid) != euid && st.Uid != 0:
		reason = fmt.Sprintf("owned by uid %d, which is neither you (uid %d) nor root",
			st.Uid, euid)
	case fi.Mode().Perm()&0o022 != 0:
		reason = fmt.Sprintf("writable by other users (mode %04o)", fi.Mode().Perm())
	}
	if reason != "" {
		_ = f.Close()
		return nil, &UntrustedError{Path: path, Reason: reason}
	}
	return f, nil
}
