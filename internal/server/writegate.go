package server

import (
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/confirm"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// newConfirmer builds the token issuer for confirmed deletes from the write settings:
// the shared key when one is configured, else a random key of this process.
func newConfirmer(d Deps) (*confirm.Confirmer, error) {
	ttl := d.Config.Writes.ConfirmationTTL
	if ttl <= 0 {
		ttl = config.DefaultConfirmation
	}
	var opts []confirm.Option
	if d.Clock != nil {
		opts = append(opts, confirm.WithClock(d.Clock))
	}
	c, err := confirm.New(d.Config.Writes.ConfirmationKey, ttl, opts...)
	if err != nil {
		return nil, &config.Error{Setting: config.EnvConfirmationKey, Reason: err.Error()}
	}
	return c, nil
}

// logWriteGate reports at start which write tools are served. A half-configured gate
// has already been reported by the selection's warning; here, with the gate open, the
// operator learns which tools got through, how confirmations are signed, and which
// allowlist patterns match no write tool at all (a typo is otherwise silent). When no
// pattern matches any write tool, the warnings are all that is said: announcing that
// write tools are enabled would be false.
func (s *Server) logWriteGate(d Deps) {
	if !s.selection.WritesOpen() {
		return
	}
	patterns := s.selection.WriteToolPatterns()
	var unmatched []string
	for _, p := range patterns {
		if !matchesWriteTool(p, s.catalog) {
			unmatched = append(unmatched, p)
		}
	}
	if len(unmatched) < len(patterns) {
		s.logWritesEnabled(d, patterns)
	}
	for _, p := range unmatched {
		s.logger.Warn("a --write-tools pattern matches no write tool", "pattern", p)
	}
}

// logWritesEnabled is the line announcing an open gate: the allowlist, the write tools
// served now, and how confirmations are signed and how long they live.
func (s *Server) logWritesEnabled(d Deps, patterns []string) {
	var served []string
	for _, t := range s.registrar.Registered() {
		if t.ChangesTenant() {
			served = append(served, t.Name)
		}
	}
	key := "per-process (tokens do not carry over to other replicas or restarts)"
	if len(d.Config.Writes.ConfirmationKey) > 0 {
		key = "shared (" + config.EnvConfirmationKey + ")"
	}
	s.logger.Info("write tools are enabled: agents can change the tenant; deletes need a "+
		"human's confirmation", "allowlist", patterns, "registered", served,
		"confirmation_key", key,
		"confirmation_ttl", s.registrar.confirm.TTL().Round(time.Second).String())
}

func matchesWriteTool(pattern string, catalog []tools.Tool) bool {
	for _, t := range catalog {
		if t.ChangesTenant() && config.MatchToolPattern(pattern, t.Name) {
			return true
		}
	}
	return false
}
