package lifecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// fileMode lets other users read a record (status works for them), never write it.
const fileMode = 0o644

// InUseError says a PID file belongs to another server that is still running.
type InUseError struct {
	Path  string
	Owner Record
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("PID file %s belongs to the running server pid %d", e.Path, e.Owner.PID)
}

// Write publishes rec at path in one step: readers see the old file or the new one,
// never a part. It never replaces the file of another live server; it returns an
// *InUseError instead. A stale file, or one written by the process self, is replaced,
// and so is one from another PID namespace: that is almost always an earlier run of
// the same container (its writable layer survives a restart, its PID namespace does
// not), whose server had the same PID 1 and so the same file name.
func Write(path string, rec Record, self Identity) error {
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("encode PID file: %w", err)
	}
	data = append(data, '\n')

	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// The error names the temporary file, which the user never chose; name the
		// PID file and its directory instead.
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		return fmt.Errorf("write PID file %s: cannot create a file in %s: %w", path,
			filepath.Dir(path), err)
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath) // a no-op once it has been renamed or linked
	if err := writeSynced(tmp, data); err != nil {
		return fmt.Errorf("write PID file %s: %w", path, err)
	}

	// Link creates the name only if it does not exist, so two servers starting at once
	// cannot both take a free file.
	if err := os.Link(tmpPath, path); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrExist) && !linkUnsupported(err) {
		return fmt.Errorf("write PID file %s: %w", path, err)
	}
	if old, err := Read(path); err == nil && !self.Owns(old) {
		if Check(old) == Live {
			return &InUseError{Path: path, Owner: old}
		}
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return fmt.Errorf("write PID file %s: %w", path, err)
	}
	return nil
}

func writeSynced(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(fileMode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// linkUnsupported reports whether the file system refused a hard link as such
// (some network and FAT file systems), in which case Write falls back to checking
// the existing file and renaming over it.
func linkUnsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, fs.ErrPermission)
}

// Remove deletes the PID file at path if it is self's, and reports whether it did.
// A file another server has written since is left alone.
func Remove(path string, self Identity) bool {
	rec, err := Read(path)
	if err != nil || !self.Owns(rec) {
		return false
	}
	return os.Remove(path) == nil
}

// removeFile is os.Remove, replaced by tests that need a removal to fail as it does
// for a user who may not write the file's directory, which root always may.
var removeFile = os.Remove

// RemoveStale deletes the file at path if it still holds a stale record, so a file a
// new server has just written in its place survives. It reports whether it deleted
// the file; err says why a stale file could not be deleted (typically: the caller may
// not write its directory, since another user's server wrote it there).
func RemoveStale(path string) (removed bool, err error) {
	rec, err := Read(path)
	if err != nil || Check(rec) != Stale {
		return false, nil // gone, or replaced by a file that is not stale
	}
	if err := removeFile(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, fmt.Errorf("remove stale PID file: %w", err)
	}
	return true, nil
}
