//go:build unix

package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// runFixture runs Run in the background with the lifecycle switched on.
type runFixture struct {
	pidFile string
	cancel  context.CancelFunc
	result  chan error
	stdin   *io.PipeWriter
}

func startRun(t *testing.T, cfg *config.Config,
	restart func() (*config.Config, error)) *runFixture {
	t.Helper()
	guardSignals()
	dir := t.TempDir()
	exe, err := os.Executable()
	require.NoError(t, err)
	lc := Lifecycle{
		Reload:     dotenvLoader(nil),
		Restart:    restart,
		Places:     lifecycle.Places{Override: filepath.Join(dir, "run")},
		Executable: exe,
		Argv:       []string{exe, "--transport", cfg.Transport},
		Env:        []string{"A=1", EnvDotenvOverride + "=false"},
		Workdir:    dir,
	}
	ctx, cancel := context.WithCancel(context.Background())
	in, stdin := io.Pipe()
	f := &runFixture{pidFile: lifecycle.InstanceFile(lc.Places.Override, os.Getpid()),
		cancel: cancel, result: make(chan error, 1), stdin: stdin}
	go func() {
		f.result <- Run(ctx, cfg, "test", IO{In: in, Protocol: io.Discard, Log: io.Discard},
			WithLifecycle(lc))
	}()
	t.Cleanup(func() {
		cancel()
		_ = stdin.Close()
	})
	return f
}

// record waits for the PID file to say what cond wants.
func (f *runFixture) record(t *testing.T, cond func(lifecycle.Record) bool) lifecycle.Record {
	t.Helper()
	var rec lifecycle.Record
	require.Eventually(t, func() bool {
		var err error
		rec, err = lifecycle.Read(f.pidFile)
		return err == nil && cond(rec)
	}, 10*time.Second, 5*time.Millisecond)
	return rec
}

func (f *runFixture) wait(t *testing.T) error {
	t.Helper()
	select {
	case err := <-f.result:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not return")
		return nil
	}
}

func httpConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load(func(name string) (string, bool) {
		v, ok := map[string]string{
			config.EnvTransport: config.TransportStreamableHTTP,
			config.EnvAuthMode:  config.AuthModeNone,
		}[name]
		return v, ok
	})
	require.NoError(t, err)
	cfg.Port = 0 // any free port; the PID file tells which
	cfg.DotenvPath = ".env"
	return cfg
}

func TestRunPublishesThePIDFileAndRemovesItOnStop(t *testing.T) {
	f := startRun(t, httpConfig(t), nil)
	rec := f.record(t, func(lifecycle.Record) bool { return true })
	require.Equal(t, os.Getpid(), rec.PID)
	require.Equal(t, "streamable-http", rec.Transport)
	require.Equal(t, "127.0.0.1", rec.Host)
	require.NotZero(t, rec.Port, "the bound port, not the 0 asked for")
	require.Equal(t, lifecycle.StateServing, rec.State)
	require.True(t, filepath.IsAbs(rec.DotenvPath), rec.DotenvPath)
	require.Equal(t, 10.0, rec.ShutdownTimeoutSeconds)
	require.Equal(t, lifecycle.Live, lifecycle.Check(rec))

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	f.record(t, func(r lifecycle.Record) bool { return r.LastReload != nil })

	f.cancel() // what SIGTERM does
	require.NoError(t, f.wait(t))
	require.NoFileExists(t, f.pidFile)
}

func TestRunDrainsForARestartAndHandsOverThePIDFile(t *testing.T) {
	cfg := httpConfig(t)
	f := startRun(t, cfg, func() (*config.Config, error) { return cfg, nil })
	f.record(t, func(lifecycle.Record) bool { return true })

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR2))
	err := f.wait(t)
	guardSignals() // the restart left both signals ignored, as for the next image
	var restart *RestartError
	require.ErrorAs(t, err, &restart)
	require.Equal(t, []string{restart.Executable, "--transport", "streamable-http"}, restart.Argv)
	require.Equal(t, []string{"A=1", EnvDotenvOverride + "=true"}, restart.Env,
		"the same environment, plus the flag that keeps .env values winning as on reload")
	require.Equal(t, f.pidFile, restart.PIDFile)

	rec, readErr := lifecycle.Read(f.pidFile)
	require.NoError(t, readErr, "the PID file stays for the next image")
	require.Equal(t, lifecycle.StateRestarting, rec.State)
	require.True(t, lifecycle.Remove(f.pidFile, lifecycle.Self()))
}

func TestRunRefusesRestartsThatCouldNotWork(t *testing.T) {
	cases := map[string]struct {
		cfg     func(t *testing.T) *config.Config
		restart func() (*config.Config, error)
		reason  string
	}{
		"stdio": {func(t *testing.T) *config.Config {
			c := httpConfig(t)
			c.Transport = config.TransportStdio
			return c
		}, nil, "a stdio server cannot restart itself"},
		"invalid configuration": {httpConfig, func() (*config.Config, error) {
			return nil, errors.New(`invalid ZSCALER_MCP_PORT="x"`)
		}, `the configuration it would start with is invalid: invalid ZSCALER_MCP_PORT="x"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f := startRun(t, tc.cfg(t), tc.restart)
			f.record(t, func(lifecycle.Record) bool { return true })
			require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGUSR2))
			rec := f.record(t, func(r lifecycle.Record) bool { return r.RestartRefused != nil })
			require.Contains(t, rec.RestartRefused.Reason, tc.reason)
			require.Equal(t, lifecycle.StateServing, rec.State, "still serving")

			f.cancel()
			_ = f.stdin.Close()
			require.NoError(t, f.wait(t))
			require.NoFileExists(t, f.pidFile)
		})
	}
}
