package app

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// credStore holds the credentials the Zscaler client reads whenever it builds a new
// SDK client; a reload swaps them and drops the cached client.
type credStore struct {
	p atomic.Pointer[zclient.Credentials]
}

func newCredStore(c zclient.Credentials) *credStore {
	s := &credStore{}
	s.p.Store(&c)
	return s
}

func (s *credStore) get() zclient.Credentials { return *s.p.Load() }

func (s *credStore) set(c zclient.Credentials) { s.p.Store(&c) }

// credentialResetter is the part of the Zscaler client a reload needs.
type credentialResetter interface{ ResetCredentials() }

// reloader applies a new configuration to a running server. Everything that can fail
// (reading and validating the .env file, opening the audit file) happens before
// anything changes; then the live settings are swapped in, and the settings that only
// a restart can apply are logged by name.
type reloader struct {
	load   func(dotenvPath string) (*config.Config, error)
	logger *slog.Logger
	level  *slog.LevelVar
	audit  *audit.Logger
	stderr io.Writer
	creds  *credStore // nil in demo mode, whose credentials are the simulator's
	client credentialResetter
	// report receives each outcome, to publish it in the PID file.
	report func(lifecycle.ReloadOutcome)
	// resultLimit is the result size bound the server reads on every call.
	resultLimit *atomic.Int64

	mu  sync.Mutex
	cfg *config.Config // what runs: the live settings as last applied, the rest as started
}

// newReloader returns the reloader of a running server. In demo mode the credentials
// are the simulator's, so a reload leaves them alone.
func newReloader(cfg *config.Config, logger *slog.Logger, level *slog.LevelVar,
	a *audit.Logger, stderr io.Writer, creds *credStore, client credentialResetter) *reloader {
	r := &reloader{logger: logger, level: level, audit: a, stderr: stderr, creds: creds,
		client: client, cfg: cfg, resultLimit: &atomic.Int64{}}
	r.resultLimit.Store(int64(cfg.MaxResultBytes))
	if cfg.Demo {
		r.creds = nil
	}
	return r
}

// reload is the one entry point for SIGHUP: the signal handler and the tests call it
// through the same coalescer. requests says how many signals this reload serves.
func (r *reloader) reload(requests uint64) lifecycle.ReloadOutcome {
	r.mu.Lock()
	defer r.mu.Unlock()

	out := lifecycle.ReloadOutcome{At: time.Now(), Requests: requests}
	path := r.cfg.DotenvPath
	r.logger.Info("reloading configuration", "dotenv", orNone(path), "requests", requests)

	next, err := r.load(path)
	if err == nil {
		next.DotenvPath = path
		err = r.applyAuditDestination(next)
	} else {
		// The old settings stay, but a rotated audit file is still let go of:
		// logrotate's postrotate reload must work even while the .env file is broken.
		r.reopenAudit()
	}
	if err != nil {
		out.Error = err.Error()
		r.logger.Error("reload refused; the running configuration stays", "reason", err)
		r.publish(out)
		return out
	}

	out.OK = true
	out.Applied = r.applyLive(next)
	for _, c := range changed(restartSettings, r.cfg, next) {
		out.RestartNeeded = append(out.RestartNeeded, c.env)
		attrs := []any{}
		if !c.secret {
			attrs = append(attrs, "from", c.from, "to", c.to)
		}
		r.logger.Warn(c.env+" changed; takes effect on restart", attrs...)
	}
	r.logger.Info("configuration reloaded", "applied", strings.Join(out.Applied, ", "),
		"restart_needed", strings.Join(out.RestartNeeded, ", "))
	r.publish(out)
	return out
}

func (r *reloader) publish(out lifecycle.ReloadOutcome) {
	if r.report != nil {
		r.report(out)
	}
}

// applyAuditDestination reopens the audit file (after a rotation the old name is a
// new file) or moves the log to the new destination. It is the last step that can
// fail, so on failure nothing has changed.
func (r *reloader) applyAuditDestination(next *config.Config) error {
	cur := r.cfg.AuditLogFile
	switch {
	case next.AuditLogFile == cur && cur == "":
		return nil
	case next.AuditLogFile == cur:
		if err := r.audit.Reopen(); err != nil {
			return fmt.Errorf("reopen audit log file %s: %w", cur, err)
		}
		return nil
	default:
		if err := r.audit.SetDestination(next.AuditLogFile, r.stderr); err != nil {
			return &config.Error{Setting: config.EnvAuditLogFile, Value: next.AuditLogFile,
				Reason: "cannot open it for appending: " + err.Error()}
		}
		return nil
	}
}

func (r *reloader) reopenAudit() {
	if r.cfg.AuditLogFile == "" {
		return
	}
	if err := r.audit.Reopen(); err != nil {
		r.logger.Error("audit log file could not be reopened; lines still go to the file "+
			"open before", "file", r.cfg.AuditLogFile, "error", err)
	}
}

// applyLive swaps in the settings that apply at once and returns what it did, in
// words. Nothing here can fail.
func (r *reloader) applyLive(next *config.Config) []string {
	old := r.cfg
	applied := []string{}
	if next.AuditLogFile == old.AuditLogFile && old.AuditLogFile != "" {
		applied = append(applied, "audit file reopened")
	} else if next.AuditLogFile != old.AuditLogFile {
		applied = append(applied, "audit lines now go to "+orStderr(next.AuditLogFile))
	}

	addSecrets(r.audit, next)
	if next.Credentials != old.Credentials {
		if r.creds == nil {
			applied = append(applied, "credentials ignored in demo mode")
		} else {
			r.creds.set(next.Credentials)
			r.client.ResetCredentials()
			applied = append(applied, "new credentials (the next call fetches a new token)")
			r.logger.Info("credentials changed; the next call fetches a new token",
				"client_id", next.Credentials.ClientID)
		}
	}

	r.level.Set(levelFor(next.Debug))
	if next.Debug != old.Debug {
		applied = append(applied, "log level "+strings.ToLower(levelFor(next.Debug).String()))
	}

	r.audit.SetEnabled(next.LogToolCalls)
	if next.LogToolCalls != old.LogToolCalls {
		state := "off"
		if next.LogToolCalls {
			state = "on"
		}
		applied = append(applied, "auditing "+state)
	}
	if next.AuditLogFile != "" && !next.LogToolCalls {
		r.logger.Warn("an audit log file is set but audit logging is off; "+
			"nothing will be written until ZSCALER_MCP_LOG_TOOL_CALLS is true",
			"file", next.AuditLogFile)
	}

	r.resultLimit.Store(int64(next.MaxResultBytes))
	if next.MaxResultBytes != old.MaxResultBytes {
		applied = append(applied, "result size limit "+resultLimitText(next.MaxResultBytes))
	}

	running := *old
	running.MaxResultBytes = next.MaxResultBytes
	running.LogToolCalls = next.LogToolCalls
	running.AuditLogFile = next.AuditLogFile
	running.Debug = next.Debug
	running.Credentials = next.Credentials
	r.cfg = &running
	return applied
}

// maxResultBytes is the running result size bound, for the server to read per call.
func (r *reloader) maxResultBytes() int { return int(r.resultLimit.Load()) }

func resultLimitText(n int) string {
	if n == 0 {
		return "off"
	}
	return strconv.Itoa(n) + " bytes"
}

func levelFor(debug bool) slog.Level {
	if debug {
		return slog.LevelDebug
	}
	return slog.LevelInfo
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func orStderr(s string) string {
	if s == "" {
		return "stderr"
	}
	return s
}
