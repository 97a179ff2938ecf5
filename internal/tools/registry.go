package tools

// All returns every Zscaler service tool, bound to up: reads and writes. Meta tools are
// not included: they describe the server itself and are built where the registrar
// lives. Which write tools are served is the registrar's decision.
func All(up Upstream) []Tool {
	all := ziaTools(up)
	all = append(all, ziaWriteTools(up)...)
	all = append(all, zmsTools(up)...)
	return all
}
