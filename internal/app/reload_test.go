package app

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// leafFields lists the paths of every field of t that is not itself a struct.
func leafFields(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type.Kind() == reflect.Struct {
			out = append(out, leafFields(f.Type, prefix+f.Name+".")...)
			continue
		}
		out = append(out, prefix+f.Name)
	}
	return out
}

func TestEverySettingIsLiveOrNeedsRestart(t *testing.T) {
	var classified []string
	for _, s := range append(append([]setting{}, liveSettings...), restartSettings...) {
		classified = append(classified, s.field)
		require.NotPanics(t, func() { fieldValue(&config.Config{}, s.field) }, s.field)
		require.NotEmpty(t, s.env, s.field)
	}
	fields := leafFields(reflect.TypeOf(config.Config{}), "")
	sort.Strings(classified)
	sort.Strings(fields)
	require.Equal(t, fields, classified, "classify each new config field in settings.go as "+
		"applied by reload (liveSettings) or needing a restart (restartSettings)")
}

// reloadFixture is a reloader over an audit file and a .env file.
type reloadFixture struct {
	r      *reloader
	dotenv string
	log    *bytes.Buffer
	resets *resetCounter
	creds  *credStore
}

func newReloadFixture(t *testing.T, lines ...string) *reloadFixture {
	t.Helper()
	dir := t.TempDir()
	f := &reloadFixture{dotenv: filepath.Join(dir, ".env"), log: &bytes.Buffer{},
		resets: &resetCounter{}}
	writeDotenv(t, f.dotenv, lines...)
	cfg, err := dotenvLoader(nil)(f.dotenv)
	require.NoError(t, err)
	cfg.DotenvPath = f.dotenv
	logger, level := logTo(&lockedWriter{w: f.log})
	stderr := &bytes.Buffer{}
	a, err := openAudit(cfg, stderr, logger)
	require.NoError(t, err)
	t.Cleanup(func() { _ = a.Close() })
	f.creds = newCredStore(cfg.Credentials)
	f.r = newReloader(cfg, logger, level, a, stderr, f.creds, f.resets)
	f.r.load = dotenvLoader(nil)
	return f
}

type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestReloadAppliesLiveSettingsAndNamesTheRest(t *testing.T) {
	f := newReloadFixture(t, "ZSCALER_CLIENT_ID=old-id", "ZSCALER_CLIENT_SECRET=old-secret",
		"ZSCALER_VANITY_DOMAIN=acme")
	auditFile := filepath.Join(filepath.Dir(f.dotenv), "audit.log")
	writeDotenv(t, f.dotenv, "ZSCALER_CLIENT_ID=new-id", "ZSCALER_CLIENT_SECRET=new-secret",
		"ZSCALER_VANITY_DOMAIN=acme", "ZSCALER_MCP_LOG_TOOL_CALLS=yes",
		"ZSCALER_MCP_AUDIT_LOG_FILE="+auditFile, "ZSCALER_MCP_DEBUG=true",
		"ZSCALER_MCP_PORT=9000", "ZSCALER_MCP_TOOLSETS=zms",
		"ZSCALER_MCP_CONFIRMATION_KEY=c2VjcmV0LXNpZ25pbmcta2V5LW9mLWF0LWxlYXN0LTMyLWJ5dGVz")

	out := f.r.reload(3)
	require.True(t, out.OK, out.Error)
	require.Equal(t, uint64(3), out.Requests)
	require.ElementsMatch(t, []string{config.EnvPort, config.EnvToolsets,
		config.EnvConfirmationKey}, out.RestartNeeded)
	require.Contains(t, out.Applied, "auditing on")
	require.Contains(t, out.Applied, "log level debug")
	require.Contains(t, out.Applied, "audit lines now go to "+auditFile)

	require.True(t, f.r.audit.Enabled())
	require.Equal(t, "new-id", f.creds.get().ClientID)
	require.Equal(t, int64(1), f.resets.n.Load(), "the cached token is dropped")
	require.Equal(t, "DEBUG", f.r.level.Level().String())

	log := f.log.String()
	require.Contains(t, log,
		`msg="ZSCALER_MCP_PORT changed; takes effect on restart" from=8000 to=9000`)
	require.Contains(t, log,
		`msg="ZSCALER_MCP_CONFIRMATION_KEY changed; takes effect on restart"`+"\n",
		"a secret is named without its values")
	require.NotContains(t, log, "new-secret")
	require.Equal(t, 8000, f.r.cfg.Port, "restart settings keep their running values")

	// The same edit is named again on the next reload: it is still not applied.
	out = f.r.reload(1)
	require.Contains(t, out.RestartNeeded, config.EnvPort)
	require.Equal(t, int64(1), f.resets.n.Load(), "unchanged credentials keep the token")
}

