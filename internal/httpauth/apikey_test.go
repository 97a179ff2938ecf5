package httpauth

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

func TestAPIKeyMode(t *testing.T) {
	const key = "s3cr3t-api-key-0123456789"
	logger, logs := newLogger()
	a := newAuth(t, Options{Auth: config.Auth{Mode: config.AuthModeAPIKey, APIKey: key}, Logger: logger})
	require.Equal(t, config.AuthModeAPIKey, a.Mode())
	require.Empty(t, a.Routes())

	cases := []struct {
		name   string
		header map[string]string
		status int
		reason string
	}{
		{"bearer", map[string]string{"Authorization": "Bearer " + key}, http.StatusOK, ""},
		{"bearer any case", map[string]string{"Authorization": "bearer " + key}, http.StatusOK, ""},
		{"X-Api-Key", map[string]string{"X-Api-Key": key}, http.StatusOK, ""},
		{"missing", nil, http.StatusUnauthorized, "API key required"},
		{"wrong bearer", map[string]string{"Authorization": "Bearer " + key + "x"},
			http.StatusUnauthorized, "invalid API key"},
		{"wrong header", map[string]string{"X-Api-Key": "nope-" + key}, http.StatusUnauthorized, "invalid API key"},
		{"prefix only", map[string]string{"X-Api-Key": key[:10]}, http.StatusUnauthorized, "invalid API key"},
		{"basic scheme", map[string]string{"Authorization": "Basic " + key},
			http.StatusUnauthorized, "Authorization: Bearer <key>"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(a, tc.header)
			require.Equal(t, tc.status, rec.Code, rec.Body.String())
			if tc.status == http.StatusOK {
				require.Equal(t, "api-key|api-key", rec.Body.String())
				return
			}
			require.Contains(t, rec.Body.String(), tc.reason)
			require.Contains(t, rec.Header().Get("WWW-Authenticate"), `Bearer realm="zscaler-mcp"`)
			require.NotContains(t, rec.Body.String(), key[:10])
			require.NotContains(t, rec.Header().Get("WWW-Authenticate"), key[:10])
		})
	}
	require.Contains(t, logs.String(), "client authentication failed")
	require.NotContains(t, logs.String(), key[:10], "no part of a presented key is logged")
}

func TestNoneModeLetsEveryRequestThrough(t *testing.T) {
	a := newAuth(t, Options{Auth: config.Auth{Mode: config.AuthModeNone}})
	rec := serve(a, nil)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "none|none", rec.Body.String())
}
