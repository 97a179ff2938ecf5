package config

import (
	"encoding/base64"
	"time"
)

// Write-tool settings. Writes are off unless both the switch and an allowlist are given.
const (
	EnvWriteEnabled     = "ZSCALER_MCP_WRITE_ENABLED"
	EnvWriteTools       = "ZSCALER_MCP_WRITE_TOOLS"
	EnvConfirmationTTL  = "ZSCALER_MCP_CONFIRMATION_TTL"
	EnvConfirmationKey  = "ZSCALER_MCP_CONFIRMATION_KEY"
	DefaultConfirmation = 300 * time.Second

	// minConfirmationKey is the shortest shared confirmation key accepted, in bytes.
	minConfirmationKey = 32
)

// Writes configures the write tools and the confirmation of destructive calls.
type Writes struct {
	// Enabled is the master switch; without it no write tool is registered.
	Enabled bool
	// Tools are the fnmatch patterns of the write tools to register.
	Tools []string
	// ConfirmationTTL is how long a confirmation token stays valid.
	ConfirmationTTL time.Duration
	// ConfirmationKey signs confirmation tokens. Replicas that share it accept each
	// other's tokens; when empty a random per-process key is used.
	ConfirmationKey []byte
}

func (r *reader) writes() Writes {
	w := Writes{
		Enabled:         r.boolean(EnvWriteEnabled),
		Tools:           r.list(EnvWriteTools, false),
		ConfirmationTTL: r.duration(EnvConfirmationTTL, DefaultConfirmation),
	}
	if v, ok := r.raw(EnvConfirmationKey); ok && v != "" {
		key, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			key, err = base64.RawStdEncoding.DecodeString(v)
		}
		switch {
		case err != nil:
			// The value is a secret: never echo it.
			r.fail(&Error{Setting: EnvConfirmationKey, Reason: "not base64; generate one with `openssl rand -base64 32`"})
		case len(key) < minConfirmationKey:
			r.fail(&Error{Setting: EnvConfirmationKey, Reason: "too short; it must decode to at least 32 bytes (`openssl rand -base64 32`)"})
		default:
			w.ConfirmationKey = key
		}
	}
	return w
}

func (w Writes) validate() error {
	for _, p := range w.Tools {
		if !validPattern(p) {
			return &Error{Setting: EnvWriteTools, Value: p,
				Reason: "malformed pattern; use *, ?, [abc] or [!abc]"}
		}
	}
	if w.ConfirmationTTL < time.Second {
		return &Error{Setting: EnvConfirmationTTL, Value: w.ConfirmationTTL.String(),
			Reason: "must be at least 1 second"}
	}
	return nil
}
