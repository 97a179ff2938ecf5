package zclient

import (
	"os"
	"strconv"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// sdkTypedEnv lists the non-string ZSCALER_* variables that the SDK parses on its own
// when a configuration is built. When one does not parse, the SDK prints a line to
// stdout, which would corrupt the stdio protocol stream, so they are checked first.
var sdkTypedEnv = []struct {
	name  string
	parse func(string) error
}{
	{"ZSCALER_CLIENT_CACHE_ENABLED", parseBool},
	{"ZSCALER_CLIENT_CACHE_DEFAULT_TTL", parseDuration},
	{"ZSCALER_CLIENT_CACHE_DEFAULT_TTI", parseDuration},
	{"ZSCALER_CLIENT_CACHE_DEFAULT_SIZE", parseInt(64)},
	{"ZSCALER_CLIENT_PROXY_PORT", parseInt(32)},
	{"ZSCALER_CLIENT_REQUEST_TIMEOUT", parseDuration},
	{"ZSCALER_CLIENT_RATE_LIMIT_MAX_RETRIES", parseInt(32)},
	{"ZSCALER_CLIENT_RATE_LIMIT_MIN_WAIT", parseDuration},
	{"ZSCALER_CLIENT_RATE_LIMIT_MAX_WAIT", parseDuration},
	{"ZSCALER_CLIENT_REMAINING_THRESHOLD", parseInt(32)},
	{"ZSCALER_CLIENT_MAX_SESSION_NOT_VALID_RETRIES", parseInt(32)},
	{"ZSCALER_TESTING_DISABLE_HTTPS_CHECK", parseBool},
	{"ZSCALER_USE_LEGACY_CLIENT", parseBool},
}

// checkSDKEnv reports the first SDK variable that is set (even to "") but does not
// parse as the SDK expects.
func checkSDKEnv() error {
	for _, v := range sdkTypedEnv {
		val, ok := os.LookupEnv(v.name)
		if !ok {
			continue
		}
		if err := v.parse(val); err != nil {
			return toolerr.New(toolerr.Configuration,
				"%s has a value the Zscaler SDK cannot parse; fix or unset it", v.name)
		}
	}
	return nil
}

func parseBool(s string) error {
	_, err := strconv.ParseBool(s)
	return err
}

func parseDuration(s string) error {
	_, err := time.ParseDuration(s)
	return err
}

func parseInt(bits int) func(string) error {
	return func(s string) error {
		_, err := strconv.ParseInt(s, 0, bits)
		return err
	}
}
