package tools

// ziaSandboxWriteTools returns the zia_sandbox write tools: sandbox rule CRUD.
func ziaSandboxWriteTools(up Upstream) []Tool {
	return ziaRuleFamily{
		Toolset: "zia_sandbox", Noun: "sandbox_rule", What: "sandbox rule",
		Path: "/sandboxRules", ListTool: "zia_list_sandbox_rules",
		Actions: []string{"ALLOW", "BLOCK"}, ActionField: "baRuleAction",
		ActionDescription: "What the rule does with files the sandbox finds malicious: " +
			"BLOCK or ALLOW (sent as the API's baRuleAction).",
		Fields: "firstTimeEnable and firstTimeOperation (ALLOW_SCAN, QUARANTINE, " +
			"ALLOW_NOSCAN, QUARANTINE_ISOLATE) for files never seen before, mlActionEnabled, " +
			"byThreatScore (40 to 70), baPolicyCategories (ADWARE_BLOCK, BOTMAL_BLOCK, " +
			"ANONYP2P_BLOCK, RANSOMWARE_BLOCK, OFFSEC_TOOLS_BLOCK, SUSPICIOUS_BLOCK), fileTypes " +
			"(names from zia_list_file_type_categories), protocols (FOHTTP_RULE, FTP_RULE, " +
			"HTTPS_RULE, HTTP_RULE), urlCategories",
		Enums: map[string][]string{
			"firstTimeOperation": {"ALLOW_SCAN", "QUARANTINE", "ALLOW_NOSCAN",
				"QUARANTINE_ISOLATE"},
			"baPolicyCategories": {"ADWARE_BLOCK", "BOTMAL_BLOCK", "ANONYP2P_BLOCK",
				"RANSOMWARE_BLOCK", "OFFSEC_TOOLS_BLOCK", "SUSPICIOUS_BLOCK"},
			"protocols": ziaFileRuleProtocols,
		},
	}.tools(up)
}
