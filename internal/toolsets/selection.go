package toolsets

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// Selection decides which tools are offered. It is built once from the configuration
// and can grow at runtime when an agent enables a toolset, so it is safe for concurrent
// use.
type Selection struct {
	mu sync.RWMutex

	// services is nil when every service is enabled.
	services         map[string]bool
	disabledServices map[string]bool
	// toolsets is nil when every toolset is selected.
	toolsets         map[string]bool
	disabledToolsets map[string]bool
	disabledTools    []string
	writes           writeGate
}

// Warning is a problem with the selection that does not stop the server, such as an
// unknown toolset id.
type Warning string

// NewSelection builds the selection from cfg and returns warnings for unknown ids and
// for selected toolsets whose service is off.
//
// Rules, in order: disabled-tool patterns remove single tools; a service is enabled when
// --services is empty or names it, and --disabled-services does not; a toolset is
// selected when its service is enabled, --toolsets is empty or contains `all` or
// `default` or names it, and --disabled-toolsets does not name it. The meta toolset is
// always selected. A write tool is offered only when, on top of that, write tools are
// enabled and one of the --write-tools patterns matches its name.
func NewSelection(cfg *config.Config) (*Selection, []Warning) {
	s := &Selection{
		disabledServices: set(cfg.DisabledServices),
		disabledToolsets: set(cfg.DisabledToolsets),
		disabledTools:    slices.Clone(cfg.DisabledTools),
		writes:           newWriteGate(cfg.Writes),
	}
	if len(cfg.Services) > 0 {
		s.services = set(cfg.Services)
	}
	if len(cfg.Toolsets) > 0 && !slices.Contains(cfg.Toolsets, "all") &&
		!slices.Contains(cfg.Toolsets, "default") {
		s.toolsets = set(cfg.Toolsets)
	}

	var warnings []Warning
	known := Services()
	for _, svc := range append(slices.Clone(cfg.Services), cfg.DisabledServices...) {
		if !slices.Contains(known, svc) {
			warnings = append(warnings, Warning(fmt.Sprintf(
				"unknown service %q ignored; known services: %s", svc, strings.Join(known, ", "))))
		}
	}
	for _, id := range append(slices.Clone(cfg.Toolsets), cfg.DisabledToolsets...) {
		if id == "all" || id == "default" {
			continue
		}
		if _, ok := Lookup(id); !ok {
			warnings = append(warnings, Warning(fmt.Sprintf(
				"unknown toolset %q ignored; known toolsets: %s", id, strings.Join(IDs(), ", "))))
		}
	}
	for _, id := range cfg.Toolsets {
		if ts, ok := Lookup(id); ok && !s.ServiceEnabled(ts.Service) {
			warnings = append(warnings, Warning(fmt.Sprintf(
				"toolset %q serves nothing: its service %s is not enabled "+
					"(--services, --disabled-services)", id, ts.Service)))
		}
	}
	if w, ok := s.writes.warning(); ok {
		warnings = append(warnings, w)
	}
	return s, warnings
}

func set(items []string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}

// ServiceEnabled reports whether svc is enabled.
func (s *Selection) ServiceEnabled(svc string) bool {
	if svc == tools.ServiceMeta {
		return true
	}
	if s.disabledServices[svc] {
		return false
	}
	return s.services == nil || s.services[svc]
}

// ToolsetSelected reports whether the toolset's tools are offered.
func (s *Selection) ToolsetSelected(id string) bool {
	if id == MetaToolset {
		return true
	}
	ts, ok := Lookup(id)
	if !ok || !s.ServiceEnabled(ts.Service) || s.disabledToolsets[id] {
		return false
	}

	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.toolsets == nil || s.toolsets[id]
}

// ToolDisabled reports whether a disabled-tools pattern matches name.
func (s *Selection) ToolDisabled(name string) bool {
	for _, p := range s.disabledTools {
		if config.MatchToolPattern(p, name) {
			return true
		}
	}
	return false
}

// DisabledToolPatterns returns the configured disabled-tool patterns.
func (s *Selection) DisabledToolPatterns() []string {
	return slices.Clone(s.disabledTools)
}

// Offers reports whether t is offered under the current selection.
func (s *Selection) Offers(t tools.Tool) bool {
	return s.ToolsetSelected(t.Toolset) && !s.ToolDisabled(t.Name) && s.writes.allows(t)
}

// Unavailable explains why t is not offered, or returns "" when it is.
func (s *Selection) Unavailable(t tools.Tool) string {
	ts, _ := Lookup(t.Toolset)
	switch {
	case !s.ServiceEnabled(ts.Service):
		return fmt.Sprintf("service %s is not enabled on this server", ts.Service)
	case s.disabledToolsets[t.Toolset]:
		return fmt.Sprintf("toolset %s is disabled by the server's configuration", t.Toolset)
	case s.ToolDisabled(t.Name):
		return "disabled by a disabled-tools pattern"
	case !s.writes.allows(t):
		return s.writes.refusal(t)
	case !s.ToolsetSelected(t.Toolset):
		return fmt.Sprintf("toolset %s is not enabled on this server; zscaler_enable_toolset can enable it", t.Toolset)
	}
	return ""
}

// CanEnable reports whether toolset id may be enabled at runtime, with the reason when
// it may not: unknown ids, disabled services and disabled toolsets stay off.
func (s *Selection) CanEnable(id string) (bool, string) {
	ts, ok := Lookup(id)
	switch {
	case !ok:
		return false, fmt.Sprintf("unknown toolset %q; zscaler_list_toolsets lists the ids", id)
	case !s.ServiceEnabled(ts.Service):
		return false, fmt.Sprintf("service %s is not enabled on this server", ts.Service)
	case s.disabledToolsets[id]:
		return false, fmt.Sprintf("toolset %s is disabled by the server's configuration", id)
	}
	return true, ""
}

// Enable marks toolset id as selected. It reports false when it already was.
func (s *Selection) Enable(id string) bool {
	if s.ToolsetSelected(id) {
		return false
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.toolsets == nil {
		return false
	}
	s.toolsets[id] = true
	return true
}

// SelectedToolsets returns the ids of the selected toolsets, sorted.
func (s *Selection) SelectedToolsets() []string {
	var out []string
	for _, id := range IDs() {
		if s.ToolsetSelected(id) {
			out = append(out, id)
		}
	}
	return out
}
