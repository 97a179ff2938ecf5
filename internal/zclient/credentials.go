package zclient

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"regexp"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// MissingCredentials names the environment variables that must still be set before
// the tenant can be reached. An empty result means the OneAPI settings are complete
// (ZMS also needs ZSCALER_CUSTOMER_ID, checked per call).
func MissingCredentials(cr Credentials) []string {
	var missing []string
	if strings.TrimSpace(cr.ClientID) == "" {
		missing = append(missing, "ZSCALER_CLIENT_ID")
	}
	if strings.TrimSpace(cr.ClientSecret) == "" && strings.TrimSpace(cr.PrivateKey) == "" {
		missing = append(missing, "ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY")
	}
	if strings.TrimSpace(cr.VanityDomain) == "" {
		missing = append(missing, "ZSCALER_VANITY_DOMAIN")
	}
	return missing
}

// hostLabel matches what may go into a hostname: the vanity domain and the cloud
// name are pasted into https://{vanity}.zslogin{cloud}.net by the SDK.
var hostLabel = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// checkCredentials refuses settings that cannot work, before any network call.
func checkCredentials(cr Credentials) error {
	if missing := MissingCredentials(cr); len(missing) > 0 {
		return toolerr.New(toolerr.Configuration,
			"missing OneAPI settings: %s; set them in the environment or the .env file and restart the server",
			strings.Join(missing, ", "))
	}
	if !hostLabel.MatchString(strings.TrimSpace(cr.VanityDomain)) {
		return toolerr.New(toolerr.Configuration,
			"ZSCALER_VANITY_DOMAIN must be the bare vanity name (e.g. acme), not a URL")
	}
	if cloud := strings.TrimSpace(cr.Cloud); cloud != "" && !hostLabel.MatchString(cloud) {
		return toolerr.New(toolerr.Configuration,
			"ZSCALER_CLOUD must be a cloud name such as beta, or empty for production")
	}
	return nil
}

// loadPrivateKey returns the PEM bytes of the private key setting, which holds
// either the key itself or a path to it. The SDK would read the file itself but
// reports failures on stdout, which in stdio mode is the protocol stream.
func loadPrivateKey(setting string) ([]byte, error) {
	setting = strings.TrimSpace(setting)
	if setting == "" {
		return nil, nil
	}
	data := []byte(setting)
	if !strings.Contains(setting, "-----BEGIN") {
		b, err := os.ReadFile(setting)
		if err != nil {
			return nil, toolerr.Wrap(toolerr.Configuration, err,
				"ZSCALER_PRIVATE_KEY is neither a PEM key nor a readable key file")
		}
		data = b
	}
	if !isRSAKey(data) {
		return nil, toolerr.New(toolerr.Configuration,
			"ZSCALER_PRIVATE_KEY does not hold an unencrypted RSA private key in PEM form")
	}
	return data, nil
}

// isRSAKey reports whether data is a PEM RSA key in PKCS #1 or PKCS #8 form, the
// forms the SDK's JWT signer accepts.
func isRSAKey(data []byte) bool {
	block, _ := pem.Decode(data)
	if block == nil {
		return false
	}
	if _, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return true
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return false
	}
	_, ok := key.(*rsa.PrivateKey)
	return ok
}
