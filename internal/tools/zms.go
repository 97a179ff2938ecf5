package tools

// zmsTools returns the ZMS (Microsegmentation) tools. ZMS is a GraphQL API and every
// tool is a read; each group of tools lives in its own file.
func zmsTools(up Upstream) []Tool {
	var all []Tool
	all = append(all, zmsAgentTools(up)...)
	all = append(all, zmsNonceTools(up)...)
	all = append(all, zmsResourceTools(up)...)
	all = append(all, zmsPolicyTools(up)...)
	all = append(all, zmsTagTools(up)...)
	return all
}
