package app

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/httpauth"
	"github.com/zscaler/zscaler-mcp/internal/server"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// serveHTTP authenticates clients in the configured mode and serves the HTTP
// transport. In zscaler mode client credentials are checked at the token endpoint of
// the tenant the server uses, through the same transport, so the demo checks them
// against the simulated tenant; identity providers are always reached directly.
func serveHTTP(ctx context.Context, cfg *config.Config, srv *server.Server,
	creds zclient.Credentials, transport http.RoundTripper, logger *slog.Logger) error {
	auth, err := httpauth.New(ctx, httpauth.Options{
		Auth: cfg.HTTP.Auth,
		Tenant: httpauth.Tenant{VanityDomain: creds.VanityDomain, Cloud: creds.Cloud,
			Transport: transport},
		Endpoint: server.HTTPEndpoint(cfg.Transport),
		Logger:   logger,
	})
	if err != nil {
		return err
	}
	defer auth.Close()

	switch cfg.HTTP.Auth.Mode {
	case config.AuthModeNone:
		logger.Warn("client authentication is OFF: any program on this machine can use the "+
			"tenant through this server", "addr", cfg.Addr())
	case config.AuthModeZscaler:
		logger.Info("clients authenticate with OneAPI client credentials of the tenant; " +
			"every valid client of the tenant is accepted")
	}
	if cfg.HTTP.AllowHTTP && cfg.HTTP.TLSCertFile == "" && !config.IsLoopbackHost(cfg.Host) {
		logger.Warn("serving plaintext HTTP on a non-loopback address (ZSCALER_MCP_ALLOW_HTTP): "+
			"credentials cross the network in clear unless TLS terminates in front",
			"addr", cfg.Addr())
	}
	return srv.ServeHTTPTransport(ctx, server.HTTPOptions{
		Addr:         cfg.Addr(),
		DrainTimeout: cfg.ShutdownTimeout,
		Auth:         auth,
	})
}
