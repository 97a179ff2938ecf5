package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReadableDotenvWithSecretsIsWarnedAboutOnce(t *testing.T) {
	const pem = "-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----"
	cases := []struct {
		name, body string
		mode       os.FileMode
		want       string // the secrets named in the warning; empty for no warning
	}{
		{"secret, world-readable", "ZSCALER_CLIENT_ID=id\nZSCALER_CLIENT_SECRET=s3cr3t-value\n",
			0o644, "ZSCALER_CLIENT_SECRET"},
		{"secret, group-readable", "ZSCALER_MCP_AUTH_API_KEY=k3y-value\n",
			0o640, "ZSCALER_MCP_AUTH_API_KEY"},
		{"inline key and confirmation key", "ZSCALER_PRIVATE_KEY=\"" + pem + "\"\n" +
			"ZSCALER_MCP_CONFIRMATION_KEY=abc\n", 0o604, "ZSCALER_PRIVATE_KEY,ZSCALER_MCP_CONFIRMATION_KEY"},
		{"secret, owner only", "ZSCALER_CLIENT_SECRET=s3cr3t-value\n", 0o600, ""},
		{"secret, group-writable but not readable", "ZSCALER_CLIENT_SECRET=s3cr3t-value\n", 0o620, ""},
		{"no secret", "ZSCALER_CLIENT_ID=id\nZSCALER_MCP_PORT=8000\n", 0o644, ""},
		{"empty secret", "ZSCALER_CLIENT_SECRET=\n", 0o644, ""},
		{"commented secret", "# ZSCALER_CLIENT_SECRET=s3cr3t-value\n", 0o644, ""},
		{"path of a key", "ZSCALER_PRIVATE_KEY=/run/secrets/key.pem\n", 0o644, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".env")
			require.NoError(t, os.WriteFile(path, []byte(tc.body), 0o600))
			require.NoError(t, os.Chmod(path, tc.mode))

			var out bytes.Buffer
			warnReadableDotenv(NewLogger(&out, false), path)
			log := out.String()
			if tc.want == "" {
				require.Empty(t, log)
				return
			}
			require.Equal(t, 1, strings.Count(log, "\n"), "one warning line: %s", log)
			require.Contains(t, log, "level=WARN")
			require.Contains(t, log, "chmod 600 "+path)
			require.Contains(t, log, " secrets="+tc.want+"\n")
			require.NotContains(t, log, "-value", "the values are never shown")
			require.NotContains(t, log, "MIIB")
		})
	}
}

func TestNoDotenvNoWarning(t *testing.T) {
	var out bytes.Buffer
	warnReadableDotenv(NewLogger(&out, false), "")
	warnReadableDotenv(NewLogger(&out, false), filepath.Join(t.TempDir(), "missing.env"))
	require.Empty(t, out.String())
}
