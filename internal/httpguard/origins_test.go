package httpguard

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOriginsAllowlist(t *testing.T) {
	o, err := ParseOrigins([]string{"https://app.example.com", "https://*.tools.example.com",
		"http://localhost:6274/", "https://secure.example.com:443", "HTTPS://Upper.Example.com"})
	require.NoError(t, err)
	cases := []struct {
		origin string
		want   bool
	}{
		{"https://app.example.com", true},
		{"https://app.example.com:443", true},
		{"http://app.example.com", false},
		{"https://app.example.com:8443", false},
		{"https://x.tools.example.com", true},
		{"https://tools.example.com", false},
		{"https://eviltools.example.com", false},
		{"http://localhost:6274", true},
		{"http://localhost:6275", false},
		{"https://secure.example.com", true},
		{"https://upper.example.com", true},
		{"null", false},
		{"", false},
		{"https://app.example.com/path", false},
		{"https://evil.example.com", false},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, o.Allows(tc.origin), tc.origin)
	}

	o.AllowLoopback()
	require.True(t, o.Allows("http://127.0.0.1:3000"))
	require.True(t, o.Allows("https://[::1]:3000"))
	require.False(t, o.Allows("file://localhost"), "only web pages count as loopback origins")
}

func TestOriginsRejectMalformedEntries(t *testing.T) {
	for _, e := range []string{"app.example.com", "https://", "https://app.example.com/mcp",
		"https://app.example.com?x=1", "https://user@app.example.com", "https://*.", "https://a.*.example.com"} {
		_, err := ParseOrigins([]string{e})
		require.Error(t, err, e)
	}
	wildcard, err := ParseOrigins([]string{"*"})
	require.NoError(t, err)
	require.True(t, wildcard.Allows("https://anything.example"))
}

func TestGuardBrowserRefusesForeignOriginsAndServesCORS(t *testing.T) {
	o, err := ParseOrigins([]string{"https://app.example.com"})
	require.NoError(t, err)
	g := &Guard{Origins: o}
	reached := 0
	h := g.Browser(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		reached++
		w.WriteHeader(http.StatusOK)
	}), []string{"Content-Type", "Authorization", "Mcp-Session-Id"}, []string{"Mcp-Session-Id"})

	do := func(method, origin string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, "/mcp", nil)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}

	rec := do(http.MethodPost, "https://evil.example.com", nil)
	require.Equal(t, http.StatusForbidden, rec.Code)
	require.Contains(t, rec.Body.String(), `"jsonrpc":"2.0"`)
	require.Equal(t, 0, reached)

	rec = do(http.MethodOptions, "https://app.example.com", map[string]string{
		"Access-Control-Request-Method":  "POST",
		"Access-Control-Request-Headers": "authorization, content-type, mcp-session-id",
	})
	require.Equal(t, http.StatusNoContent, rec.Code)
	require.Equal(t, "https://app.example.com", rec.Header().Get("Access-Control-Allow-Origin"))
	require.Contains(t, rec.Header().Get("Access-Control-Allow-Methods"), "POST")
	require.Empty(t, rec.Header().Get("Access-Control-Allow-Credentials"))
	require.Equal(t, 0, reached, "a preflight never reaches the MCP handler")

	rec = do(http.MethodPost, "https://app.example.com", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "https://app.example.com", rec.Header().Get("Access-Control-Allow-Origin"))
	require.Equal(t, "Mcp-Session-Id", rec.Header().Get("Access-Control-Expose-Headers"))

	rec = do(http.MethodPost, "", nil)
	require.Equal(t, http.StatusOK, rec.Code, "clients that are not browsers send no Origin")
	require.Empty(t, rec.Header().Get("Access-Control-Allow-Origin"))
	require.Equal(t, 2, reached)
}
