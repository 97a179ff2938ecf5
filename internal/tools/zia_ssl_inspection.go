package tools

// ziaSSLInspectionTools returns the zia_ssl_inspection read tools.
func ziaSSLInspectionTools(up Upstream) []Tool {
	const ts = "zia_ssl_inspection"
	return []Tool{
		ziaList{
			Name:  "zia_list_ssl_inspection_rules",
			Title: "List ZIA SSL inspection rules",
			Description: "Lists SSL inspection rules in policy order, including predefined and " +
				"default ones, with their action object (action.type DECRYPT, DO_NOT_DECRYPT " +
				"or BLOCK and its settings), URL categories, cloud applications and the users, " +
				"groups and locations they apply to. The API has no filter for this list: use " +
				"query to narrow it. Ids feed zia_get_ssl_inspection_rule.",
			Path:    "/sslInspectionRules",
			Unpaged: true,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_ssl_inspection_rule",
			Title:         "Get a ZIA SSL inspection rule",
			Description:   "Returns one SSL inspection rule by id with its action object and conditions.",
			Path:          "/sslInspectionRules",
			IDName:        "rule_id",
			IDDescription: "SSL inspection rule id, from zia_list_ssl_inspection_rules.",
		}.tool(ts, up),
		ziaCloudAppCatalogTool(ts, up, "zia_list_cloud_app_ssl_policy",
			"List ZIA cloud applications for SSL inspection rules",
			"/cloudApplications/sslPolicy", "SSL inspection rules"),
	}
}
