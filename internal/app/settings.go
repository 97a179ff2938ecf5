package app

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// setting ties a field of config.Config, named by its path ("HTTP.Auth.APIKey"), to
// the variable that sets it. Secret settings are never logged with their values.
type setting struct {
	field  string
	env    string
	secret bool
}

// liveSettings are applied by a reload at once.
var liveSettings = []setting{
	{"LogToolCalls", config.EnvLogToolCalls, false},
	{"AuditLogFile", config.EnvAuditLogFile, false},
	{"Debug", config.EnvDebug, false},
	{"MaxResultBytes", config.EnvMaxResultBytes, false},
	{"Credentials.ClientID", config.EnvClientID, false},
	{"Credentials.ClientSecret", config.EnvClientSecret, true},
	{"Credentials.PrivateKey", config.EnvPrivateKey, true},
	{"Credentials.VanityDomain", config.EnvVanityDomain, false},
	{"Credentials.Cloud", config.EnvCloud, false},
	{"Credentials.CustomerID", config.EnvCustomerID, false},
}

// restartSettings shape what the server is (its transport, its address, the tools it
// offers and how it guards them) and take effect only when the process starts again.
// A test checks that every field of config.Config is in one of the two lists, so a
// new setting cannot be silently ignored by reload.
var restartSettings = []setting{
	{"Transport", config.EnvTransport, false},
	{"Host", config.EnvHost, false},
	{"Port", config.EnvPort, false},
	{"Services", config.EnvServices, false},
	{"DisabledServices", config.EnvDisabledServices, false},
	{"Toolsets", config.EnvToolsets, false},
	{"DisabledToolsets", config.EnvDisabledToolsets, false},
	{"DisabledTools", config.EnvDisabledTools, false},
	{"DotenvPath", config.EnvDotenvPath, false},
	{"Demo", config.EnvDemo, false},
	{"DemoLatency", config.EnvDemoLatency, false},
	{"ShutdownTimeout", config.EnvShutdownTimeout, false},
	{"PIDFile", config.EnvPIDFile, false},
	{"DisableOutputSanitization", config.EnvDisableOutputSanitization, false},
	{"Writes.Enabled", config.EnvWriteEnabled, false},
	{"Writes.Tools", config.EnvWriteTools, false},
	{"Writes.ConfirmationTTL", config.EnvConfirmationTTL, false},
	{"Writes.ConfirmationKey", config.EnvConfirmationKey, true},
	{"HTTP.TLSCertFile", config.EnvTLSCertFile, false},
	{"HTTP.TLSKeyFile", config.EnvTLSKeyFile, false},
	{"HTTP.AllowHTTP", config.EnvAllowHTTP, false},
	{"HTTP.AllowedHosts", config.EnvAllowedHosts, false},
	{"HTTP.AllowedOrigins", config.EnvAllowedOrigins, false},
	{"HTTP.AllowedSourceIPs", config.EnvAllowedSourceIPs, false},
	{"HTTP.MaxRequestBytes", config.EnvMaxRequestBytes, false},
	{"HTTP.Auth.Mode", config.EnvAuthMode, false},
	{"HTTP.Auth.Enabled", config.EnvAuthEnabled, false},
	{"HTTP.Auth.APIKey", config.EnvAuthAPIKey, true},
	{"HTTP.Auth.JWKSURI", config.EnvAuthJWKSURI, false},
	{"HTTP.Auth.Issuer", config.EnvAuthIssuer, false},
	{"HTTP.Auth.Audience", config.EnvAuthAudience, false},
	{"HTTP.Auth.Algorithms", config.EnvAuthAlgorithms, false},
	{"HTTP.Auth.OIDC.ConfigURL", config.EnvOIDCConfigURL, false},
	{"HTTP.Auth.OIDC.BaseURL", config.EnvOIDCBaseURL, false},
	{"HTTP.Auth.OIDC.Audience", config.EnvOIDCAudience, false},
	{"HTTP.Auth.OIDC.ClientID", config.EnvOIDCClientID, false},
	{"HTTP.Auth.OIDC.RequiredScopes", config.EnvOIDCRequiredScopes, false},
}

// change is one setting whose value differs between two configurations.
type change struct {
	setting
	from, to string // empty for secrets
}

// changed lists the settings of list whose values differ from old to next.
func changed(list []setting, old, next *config.Config) []change {
	var out []change
	for _, s := range list {
		a, b := fieldValue(old, s.field), fieldValue(next, s.field)
		if reflect.DeepEqual(a.Interface(), b.Interface()) {
			continue
		}
		c := change{setting: s}
		if !s.secret {
			c.from, c.to = render(a), render(b)
		}
		out = append(out, c)
	}
	return out
}

// fieldValue returns the field at path in cfg; the path is one of the tables' own.
func fieldValue(cfg *config.Config, path string) reflect.Value {
	v := reflect.ValueOf(cfg).Elem()
	for _, name := range strings.Split(path, ".") {
		v = v.FieldByName(name)
		if !v.IsValid() {
			panic("app: no config field " + path) // a table typo; the tests catch it
		}
	}
	return v
}

func render(v reflect.Value) string {
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String {
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = v.Index(i).String()
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v.Interface())
}
