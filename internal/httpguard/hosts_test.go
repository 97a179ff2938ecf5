package httpguard

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHostsAllowlist(t *testing.T) {
	h, err := ParseHosts([]string{
		"mcp.example.com", "api.example.com:8443", "*.apps.example.com", "[2001:db8::1]:8000",
		"::2", "192.0.2.10", "gw.example.com:*", "Upper.Example.COM.",
	})
	require.NoError(t, err)
	cases := []struct {
		host string
		want bool
	}{
		{"mcp.example.com", true},
		{"MCP.EXAMPLE.COM:9000", true},
		{"mcp.example.com.", true},
		{"api.example.com:8443", true},
		{"api.example.com:8444", false},
		{"api.example.com", false}, // stands for port 80 on plain HTTP
		{"a.apps.example.com", true},
		{"a.b.apps.example.com:1234", true},
		{"apps.example.com", false},
		{"evilapps.example.com", false},
		{"[2001:db8::1]:8000", true},
		{"[2001:DB8:0::1]:8000", true},
		{"[2001:db8::1]:8001", false},
		{"[2001:db8::1]", false},
		{"[::2]", true},
		{"[::2]:1", true},
		{"192.0.2.10:8000", true},
		{"gw.example.com:1", true},
		{"upper.example.com", true},
		{"evil.example.com", false},
		{"localhost", false},
		{"", false},
		{"::2", false}, // a bare IPv6 address is not a valid Host header
		{"mcp.example.com:", false},
		{"mcp.example.com:99999", false},
		{"[2001:db8::1", false},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, h.Allows(tc.host, "80"), tc.host)
	}
	require.True(t, h.Allows("api.example.com", "8443"), "a Host without port stands for the default port")
}

func TestHostsLoopbackAndAny(t *testing.T) {
	h, err := ParseHosts(nil)
	require.NoError(t, err)
	require.False(t, h.Allows("localhost:8000", "80"))
	h.AllowLoopback()
	for _, host := range []string{"localhost", "LOCALHOST:8000", "127.0.0.1:8000", "127.5.5.5", "[::1]:8000", "[::1]"} {
		require.True(t, h.Allows(host, "80"), host)
	}
	for _, host := range []string{"evil.example.com", "localhost.evil.example.com", "[::2]:8000", "10.0.0.1"} {
		require.False(t, h.Allows(host, "80"), host)
	}

	anyHost, err := ParseHosts([]string{"*"})
	require.NoError(t, err)
	require.True(t, anyHost.Allows("whatever.example:1", "80"))
	require.False(t, anyHost.Allows("", "80"), "an empty Host is never allowed")
}

func TestHostsRejectMalformedEntries(t *testing.T) {
	for _, e := range []string{
		"", "mcp.example.com:0", "mcp.example.com:x", "mcp.example.com:", "[::1", "[mcp.example.com]",
		"[::1]8000", "*.", "http://mcp.example.com", "mcp example.com", "*example.com",
		"a.*.example.com", "fe80::1%eth0", "-bad.example.com",
	} {
		_, err := ParseHosts([]string{e})
		var ee *EntryError
		require.ErrorAs(t, err, &ee, "%q", e)
		require.Equal(t, e, ee.Entry)
	}
}
