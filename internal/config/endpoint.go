package config

import "strings"

// LoadEndpoint reads and validates only the settings that say where a server listens
// and how to reach it: transport, host, port and the TLS certificate file. A health
// probe needs no more, and must not call a running server unhealthy because a setting
// it does not use was mistyped after the server started. The other fields keep their
// zero values.
func LoadEndpoint(src Source) (*Config, error) {
	r := reader{src: src}
	cfg := &Config{HTTP: HTTP{TLSCertFile: r.str(EnvTLSCertFile, "")}}
	r.endpoint(cfg)
	if r.err != nil {
		return nil, r.err
	}
	if err := cfg.validateEndpoint(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// endpoint reads the transport, the host and the port into cfg.
func (r *reader) endpoint(cfg *Config) {
	cfg.Transport = strings.ToLower(r.str(EnvTransport, TransportStdio))
	// An IPv6 address may come bracketed, as in a URL; Addr adds the brackets back.
	cfg.Host = strings.Trim(r.str(EnvHost, DefaultHost), "[]")
	cfg.Port = r.port(EnvPort, DefaultPort)
}

// validateEndpoint checks the transport and the host.
func (c *Config) validateEndpoint() error {
	switch c.Transport {
	case TransportStdio, TransportStreamableHTTP, TransportSSE:
	default:
		return &Error{Setting: EnvTransport, Value: c.Transport,
			Reason: "unknown transport; use stdio, streamable-http or sse"}
	}
	if strings.TrimSpace(c.Host) == "" {
		return &Error{Setting: EnvHost, Reason: "must not be empty"}
	}
	if strings.ContainsAny(c.Host, " /") {
		return &Error{Setting: EnvHost, Value: c.Host, Reason: "not a host name or IP address"}
	}
	return nil
}
