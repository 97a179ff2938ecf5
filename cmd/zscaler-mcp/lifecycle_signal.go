package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// Waiting bounds of the signalling commands, on top of the server's own shutdown
// timeout where a drain is involved.
const (
	defaultReloadWait = 10 * time.Second
	drainMargin       = 5 * time.Second  // the server's cancel grace, plus slack
	startMargin       = 20 * time.Second // a restarted image loading its tools
	killWait          = 5 * time.Second
	pollEvery         = 50 * time.Millisecond
	// execSettle is how long a restarting server may look gone before restart
	// believes it exited.
	execSettle = 500 * time.Millisecond
)

// signaller sends one lifecycle signal to a live server and follows what happens.
type signaller struct {
	out, errw io.Writer
	in        lifecycle.Instance
	timeout   time.Duration
	force     bool
}

func (s signaller) wait(def time.Duration) time.Duration {
	if s.timeout > 0 {
		return s.timeout
	}
	return def
}

// send delivers sig and reports failure, returning an exit status.
func (s signaller) send(sig lifecycle.Signal) int {
	err := sig.Send(s.in.Record.PID)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, lifecycle.ErrNoProcess):
		printf(s.errw, "pid %d (PID file %s) is no longer running; %s.\n",
			s.in.Record.PID, s.in.Path, clearStale(s.in.Path))
		return 1
	default:
		printf(s.errw, "Could not send %s to pid %d (PID file %s): %v.\n", sig,
			s.in.Record.PID, s.in.Path, err)
		return 1
	}
}

func (s signaller) reload() int {
	sent := time.Now()
	if code := s.send(lifecycle.Reload); code != 0 {
		return code
	}
	rec := s.in.Record
	printf(s.out, "Sent SIGHUP to zscaler-mcp pid %d (PID file %s).\n", rec.PID, s.in.Path)

	wait := s.wait(defaultReloadWait)
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		cur, err := lifecycle.Read(s.in.Path)
		if r := cur.LastReload; err == nil && r != nil && !r.At.Before(sent) {
			return s.reportReload(cur, *r)
		}
		if !lifecycle.Running(rec) {
			printf(s.errw, "pid %d exited before reporting the reload; see its log.\n", rec.PID)
			return 1
		}
		time.Sleep(pollEvery)
	}
	printf(s.errw, "pid %d did not report the reload within %s; see its log.\n", rec.PID, wait)
	return 1
}

func (s signaller) reportReload(rec lifecycle.Record, r lifecycle.ReloadOutcome) int {
	if !r.OK {
		printf(s.errw, "Reload refused: %s\nThe server keeps its running configuration.\n", r.Error)
		return 1
	}
	applied := "nothing changed"
	if len(r.Applied) > 0 {
		applied = strings.Join(r.Applied, ", ")
	}
	printf(s.out, "Reloaded %s: %s. Sessions and running calls are kept.\n",
		orNoEnv(rec.DotenvPath), applied)
	if len(r.RestartNeeded) > 0 {
		printf(s.out, "Changed; takes effect on restart: %s.\n", strings.Join(r.RestartNeeded, ", "))
	}
	s.envSource(rec)
	return 0
}

func (s signaller) envSource(rec lifecycle.Record) {
	src := lifecycle.ClassifyEnvSource(rec)
	label := src.Label
	if src.Path != "" {
		label += " (" + src.Path + ")"
	}
	printf(s.out, "  env source : %s\n  effect     : %s\n", label, src.Advice)
}

