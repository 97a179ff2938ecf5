package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/server"
	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/toolsets"
)

// printToolList prints every tool of the enabled services, grouped by service, marked
// read or write. It lists what the binary can offer, and marks with "*" the tools this
// configuration would serve at start, after toolset selection, --disabled-tools and
// the write gate, so an operator can check a configuration without starting a server.
// What a server start would warn about in that selection goes to warn, one line each.
func printToolList(w, warn io.Writer, cfg *config.Config) error {
	sel, warnings := toolsets.NewSelection(cfg)
	catalog := append(server.MetaTools(), tools.All(nil)...)
	for _, msg := range warnings {
		fmt.Fprintf(warn, "warning: %s\n", msg)
	}
	for _, p := range unmatchedWritePatterns(sel, catalog) {
		fmt.Fprintf(warn, "warning: a --write-tools pattern matches no write tool: %s\n", p)
	}

	byService := map[string][]tools.Tool{}
	for _, t := range catalog {
		if sel.ServiceEnabled(t.Service) {
			byService[t.Service] = append(byService[t.Service], t)
		}
	}

	services := make([]string, 0, len(byService))
	total := 0
	for svc, ts := range byService {
		services = append(services, svc)
		total += len(ts)
	}
	sort.Strings(services)
	served := 0
	for _, ts := range byService {
		for _, t := range ts {
			if sel.Offers(t) {
				served++
			}
		}
	}
	counts := make([]string, 0, len(services))
	for _, svc := range services {
		counts = append(counts, fmt.Sprintf("%s %d", svc, len(byService[svc])))
	}

	var b strings.Builder
	fmt.Fprintf(&b, "zscaler-mcp %s: %d tools (%s)\n", version, total, strings.Join(counts, ", "))
	fmt.Fprintf(&b, "* = served by this configuration at start (%d): toolsets, --disabled-tools "+
		"and the write gate decide; zscaler_enable_toolset can add more at runtime\n", served)
	for _, svc := range services {
		ts := byService[svc]
		sort.Slice(ts, func(i, j int) bool { return ts[i].Name < ts[j].Name })
		fmt.Fprintf(&b, "\n%s (%d):\n", svc, len(ts))
		for _, t := range ts {
			mark := " "
			if sel.Offers(t) {
				mark = "*"
			}
			fmt.Fprintf(&b, "%s %-48s [%s] %s\n", mark, t.Name, server.KindLabel(t), t.Title)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// unmatchedWritePatterns returns the --write-tools patterns that name no write tool of
// catalog, when the write gate is open: a typo there silently leaves a tool off.
func unmatchedWritePatterns(sel *toolsets.Selection, catalog []tools.Tool) []string {
	if !sel.WritesOpen() {
		return nil
	}
	var unmatched []string
	for _, p := range sel.WriteToolPatterns() {
		if !slices.ContainsFunc(catalog, func(t tools.Tool) bool {
			return t.ChangesTenant() && config.MatchToolPattern(p, t.Name)
		}) {
			unmatched = append(unmatched, p)
		}
	}
	return unmatched
}
