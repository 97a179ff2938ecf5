package tools

// ziaDLPWriteTools returns the zia_dlp write tools: web DLP rules. Dictionaries and
// engines are read-only here, as in the Python server.
func ziaDLPWriteTools(up Upstream) []Tool {
	return ziaRuleFamily{
		Toolset: "zia_dlp", Noun: "web_dlp_rule", What: "web DLP rule",
		Path: "/webDlpRules", ListTool: "zia_list_web_dlp_rules",
		Actions:        []string{"ALLOW", "BLOCK", "ICAP_RESPONSE", "ANY", "NONE"},
		ActionOptional: true,
		ActionDescription: "What the rule does with matching content: ALLOW (record the " +
			"violation only), BLOCK, or ICAP_RESPONSE (hand the content to the DLP server " +
			"of advanced.icapServer). The API allows when no action is given.",
		Fields: "dlpEngines (engine ids from get_zia_dlp_engines, at most 4), protocols " +
			"(ANY_RULE, FTP_RULE, HTTPS_RULE, HTTP_RULE), fileTypes, cloudApplications (ids " +
			"from zia_list_cloud_app_policy), minSize, severity (RULE_SEVERITY_HIGH, …), " +
			"withoutContentInspection, matchOnly, ocrEnabled, zscalerIncidentReceiver, " +
			"userRiskScoreLevels, icapServer, notificationTemplate and auditor ({\"id\": n})",
		Refs: []string{"dlpEngines", "urlCategories", "excludedGroups", "excludedDepartments",
			"excludedUsers", "includedDomainProfiles", "excludedDomainProfiles",
			"sourceIpGroups", "fileTypeCategories"},
	}.tools(up)
}
