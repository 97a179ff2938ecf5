// Package config holds every setting of the server in one validated struct.
//
// Settings are read through a Source, a lookup by environment-variable name that the
// command line layer builds from flags, the environment and the .env file (in that order
// of precedence). Nothing below cmd/ reads flags or the process environment itself, so
// the whole configuration is visible, testable and validated in one place.
package config

import (
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"
)

// Transports the server can serve.
const (
	TransportStdio          = "stdio"
	TransportStreamableHTTP = "streamable-http"
	// TransportSSE is the older HTTP+SSE transport, for clients that speak nothing newer.
	TransportSSE = "sse"
)

// Environment variable names. Server settings use the ZSCALER_MCP_ prefix; credentials
// use the names the Zscaler SDKs and the Python server already use.
const (
	EnvTransport        = "ZSCALER_MCP_TRANSPORT"
	EnvHost             = "ZSCALER_MCP_HOST"
	EnvPort             = "ZSCALER_MCP_PORT"
	EnvServices         = "ZSCALER_MCP_SERVICES"
	EnvDisabledServices = "ZSCALER_MCP_DISABLED_SERVICES"
	EnvToolsets         = "ZSCALER_MCP_TOOLSETS"
	EnvDisabledToolsets = "ZSCALER_MCP_DISABLED_TOOLSETS"
	EnvDisabledTools    = "ZSCALER_MCP_DISABLED_TOOLS"
	EnvLogToolCalls     = "ZSCALER_MCP_LOG_TOOL_CALLS"
	EnvAuditLogFile     = "ZSCALER_MCP_AUDIT_LOG_FILE"
	EnvDebug            = "ZSCALER_MCP_DEBUG"
	EnvDotenvPath       = "ZSCALER_MCP_DOTENV_PATH"
	EnvDemo             = "ZSCALER_MCP_DEMO"
	EnvDemoLatency      = "ZSCALER_MCP_DEMO_LATENCY"
	EnvShutdownTimeout  = "ZSCALER_MCP_SHUTDOWN_TIMEOUT"
	EnvPIDFile          = "ZSCALER_MCP_PID_FILE"

	// EnvDisableOutputSanitization turns off the cleaning of tool results. It has no
	// flag on purpose: turning a safety layer off should take a deliberate setting.
	EnvDisableOutputSanitization = "ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION"

	EnvClientID     = "ZSCALER_CLIENT_ID"
	EnvClientSecret = "ZSCALER_CLIENT_SECRET"
	EnvPrivateKey   = "ZSCALER_PRIVATE_KEY"
	EnvVanityDomain = "ZSCALER_VANITY_DOMAIN"
	EnvCloud        = "ZSCALER_CLOUD"
	EnvCustomerID   = "ZSCALER_CUSTOMER_ID"
)

// Defaults for settings that have one.
const (
	DefaultHost            = "127.0.0.1"
	DefaultPort            = 8000
	DefaultShutdownTimeout = 10 * time.Second
)

// Source looks a setting up by its environment-variable name. It reports false when the
// setting is not given anywhere.
type Source func(name string) (string, bool)

// Credentials are the OneAPI settings. They only ever come from the environment or the
// .env file, never from flags, so they do not show up in process listings.
type Credentials struct {
	ClientID     string
	ClientSecret string
	PrivateKey   string
	VanityDomain string
	Cloud        string
	CustomerID   string
}

// Config is the whole, validated configuration of one server process.
type Config struct {
	Transport string
	Host      string
	Port      int

	Services         []string
	DisabledServices []string
	Toolsets         []string
	DisabledToolsets []string
	DisabledTools    []string

	LogToolCalls bool
	AuditLogFile string
	Debug        bool
	DotenvPath   string
	Demo         bool
	// DemoLatency delays every reply of the demo tenant, to try timeouts and shutdown.
	DemoLatency time.Duration

	ShutdownTimeout time.Duration
	// PIDFile names the lifecycle PID file; empty means one file per instance in the
	// run directory.
	PIDFile string

	DisableOutputSanitization bool

	// MaxResultBytes bounds the JSON text of a tool result; a longer one is cut with a
	// note saying what was left out. 0 means no bound.
	MaxResultBytes int

	Writes Writes
	HTTP   HTTP

	Credentials Credentials
}

// Error is a configuration problem. It names the setting and the offending value so the
// user can fix it; the command line exits with status 2 on it.
type Error struct {
	Setting string
	Value   string
	Reason  string
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("invalid %s: %s", e.Setting, e.Reason)
	}
	return fmt.Sprintf("invalid %s=%q: %s", e.Setting, e.Value, e.Reason)
}

