package main

import "fmt"

// Set at build time with -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
var (
	version = "dev"
	commit  = "unknown"
	date    = "unknown"
)

func versionLine() string {
	return fmt.Sprintf("zscaler-mcp %s (commit %s, built %s)", version, commit, date)
}
