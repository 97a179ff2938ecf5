package config

import (
	"crypto/tls"
	"errors"
	"io/fs"
	"net"
	"net/url"
	"os"

	"github.com/zscaler/zscaler-mcp/internal/httpguard"
)

// validateHTTPTransport checks what only matters when the server listens on HTTP: the
// TLS files, plaintext and wildcard binds, the allowlists and client authentication.
func (c *Config) validateHTTPTransport() error {
	h := &c.HTTP
	loopback := IsLoopbackHost(c.Host)
	tlsOn := h.TLSCertFile != ""
	if tlsOn {
		if err := checkTLSFiles(h.TLSCertFile, h.TLSKeyFile); err != nil {
			return err
		}
	}
	if !loopback && !tlsOn && !h.AllowHTTP {
		return &Error{Setting: EnvHost, Value: c.Host, Reason: "plaintext HTTP on an address " +
			"other machines can reach; set ZSCALER_MCP_TLS_CERTFILE and ZSCALER_MCP_TLS_KEYFILE, " +
			"or ZSCALER_MCP_ALLOW_HTTP=true if TLS terminates in front of the server"}
	}
	if IsUnspecifiedHost(c.Host) && len(h.AllowedHosts) == 0 {
		return &Error{Setting: EnvAllowedHosts, Reason: "binding " + c.Host + " answers on every " +
			"address of the machine, so the names clients use must be listed, " +
			"e.g. mcp.example.com,*.internal.example.com"}
	}
	if _, err := httpguard.ParseHosts(h.AllowedHosts); err != nil {
		return entryError(EnvAllowedHosts, err)
	}
	if _, err := httpguard.ParseOrigins(h.AllowedOrigins); err != nil {
		return entryError(EnvAllowedOrigins, err)
	}
	if _, err := httpguard.ParseSourceIPs(h.AllowedSourceIPs); err != nil {
		return entryError(EnvAllowedSourceIPs, err)
	}
	if err := c.resolveAuth(loopback); err != nil {
		return err
	}
	if h.Auth.Mode == AuthModeOIDC {
		if u, _ := url.Parse(h.Auth.OIDC.BaseURL); u.RawQuery != "" || u.ForceQuery {
			return &Error{Setting: EnvOIDCBaseURL, Value: h.Auth.OIDC.BaseURL,
				Reason: "must not carry a query"}
		}
	}
	return nil
}

// IsUnspecifiedHost reports whether host is the any-address, 0.0.0.0 or ::.
func IsUnspecifiedHost(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsUnspecified()
}

func entryError(setting string, err error) error {
	var ee *httpguard.EntryError
	if errors.As(err, &ee) {
		return &Error{Setting: setting, Value: ee.Entry, Reason: ee.Reason}
	}
	return &Error{Setting: setting, Reason: err.Error()}
}

// checkTLSFiles reads the certificate and key at start, so a typo or a mismatched pair
// stops the server before it listens. Contents never appear in the errors.
func checkTLSFiles(certFile, keyFile string) error {
	certPEM, err := os.ReadFile(certFile)
	if err != nil {
		return &Error{Setting: EnvTLSCertFile, Value: certFile, Reason: fileReason(err)}
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return &Error{Setting: EnvTLSKeyFile, Value: keyFile, Reason: fileReason(err)}
	}
	if _, err := tls.X509KeyPair(certPEM, keyPEM); err != nil {
		return &Error{Setting: EnvTLSCertFile, Value: certFile, Reason: "does not hold a PEM " +
			"certificate that matches the PEM private key in ZSCALER_MCP_TLS_KEYFILE"}
	}
	return nil
}

func fileReason(err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return "cannot read it: " + pathErr.Err.Error()
	}
	return "cannot read it"
}
