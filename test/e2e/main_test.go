// Package e2e builds the real binary and drives it with an MCP client over stdio and
// streamable HTTP against the demo tenant, asserting what a user would see: tool
// results on the protocol stream and exact audit lines on stderr.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// binary is the path of the zscaler-mcp binary built for this test run.
var binary string

// runDir holds the PID files of the servers the tests start, instead of the system run
// directory, so tests neither litter the machine nor see servers running outside them.
var runDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zscaler-mcp-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "zscaler-mcp")
	runDir = filepath.Join(dir, "run")
	build := exec.Command("go", "build", "-o", binary, "../../cmd/zscaler-mcp")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build zscaler-mcp:", err)
		os.Exit(1)
	}

	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
