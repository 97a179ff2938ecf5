// Package app wires a validated configuration into a running server: loggers, the
// audit log, the Zscaler client (or the in-process demo tenant) and the transport.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/server"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// IO is where the process reads and writes. Protocol is stdout in stdio mode; Log is
// stderr and carries every log and, unless a file is configured, the audit lines.
type IO struct {
	In       io.Reader
	Protocol io.Writer
	Log      io.Writer
}

// Run serves until ctx is cancelled or, in stdio mode, the input ends. When a
// restart drained the server, it returns a *RestartError to execute.
func Run(ctx context.Context, cfg *config.Config, version string, rio IO, opts ...Option) error {
	logger, level := newLevelLogger(rio.Log, cfg.Debug)
	logger.Info("starting zscaler-mcp", "version", version, "config", cfg)
	ctl := beginControl(cfg, version, collectOptions(opts), logger)
	defer ctl.inst.release() // last of all, once the audit log is flushed
	defer ctl.end()
	warnReadableDotenv(logger, cfg.DotenvPath)

	if cfg.DisableOutputSanitization {
		logger.Warn("output sanitization is OFF (ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION): " +
			"tenant text reaches the agent unfiltered, including any hidden instructions in it")
	}

	auditLog, err := openAudit(cfg, rio.Log, logger)
	if err != nil {
		return err
	}
	defer auditLog.Close()

	creds, transport, stopDemo, err := tenant(cfg, logger)
	if err != nil {
		return err
	}
	defer stopDemo()

	store := newCredStore(creds)
	client := zclient.New(zclient.Options{
		Credentials: store.get,
		Transport:   transport,
		Logger:      logger,
		UserAgent:   "zscaler-mcp/" + version,
	})
	defer client.Close()

	reload := newReloader(cfg, logger, level, auditLog, rio.Log, store, client)
	serveCtx := ctl.serve(ctx, reload)
	defer ctl.end() // before the audit log closes: no reload may run after that

	srv, err := server.New(server.Deps{
		Config: cfg, Version: version, Logger: logger, Audit: auditLog,
		Upstream: client, Prober: client, Ready: ctl.inst.ready,
		MaxResultBytes: reload.maxResultBytes,
	})
	if err != nil {
		return err
	}
	logger.Info("tools registered", "count", len(srv.Registrar().Registered()),
		"audit", cfg.LogToolCalls)

	if cfg.IsHTTP() {
		return ctl.outcome(serveHTTP(serveCtx, cfg, srv, creds, transport, logger))
	}
	return ctl.outcome(srv.ServeStdio(serveCtx, rio.In, rio.Protocol, cfg.ShutdownTimeout))
}

// NewLogger returns the process logger: text on w (stderr), debug level on request.
func NewLogger(w io.Writer, debug bool) *slog.Logger {
	l, _ := newLevelLogger(w, debug)
	return l
}

// newLevelLogger is NewLogger with its level exposed, for a reload to change.
func newLevelLogger(w io.Writer, debug bool) (*slog.Logger, *slog.LevelVar) {
	level := &slog.LevelVar{}
	level.Set(levelFor(debug))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})), level
}

func openAudit(cfg *config.Config, stderr io.Writer, logger *slog.Logger) (*audit.Logger, error) {
	onError := audit.WithWriteErrorHandler(func(err error) {
		logger.Error("audit log write failed; the audit trail is incomplete from here on",
			"error", err)
	})
	l := audit.New(stderr, onError)
	if cfg.AuditLogFile != "" {
		var err error
		if l, err = audit.OpenFile(cfg.AuditLogFile, onError); err != nil {
			reason := err.Error()
			var pathErr *fs.PathError
			if errors.As(err, &pathErr) {
				reason = pathErr.Err.Error()
			}
			return nil, &config.Error{Setting: config.EnvAuditLogFile, Value: cfg.AuditLogFile,
				Reason: "cannot open it for appending: " + reason}
		}
		if !cfg.LogToolCalls {
			logger.Warn("an audit log file is set but audit logging is off; "+
				"nothing will be written until ZSCALER_MCP_LOG_TOOL_CALLS is true",
				"file", cfg.AuditLogFile)
		}
	}
	l.SetEnabled(cfg.LogToolCalls)

	// The configured secrets are scrubbed from audit lines even in demo mode, where
	// other credentials are in use; so is the key HTTP clients authenticate with.
	addSecrets(l, cfg)
	return l, nil
}

// addSecrets registers the secrets cfg holds with l, which scrubs them from every audit
// line, result and error: the OneAPI client secret and private key, and the key HTTP
// clients authenticate with. A reload registers those it reads too, including a key
// that only takes effect on restart, so no value ever set is left unscrubbed.
func addSecrets(l *audit.Logger, cfg *config.Config) {
	for _, secret := range []string{cfg.Credentials.ClientSecret, cfg.Credentials.PrivateKey,
		cfg.HTTP.Auth.APIKey} {
		if secret != "" {
			l.AddSecret(secret)
		}
	}
}

// tenant returns the credentials and HTTP transport to reach Zscaler. In demo mode it
// starts the simulated tenant on loopback and points the client at it.
func tenant(cfg *config.Config, logger *slog.Logger) (zclient.Credentials, http.RoundTripper, func(), error) {
	if !cfg.Demo {
		return cfg.Credentials, nil, func() {}, nil
	}

	sim, err := simulator.Start(simulator.New(simulator.WithLatency(cfg.DemoLatency)))
	if err != nil {
		return zclient.Credentials{}, nil, nil, fmt.Errorf("start demo tenant: %w", err)
	}
	logger.Warn("DEMO MODE: serving a simulated Zscaler tenant; no data is real",
		"simulator", sim.URL)
	creds := zclient.Credentials{
		ClientID:     simulator.DemoClientID,
		ClientSecret: simulator.DemoClientSecret,
		VanityDomain: simulator.DemoVanityDomain,
		Cloud:        simulator.DemoCloud,
		CustomerID:   simulator.DemoCustomerID,
	}
	return creds, simulator.Transport(sim.URL, nil), func() { _ = sim.Close() }, nil
}
