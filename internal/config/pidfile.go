package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// checkPIDFile refuses a PID file the server could not write. The operator named that
// exact file for the lifecycle commands to find the server by; a server that went on
// without it, or with a file elsewhere, would be found by nothing that looks there.
// The file itself is written once the server is ready.
func checkPIDFile(path string) error {
	if path == "" {
		return nil
	}
	refuse := func(reason string) error {
		return &Error{Setting: EnvPIDFile, Value: path, Reason: reason}
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return refuse("its directory " + dir + " does not exist; create it, or name a file " +
			"in a directory that exists")
	case err != nil:
		return refuse("its directory " + dir + " cannot be reached: " + pathReason(err))
	case !fi.IsDir():
		return refuse(dir + " is not a directory")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return refuse("it is a directory; name a file")
	}
	if err := writableDir(dir); err != nil {
		return refuse("no file can be created in its directory " + dir + ": " + pathReason(err))
	}
	return nil
}

// pathReason is the operating system's reason in err, without the path it names.
func pathReason(err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err.Error()
	}
	return err.Error()
}
