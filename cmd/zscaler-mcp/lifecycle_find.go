package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

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
	dotenv := os.Getenv(config.EnvDotenvPath)
	var values map[string]string
	var err error
	if dotenv != "" {
		values, err = readDotenv(dotenv, true)
	} else {
		dotenv = ".env"
		values, err = f.readOwnDotenv(dotenv)
	}
	if err != nil {
		printf(f.errw, "note: %v; looking for servers in the run directories instead\n", err)
		return "", ""
	}
	if v := strings.TrimSpace(values[config.EnvPIDFile]); v != "" {
		return v, config.EnvPIDFile + " in " + dotenv
	}
	return "", ""
}

// readOwnDotenv reads the .env file found in the working directory, if the user
// running the command or root owns it and no other user can write it. A command may
// run with sudo in a directory anybody can write to: a file planted there must not
// choose which PID file, and so which process, it acts on. A file that fails the
// check is ignored, with a warning that names it.
func (f finder) readOwnDotenv(path string) (map[string]string, error) {
	file, err := lifecycle.OpenTrusted(path)
	var untrusted *lifecycle.UntrustedError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case errors.As(err, &untrusted):
		printf(f.errw, "warning: ignoring %s: %s. Lifecycle commands read %s only from a "+
			".env file that you or root own and no other user can write; name the file with "+
			"--pid-file instead.\n", absPath(path), untrusted.Reason, config.EnvPIDFile)
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("read .env file %s: %w", absPath(path), err)
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		return nil, fmt.Errorf("read .env file %s: %w", absPath(path), err)
	}
	return parseDotenv(path, data)
}

// one returns the single live server the command should act on, or an exit status
// after saying why there is none. Before it returns a server it checks that the
// process behind the PID file is the server that wrote it, so that a crafted file
// cannot aim the command at another process.
func (f finder) one() (lifecycle.Instance, int) {
	in, origin, code := f.choose()
	if code != 0 {
		return in, code
	}
	err := lifecycle.Verify(in)
	var notServer *lifecycle.NotServerError
	switch {
	case err == nil:
		return in, 0
	case errors.Is(err, lifecycle.ErrNoProcess):
		printf(f.errw, "pid %d (PID file %s) is no longer running; %s.\n",
			in.Record.PID, in.Path, clearStale(in.Path))
	case errors.As(err, &notServer):
		printf(f.errw, "Refusing to %s: PID file %s (%s) names pid %d, which is not the "+
			"zscaler-mcp server that wrote it: %s. Nothing was sent; remove the file if no "+
			"server wrote it.\n", f.command, in.Path, origin, in.Record.PID, notServer.Reason)
	default:
		printf(f.errw, "Refusing to %s pid %d (PID file %s): %v. Nothing was sent.\n",
			f.command, in.Record.PID, in.Path, err)
	}
	return in, 1
}

// foundInRunDirs is the origin of a PID file found by looking through the run
// directories rather than named by the user.
const foundInRunDirs = "found in the run directories"

// choose finds the single live server the command should act on, and says where its
// PID file came from; or it returns an exit status after saying why there is none.
func (f finder) choose() (in lifecycle.Instance, origin string, code int) {
	if path, origin := f.explicitPIDFile(); path != "" {
		in, code := f.inspect(path, origin)
		return in, "from " + origin, code
	}
	dirs := places().Candidates()
	live, stale, foreign := f.discover(dirs, f.flags.pid)
	if f.flags.pid != 0 {
		return f.byPID(dirs, live, stale, foreign)
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
		return lifecycle.Instance{}, "", 1
	case 1:
		return live[0], foundInRunDirs, 0
	}
	printf(f.errw, "%d zscaler-mcp servers are running; choose one with --pid N or --pid-file PATH:\n",
		len(live))
	for _, in := range live {
		printf(f.errw, "  %s\n", lifecycle.Summary(in))
	}
	return lifecycle.Instance{}, "", 2
}

// byPID picks the server --pid names among those found in dirs, or says why none of
// them can be used.
func (f finder) byPID(dirs []string,
	live, stale, foreign []lifecycle.Instance) (lifecycle.Instance, string, int) {
	pid := f.flags.pid
	for _, in := range live {
		if in.Record.PID == pid {
			return in, foundInRunDirs, 0
		}
	}
	for _, in := range stale {
		if in.Record.PID == pid {
			printf(f.errw, "No running zscaler-mcp server with pid %d: its PID file %s is "+
				"stale (pid %d is no longer running).\n", pid, in.Path, pid)
			return lifecycle.Instance{}, "", 1
		}
	}
	for _, in := range foreign {
		if in.Record.PID == pid {
			printf(f.errw, "PID file %s names pid %d in another PID namespace; run this "+
				"command inside it (docker exec <container> zscaler-mcp %s).\n",
				in.Path, pid, f.command)
			return lifecycle.Instance{}, "", 1
		}
	}
	printf(f.errw, "No running zscaler-mcp server with pid %d: no PID file for it in %s.\n",
		pid, strings.Join(dirs, ", "))
	return lifecycle.Instance{}, "", 1
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
		printf(f.errw, "No running zscaler-mcp server: PID file %s names pid %d, which is no "+
			"longer running; %s.\n", path, in.Record.PID, clearStale(path))
		return in, 1
	case lifecycle.Foreign:
		printf(f.errw, "PID file %s was written in another PID namespace (pid %d there); run "+
			"this command inside it (docker exec <container> zscaler-mcp %s).\n",
			path, in.Record.PID, f.command)
		return in, 1
	}
	return in, 0
}

// discover reads the run directories, removes stale files (saying so, or why it
// could not) and returns the instances by state. With pid other than 0 it removes
// only that pid's stale file: a command aimed at one server leaves the files of the
// others alone, and a command without --pid, or status, clears them.
func (f finder) discover(dirs []string, pid int) (live, stale, foreign []lifecycle.Instance) {
	all, skipped := lifecycle.Discover(dirs)
	for _, err := range skipped {
		printf(f.errw, "note: skipped %v\n", err)
	}
	live, stale, foreign = lifecycle.Split(all)
	for _, in := range stale {
		if pid == 0 || in.Record.PID == pid {
			f.reportStale(in)
		}
	}
	return live, stale, foreign
}
