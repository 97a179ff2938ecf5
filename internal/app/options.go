package app

import (
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// Option adjusts Run.
type Option func(*options)

type options struct {
	lifecycle *Lifecycle
}

func collectOptions(opts []Option) options {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// WithLifecycle makes the server publish a PID file once it is ready, reload on
// SIGHUP and restart on SIGUSR2. Without it Run serves and nothing more, as tests
// that run several servers in one process want.
func WithLifecycle(lc Lifecycle) Option {
	return func(o *options) { o.lifecycle = &lc }
}

// Lifecycle is what the command line hands the server so it can be found, reloaded
// and restarted. The configuration loaders live with the command line because only
// it knows the flags and the environment.
type Lifecycle struct {
	// Reload builds the configuration a reload applies: the .env file at dotenvPath
	// (the one read at start; "" for none) reread so that it wins over the process
	// environment, with flags still winning over both. It validates everything.
	Reload func(dotenvPath string) (*config.Config, error)
	// Restart builds the configuration a restarted process would start with, so a
	// restart that could not start is refused while the server still runs.
	Restart func() (*config.Config, error)
	// Places says where the per-instance PID file may go.
	Places lifecycle.Places
	// Executable, Argv and Env are what a restart runs: this binary, as started.
	Executable string
	// ProbeExecutable, when set, runs Executable harmlessly before a restart drains
	// the server, so a binary replaced by one that cannot start (a partial copy,
	// another architecture) is refused instead of ending the server.
	ProbeExecutable func(path string) error
	Argv, Env       []string
	// Workdir is recorded so that status can tell whether a restart would find a
	// .env file the server started without.
	Workdir string
}

// RestartError is what Run returns, as its error, after the server drained for a
// restart: the caller closes what it still holds and then calls Exec, which
// replaces the process image with the same binary, arguments and environment.
type RestartError struct {
	Executable string
	Argv, Env  []string
	// PIDFile is the server's PID file, left in place for the new image to take over;
	// remove it if Exec fails.
	PIDFile string
}

func (r *RestartError) Error() string {
	return "restart requested: re-executing " + r.Executable
}

// Exec replaces the process image. It returns only if that failed, after removing
// the PID file, which then describes nothing.
func (r *RestartError) Exec() error {
	err := lifecycle.Exec(r.Executable, r.Argv, r.Env)
	if r.PIDFile != "" {
		lifecycle.Remove(r.PIDFile, lifecycle.Self())
	}
	return err
}
