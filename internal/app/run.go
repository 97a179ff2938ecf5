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

// Run serves until ctx is cancelled or, in stdio mode, the input ends.
func Run(ctx context.Context, cfg *config.Config, version string, rio IO) error {
	logger := NewLogger(rio.Log, cfg.Debug)
	logger.Info("starting zscaler-mcp", "version", version, "config", cfg)
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

	client := zclient.New(zclient.Options{
		Credentials: func() zclient.Credentials { return creds },
		Transport:   transport,
		Logger:      logger,
		UserAgent:   "zscaler-mcp/" + version,
	})
	defer client.Close()

	srv, err := server.New(server.Deps{
		Config: cfg, Version: version, Logger: logger, Audit: auditLog,
		Upstream: client, Prober: client,
	})
	if err != nil {
		return err
	}
	logger.Info("tools registered", "count", len(srv.Registrar().Registered()),
		"audit", cfg.LogToolCalls)

	if cfg.Transport == config.TransportSSE {
		// TODO: serve the HTTP+SSE transport behind the same hardening as streamable HTTP.
		return &config.Error{Setting: config.EnvTransport, Value: cfg.Transport,
			Reason: "not available in this build; use streamable-http"}
	}
	if cfg.Transport == config.TransportStreamableHTTP {
		if !config.IsLoopbackHost(cfg.Host) {
			logger.Warn("the HTTP transport has no client authentication yet: anyone who can "+
				"reach this address can use the tenant; bind 127.0.0.1 or put an "+
				"authenticating proxy in front", "addr", cfg.Addr())
		}
		return srv.ServeStreamableHTTP(ctx, cfg.Addr(), cfg.ShutdownTimeout)
	}
	return srv.ServeStdio(ctx, rio.In, rio.Protocol, cfg.ShutdownTimeout)
}

// NewLogger returns the process logger: text on w (stderr), debug level on request.
func NewLogger(w io.Writer, debug bool) *slog.Logger {
	level := slog.LevelInfo
	if debug {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
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
	// other credentials are in use.
	for _, secret := range []string{cfg.Credentials.ClientSecret, cfg.Credentials.PrivateKey} {
		if secret != "" {
			l.AddSecret(secret)
		}
	}
	return l, nil
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
