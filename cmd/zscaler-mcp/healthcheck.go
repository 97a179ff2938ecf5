package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// defaultHealthTimeout bounds one probe; container runtimes kill a health check that
// outlives its own timeout, so the probe should give up first and say why.
const defaultHealthTimeout = 3 * time.Second

// unhealthyError is any failure of the health check. It exits with status 1 whatever
// the cause, because container runtimes reserve other statuses, and it deliberately
// does not unwrap, so a configuration problem is not turned into exit status 2.
type unhealthyError struct{ msg string }

func (e *unhealthyError) Error() string { return "unhealthy: " + e.msg }

// newHealthcheckCommand builds `zscaler-mcp healthcheck`, the container image's health
// check. Images without a shell or curl can still probe the server: the binary reads
// the same flags, environment and .env file as the server, so it finds the same port
// and TLS setting, and asks GET /health on this machine.
func newHealthcheckCommand(ctx context.Context, rio runIO) *cobra.Command {
	v := viper.New()
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "healthcheck",
		Short: "Probe the HTTP transport's /health on this machine; exit 0 when healthy, else 1",
		Long: "healthcheck asks GET /health of the server configured by the same flags,\n" +
			"environment and .env file, on 127.0.0.1 when the server binds every address.\n" +
			"With ZSCALER_MCP_TLS_CERTFILE set it uses https and accepts only the certificate\n" +
			"in that file. With the stdio transport there is no endpoint to probe and it\n" +
			"exits 0. Only transport, host, port and TLS certificate file must be valid;\n" +
			"other invalid settings are reported on stderr, as the running server does not\n" +
			"use them until its next start or reload. It exits 1 on any failure, as\n" +
			"container health checks expect.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := healthConfig(cmd, v, rio.stderr)
			if err != nil {
				return &unhealthyError{err.Error()}
			}
			if !cfg.IsHTTP() {
				_, err := fmt.Fprintln(rio.stdout,
					"healthy: the stdio transport has no HTTP endpoint to probe")
				return err
			}
			ctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			target, err := probeHealth(ctx, cfg)
			if err != nil {
				return &unhealthyError{err.Error()}
			}
			_, err = fmt.Fprintf(rio.stdout, "healthy: GET %s answered 200\n", target)
			return err
		},
	}
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &unhealthyError{err.Error()}
	})
	if err := addFlags(cmd, v); err != nil {
		panic(err) // a flag declared twice is a programming error
	}
	cmd.Flags().DurationVar(&timeout, "timeout", defaultHealthTimeout, "give up after this long")
	return cmd
}

// healthConfig reads the settings the probe needs: transport, host, port and TLS
// certificate file. The server read its settings when it started (or last reloaded);
// a .env file edited since, with a mistake in a setting the probe does not use, must
// not make a server that runs fine unhealthy. Such a mistake is reported on errw, as
// the server would refuse it at its next start or reload, and the probe goes on.
func healthConfig(cmd *cobra.Command, v *viper.Viper, errw io.Writer) (*config.Config, error) {
	cfg, err := loadConfig(cmd, v)
	if err == nil {
		return cfg, nil
	}
	cfg, endErr := loadWith(cmd, v, config.LoadEndpoint)
	if endErr != nil {
		return nil, endErr
	}
	_, werr := fmt.Fprintf(errw, "note: %v; the server would refuse this at its next start "+
		"or reload, but the health check does not depend on it\n", err)
	return cfg, werr
}

// healthURL is the /health URL of the server cfg describes, seen from this machine:
// a server bound to every address (0.0.0.0 or ::) is asked on 127.0.0.1.
func healthURL(cfg *config.Config) string {
	host := cfg.Host
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	scheme := "http"
	if cfg.HTTP.TLSCertFile != "" {
		scheme = "https"
	}
	return scheme + "://" + net.JoinHostPort(host, strconv.Itoa(cfg.Port)) + "/health"
}

// probeHealth asks the server's /health and returns the URL it asked. The answer must
// be 200 with {"status":"ok"}, so another service on the port does not pass for it.
func probeHealth(ctx context.Context, cfg *config.Config) (string, error) {
	url := healthURL(cfg)
	// No Proxy: a probe of this machine must never go through HTTP_PROXY.
	tr := &http.Transport{DisableKeepAlives: true}
	if cfg.HTTP.TLSCertFile != "" {
		tlsCfg, err := pinnedTLS(cfg.HTTP.TLSCertFile)
		if err != nil {
			return url, err
		}
		tr.TLSClientConfig = tlsCfg
	}
	client := &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return url, err
	}
	resp, err := client.Do(req)
	if err != nil {
		// The client's error repeats the method and URL; keep only the cause.
		var urlErr *neturl.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return url, fmt.Errorf("GET %s: %w", url, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if err != nil {
		return url, fmt.Errorf("GET %s: read the answer: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return url, fmt.Errorf("GET %s answered %s", url, resp.Status)
	}
	var health struct {
		Status string `json:"status"`
	}
	if json.Unmarshal(body, &health) != nil || health.Status != "ok" {
		return url, fmt.Errorf("GET %s answered 200 but not {\"status\":\"ok\"}; "+
			"is another service listening on port %d?", url, cfg.Port)
	}
	return url, nil
}

// pinnedTLS trusts exactly the certificate the server is configured to present. The
// name in that certificate is the server's public name, not the loopback address the
// probe dials, so the usual name check cannot apply; comparing the certificate itself
// is stricter than a CA check and needs no CA bundle.
func pinnedTLS(certFile string) (*tls.Config, error) {
	data, err := os.ReadFile(certFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", config.EnvTLSCertFile, err)
	}
	var leaf []byte
	for block, rest := pem.Decode(data); block != nil; block, rest = pem.Decode(rest) {
		if block.Type == "CERTIFICATE" {
			leaf = block.Bytes
			break
		}
	}
	if leaf == nil {
		return nil, fmt.Errorf("%s %s holds no PEM certificate", config.EnvTLSCertFile, certFile)
	}
	if _, err := x509.ParseCertificate(leaf); err != nil {
		return nil, fmt.Errorf("%s %s: %w", config.EnvTLSCertFile, certFile, err)
	}
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		// The standard verification is replaced by the comparison below, not dropped.
		InsecureSkipVerify: true, //nolint:gosec // VerifyConnection pins the configured certificate
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 || !bytes.Equal(cs.PeerCertificates[0].Raw, leaf) {
				return errors.New("the server presented a certificate other than the one in " +
					config.EnvTLSCertFile + "; restart it after replacing the certificate")
			}
			return nil
		},
	}, nil
}
