package tools

// All returns every Zscaler service tool, bound to up. Meta tools are not included:
// they describe the server itself and are built where the registrar lives.
func All(up Upstream) []Tool {
	all := ziaTools(up)
	all = append(all, zmsTools(up)...)
	return all
}
