package server

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/toolsets"
)

// ToolsMarkdown renders the tool reference, docs/tools.md, from the registry itself so
// the documentation cannot drift from what the server serves.
func ToolsMarkdown() string {
	byToolset := map[string][]tools.Tool{}
	for _, t := range append(MetaTools(), tools.All(nil)...) {
		byToolset[t.Toolset] = append(byToolset[t.Toolset], t)
	}

	var b strings.Builder
	b.WriteString("# Tools\n\n")
	b.WriteString("Generated from the tool registry; do not edit by hand (run `make docs`).\n\n")
	b.WriteString("Every tool is listed with its kind and parameters (`!` marks a required one).\n\n")
	b.WriteString("Tools that return a list of records take an optional `query`, a JMESPath ")
	b.WriteString("expression over the records as the API returns them, such as ")
	b.WriteString("`[?state=='ENABLED'].{id: id, name: name}`. A result longer than the ")
	fmt.Fprintf(&b, "configured limit (`%s`, %s bytes by default) ", config.EnvMaxResultBytes,
		thousands(config.DefaultMaxResultBytes))
	b.WriteString("is cut with a note that says what was left out. Both are described in ")
	b.WriteString("[results.md](results.md). Deletes take a `confirmation_token`; see ")
	b.WriteString("[security.md](security.md#write-tools).\n")

	for _, ts := range toolsets.Catalog() {
		list := byToolset[ts.ID]
		sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
		fmt.Fprintf(&b, "\n## `%s` (%s, %d tools)\n\n%s.\n", ts.ID, ts.Service, len(list), ts.Description)
		if len(list) == 0 {
			continue
		}
		b.WriteString("\n| Tool | Kind | Parameters | Description |\n|---|---|---|---|\n")
		for _, t := range list {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", t.Name, KindLabel(t), paramList(ServedParams(t)),
				strings.ReplaceAll(t.Description, "|", "\\|"))
		}
	}
	return b.String()
}

// KindLabel names what a tool does: read, write:<kind>, or server for the meta tool
// that changes this server's tool list rather than the tenant.
func KindLabel(t tools.Tool) string {
	switch {
	case t.Service == tools.ServiceMeta && t.Kind.IsWrite():
		return "server"
	case t.Kind.IsWrite():
		return "write:" + t.Kind.String()
	}
	return "read"
}

func paramList(params []tools.Param) string {
	if len(params) == 0 {
		return "–"
	}
	out := make([]string, 0, len(params))
	for _, p := range params {
		name := "`" + p.Name + "`"
		if p.Required {
			name += "!"
		}
		out = append(out, name)
	}
	return strings.Join(out, ", ")
}

// thousands writes n with commas between groups of three digits: 200,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
