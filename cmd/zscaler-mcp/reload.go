package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/zscaler/zscaler-mcp/internal/app"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// dotenvOverride reports whether the .env file wins over the environment at start: a
// restart sets it, so the new image keeps what reloads applied, and a user may set
// it to get the same precedence from the first start.
func dotenvOverride() bool {
	v, ok := os.LookupEnv(app.EnvDotenvOverride)
	if !ok {
		return false
	}
	on, err := config.ParseBool(v)
	return err == nil && on
}

// overrideSource resolves a setting as reload does: a flag given on the command line,
// then the .env file, then the environment. The .env file is reread on every reload,
// while a container's environment is fixed when it is created, so the file must be
// able to win for a reload to rotate credentials.
func overrideSource(cmd *cobra.Command, dotenv map[string]string) config.Source {
	return func(name string) (string, bool) {
		for _, s := range settings {
			if s.env == name && cmd.Flags().Changed(s.flag) {
				return cmd.Flags().Lookup(s.flag).Value.String(), true
			}
		}
		if v, ok := dotenv[name]; ok {
			return v, true
		}
		return os.LookupEnv(name)
	}
}

// overrideOrigin names where a setting came from under overrideSource.
func overrideOrigin(cmd *cobra.Command, env string, dotenv map[string]string, path string) string {
	for _, s := range settings {
		if s.env == env && cmd.Flags().Changed(s.flag) {
			return "--" + s.flag
		}
	}
	if _, ok := dotenv[env]; ok {
		return env + " (in " + path + ")"
	}
	return env
}

// settingsOnly keeps the exact names of settings, as loadConfig does.
func settingsOnly(values map[string]string) map[string]string {
	out := make(map[string]string, len(values))
	for k, v := range values {
		if isSettingName(k) {
			out[k] = v
		}
	}
	return out
}

// reloadConfig builds the configuration a reload applies: the .env file read at start
// (none when path is ""), reread, over the environment, under the command-line flags.
func reloadConfig(cmd *cobra.Command, path string) (*config.Config, error) {
	var values map[string]string
	if path != "" {
		var err error
		if values, err = readDotenv(path, true); err != nil {
			// The file is the one the server started with, whether or not
			// ZSCALER_MCP_DOTENV_PATH named it: say what happened to it.
			var ce *config.Error
			if errors.As(err, &ce) && ce.Setting == config.EnvDotenvPath {
				return nil, fmt.Errorf("the .env file %s cannot be read: %s", path, ce.Reason)
			}
			return nil, err
		}
		values = settingsOnly(values)
	}
	cfg, err := config.Load(overrideSource(cmd, values))
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			ce.Setting = overrideOrigin(cmd, ce.Setting, values, path)
		}
		return nil, err
	}
	cfg.DotenvPath = path
	return cfg, nil
}

// restartConfig builds the configuration the restarted process will start with: the
// .env file found as at start (it may be new), over the environment.
func restartConfig(cmd *cobra.Command) (*config.Config, error) {
	path, explicit := cmd.Flags().Lookup("dotenv-path").Value.String(), true
	if !cmd.Flags().Changed("dotenv-path") {
		path = os.Getenv(config.EnvDotenvPath)
	}
	if path == "" {
		path, explicit = ".env", false
	}
	values, err := readDotenv(path, explicit)
	if err != nil {
		return nil, err
	}
	if values == nil {
		path = ""
	} else {
		path = absPath(path)
	}
	return reloadConfig(cmd, path)
}

// lifecycleFor is what the server needs from the command line to reload, restart and
// be found.
func lifecycleFor(cmd *cobra.Command) app.Lifecycle {
	exe, err := os.Executable()
	if err != nil {
		// Without /proc, fall back to how the binary was invoked.
		if exe, err = exec.LookPath(os.Args[0]); err != nil {
			exe = os.Args[0]
		}
	}
	wd, _ := os.Getwd()
	return app.Lifecycle{
		Reload:          func(path string) (*config.Config, error) { return reloadConfig(cmd, path) },
		Restart:         func() (*config.Config, error) { return restartConfig(cmd) },
		Places:          places(),
		Executable:      exe,
		ProbeExecutable: probeVersion,
		Argv:            os.Args,
		Env:             os.Environ(),
		Workdir:         wd,
	}
}

// places reads where PID files may live from the environment.
func places() lifecycle.Places {
	home, _ := os.UserHomeDir()
	p := lifecycle.Places{
		Override: os.Getenv(lifecycle.EnvRunDir),
		Runtime:  os.Getenv("XDG_RUNTIME_DIR"),
		Home:     home,
		Temp:     os.TempDir(),
		UID:      os.Getuid(),
	}
	if runtime.GOOS != "windows" {
		p.System = lifecycle.SystemRunDir
	}
	return p
}

// probeTimeout bounds the version probe of a restart; a healthy binary answers in
// milliseconds.
const probeTimeout = 5 * time.Second

// probeVersion runs the binary at path with --version, which starts nothing and
// touches no file, and reports why it did not succeed. What it prints is discarded:
// a stdio server's stdout is the protocol.
func probeVersion(path string) error {
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	probe := exec.CommandContext(ctx, path, "--version")
	probe.Env = []string{}
	if err := probe.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s --version did not answer within %s", path, probeTimeout)
		}
		return fmt.Errorf("%s --version: %w", path, err)
	}
	return nil
}
