package server

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/toolsets"
)

// Prober checks that the tenant can be reached. *zclient.Client implements it.
type Prober interface {
	CheckToken(ctx context.Context) (time.Duration, error)
}

// meta builds the always-on server tools. They describe and extend what this server
// offers, so they live beside the registrar rather than with the Zscaler tools.
type meta struct {
	srv      *Server
	enableMu sync.Mutex
}

func (m *meta) tools() []tools.Tool {
	filterParams := []tools.Param{
		{Name: "name_contains", Type: tools.String,
			Description: "Keep entries whose name contains this text (case-insensitive)."},
		{Name: "description_contains", Type: tools.String,
			Description: "Keep entries whose description contains this text (case-insensitive)."},
	}
	return []tools.Tool{
		{
			Name:  "zscaler_check_connectivity",
			Title: "Check Zscaler connectivity",
			Description: "Checks that the server can reach the tenant: obtains a OneAPI token, then " +
				"makes one cheap read per enabled service. Reports latency per step and, on " +
				"failure, the reason and what to fix.",
			Toolset: toolsets.MetaToolset, Service: tools.ServiceMeta, Kind: tools.Read,
			OpenWorld: false,
			Handler:   m.checkConnectivity,
		},
		{
			Name:  "zscaler_get_available_services",
			Title: "List available Zscaler services",
			Description: "Lists the services this server offers with the number of tools each " +
				"has enabled, the disabled services and tool patterns, and the active toolsets.",
			Toolset: toolsets.MetaToolset, Service: tools.ServiceMeta, Kind: tools.Read,
			Handler: m.availableServices,
		},
		{
			Name:  "zscaler_list_toolsets",
			Title: "List toolsets",
			Description: "Lists every toolset with its service, description, tool count, whether " +
				"it is enabled now and whether zscaler_enable_toolset can enable it.",
			Toolset: toolsets.MetaToolset, Service: tools.ServiceMeta, Kind: tools.Read,
			Params: append(filterParams[:1:1], filterParams[1],
				tools.Param{Name: "service", Type: tools.String,
					Description: "Keep toolsets of this service only, e.g. zia or zms."}),
			Lists:   true,
			Handler: m.listToolsets,
		},
		{
			Name:  "zscaler_get_toolset_tools",
			Title: "List the tools of a toolset",
			Description: "Lists the tools of one toolset with their kind (read or write) and " +
				"whether each can be called now, with the reason when it cannot.",
			Toolset: toolsets.MetaToolset, Service: tools.ServiceMeta, Kind: tools.Read,
			Params: append([]tools.Param{{Name: "toolset", Type: tools.String, Required: true,
				Description: "Toolset id, as listed by zscaler_list_toolsets."}}, filterParams...),
			Lists:   true,
			Handler: m.toolsetTools,
		},
		{
			Name:  "zscaler_enable_toolset",
			Title: "Enable a toolset",
			Description: "Enables a toolset for the rest of this server's life and registers its " +
				"tools; clients are notified that the tool list changed. Server-side " +
				"restrictions (disabled services, toolsets and tool patterns) still apply.",
			Toolset: toolsets.MetaToolset, Service: tools.ServiceMeta, Kind: tools.Create,
			Idempotent: ptr(true),
			Params: []tools.Param{{Name: "toolset", Type: tools.String, Required: true,
				Description: "Toolset id to enable, as listed by zscaler_list_toolsets."}},
			Handler: m.enableToolset,
		},
	}
}

func ptr[T any](v T) *T { return &v }

