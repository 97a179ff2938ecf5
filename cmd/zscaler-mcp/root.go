package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

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
	var showVersion, listTools bool

	cmd := &cobra.Command{
		Use:   "zscaler-mcp",
		Short: "Serve a Zscaler tenant (ZIA and ZMS) to AI agents over the Model Context Protocol",
		Long: "zscaler-mcp serves ZIA and ZMS tools over MCP (stdio or streamable HTTP), with an\n" +
			"audit line pair for every tool call when --log-tool-calls is set.\n\n" +
			"Credentials come from the environment or the .env file only: ZSCALER_CLIENT_ID,\n" +
			"ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY, ZSCALER_VANITY_DOMAIN, ZSCALER_CLOUD and,\n" +
			"for ZMS, ZSCALER_CUSTOMER_ID. Try it without any with --demo.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showVersion {
				_, err := fmt.Fprintln(rio.stdout, versionLine())
				return err
			}

			cfg, err := loadConfig(v)
			if err != nil {
				return err
			}
			if listTools {
				return printToolList(rio.stdout, cfg)
			}
			if serve != nil {
				return serve(cfg)
			}
			return app.Run(ctx, cfg, version, app.IO{In: rio.in, Protocol: rio.stdout, Log: rio.stderr},
				app.Options{})
		},
	}
	cmd.SetOut(rio.stderr)
	cmd.SetErr(rio.stderr)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err}
	})

	if err := addFlags(cmd, v); err != nil {
		panic(err) // a flag declared twice is a programming error
	}
	cmd.Flags().BoolVarP(&showVersion, "version", "v", false, "print version, commit and build date, then exit")
	cmd.Flags().BoolVar(&listTools, "list-tools", false, "print every tool grouped by service, then exit")
	return cmd
}

// loadConfig reads the .env file into viper's config layer and builds the validated
// configuration.
func loadConfig(v *viper.Viper) (*config.Config, error) {
	path, explicit := v.GetString(config.EnvDotenvPath), v.IsSet(config.EnvDotenvPath)
	if !explicit {
		path = ".env"
	}

	values, err := readDotenv(path, explicit)
	if err != nil {
		return nil, &usageError{err}
	}
	if values != nil {
		settings := make(map[string]any, len(values))
		for k, val := range values {
			settings[k] = val
		}
		if err := v.MergeConfigMap(settings); err != nil {
			return nil, &usageError{fmt.Errorf("read %s: %w", path, err)}
		}
	}

	cfg, err := config.Load(source(v))
	if err != nil {
		return nil, &usageError{err}
	}
	if values != nil {
		cfg.DotenvPath = path
	} else {
		cfg.DotenvPath = ""
	}
	return cfg, nil
}

// readDotenv parses the .env file at path. A missing default file is fine; a missing
// file the user named is an error.
func readDotenv(path string, explicit bool) (map[string]string, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) && !explicit {
			return nil, nil
		}
		return nil, fmt.Errorf("invalid %s=%q: %w", config.EnvDotenvPath, path, err)
	}
	values, err := godotenv.Read(path)
	if err != nil {
		return nil, fmt.Errorf("read .env file %s: %w", path, err)
	}
	return values, nil
}
