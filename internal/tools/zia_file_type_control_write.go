package tools

// ziaFileTypeControlWriteTools returns the zia_file_type_control write tools.
func ziaFileTypeControlWriteTools(up Upstream) []Tool {
	return ziaRuleFamily{
		Toolset: "zia_file_type_control", Noun: "file_type_control_rule",
		What: "file type control rule", Path: "/fileTypeRules",
		ListTool: "zia_list_file_type_control_rules",
		Actions:  []string{"ALLOW", "BLOCK", "CAUTION"}, ActionField: "filteringAction",
		ActionDescription: "What the rule does with matching file transfers: ALLOW, BLOCK " +
			"or CAUTION (sent as the API's filteringAction).",
		Fields: "fileTypes (names from zia_list_file_type_categories), operation (UPLOAD, " +
			"DOWNLOAD, UPLOAD_DOWNLOAD), protocols (FOHTTP_RULE, FTP_RULE, HTTPS_RULE, " +
			"HTTP_RULE), urlCategories, cloudApplications (from zia_list_cloud_app_policy), " +
			"activeContent, unscannable, passwordProtected, minSize and maxSize (KB), " +
			"sizeQuota, timeQuota, capturePCAP, deviceTrustLevels",
		Enums: map[string][]string{
			"operation": {"UPLOAD", "DOWNLOAD", "UPLOAD_DOWNLOAD"},
			"protocols": ziaFileRuleProtocols,
		},
	}.tools(up)
}

// ziaFileRuleProtocols are the protocols of file type control and sandbox rules.
var ziaFileRuleProtocols = []string{"FOHTTP_RULE", "FTP_RULE", "HTTPS_RULE", "HTTP_RULE"}
