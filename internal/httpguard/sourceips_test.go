package httpguard

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSourceIPs(t *testing.T) {
	s, err := ParseSourceIPs([]string{"10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "::1", "::ffff:198.51.100.0/120"})
	require.NoError(t, err)
	cases := []struct {
		remote string
		want   bool
	}{
		{"10.1.2.3:5555", true},
		{"11.1.2.3:5555", false},
		{"192.0.2.7:1", true},
		{"192.0.2.8:1", false},
		{"[2001:db8:1::5]:443", true},
		{"[2001:db9::5]:443", false},
		{"[::1]:8000", true},
		{"127.0.0.1:8000", false},
		{"[::ffff:10.9.9.9]:80", true},
		{"198.51.100.77:80", true},
		{"[fe80::1%eth0]:80", false},
		{"garbage", false},
		{"", false},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, s.Allows(tc.remote), tc.remote)
	}
	for _, e := range []string{"10.0.0.0/33", "10.0.0", "host.example.com", "*", "fe80::1%eth0"} {
		_, err := ParseSourceIPs([]string{e})
		require.Error(t, err, e)
	}
}

func TestGuardNetworkOrderAndStatuses(t *testing.T) {
	ips, err := ParseSourceIPs([]string{"127.0.0.1"})
	require.NoError(t, err)
	hosts, err := ParseHosts([]string{"*.example.com"})
	require.NoError(t, err)
	g := &Guard{SourceIPs: ips, Hosts: hosts}
	h := g.Network(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}))
	do := func(remote, host string) int {
		req := httptest.NewRequest(http.MethodPost, "/mcp", nil)
		req.RemoteAddr, req.Host = remote, host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	require.Equal(t, http.StatusForbidden, do("10.0.0.1:1", "evil.test"), "source address first")
	require.Equal(t, http.StatusMisdirectedRequest, do("127.0.0.1:1", "evil.test"))
	require.Equal(t, http.StatusTeapot, do("127.0.0.1:1", "mcp.example.com"))
}
