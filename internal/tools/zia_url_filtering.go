package tools

// ziaURLFilteringTools returns the zia_url_filtering read tools.
func ziaURLFilteringTools(up Upstream) []Tool {
	const ts = "zia_url_filtering"
	return []Tool{
		ziaList{
			Name:  "zia_list_url_filtering_rules",
			Title: "List ZIA URL filtering rules",
			Description: "Lists URL filtering rules in policy order with their action, URL " +
				"categories, protocols and the users, groups and locations they apply to. " +
				"Ids feed zia_get_url_filtering_rule.",
			Path:   "/urlFilteringRules",
			Params: []Param{ziaSearchParam("rule names")},
			Query:  ziaBySearch,
			// The SDK reads this list in one request; the API returns every rule.
			Unpaged: true,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_url_filtering_rule",
			Title:         "Get a ZIA URL filtering rule",
			Description:   "Returns one URL filtering rule by id with all its conditions.",
			Path:          "/urlFilteringRules",
			IDName:        "rule_id",
			IDDescription: "URL filtering rule id, from zia_list_url_filtering_rules.",
		}.tool(ts, up),
	}
}