func (s signaller) restart() int {
	rec := s.in.Record
	if rec.Transport == "stdio" {
		printf(s.errw, "pid %d (PID file %s) serves stdio: it cannot be restarted in place, "+
			"because its client owns its pipes and would lose the session. Restart the client, "+
			"or use `zscaler-mcp reload` for what can change live.\n", rec.PID, s.in.Path)
		return 2
	}
	sent := time.Now()
	if code := s.send(lifecycle.Restart); code != 0 {
		return code
	}
	wait := s.wait(rec.ShutdownTimeout() + drainMargin + startMargin)
	printf(s.out, "Sent SIGUSR2 to zscaler-mcp pid %d (PID file %s): it finishes the calls "+
		"already received (up to %s), then starts again in place. Waiting up to %s.\n",
		rec.PID, s.in.Path, rec.ShutdownTimeout(), wait)

	deadline := time.Now().Add(wait)
	var goneSince time.Time
	for time.Now().Before(deadline) {
		cur, err := lifecycle.Read(s.in.Path)
		if err == nil && cur.StartedAt.After(rec.StartedAt) && cur.State == lifecycle.StateServing {
			printf(s.out, "Restarted: pid %d serves again after %s (version %s, %s %s).\n",
				cur.PID, time.Since(sent).Round(time.Millisecond), cur.Version, cur.Transport,
				cur.Bind())
			s.envSource(cur)
			return 0
		}
		if r := cur.RestartRefused; err == nil && r != nil && !r.At.Before(sent) {
			printf(s.errw, "Restart refused: %s\nThe server keeps running.\n", r.Reason)
			return 1
		}
		// While a multi-threaded process execs, its PID can read as a zombie for a
		// moment; only a process gone for a while has really exited.
		switch {
		case lifecycle.Running(rec):
			goneSince = time.Time{}
		case goneSince.IsZero():
			goneSince = time.Now()
		case time.Since(goneSince) >= execSettle:
			printf(s.errw, "pid %d exited instead of starting again (see its log), leaving "+
				"PID file %s; %s.\n", rec.PID, s.in.Path, clearStale(s.in.Path))
			return 1
		}
		time.Sleep(pollEvery)
	}
	printf(s.errw, "pid %d has not served again within %s; see its log.\n", rec.PID, wait)
	return 1
}

func (s signaller) stop() int {
	rec := s.in.Record
	sent := time.Now()
	if code := s.send(lifecycle.Stop); code != 0 {
		return code
	}
	wait := s.wait(rec.ShutdownTimeout() + drainMargin)
	printf(s.out, "Sent SIGTERM to zscaler-mcp pid %d (PID file %s); waiting up to %s for it "+
		"to finish its calls and exit.\n", rec.PID, s.in.Path, wait)

	if waitExit(rec, wait) {
		return s.ended(time.Since(sent))
	}
	if !s.force {
		printf(s.errw, "pid %d is still running after %s (calls still finishing?). Run "+
			"`zscaler-mcp stop --force` or `kill -9 %d` to end it at once.\n", rec.PID, wait, rec.PID)
		return 1
	}
	if code := s.send(lifecycle.Kill); code != 0 {
		return code
	}
	if !waitExit(rec, killWait) {
		printf(s.errw, "pid %d survived SIGKILL for %s.\n", rec.PID, killWait)
		return 1
	}
	printf(s.out, "Killed pid %d (SIGKILL) after it ran %s past SIGTERM; calls still running "+
		"got no answer and no OK/ERR audit line. It left PID file %s; %s.\n", rec.PID, wait,
		s.in.Path, clearStale(s.in.Path))
	return 1
}

// ended reports how a stopped server ended: a clean exit removes its own PID file.
func (s signaller) ended(after time.Duration) int {
	after = after.Round(time.Millisecond)
	if _, err := os.Stat(s.in.Path); errors.Is(err, fs.ErrNotExist) {
		printf(s.out, "Stopped: pid %d finished its calls and exited after %s; it removed "+
			"its PID file.\n", s.in.Record.PID, after)
		return 0
	}
	printf(s.errw, "pid %d exited after %s without removing its PID file %s, so it did not "+
		"stop cleanly (killed, or crashed); %s.\n", s.in.Record.PID, after, s.in.Path,
		clearStale(s.in.Path))
	return 1
}

// waitExit polls until the process of rec is gone or wait passes.
func waitExit(rec lifecycle.Record, wait time.Duration) bool {
	deadline := time.Now().Add(wait)
	for lifecycle.Running(rec) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pollEvery)
	}
	return true
}

func orNoEnv(path string) string {
	if path == "" {
		return "(no .env file; environment and flags only)"
	}
	return path
}
