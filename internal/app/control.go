package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// EnvDotenvOverride, when true, makes the .env file win over the process environment
// at start, as it does on every reload. A restart sets it for the image it starts, so
// a restart never undoes what a reload applied.
const EnvDotenvOverride = "ZSCALER_MCP_DOTENV_OVERRIDE"

// reloadSettle is how long a reload waits after the first SIGHUP for the rest of a
// burst, so that the burst costs one reload. Tests that want every signal to count
// set it to zero.
var reloadSettle = 50 * time.Millisecond

// errRestart is the cause given to the serving context when a restart drains it.
var errRestart = errors.New("restart requested")

// control is the lifecycle side of one Run: the PID file, the reload and restart
// signals, and the restart hand-over. Without a Lifecycle it does nothing.
type control struct {
	lc     *Lifecycle
	cfg    *config.Config
	logger *slog.Logger
	inst   *instance

	coalescer *lifecycle.Coalescer
	signals   chan os.Signal
	// life ends with Run; the signal dispatch and the reload loop stop with it.
	life    context.Context
	endLife context.CancelFunc
	wg      sync.WaitGroup
	endOnce sync.Once

	mu          sync.Mutex
	parent      context.Context // cancelled on SIGINT and SIGTERM
	cancelServe context.CancelCauseFunc
	restart     *RestartError
}

// beginControl starts listening for SIGHUP and SIGUSR2 at once, before the slow parts
// of start-up, so an early reload request waits instead of killing the process (the
// default action of SIGHUP).
func beginControl(cfg *config.Config, version string, o options, logger *slog.Logger) *control {
	c := &control{lc: o.lifecycle, cfg: cfg, logger: logger,
		inst:      newInstance(cfg, version, o.lifecycle, logger),
		coalescer: lifecycle.NewCoalescer(reloadSettle)}
	c.life, c.endLife = context.WithCancel(context.Background())
	if c.lc == nil {
		return c
	}
	var sigs []os.Signal
	for _, s := range []lifecycle.Signal{lifecycle.Reload, lifecycle.Restart} {
		if s.Supported() {
			sigs = append(sigs, s.OS())
		}
	}
	if len(sigs) == 0 {
		return c
	}
	// Buffered, so a signal arriving while one is dispatched is kept; any beyond
	// that are coalesced anyway.
	c.signals = make(chan os.Signal, 8)
	signal.Notify(c.signals, sigs...)
	c.wg.Add(1)
	go c.dispatch()
	return c
}

// dispatch turns signals into requests.
func (c *control) dispatch() {
	defer c.wg.Done()
	for {
		select {
		case <-c.life.Done():
			return
		case s := <-c.signals:
			switch s {
			case lifecycle.Reload.OS():
				c.coalescer.Request()
			case lifecycle.Restart.OS():
				c.requestRestart()
			}
		}
	}
}

// serve starts reloading with r once the parts it reloads exist, and returns the
// context the transport serves under: a restart cancels it to drain.
func (c *control) serve(ctx context.Context, r *reloader) context.Context {
	serveCtx, cancel := context.WithCancelCause(ctx)
	c.mu.Lock()
	c.parent, c.cancelServe = ctx, cancel
	c.mu.Unlock()
	if c.lc == nil || c.lc.Reload == nil {
		return serveCtx
	}
	r.load = c.lc.Reload
	r.report = func(out lifecycle.ReloadOutcome) {
		c.inst.update(func(rec *lifecycle.Record) { rec.LastReload = &out })
	}
	c.wg.Add(2)
	go func() {
		defer c.wg.Done()
		c.coalescer.Run(c.life, func(n uint64) { r.reload(n) })
	}()
	go func() {
		defer c.wg.Done()
		select {
		case <-ctx.Done():
			c.inst.update(func(rec *lifecycle.Record) { rec.State = lifecycle.StateStopping })
		case <-c.life.Done():
		}
	}()
	return serveCtx
}

