package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// resolve runs the root command with args and returns the configuration it would serve.
func resolve(t *testing.T, args ...string) (*config.Config, error) {
	t.Helper()
	var got *config.Config
	var out bytes.Buffer
	cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &out},
		func(cfg *config.Config) error { got = cfg; return nil })
	cmd.SetArgs(args)
	err := cmd.Execute()
	return got, err
}

// isolate clears every setting from the environment and runs the test in an empty
// directory, so no stray variable or ./.env changes the outcome.
func isolate(t *testing.T) string {
	t.Helper()
	for _, s := range settings {
		t.Setenv(s.env, "")
		os.Unsetenv(s.env)
	}
	for _, env := range envOnly {
		t.Setenv(env, "")
		os.Unsetenv(env)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func writeDotenv(t *testing.T, dir, body string) string {
	t.Helper()
	path := filepath.Join(dir, ".env")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return path
}

func TestPrecedenceFlagOverEnvOverDotenvOverDefault(t *testing.T) {
	dir := isolate(t)

	cfg, err := resolve(t)
	require.NoError(t, err)
	require.Equal(t, 8000, cfg.Port, "default")
	require.Empty(t, cfg.DotenvPath)

	writeDotenv(t, dir, "ZSCALER_MCP_PORT=1111\nZSCALER_MCP_LOG_TOOL_CALLS=yes\nZSCALER_CLIENT_ID=from-dotenv\n")
	cfg, err = resolve(t)
	require.NoError(t, err)
	require.Equal(t, 1111, cfg.Port, ".env over default")
	require.True(t, cfg.LogToolCalls)
	require.Equal(t, "from-dotenv", cfg.Credentials.ClientID)
	require.Equal(t, inWorkdir(t, ".env"), cfg.DotenvPath,
		"named absolutely, so log lines and reload refusals say which file")

	t.Setenv("ZSCALER_MCP_PORT", "2222")
	t.Setenv("ZSCALER_CLIENT_ID", "from-env")
	cfg, err = resolve(t)
	require.NoError(t, err)
	require.Equal(t, 2222, cfg.Port, "environment over .env")
	require.Equal(t, "from-env", cfg.Credentials.ClientID)

	cfg, err = resolve(t, "--port", "3333", "--log-tool-calls=off")
	require.NoError(t, err)
	require.Equal(t, 3333, cfg.Port, "flag over environment")
	require.False(t, cfg.LogToolCalls, "flag over .env")
}

func TestExplicitDotenvPath(t *testing.T) {
	dir := isolate(t)
	other := filepath.Join(dir, "conf")
	require.NoError(t, os.Mkdir(other, 0o700))
	path := writeDotenv(t, other, "ZSCALER_MCP_TRANSPORT=streamable-http\nZSCALER_MCP_AUTH_MODE=none\n")

	cfg, err := resolve(t, "--dotenv-path", path)
	require.NoError(t, err)
	require.Equal(t, config.TransportStreamableHTTP, cfg.Transport)
	require.Equal(t, path, cfg.DotenvPath)

	t.Setenv("ZSCALER_MCP_DOTENV_PATH", path)
	cfg, err = resolve(t)
	require.NoError(t, err)
	require.Equal(t, config.TransportStreamableHTTP, cfg.Transport)
}

func TestUsageErrorsExitTwoAndNameTheSetting(t *testing.T) {
	isolate(t)
	cases := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{args: []string{"--log-tool-calls=maybe"}, want: "maybe"},
		{args: []string{"--transport", "carrier-pigeon"}, want: `--transport="carrier-pigeon"`},
		{args: []string{"--port", "http"}, want: `--port="http"`},
		{args: []string{"serve"}, want: `unexpected argument "serve"`},
		{args: []string{"--log-tool-calls", "false"}, want: `--log-tool-calls=false`},
		{env: map[string]string{"ZSCALER_MCP_DEBUG": "sure"}, want: `ZSCALER_MCP_DEBUG="sure"`},
		{args: []string{"--dotenv-path", "/nonexistent/.env"}, want: "/nonexistent/.env"},
		{args: []string{"--no-such-flag"}, want: "no-such-flag"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			_, err := resolve(t, tc.args...)
			require.Error(t, err)
			var usage *usageError
			require.True(t, errors.As(err, &usage), "want a usage error (exit 2), got %T: %v", err, err)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestBoolFlagAcceptsEverySpelling(t *testing.T) {
	isolate(t)
	for _, v := range []string{"true", "1", "yes", "ON"} {
		cfg, err := resolve(t, "--debug="+v)
		require.NoError(t, err)
		require.True(t, cfg.Debug, v)
	}
	cfg, err := resolve(t, "--debug")
	require.NoError(t, err)
	require.True(t, cfg.Debug, "a bare boolean flag means true")
}

func TestVersionAndListTools(t *testing.T) {
	isolate(t)
	var out bytes.Buffer
	cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &bytes.Buffer{}}, nil)
	cmd.SetArgs([]string{"--version"})
	require.NoError(t, cmd.Execute())
	require.Contains(t, out.String(), "zscaler-mcp dev (commit unknown, built unknown)")

	out.Reset()
	cmd = newRootCommand(context.Background(), runIO{stdout: &out, stderr: &bytes.Buffer{}}, nil)
	cmd.SetArgs([]string{"--list-tools", "--services", "zms"})
	require.NoError(t, cmd.Execute())
	require.Contains(t, out.String(), "zms (")
	require.Contains(t, out.String(), "zms_list_agents")
	require.Contains(t, out.String(), "zscaler_check_connectivity")
	require.NotContains(t, out.String(), "zia_list_locations")
}

// TestListToolsMarksWhatThisConfigurationServes checks that --list-tools tells which
// tools a server started with the same settings would offer: write tools only when the
// gate lets them through, and never a disabled tool.
func TestListToolsMarksWhatThisConfigurationServes(t *testing.T) {
	isolate(t)
	list := func(args ...string) string {
		var out bytes.Buffer
		cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &bytes.Buffer{}}, nil)
		cmd.SetArgs(append([]string{"--list-tools"}, args...))
		require.NoError(t, cmd.Execute())
		return out.String()
	}

	plain := list("--disabled-tools", "zia_list_locations")
	require.Regexp(t, `(?m)^\* zia_list_rule_labels\s`, plain)
	require.Regexp(t, `(?m)^  zia_list_locations\s`, plain)
	require.Regexp(t, `(?m)^  zia_delete_rule_label\s`, plain)
	require.Contains(t, plain, "* = served by this configuration at start (108)")

	writes := list("--enable-write-tools", "--write-tools", "zia_*_rule_label")
	require.Regexp(t, `(?m)^\* zia_delete_rule_label\s`, writes)
	require.Regexp(t, `(?m)^\* zia_create_rule_label\s`, writes)
	require.Regexp(t, `(?m)^  zia_delete_location\s`, writes)
}