func TestReloadRefusesAnInvalidConfigurationWhole(t *testing.T) {
	cases := map[string][]string{
		"bad value":       {"ZSCALER_MCP_LOG_TOOL_CALLS=false", "ZSCALER_MCP_PORT=http"},
		"unparsable file": {"ZSCALER_MCP_LOG_TOOL_CALLS=false", `ZSCALER_CLIENT_ID="unterminated`},
		"audit file cannot be opened": {"ZSCALER_MCP_LOG_TOOL_CALLS=false",
			"ZSCALER_MCP_AUDIT_LOG_FILE=/nonexistent-dir/audit.log"},
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) {
			f := newReloadFixture(t, "ZSCALER_MCP_LOG_TOOL_CALLS=true", "ZSCALER_CLIENT_ID=a")
			writeDotenv(t, f.dotenv, lines...)
			out := f.r.reload(1)
			require.False(t, out.OK)
			require.NotEmpty(t, out.Error)
			require.True(t, f.r.audit.Enabled(), "auditing stays on: nothing was applied")
			require.True(t, f.r.cfg.LogToolCalls)
			require.Equal(t, "a", f.creds.get().ClientID)
			require.Contains(t, f.log.String(), "reload refused; the running configuration stays")
		})
	}

	t.Run("missing file", func(t *testing.T) {
		f := newReloadFixture(t, "ZSCALER_MCP_LOG_TOOL_CALLS=true")
		require.NoError(t, os.Remove(f.dotenv))
		out := f.r.reload(1)
		require.False(t, out.OK)
		require.True(t, f.r.audit.Enabled())
	})
}

func TestReloadReopensTheAuditFileForLogrotate(t *testing.T) {
	dir := t.TempDir()
	auditFile := filepath.Join(dir, "audit.log")
	f := newReloadFixture(t, "ZSCALER_MCP_LOG_TOOL_CALLS=true",
		"ZSCALER_MCP_AUDIT_LOG_FILE="+auditFile)
	f.r.audit.Call("before_rotation", nil)
	require.NoError(t, os.Rename(auditFile, auditFile+".1"))
	out := f.r.reload(1)
	require.True(t, out.OK, out.Error)
	require.Contains(t, out.Applied, "audit file reopened")
	f.r.audit.Call("after_rotation", nil)

	// Even a broken .env lets go of the rotated file.
	require.NoError(t, os.Rename(auditFile, auditFile+".2"))
	writeDotenv(t, f.dotenv, "ZSCALER_MCP_PORT=nope")
	require.False(t, f.r.reload(1).OK)
	f.r.audit.Call("after_second_rotation", nil)

	for file, tool := range map[string]string{
		auditFile + ".1": "before_rotation", auditFile + ".2": "after_rotation",
		auditFile: "after_second_rotation",
	} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		require.Equal(t, 1, strings.Count(string(data), "\n"), file)
		require.Contains(t, string(data), tool, file)
	}
}

func TestReloadLeavesDemoCredentialsAlone(t *testing.T) {
	f := newReloadFixture(t, "ZSCALER_MCP_DEMO=true")
	demo := zclient.Credentials{ClientID: "demo"}
	f.creds.set(demo)
	f.r = newReloader(f.r.cfg, f.r.logger, f.r.level, f.r.audit, nil, f.creds, f.resets)
	f.r.load = dotenvLoader(nil)
	writeDotenv(t, f.dotenv, "ZSCALER_MCP_DEMO=true", "ZSCALER_CLIENT_ID=real",
		"ZSCALER_MCP_LOG_TOOL_CALLS=true", "ZSCALER_MCP_PORT=9000", "ZSCALER_MCP_TOOLSETS=zms")
	out := f.r.reload(1)
	require.True(t, out.OK, out.Error)
	require.Equal(t, demo, f.creds.get())
	require.Zero(t, f.resets.n.Load())
	require.Contains(t, out.Applied, "credentials ignored in demo mode")
	require.Contains(t, f.log.String(), `msg="configuration reloaded" applied="credentials `+
		`ignored in demo mode, auditing on" restart_needed="ZSCALER_MCP_PORT, ZSCALER_MCP_TOOLSETS"`,
		"lists are logged with separators")
}

// A reload registers every secret it reads for scrubbing, the HTTP API key included,
// although that key takes effect only on restart: a value once set in the .env file is
// never shown in a result, error or audit line.
func TestReloadRegistersTheSecretsItReads(t *testing.T) {
	f := newReloadFixture(t, "ZSCALER_CLIENT_ID=id", "ZSCALER_CLIENT_SECRET=old-secret-value",
		"ZSCALER_VANITY_DOMAIN=acme")
	writeDotenv(t, f.dotenv, "ZSCALER_CLIENT_ID=id", "ZSCALER_CLIENT_SECRET=new-secret-value",
		"ZSCALER_VANITY_DOMAIN=acme", "ZSCALER_MCP_AUTH_MODE=api-key",
		"ZSCALER_MCP_AUTH_API_KEY=reloaded-api-key-0123456789")

	out := f.r.reload(1)
	require.True(t, out.OK, out.Error)
	require.Contains(t, out.RestartNeeded, config.EnvAuthAPIKey)
	for _, secret := range []string{"old-secret-value", "new-secret-value",
		"reloaded-api-key-0123456789"} {
		require.Contains(t, f.r.audit.Secrets(), secret)
	}
}