// requestRestart checks that a restart can work and, if so, drains the server for it.
// A refusal leaves the server running and says why in the log and the PID file.
func (c *control) requestRestart() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.restart != nil {
		c.logger.Info("restart already under way")
		return
	}
	if err := c.restartable(); err != nil {
		c.logger.Error("restart refused; the server keeps running", "reason", err)
		c.inst.update(func(rec *lifecycle.Record) {
			rec.RestartRefused = &lifecycle.Refusal{At: time.Now(), Reason: err.Error()}
		})
		return
	}
	c.restart = &RestartError{
		Executable: c.lc.Executable,
		Argv:       c.lc.Argv,
		Env:        withVariable(c.lc.Env, EnvDotenvOverride, "true"),
	}
	c.inst.update(func(rec *lifecycle.Record) {
		rec.State, rec.RestartRefused = lifecycle.StateRestarting, nil
	})
	c.logger.Info("restarting: finishing the calls already received, then starting again "+
		"with the same binary, arguments and environment", "executable", c.lc.Executable)
	if c.cancelServe != nil {
		c.cancelServe(errRestart)
	}
}

// restartable says why a restart would fail, or nil. It runs while the server still
// serves, so a broken .env file or a missing binary cannot turn a restart into an
// outage.
func (c *control) restartable() error {
	if c.cfg.Transport == config.TransportStdio {
		return errors.New("a stdio server cannot restart itself: its client owns the pipes " +
			"and would lose the session; restart the client instead, or use reload")
	}
	if c.cancelServe == nil {
		return errors.New("the server is still starting; try again once it serves")
	}
	if c.lc.Restart == nil {
		return errors.New("restart is not available in this process")
	}
	next, err := c.lc.Restart()
	if err != nil {
		return fmt.Errorf("the configuration it would start with is invalid: %w", err)
	}
	if next.Transport == config.TransportStdio {
		return errors.New("the configuration it would start with uses the stdio transport, " +
			"which has no client after a restart")
	}
	if err := lifecycle.CheckExecutable(c.lc.Executable); err != nil {
		return fmt.Errorf("the binary cannot be run again: %w", err)
	}
	if c.lc.ProbeExecutable != nil {
		if err := c.lc.ProbeExecutable(c.lc.Executable); err != nil {
			return fmt.Errorf("the binary cannot be run again: %w", err)
		}
	}
	return nil
}

// outcome turns the transport's return into Run's: a restart when one drained the
// server and it stopped cleanly.
func (c *control) outcome(err error) error {
	c.mu.Lock()
	restart, parent := c.restart, c.parent
	c.mu.Unlock()
	if err != nil || restart == nil {
		return err
	}
	if parent.Err() != nil {
		c.logger.Info("a stop was requested during the restart; stopping instead")
		return nil
	}
	restart.PIDFile = c.inst.handOver()
	// Ignored signals stay ignored across exec, so a reload or restart request sent
	// while the new image starts up waits for it instead of killing it.
	signal.Ignore(lifecycle.Reload.OS(), lifecycle.Restart.OS())
	return restart
}

// end stops the signal handling and the reload loop. The PID file goes separately,
// after the audit log has been flushed.
func (c *control) end() {
	c.endOnce.Do(c.stop)
}

func (c *control) stop() {
	c.endLife()
	if c.signals != nil {
		c.mu.Lock()
		restarting := c.restart != nil
		c.mu.Unlock()
		if !restarting {
			signal.Stop(c.signals)
		}
	}
	c.wg.Wait()
}

// withVariable returns env with name set to value, replacing an earlier setting.
func withVariable(env []string, name, value string) []string {
	out := make([]string, 0, len(env)+1)
	prefix := name + "="
	for _, kv := range env {
		if len(kv) < len(prefix) || kv[:len(prefix)] != prefix {
			out = append(out, kv)
		}
	}
	return append(out, prefix+value)
}