func TestDotenvErrorsNameTheFileAndLineButNeverTheContents(t *testing.T) {
	dir := isolate(t)
	for _, body := range []string{
		"ZSCALER_CLIENT_ID=abc\nthis is junk\nZSCALER_CLIENT_SECRET=SUPERSECRET123\n",
		"ZSCALER_CLIENT_ID=abc\nZSCALER_CLIENT_SECRET=\"SUPERSECRET123\n",
	} {
		writeDotenv(t, dir, body)
		_, err := resolve(t)
		require.Error(t, err)
		var usage *usageError
		require.ErrorAs(t, err, &usage)
		require.Contains(t, err.Error(), ".env: line 2 ")
		require.NotContains(t, err.Error(), "SUPERSECRET123")
		require.NotContains(t, err.Error(), "junk")
	}
}

func TestDotenvValuesAreNamedByFileAndBOMIsIgnored(t *testing.T) {
	dir := isolate(t)
	writeDotenv(t, dir, "\xef\xbb\xbfZSCALER_MCP_PORT=99999\n")
	_, err := resolve(t)
	require.ErrorContains(t, err, `invalid ZSCALER_MCP_PORT (in .env)="99999"`)
}

func TestEmptyEnvironmentVariableHidesDotenv(t *testing.T) {
	dir := isolate(t)
	writeDotenv(t, dir, "ZSCALER_CLOUD=beta\nZSCALER_MCP_PORT=1234\n")
	t.Setenv("ZSCALER_CLOUD", "")
	t.Setenv("ZSCALER_MCP_PORT", "")
	cfg, err := resolve(t)
	require.NoError(t, err)
	require.Empty(t, cfg.Credentials.Cloud, "an empty variable means production, whatever .env says")
	require.Equal(t, 8000, cfg.Port)
}

func TestDotenvNamesAreCaseSensitiveAndEmptyPathMeansDefault(t *testing.T) {
	dir := isolate(t)
	writeDotenv(t, dir, "zscaler_mcp_port=abc\nZSCALER_MCP_PORT=4321\n")
	t.Setenv("ZSCALER_MCP_DOTENV_PATH", "")
	cfg, err := resolve(t)
	require.NoError(t, err, "a lower-case name is not the variable and is ignored")
	require.Equal(t, 4321, cfg.Port)
}

func TestBracketedIPv6Host(t *testing.T) {
	isolate(t)
	cfg, err := resolve(t, "--host", "[::1]", "--port", "9000")
	require.NoError(t, err)
	require.Equal(t, "[::1]:9000", cfg.Addr())
}

// inWorkdir is name in the working directory, as the process sees it (which, where
// the temporary directory is a symbolic link, is not the path t.TempDir returned).
func inWorkdir(t *testing.T, name string) string {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	return filepath.Join(wd, name)
}

// TestListToolsWarnsAsTheServerWould checks that checking a configuration with
// --list-tools reports what a server start would warn about: an unknown toolset, a
// half-configured write gate, a --write-tools pattern that matches no write tool. The
// warnings go to stderr, so the list on stdout stays as it is.
func TestListToolsWarnsAsTheServerWould(t *testing.T) {
	isolate(t)
	list := func(args ...string) (string, string) {
		var out, errOut bytes.Buffer
		cmd := newRootCommand(context.Background(), runIO{stdout: &out, stderr: &errOut}, nil)
		cmd.SetArgs(append([]string{"--list-tools"}, args...))
		require.NoError(t, cmd.Execute())
		return out.String(), errOut.String()
	}

	out, warnings := list("--toolsets", "zia_rule_labels,zia_rule_label")
	require.Contains(t, warnings, `warning: unknown toolset "zia_rule_label" ignored; known toolsets: `)
	require.NotContains(t, out, "warning")

	_, warnings = list("--write-tools", "zia_*_rule_label")
	require.Contains(t, warnings, "warning: write tools stay off: --write-tools "+
		"(ZSCALER_MCP_WRITE_TOOLS) is set but --enable-write-tools")

	_, warnings = list("--enable-write-tools", "--write-tools", "zia_*_rule_label, zia_delete_rule_lable")
	require.Equal(t, "warning: a --write-tools pattern matches no write tool: "+
		"zia_delete_rule_lable\n", warnings)

	_, warnings = list()
	require.Empty(t, warnings)
}
