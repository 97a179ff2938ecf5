package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/joho/godotenv"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/zscaler/zscaler-mcp/internal/app"
	"github.com/zscaler/zscaler-mcp/internal/config"
)

// usageError marks problems with what the user asked for; the process exits with 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// runIO is the process's standard streams, replaceable in tests.
type runIO struct {
	in     io.Reader
	stdout io.Writer
	stderr io.Writer
}

// newRootCommand builds the `zscaler-mcp` command. serve is what runs the server once
// the configuration is valid; tests replace it to inspect the configuration.
func newRootCommand(ctx context.Context, rio runIO, serve func(*config.Config) error) *cobra.Command {
	v := viper.New()
	var showVersion, listTools, generateToken bool

	cmd := &cobra.Command{
		Use:   "zscaler-mcp",
		Short: "Serve a Zscaler tenant (ZIA and ZMS) to AI agents over the Model Context Protocol",
		Long: "zscaler-mcp serves ZIA and ZMS tools over MCP (stdio, streamable HTTP or SSE), with an\n" +
			"audit line pair for every tool call when --log-tool-calls is set.\n\n" +
			"Credentials come from the environment or the .env file only: ZSCALER_CLIENT_ID,\n" +
			"ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY, ZSCALER_VANITY_DOMAIN, ZSCALER_CLOUD and,\n" +
			"for ZMS, ZSCALER_CUSTOMER_ID. Try it without any with --demo.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{fmt.Errorf("unexpected argument %q; boolean flags take "+
					"their value after =, as in --log-tool-calls=false", args[0])}
			}
			return nil
		},
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showVersion {
				_, err := fmt.Fprintln(rio.stdout, versionLine())
				return err
			}

			cfg, err := loadConfig(cmd, v)
			if generateToken {
				// The key is often made before the rest is configured, so a setting
				// that does not validate yet does not stop it.
				return printAuthToken(rio.stdout, v)
			}
			if err != nil {
				return err
			}
			if listTools {
				return printToolList(rio.stdout, rio.stderr, cfg)
			}
			if serve != nil {
				return serve(cfg)
			}
			err = app.Run(ctx, cfg, version, app.IO{In: rio.in, Protocol: rio.stdout, Log: rio.stderr},
				app.WithLifecycle(lifecycleFor(cmd)))
			var ce *config.Error
			if errors.As(err, &ce) {
				ce.Setting = settingOrigin(cmd, ce.Setting, nil, "")
			}
			return err
		},
	}
	cmd.SetOut(rio.stdout)
	cmd.SetErr(rio.stderr)
	cmd.CompletionOptions.DisableDefaultCmd = true
	cmd.AddCommand(newHealthcheckCommand(ctx, rio))
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err}
	})

	if err := addFlags(cmd, v); err != nil {
		panic(err) // a flag declared twice is a programming error
	}
	cmd.Flags().BoolVarP(&showVersion, "version", "v", false, "print version, commit and build date, then exit")
	cmd.Flags().BoolVar(&listTools, "list-tools", false, "print every tool grouped by service, then exit")
	cmd.Flags().BoolVar(&generateToken, "generate-auth-token", false,
		"print a new random API key and client configurations that use it, then exit")
	cmd.AddCommand(lifecycleCommands(rio)...)
	return cmd
}

// loadConfig reads the .env file into viper's config layer and builds the validated
// configuration. A bad value is reported under the name the user gave it: the flag,
// the variable, or the variable in the .env file.
func loadConfig(cmd *cobra.Command, v *viper.Viper) (*config.Config, error) {
	return loadWith(cmd, v, config.Load)
}

// loadWith is loadConfig with load building the configuration from the settings, so a
// command can read and validate only the settings it uses.
func loadWith(cmd *cobra.Command, v *viper.Viper,
	load func(config.Source) (*config.Config, error)) (*config.Config, error) {
	path := v.GetString(config.EnvDotenvPath)
	explicit := path != ""
	if !explicit {
		path = ".env"
	}

	values, err := readDotenv(path, explicit)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			ce.Setting = settingOrigin(cmd, ce.Setting, nil, "")
		}
		return nil, &usageError{err}
	}
	if values != nil {
		// Variable names are case-sensitive, in the environment and in .env alike;
		// viper is not, so only exact names are handed to it.
		settings := make(map[string]any, len(values))
		for k, val := range values {
			if isSettingName(k) {
				settings[k] = val
			}
		}
		if err := v.MergeConfigMap(settings); err != nil {
			return nil, &usageError{fmt.Errorf("read %s: %w", path, err)}
		}
	}

	src, origin := source(v), settingOrigin
	if dotenvOverride() {
		src, origin = overrideSource(cmd, settingsOnly(values)), overrideOrigin
	}
	cfg, err := load(src)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			ce.Setting = origin(cmd, ce.Setting, values, path)
		}
		return nil, &usageError{err}
	}
	cfg.DotenvPath = ""
	if values != nil {
		cfg.DotenvPath = absPath(path)
	}
	return cfg, nil
}

// absPath makes path absolute, so that the log, reload refusals and the PID file name
// the .env file the same way wherever a reader stands; path as given if that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// isSettingName reports whether name is exactly the variable of a setting.
func isSettingName(name string) bool {
	for _, s := range settings {
		if s.env == name {
			return true
		}
	}
	return slices.Contains(envOnly, name)
}

// settingOrigin names where the value of the setting env came from.
func settingOrigin(cmd *cobra.Command, env string, dotenv map[string]string, path string) string {
	for _, s := range settings {
		if s.env == env && cmd.Flags().Changed(s.flag) {
			return "--" + s.flag
		}
	}
	if _, ok := os.LookupEnv(env); ok {
		return env
	}
	if _, ok := dotenv[env]; ok {
		return env + " (in " + path + ")"
	}
	return env
}

// utf8BOM is what some editors put at the start of a text file.
var utf8BOM = []byte("\xef\xbb\xbf")

// readDotenv parses the .env file at path. A missing default file is fine; a missing
// file the user named is an error. A parse error names the line but never quotes the
// file, which holds secrets.
func readDotenv(path string, explicit bool) (map[string]string, error) {
	// The operator names this file; reading it wherever it is is the point.
	data, err := os.ReadFile(path) //nolint:gosec // G703: the path is the operator's choice
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !explicit {
			return nil, nil
		}
		reason := err.Error()
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			reason = pathErr.Err.Error()
		}
		return nil, &config.Error{Setting: config.EnvDotenvPath, Value: path, Reason: reason}
	}
	return parseDotenv(path, data)
}

// parseDotenv parses the content of the .env file at path.
func parseDotenv(path string, data []byte) (map[string]string, error) {
	data = bytes.TrimPrefix(data, utf8BOM)

	values, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		return nil, fmt.Errorf("read .env file %s: line %d is not a KEY=VALUE assignment "+
			"(check quotes); the file's contents are not shown because they may hold secrets",
			path, badLine(data))
	}
	return values, nil
}

// badLine returns the number of the first line that breaks the file: a line that is
// not blank, not a comment and has no assignment, or else the line from which the
// file stops parsing (an unterminated quote, say).
func badLine(data []byte) int {
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' && !bytes.ContainsAny(line, "=:") {
			return i + 1
		}
	}
	for i := range lines {
		if _, err := godotenv.UnmarshalBytes(bytes.Join(lines[:i+1], []byte("\n"))); err != nil {
			return i + 1
		}
	}
	return len(lines)
}
