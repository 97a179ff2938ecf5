package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// setting ties a flag to the environment variable of the same setting.
type setting struct {
	flag, short, env, usage string
	boolean                 bool
}

// settings lists every flag. Flag and variable names are those of the Python server, so
// existing client configurations keep working. Credentials have no flags on purpose:
// arguments are visible to every user of the machine.
var settings = []setting{
	{"transport", "", config.EnvTransport, "transport: stdio, streamable-http or sse (default stdio)", false},
	{"host", "", config.EnvHost, "HTTP bind address (default 127.0.0.1)", false},
	{"port", "", config.EnvPort, "HTTP port (default 8000)", false},
	{"services", "s", config.EnvServices, "comma-separated services to enable: zia, zms (default all)", false},
	{"disabled-services", "", config.EnvDisabledServices, "comma-separated services to disable", false},
	{"toolsets", "", config.EnvToolsets, "comma-separated toolsets to enable; all or default for every one (default all)", false},
	{"disabled-toolsets", "", config.EnvDisabledToolsets, "comma-separated toolsets to disable", false},
	{"disabled-tools", "", config.EnvDisabledTools, "comma-separated tool-name patterns to disable (*, ?, [abc], [!abc])", false},
	{"log-tool-calls", "", config.EnvLogToolCalls, "write a [TOOL CALL] and a [TOOL OK]/[TOOL ERR] audit line per tool call", true},
	{"audit-log-file", "", config.EnvAuditLogFile, "append audit lines to this file (mode 0600, timestamped) instead of stderr", false},
	{"debug", "", config.EnvDebug, "debug logging on stderr", true},
	{"max-result-bytes", "", config.EnvMaxResultBytes, "longest tool result, in bytes of JSON text; longer ones are cut with a note saying what was left out (default 200000; 0 for no limit)", false},
	{"dotenv-path", "", config.EnvDotenvPath, "path of the .env file to read (default ./.env when present)", false},
	{"demo", "", config.EnvDemo, "serve a simulated tenant in-process; needs no credentials", true},
	{"pid-file", "", config.EnvPIDFile, "lifecycle PID file (default: one file per instance in the run directory)", false},
	{"enable-write-tools", "", config.EnvWriteEnabled, "allow write tools; they also need --write-tools", true},
	{"write-tools", "", config.EnvWriteTools, "comma-separated patterns of the write tools to register (*, ?, [abc], [!abc])", false},
}

// envOnly lists the variables read only from the environment or the .env file:
// credentials and other secrets, which must not show up in process listings, and
// settings that are rarely changed or should take a deliberate edit to change.
var envOnly = []string{
	config.EnvClientID, config.EnvClientSecret, config.EnvPrivateKey,
	config.EnvVanityDomain, config.EnvCloud, config.EnvCustomerID,
	config.EnvShutdownTimeout, config.EnvDemoLatency,
	config.EnvDisableOutputSanitization,
	config.EnvConfirmationTTL, config.EnvConfirmationKey,
	config.EnvTLSCertFile, config.EnvTLSKeyFile, config.EnvAllowHTTP,
	config.EnvAllowedHosts, config.EnvAllowedOrigins, config.EnvAllowedSourceIPs,
	config.EnvMaxRequestBytes,
	config.EnvAuthMode, config.EnvAuthEnabled, config.EnvAuthAPIKey, config.EnvAuthJWKSURI,
	config.EnvAuthIssuer, config.EnvAuthAudience, config.EnvAuthAlgorithms,
	config.EnvOIDCConfigURL, config.EnvOIDCBaseURL, config.EnvOIDCAudience,
	config.EnvOIDCClientID, config.EnvOIDCRequiredScopes,
}

// addFlags declares every setting's flag on cmd and binds flag and variable to one
// viper key, named after the variable. Viper then resolves flag > environment > .env
// (merged as its config layer) > default.
func addFlags(cmd *cobra.Command, v *viper.Viper) error {
	// A variable that is set, even to "", hides the .env file's value for it.
	v.AllowEmptyEnv(true)
	fs := cmd.Flags()
	for _, s := range settings {
		if s.boolean {
			f := fs.VarPF(&boolFlag{}, s.flag, s.short, s.usage)
			f.NoOptDefVal = "true"
		} else {
			fs.StringP(s.flag, s.short, "", s.usage)
		}
		if err := v.BindPFlag(s.env, fs.Lookup(s.flag)); err != nil {
			return err
		}
		if err := v.BindEnv(s.env); err != nil {
			return err
		}
	}
	for _, env := range envOnly {
		if err := v.BindEnv(env); err != nil {
			return err
		}
	}
	return nil
}

// source exposes the bound settings to the config package by variable name.
func source(v *viper.Viper) config.Source {
	return func(name string) (string, bool) {
		if !v.IsSet(name) {
			return "", false
		}
		return v.GetString(name), true
	}
}
