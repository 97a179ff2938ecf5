package config

import (
	"fmt"
	"strings"
)

// ParseBool reads a boolean setting. It accepts true/false, 1/0, yes/no and on/off in
// any case, with surrounding spaces ignored, so every boolean behaves the same whether
// it comes from a flag, the environment or a .env file.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a boolean (use true/false, 1/0, yes/no or on/off)", s)
}