func (m *meta) availableServices(_ context.Context, _ tools.Args) (tools.Result, error) {
	sel := m.srv.selection
	enabled := map[string]any{}
	for _, svc := range toolsets.Services() {
		if !sel.ServiceEnabled(svc) {
			continue
		}
		n := 0
		for _, t := range m.srv.registrar.Registered() {
			if t.Service == svc {
				n++
			}
		}
		enabled[svc] = map[string]any{"tool_count": n}
	}

	var disabled []string
	for _, svc := range toolsets.Services() {
		if !sel.ServiceEnabled(svc) {
			disabled = append(disabled, svc)
		}
	}
	return tools.Object(map[string]any{
		"enabled_services":          enabled,
		"disabled_services":         nonNil(disabled),
		"disabled_tool_patterns":    nonNil(sel.DisabledToolPatterns()),
		"active_toolsets":           nonNil(sel.SelectedToolsets()),
		"total_toolsets_in_catalog": len(toolsets.Catalog()),
	}), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (m *meta) listToolsets(_ context.Context, args tools.Args) (tools.Result, error) {
	sel := m.srv.selection
	svc := strings.ToLower(strings.TrimSpace(args.String("service")))
	if svc != "" && svc != "meta" && !slices.Contains(toolsets.Services(), svc) {
		return tools.Result{}, toolerr.New(toolerr.InvalidArgument,
			"unknown service %q; the services are %s and meta", args.String("service"),
			strings.Join(toolsets.Services(), ", "))
	}

	var rows []any
	for _, ts := range toolsets.Catalog() {
		if !contains(ts.ID, args.String("name_contains")) ||
			!contains(ts.Description, args.String("description_contains")) {
			continue
		}
		if svc != "" && ts.Service != svc {
			continue
		}
		canEnable, reason := sel.CanEnable(ts.ID)
		row := map[string]any{
			"id":                ts.ID,
			"service":           ts.Service,
			"description":       ts.Description,
			"default":           ts.Default,
			"currently_enabled": sel.ToolsetSelected(ts.ID),
			"tool_count":        len(m.srv.toolsetTools(ts.ID)),
			"can_enable":        canEnable,
		}
		if !canEnable {
			row["unavailable_reason"] = reason
		}
		rows = append(rows, row)
	}
	return tools.List(rows), nil
}

// unknownToolset is the reason a toolset argument names no toolset. It quotes the
// argument as given: its lower-case form would carry a secret past redaction, which
// matches the secret's own spelling only.
func unknownToolset(given string) string {
	return fmt.Sprintf("unknown toolset %q; zscaler_list_toolsets lists the ids", given)
}

func (m *meta) toolsetTools(_ context.Context, args tools.Args) (tools.Result, error) {
	id := strings.ToLower(args.String("toolset"))
	if _, ok := toolsets.Lookup(id); !ok {
		return tools.Result{}, toolerr.New(toolerr.InvalidArgument, "%s",
			unknownToolset(args.String("toolset")))
	}

	var rows []any
	for _, t := range m.srv.toolsetTools(id) {
		if !contains(t.Name, args.String("name_contains")) ||
			!contains(t.Description, args.String("description_contains")) {
			continue
		}
		kind := "read"
		if t.Kind.IsWrite() {
			kind = "write"
		}
		row := map[string]any{
			"name":        t.Name,
			"title":       t.Title,
			"description": t.Description,
			"type":        kind,
			"available":   m.srv.registrar.IsRegistered(t.Name),
		}
		if reason := m.srv.selection.Unavailable(t); reason != "" && !m.srv.registrar.IsRegistered(t.Name) {
			row["unavailable_reason"] = reason
		}
		rows = append(rows, row)
	}
	return tools.List(rows), nil
}

func (m *meta) enableToolset(_ context.Context, args tools.Args) (tools.Result, error) {
	id := strings.ToLower(args.String("toolset"))
	if ok, reason := m.srv.selection.CanEnable(id); !ok {
		if _, known := toolsets.Lookup(id); !known {
			reason = unknownToolset(args.String("toolset"))
		}
		return tools.Result{}, toolerr.New(toolerr.InvalidArgument, "cannot enable %s: %s",
			args.String("toolset"), reason)
	}

	m.enableMu.Lock()
	defer m.enableMu.Unlock()

	status := "enabled"
	if !m.srv.selection.Enable(id) {
		status = "already_enabled"
	}
	added := m.srv.registerOffered(m.srv.toolsetTools(id))
	return tools.Object(map[string]any{
		"toolset":          id,
		"status":           status,
		"newly_registered": added,
	}), nil
}

func contains(s, sub string) bool {
	return sub == "" || strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// checkConnectivity obtains a token, then probes every enabled service with its
// cheapest read, reporting each step separately so a failure points at its cause.
func (m *meta) checkConnectivity(ctx context.Context, _ tools.Args) (tools.Result, error) {
	report := map[string]any{}
	connected := true

	elapsed, err := m.srv.prober.CheckToken(ctx)
	report["token"] = m.step(elapsed, err)
	if err != nil {
		report["connected"] = false
		return tools.Object(report), nil
	}

	services := map[string]any{}
	var names []string
	for svc := range m.srv.probes {
		names = append(names, svc)
	}
	sort.Strings(names)
	for _, svc := range names {
		if !m.srv.selection.ServiceEnabled(svc) {
			continue
		}
		start := time.Now()
		err := m.srv.probes[svc](ctx)
		services[svc] = m.step(time.Since(start), err)
		connected = connected && err == nil
	}
	report["services"] = services
	report["connected"] = connected
	return tools.Object(report), nil
}

// step reports one step of the check. Its error is written as a failed call's is,
// scrubbed of the configured secrets: a reason quoting a host name or a request can
// hold one.
func (m *meta) step(elapsed time.Duration, err error) map[string]any {
	out := map[string]any{"ok": err == nil, "latency_ms": elapsed.Milliseconds()}
	if err != nil {
		te := toolerr.As(err)
		out["error"] = m.srv.registrar.audit.ErrorText(string(te.Kind), te.Message)
	}
	return out
}
