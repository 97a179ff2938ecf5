package lifecycle

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Instance is one PID file and what it says.
type Instance struct {
	Path   string
	Record Record
	State  State
}

// Inspect reads and judges the PID file at path.
func Inspect(path string) (Instance, error) {
	rec, err := Read(path)
	if err != nil {
		return Instance{}, err
	}
	return Instance{Path: path, Record: rec, State: Check(rec)}, nil
}

// Discover reads every PID file in dirs. Directories that do not exist are skipped;
// files that are not records are reported in skipped with the reason, never removed.
// Instances come sorted by start time, oldest first.
func Discover(dirs []string) (found []Instance, skipped []error) {
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				skipped = append(skipped, err)
			}
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
				continue
			}
			inst, err := Inspect(filepath.Join(dir, name))
			switch {
			case errors.Is(err, fs.ErrNotExist):
				// Removed since the listing: that server just stopped.
			case err != nil:
				skipped = append(skipped, err)
			default:
				found = append(found, inst)
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		return found[i].Record.StartedAt.Before(found[j].Record.StartedAt)
	})
	return found, skipped
}

// Split sorts instances by state.
func Split(all []Instance) (live, stale, foreign []Instance) {
	for _, in := range all {
		switch in.State {
		case Live:
			live = append(live, in)
		case Stale:
			stale = append(stale, in)
		default:
			foreign = append(foreign, in)
		}
	}
	return live, stale, foreign
}
