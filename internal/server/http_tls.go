package server

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log/slog"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// tlsMinVersion refuses TLS 1.0 and 1.1, which no current client needs.
const tlsMinVersion = tls.VersionTLS12

// certExpiryWarning is how early the log starts warning that the certificate expires.
const certExpiryWarning = 14 * 24 * time.Hour

// loadTLS returns the TLS configuration of the HTTP server, or nil without TLS. The
// files were checked when the configuration was loaded; they are read again here so
// a file replaced in between is still caught.
//
// TODO: reload the certificate when its files change, so a renewed certificate does
// not need a restart.
func loadTLS(h config.HTTP, logger *slog.Logger) (*tls.Config, error) {
	if h.TLSCertFile == "" {
		return nil, nil
	}
	cert, err := tls.LoadX509KeyPair(h.TLSCertFile, h.TLSKeyFile)
	if err != nil {
		return nil, &config.Error{Setting: config.EnvTLSCertFile, Value: h.TLSCertFile,
			Reason: "cannot load it with ZSCALER_MCP_TLS_KEYFILE as a certificate and key pair"}
	}
	leaf, err := x509.ParseCertificate(cert.Certificate[0])
	if err != nil {
		return nil, fmt.Errorf("parse TLS certificate: %w", err)
	}
	attrs := []any{"subject", leaf.Subject.String(), "dns_names", leaf.DNSNames,
		"not_after", leaf.NotAfter.UTC().Format(time.RFC3339)}
	switch left := time.Until(leaf.NotAfter); {
	case left <= 0:
		logger.Warn("the TLS certificate has expired; clients will refuse it", attrs...)
	case left < certExpiryWarning:
		logger.Warn("the TLS certificate expires soon", attrs...)
	default:
		logger.Info("TLS certificate loaded", attrs...)
	}
	return &tls.Config{MinVersion: tlsMinVersion, Certificates: []tls.Certificate{cert}}, nil
}
