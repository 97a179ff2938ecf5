package main

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// finder finds the server a lifecycle command acts on, and reports what it found.
type finder struct {
	flags     targetFlags
	out, errw io.Writer
	command   string
}

// explicitPIDFile returns the PID file named by --pid-file, else ZSCALER_MCP_PID_FILE
// from the environment, else from the .env file a server started here would read.
func (f finder) explicitPIDFile() (path, origin string) {
	if f.flags.pidFile != "" {
		return f.flags.pidFile, "--pid-file"
	}
	if v := strings.TrimSpace(os.Getenv(config.EnvPIDFile)); v != "" {
		return v, config.EnvPIDFile
	}
	dotenv, explicit := os.Getenv(config.EnvDotenvPath), true
	if dotenv == "" {
		dotenv, explicit = ".env", false
	}
	values, err := readDotenv(dotenv, explicit)
	if err != nil {
		printf(f.errw, "note: %v; looking for servers in the run directories instead\n", err)
		return "", ""
	}
	if v := strings.TrimSpace(values[config.EnvPIDFile]); v != "" {
		return v, config.EnvPIDFile + " in " + dotenv
	}
	return "", ""
}

// one returns the single live server the command should act on, or an exit status
// after saying why there is none.
func (f finder) one() (lifecycle.Instance, int) {
	if path, origin := f.explicitPIDFile(); path != "" {
		return f.inspect(path, origin)
	}
	dirs := places().Candidates()
	live, foreign := f.discover(dirs)
	if f.flags.pid != 0 {
		for _, in := range live {
			if in.Record.PID == f.flags.pid {
				return in, 0
			}
		}
		printf(f.errw, "No running zscaler-mcp server with pid %d: no PID file for it in %s.\n",
			f.flags.pid, strings.Join(dirs, ", "))
		return lifecycle.Instance{}, 1
	}
	switch len(live) {
	case 0:
		printf(f.errw, "No running zscaler-mcp server found: no live PID file in %s.\n",
			strings.Join(dirs, ", "))
		if len(foreign) > 0 {
			printf(f.errw, "%d PID file(s) there were written in another PID namespace; run "+
				"this command inside it (docker exec <container> zscaler-mcp %s).\n",
				len(foreign), f.command)
		}
		return lifecycle.Instance{}, 1
	case 1:
		return live[0], 0
	}
	printf(f.errw, "%d zscaler-mcp servers are running; choose one with --pid N or --pid-file PATH:\n",
		len(live))
	for _, in := range live {
		printf(f.errw, "  %s\n", lifecycle.Summary(in))
	}
	return lifecycle.Instance{}, 2
}

// inspect judges an explicitly named PID file.
func (f finder) inspect(path, origin string) (lifecycle.Instance, int) {
	in, err := lifecycle.Inspect(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		printf(f.errw, "No running zscaler-mcp server found: PID file %s (from %s) does not exist.\n",
			path, origin)
		return in, 1
	case err != nil:
		printf(f.errw, "Cannot use PID file %s (from %s): %v.\n", path, origin, err)
		return in, 1
	}
	if f.flags.pid != 0 && f.flags.pid != in.Record.PID {
		printf(f.errw, "zscaler-mcp %s: --pid %d does not match PID file %s, which names pid %d.\n",
			f.command, f.flags.pid, path, in.Record.PID)
		return in, 2
	}
	switch in.State {
	case lifecycle.Stale:
		lifecycle.RemoveStale(path)
		printf(f.errw, "No running zscaler-mcp server: PID file %s names pid %d, which is no "+
			"longer running; removed the stale file.\n", path, in.Record.PID)
		return in, 1
	case lifecycle.Foreign:
		printf(f.errw, "PID file %s was written in another PID namespace (pid %d there); run "+
			"this command inside it (docker exec <container> zscaler-mcp %s).\n",
			path, in.Record.PID, f.command)
		return in, 1
	}
	return in, 0
}

// discover reads the run directories, removes stale files (saying so) and returns the
// live instances and those from other PID namespaces.
func (f finder) discover(dirs []string) (live, foreign []lifecycle.Instance) {
	all, skipped := lifecycle.Discover(dirs)
	for _, err := range skipped {
		printf(f.errw, "note: skipped %v\n", err)
	}
	live, stale, foreign := lifecycle.Split(all)
	for _, in := range stale {
		if lifecycle.RemoveStale(in.Path) {
			printf(f.errw, "Removed stale PID file %s (pid %d is no longer running).\n",
				in.Path, in.Record.PID)
		}
	}
	return live, foreign
}

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
	var all []lifecycle.Instance
	var looked string
	if path, origin := f.explicitPIDFile(); path != "" {
		in, err := lifecycle.Inspect(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				printf(f.errw, "No zscaler-mcp PID file at %s (from %s).\n", path, origin)
			} else {
				printf(f.errw, "Cannot use PID file %s (from %s): %v.\n", path, origin, err)
			}
			return 1
		}
		all, looked = []lifecycle.Instance{in}, path
	} else {
		dirs := places().Candidates()
		var skipped []error
		all, skipped = lifecycle.Discover(dirs)
		for _, err := range skipped {
			printf(f.errw, "note: skipped %v\n", err)
		}
		looked = strings.Join(dirs, ", ")
	}
	if f.flags.pid != 0 {
		var picked []lifecycle.Instance
		for _, in := range all {
			if in.Record.PID == f.flags.pid {
				picked = append(picked, in)
			}
		}
		all = picked
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
			if lifecycle.RemoveStale(in.Path) {
				printf(f.errw, "Removed stale PID file %s (pid %d is no longer running).\n",
					in.Path, in.Record.PID)
			}
		}
	}
	return code
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