// Load reads and validates every setting from src.
func Load(src Source) (*Config, error) {
	cfg := &Config{
		Transport:       TransportStdio,
		Host:            DefaultHost,
		Port:            DefaultPort,
		ShutdownTimeout: DefaultShutdownTimeout,
	}
	r := reader{src: src}

	r.endpoint(cfg)
	cfg.Services = r.list(EnvServices, true)
	cfg.DisabledServices = r.list(EnvDisabledServices, true)
	cfg.Toolsets = r.list(EnvToolsets, true)
	cfg.DisabledToolsets = r.list(EnvDisabledToolsets, true)
	cfg.DisabledTools = r.list(EnvDisabledTools, false)
	cfg.LogToolCalls = r.boolean(EnvLogToolCalls)
	cfg.AuditLogFile = r.str(EnvAuditLogFile, "")
	cfg.Debug = r.boolean(EnvDebug)
	cfg.DotenvPath = r.str(EnvDotenvPath, "")
	cfg.Demo = r.boolean(EnvDemo)
	cfg.DemoLatency = r.duration(EnvDemoLatency, 0)
	cfg.ShutdownTimeout = r.duration(EnvShutdownTimeout, DefaultShutdownTimeout)
	cfg.PIDFile = r.str(EnvPIDFile, "")
	cfg.DisableOutputSanitization = r.boolean(EnvDisableOutputSanitization)
	cfg.MaxResultBytes = r.maxResultBytes()
	cfg.Writes = r.writes()
	cfg.HTTP = r.http()
	cfg.Credentials = Credentials{
		ClientID:     r.str(EnvClientID, ""),
		ClientSecret: r.str(EnvClientSecret, ""),
		PrivateKey:   r.str(EnvPrivateKey, ""),
		VanityDomain: r.str(EnvVanityDomain, ""),
		Cloud:        r.str(EnvCloud, ""),
		CustomerID:   r.str(EnvCustomerID, ""),
	}
	if r.err != nil {
		return nil, r.err
	}

	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func (c *Config) validate() error {
	if err := c.validateEndpoint(); err != nil {
		return err
	}
	for _, p := range c.DisabledTools {
		if !validPattern(p) {
			return &Error{Setting: EnvDisabledTools, Value: p,
				Reason: "malformed pattern; use *, ?, [abc] or [!abc]"}
		}
	}
	if err := c.Writes.validate(); err != nil {
		return err
	}
	if err := checkPIDFile(c.PIDFile); err != nil {
		return err
	}
	if err := c.HTTP.validate(); err != nil {
		return err
	}
	if c.IsHTTP() {
		return c.validateHTTPTransport()
	}
	return nil
}

// IsHTTP reports whether the configured transport is served over HTTP.
func (c *Config) IsHTTP() bool {
	return c.Transport == TransportStreamableHTTP || c.Transport == TransportSSE
}

// Addr is the HTTP listen address, host:port.
func (c *Config) Addr() string {
	return net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
}

// IsLoopbackHost reports whether host (a name or an IP address, without a port) names
// this machine only.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// logList renders a list setting as the variable spells it, items separated by
// commas, rather than as Go prints a slice ("[a b]"), whose items run together when
// they contain spaces.
func logList(key string, items []string) slog.Attr {
	return slog.String(key, strings.Join(items, ", "))
}

// LogValue renders the configuration for logs with every secret left out, so the
// configuration can be logged at start without leaking credentials.
func (c *Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("transport", c.Transport),
		slog.String("addr", c.Addr()),
		logList("services", c.Services),
		logList("disabled_services", c.DisabledServices),
		logList("toolsets", c.Toolsets),
		logList("disabled_toolsets", c.DisabledToolsets),
		logList("disabled_tools", c.DisabledTools),
		slog.Bool("log_tool_calls", c.LogToolCalls),
		slog.String("audit_log_file", c.AuditLogFile),
		slog.Bool("debug", c.Debug),
		slog.String("dotenv_path", c.DotenvPath),
		slog.Bool("demo", c.Demo),
		slog.String("pid_file", c.PIDFile),
		slog.Bool("output_sanitization", !c.DisableOutputSanitization),
		slog.Int("max_result_bytes", c.MaxResultBytes),
		slog.Bool("write_enabled", c.Writes.Enabled),
		logList("write_tools", c.Writes.Tools),
		slog.Bool("confirmation_key_set", len(c.Writes.ConfirmationKey) > 0),
		slog.Bool("tls", c.HTTP.TLSCertFile != ""),
		slog.Bool("allow_http", c.HTTP.AllowHTTP),
		logList("allowed_hosts", c.HTTP.AllowedHosts),
		logList("allowed_origins", c.HTTP.AllowedOrigins),
		logList("allowed_source_ips", c.HTTP.AllowedSourceIPs),
		slog.Int64("max_request_bytes", c.HTTP.MaxRequestBytes),
		slog.String("auth_mode", c.HTTP.Auth.Mode),
		slog.Bool("auth_api_key_set", c.HTTP.Auth.APIKey != ""),
		slog.String("client_id", c.Credentials.ClientID),
		slog.Bool("client_secret_set", c.Credentials.ClientSecret != ""),
		slog.Bool("private_key_set", c.Credentials.PrivateKey != ""),
		slog.String("vanity_domain", c.Credentials.VanityDomain),
		slog.String("cloud", c.Credentials.Cloud),
		slog.String("customer_id", c.Credentials.CustomerID),
	)
}

// String is the same secret-free rendering as LogValue, for %v and %s.
func (c *Config) String() string {
	return c.LogValue().String()
}
