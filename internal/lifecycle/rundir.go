package lifecycle

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// EnvRunDir names the variable that, when set, replaces the run directory search with
// one directory, for servers and lifecycle commands alike.
const EnvRunDir = "ZSCALER_MCP_RUN_DIR"

// SystemRunDir is where servers keep their PID files when they may write there, as
// root does and as a container image may allow.
const SystemRunDir = "/var/run/zscaler-mcp"

// Places are what the run directory is chosen from. The caller fills them from the
// environment, so this package never reads it.
type Places struct {
	// Override, when set, is the only run directory (ZSCALER_MCP_RUN_DIR).
	Override string
	// System is SystemRunDir unless a test or platform says otherwise; "" skips it.
	System string
	// Runtime is the user's runtime directory (XDG_RUNTIME_DIR), if any.
	Runtime string
	// Home is the user's home directory, if any.
	Home string
	// Temp is the temporary directory; the last resort gets a per-user subdirectory.
	Temp string
	// UID names the per-user directory under Temp.
	UID int
}

// Candidates lists the run directories in order of preference. A server writes its
// file in the first usable one; lifecycle commands look in all of them, so they find
// servers whichever one each could use.
func (p Places) Candidates() []string {
	if p.Override != "" {
		return []string{p.Override}
	}
	var out []string
	add := func(dir string) {
		if dir == "" {
			return
		}
		for _, have := range out {
			if have == dir {
				return
			}
		}
		out = append(out, dir)
	}
	add(p.System)
	if p.Runtime != "" {
		add(filepath.Join(p.Runtime, "zscaler-mcp"))
	}
	if p.Home != "" {
		add(filepath.Join(p.Home, ".zscaler-mcp", "run"))
	}
	if p.Temp != "" {
		add(filepath.Join(p.Temp, "zscaler-mcp-"+strconv.Itoa(p.UID)))
	}
	return out
}

// Choose returns the first candidate this process can write in, creating it if
// needed, or why none would do. Directories outside the system one must be owned by
// this user and closed to others, so nobody can plant or swap a PID file in them; an
// Override is taken as the operator gives it.
func (p Places) Choose() (string, error) {
	var reasons []error
	for _, dir := range p.Candidates() {
		// The system directory is shared, so readable by all; the others are private.
		mode, strict := os.FileMode(0o700), p.Override == ""
		if dir == p.System {
			mode, strict = 0o755, false
		}
		err := usableDir(dir, mode, strict)
		if err == nil {
			return dir, nil
		}
		reasons = append(reasons, fmt.Errorf("%s: %w", dir, err))
	}
	if len(reasons) == 0 {
		return "", errors.New("no run directory: no home, runtime or temporary directory known")
	}
	return "", fmt.Errorf("no usable run directory: %w", errors.Join(reasons...))
}

// usableDir creates dir if needed and checks a file can be created in it. strict
// also requires the directory to be this user's own and private.
func usableDir(dir string, mode os.FileMode, strict bool) error {
	if err := os.MkdirAll(dir, mode); err != nil {
		return err
	}
	if strict {
		if err := ownedPrivateDir(dir); err != nil {
			return err
		}
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		// The error names the probe file, which means nothing to the user; the caller
		// names the directory.
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		return fmt.Errorf("cannot create a file in it: %w", err)
	}
	name := f.Name()
	_ = f.Close()
	return os.Remove(name)
}

// InstanceFile is the PID file of process pid in dir.
func InstanceFile(dir string, pid int) string {
	return filepath.Join(dir, strconv.Itoa(pid)+".json")
}
