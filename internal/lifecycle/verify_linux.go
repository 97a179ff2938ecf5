package lifecycle

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Verify checks, before a command signals the process a live record names, that the
// process is the server that wrote the record:
//
//   - the PID file is owned by the user the process runs as, since a server's own
//     file always is; a crafted file can then only name processes of the user who
//     made it, which that user could signal anyway;
//   - the process runs the executable the record names (/proc/PID/exe, resolved, and
//     also when the file was replaced since, as an upgrade does).
//
// Where the executable cannot be read (a process that is not dumpable, or a root
// without CAP_SYS_PTRACE in a container), the ownership check stands alone. Without
// /proc, Verify checks nothing. It returns ErrNoProcess when the process is gone.
func Verify(in Instance) error {
	if _, err := os.Readlink("/proc/self/exe"); err != nil {
		return nil // no /proc to look at
	}
	pid := strconv.Itoa(in.Record.PID)
	refuse := func(format string, args ...any) error {
		return &NotServerError{Path: in.Path, PID: in.Record.PID,
			Reason: fmt.Sprintf(format, args...)}
	}

	procUID, err := processUID(in.Record.PID)
	if errors.Is(err, fs.ErrNotExist) {
		return ErrNoProcess
	}
	if err != nil {
		return refuse("cannot tell which user it runs as: %v", err)
	}
	fi, err := os.Stat(in.Path)
	if err != nil {
		return refuse("cannot tell who owns the file: %v", err)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != procUID {
		return refuse("the file is owned by uid %d but the process runs as uid %d, and a "+
			"server's PID file is always owned by the user it runs as", st.Uid, procUID)
	}

	target, err := os.Readlink("/proc/" + pid + "/exe")
	switch {
	case errors.Is(err, fs.ErrPermission):
		return nil // not ours to read; the ownership check above stands
	case errors.Is(err, fs.ErrNotExist):
		if _, serr := os.Stat("/proc/" + pid); errors.Is(serr, fs.ErrNotExist) {
			return ErrNoProcess
		}
		return refuse("it runs no executable (a kernel thread, or a process that is exiting)")
	case err != nil:
		return refuse("cannot tell which program it runs: %v", err)
	}
	// The kernel marks an executable that was removed or replaced since it started.
	target = strings.TrimSuffix(target, " (deleted)")
	if in.Record.Executable == "" {
		return refuse("the file records no executable to compare with %s, which it runs", target)
	}
	if !samePath(target, in.Record.Executable) {
		return refuse("it runs %s, not %s as the file records", target, in.Record.Executable)
	}
	return nil
}

// processUID is the effective user id of process pid, from /proc/PID/status, which
// every user may read.
func processUID(pid int) (int, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "Uid:"); ok {
			// Real, effective, saved and file system uid.
			if f := strings.Fields(rest); len(f) >= 2 {
				return strconv.Atoi(f[1])
			}
		}
	}
	return 0, errors.New("no Uid line in /proc status")
}

// samePath reports whether a and b name the same file path, once symbolic links are
// resolved where they still exist.
func samePath(a, b string) bool {
	return resolved(a) == resolved(b)
}

func resolved(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return filepath.Clean(p)
}
