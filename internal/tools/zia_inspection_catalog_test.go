package tools

import "maps"

// The sandbox, SSL inspection and file type control tools, as the Python server names
// them, and the endpoint each read calls. Deviations: the SSL rule list takes no
// search (the API has none, nor does the Python server), and enums of
// zia_list_file_type_categories is the API's list of policy names, not the Python
// server's boolean, which the API cannot use.
func init() {
	maps.Copy(ziaExpectedParams, map[string][]string{
		"zia_get_sandbox_quota":               nil,
		"zia_get_sandbox_behavioral_analysis": nil,
		"zia_get_sandbox_file_hash_count":     nil,
		"zia_get_sandbox_report":              {"md5_hash", "report_details"},
		"zia_list_sandbox_rules":              {"search"},
		"zia_get_sandbox_rule":                {"rule_id"},
		"zia_list_ssl_inspection_rules":       nil,
		"zia_get_ssl_inspection_rule":         {"rule_id"},
		"zia_list_cloud_app_ssl_policy": {"app_class", "group_results", "page", "page_size",
			"search"},
		"zia_list_file_type_control_rules": {"search"},
		"zia_get_file_type_control_rule":   {"rule_id"},
		"zia_list_file_type_categories":    {"enums", "exclude_custom_file_types"},
	})
	maps.Copy(ziaRoutes, map[string]ziaRoute{
		"zia_get_sandbox_quota": {nil, "unpaged", "/sandbox/report/quota", ""},
		"zia_get_sandbox_behavioral_analysis": {nil, "get",
			"/behavioralAnalysisAdvancedSettings", ""},
		"zia_get_sandbox_file_hash_count": {nil, "get",
			"/behavioralAnalysisAdvancedSettings/fileHashCount", ""},
		"zia_get_sandbox_report": {map[string]any{"md5_hash": " 44D88612FEA8A8F36DE82E1278ABB02F ",
			"report_details": "FULL"}, "get", "/sandbox/report/44d88612fea8a8f36de82e1278abb02f",
			"details=full"},
		"zia_list_sandbox_rules": {map[string]any{"search": "malware"}, "unpaged",
			"/sandboxRules", "search=malware"},
		"zia_get_sandbox_rule": {map[string]any{"rule_id": 1695000.0}, "get",
			"/sandboxRules/1695000", ""},
		"zia_list_ssl_inspection_rules": {nil, "unpaged", "/sslInspectionRules", ""},
		"zia_get_ssl_inspection_rule": {map[string]any{"rule_id": "184200"}, "get",
			"/sslInspectionRules/184200", ""},
		"zia_list_cloud_app_ssl_policy": {map[string]any{"search": "drive",
			"app_class": "FILE_SHARE", "group_results": false}, "list",
			"/cloudApplications/sslPolicy", "appClass=FILE_SHARE&groupResults=false&search=drive"},
		"zia_list_file_type_control_rules": {map[string]any{"search": "exe"}, "list",
			"/fileTypeRules", ""},
		"zia_get_file_type_control_rule": {map[string]any{"rule_id": "1696000"}, "get",
			"/fileTypeRules/1696000", ""},
		"zia_list_file_type_categories": {map[string]any{"enums": []any{"ZSCALERDLP",
			"EXTERNALDLP"}, "exclude_custom_file_types": true}, "list", "/fileTypeCategories",
			"enums=ZSCALERDLP&enums=EXTERNALDLP&excludeCustomFileTypes=true"},
	})
	maps.Copy(ziaExpectedWriteParams, map[string][]string{
		"zia_create_sandbox_rule":           ruleParams,
		"zia_update_sandbox_rule":           updateOf("rule_id", ruleParams...),
		"zia_delete_sandbox_rule":           {"rule_id"},
		"zia_create_ssl_inspection_rule":    ruleParams,
		"zia_update_ssl_inspection_rule":    updateOf("rule_id", ruleParams...),
		"zia_delete_ssl_inspection_rule":    {"rule_id"},
		"zia_create_file_type_control_rule": ruleParams,
		"zia_update_file_type_control_rule": updateOf("rule_id", ruleParams...),
		"zia_delete_file_type_control_rule": {"rule_id"},
	})
}
