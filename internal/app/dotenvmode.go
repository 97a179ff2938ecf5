package app

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/joho/godotenv"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// secretNames are the variables whose values must not be readable by other users.
// A private key counts only when the value is the key itself, not the path of one.
var secretNames = []string{
	config.EnvClientSecret, config.EnvPrivateKey, config.EnvAuthAPIKey, config.EnvConfirmationKey,
}

// warnReadableDotenv warns once when the .env file at path holds a secret and its mode
// lets the group or other users read it. Nothing is said about files without secrets,
// and nothing on Windows, where mode bits do not describe who may read a file.
func warnReadableDotenv(logger *slog.Logger, path string) {
	if path == "" || runtime.GOOS == "windows" {
		return
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm()&0o044 == 0 {
		return
	}
	held := dotenvSecrets(path)
	if len(held) == 0 {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	logger.Warn("the .env file holds secrets and other users of this machine can read it; "+
		"restrict it with: chmod 600 "+path,
		"mode", info.Mode().Perm().String(), "secrets", strings.Join(held, ","))
}

// dotenvSecrets names the secret variables that have a value in the .env file. The
// file was parsed already, so a read or parse failure here only means no warning.
func dotenvSecrets(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	values, err := godotenv.UnmarshalBytes(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if err != nil {
		return nil
	}
	var held []string
	for _, name := range secretNames {
		v := strings.TrimSpace(values[name])
		if v == "" || (name == config.EnvPrivateKey && !strings.Contains(v, "PRIVATE KEY")) {
			continue
		}
		held = append(held, name)
	}
	return held
}
