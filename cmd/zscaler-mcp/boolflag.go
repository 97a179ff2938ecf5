package main

import (
	"strconv"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// boolFlag is a boolean flag that accepts the same spellings as the environment
// (true/false, 1/0, yes/no, on/off), so `--log-tool-calls=yes` works like
// ZSCALER_MCP_LOG_TOOL_CALLS=yes. A bare `--flag` means true.
type boolFlag struct{ value string }

func (b *boolFlag) String() string { return b.value }

// Set stores the value in canonical form, because viper re-reads flags of type "bool"
// with its own parser, which knows neither yes/no nor on/off.
func (b *boolFlag) Set(s string) error {
	v, err := config.ParseBool(s)
	if err != nil {
		return err
	}
	b.value = strconv.FormatBool(v)
	return nil
}

func (b *boolFlag) Type() string { return "bool" }

// IsBoolFlag lets `--flag` stand alone without a value.
func (b *boolFlag) IsBoolFlag() bool { return true }
