package main

import "github.com/zscaler/zscaler-mcp/internal/config"

// boolFlag is a boolean flag that accepts the same spellings as the environment
// (true/false, 1/0, yes/no, on/off), so `--log-tool-calls=yes` works like
// ZSCALER_MCP_LOG_TOOL_CALLS=yes. A bare `--flag` means true.
type boolFlag struct{ value string }

func (b *boolFlag) String() string { return b.value }

func (b *boolFlag) Set(s string) error {
	if _, err := config.ParseBool(s); err != nil {
		return err
	}
	b.value = s
	return nil
}

func (b *boolFlag) Type() string { return "bool" }

// IsBoolFlag lets `--flag` stand alone without a value.
func (b *boolFlag) IsBoolFlag() bool { return true }
