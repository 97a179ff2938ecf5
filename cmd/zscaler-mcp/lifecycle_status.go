package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// statusEntry is one instance in `status --json`.
type statusEntry struct {
	Path      string           `json:"path"`
	State     string           `json:"state"`
	EnvSource *envSourceJSON   `json:"env_source,omitempty"`
	Record    lifecycle.Record `json:"record"`
}

type envSourceJSON struct {
	Label  string `json:"label"`
	Path   string `json:"path,omitempty"`
	Advice string `json:"advice"`
}

// status prints every instance found (or the one chosen) and removes stale files
// after showing them. It returns 0 when at least one server is alive.
func (f finder) status(asJSON bool, now time.Time) int {
	all, looked, ok := f.statusInstances()
	if !ok {
		return 1
	}
	if f.flags.pid != 0 {
		all = slices.DeleteFunc(all, func(in lifecycle.Instance) bool {
			return in.Record.PID != f.flags.pid
		})
	}
	if len(all) == 0 {
		if asJSON {
			printf(f.out, "[]\n")
		}
		printf(f.errw, "No running zscaler-mcp server found: no PID file in %s.\n", looked)
		return 1
	}

	if asJSON {
		f.statusJSON(all)
	} else {
		printf(f.out, "zscaler-mcp status\n%s\n", strings.Repeat("=", 40))
		for i, in := range all {
			if i > 0 {
				printf(f.out, "\n")
			}
			_ = lifecycle.WriteStatus(f.out, in, now)
		}
	}

	code := 1
	for _, in := range all {
		switch in.State {
		case lifecycle.Live:
			code = 0
		case lifecycle.Stale:
			f.reportStale(in)
		}
	}
	return code
}

// statusInstances reads the PID file the user named, or else every PID file in the
// run directories, and says where it looked. It returns false, after saying why, when
// a named file cannot be read.
func (f finder) statusInstances() (all []lifecycle.Instance, looked string, ok bool) {
	if path, origin := f.explicitPIDFile(); path != "" {
		in, err := lifecycle.Inspect(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			printf(f.errw, "No zscaler-mcp PID file at %s (from %s).\n", path, origin)
			return nil, "", false
		case err != nil:
			printf(f.errw, "Cannot use PID file %s (from %s): %v.\n", path, origin, err)
			return nil, "", false
		}
		return []lifecycle.Instance{in}, path, true
	}
	dirs := places().Candidates()
	all, skipped := lifecycle.Discover(dirs)
	for _, err := range skipped {
		printf(f.errw, "note: skipped %v\n", err)
	}
	return all, strings.Join(dirs, ", "), true
}

func (f finder) statusJSON(all []lifecycle.Instance) {
	entries := make([]statusEntry, 0, len(all))
	for _, in := range all {
		e := statusEntry{Path: in.Path, State: in.State.String(), Record: in.Record}
		if in.State != lifecycle.Foreign {
			src := lifecycle.ClassifyEnvSource(in.Record)
			e.EnvSource = &envSourceJSON{Label: src.Label, Path: src.Path, Advice: src.Advice}
		}
		entries = append(entries, e)
	}
	enc := json.NewEncoder(f.out)
	enc.SetIndent("", "  ")
	_ = enc.Encode(entries)
}
