package main

import (
	"fmt"
	"io"
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
func printToolList(w io.Writer, cfg *config.Config) error {
	sel, _ := toolsets.NewSelection(cfg)
	byService := map[string][]tools.Tool{}
	for _, t := range append(server.MetaTools(), tools.All(nil)...) {
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
