package toolsets

import (
	"fmt"
	"slices"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// writeGate decides which write tools may be offered. It fails closed: both the
// switch and at least one allowlist pattern are needed, and a write tool must match a
// pattern by name. The meta tool that enables toolsets changes this server, not the
// tenant, and is not a write tool in this sense.
type writeGate struct {
	enabled  bool
	patterns []string
}

func newWriteGate(w config.Writes) writeGate {
	return writeGate{enabled: w.Enabled, patterns: slices.Clone(w.Tools)}
}

// open reports whether any write tool can be offered at all.
func (g writeGate) open() bool { return g.enabled && len(g.patterns) > 0 }

// allows reports whether t passes the gate. Read tools always do.
func (g writeGate) allows(t tools.Tool) bool {
	if !t.ChangesTenant() {
		return true
	}
	if !g.open() {
		return false
	}
	for _, p := range g.patterns {
		if config.MatchToolPattern(p, t.Name) {
			return true
		}
	}
	return false
}

// refusal explains why t does not pass the gate, or returns "".
func (g writeGate) refusal(t tools.Tool) string {
	switch {
	case g.allows(t):
		return ""
	case !g.enabled:
		return "write tools are off on this server (--enable-write-tools)"
	case len(g.patterns) == 0:
		return "no write tool is allowed on this server (--write-tools is empty)"
	}
	return "this write tool is not in the server's --write-tools allowlist"
}

// warning is the one start-up line naming what is missing when only half of the gate
// is configured; ok is false when there is nothing to say.
func (g writeGate) warning() (Warning, bool) {
	switch {
	case g.enabled && len(g.patterns) == 0:
		return Warning(fmt.Sprintf("write tools stay off: --enable-write-tools (%s) is set "+
			"but --write-tools (%s) names no tool", config.EnvWriteEnabled, config.EnvWriteTools)), true
	case !g.enabled && len(g.patterns) > 0:
		return Warning(fmt.Sprintf("write tools stay off: --write-tools (%s) is set but "+
			"--enable-write-tools (%s) is not", config.EnvWriteTools, config.EnvWriteEnabled)), true
	}
	return "", false
}

// WritesOpen reports whether the write gate is configured to let any write tool in.
func (s *Selection) WritesOpen() bool { return s.writes.open() }

// WriteToolPatterns returns the write allowlist.
func (s *Selection) WriteToolPatterns() []string { return slices.Clone(s.writes.patterns) }

// WriteAllowed reports whether the write gate lets t be offered and called. It holds
// for every read tool; the server checks it again at call time.
func (s *Selection) WriteAllowed(t tools.Tool) bool { return s.writes.allows(t) }
