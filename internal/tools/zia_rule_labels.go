package tools

// ziaRuleLabelTools returns the zia_rule_labels read tools.
func ziaRuleLabelTools(up Upstream) []Tool {
	const ts = "zia_rule_labels"
	return []Tool{
		ziaList{
			Name:  "zia_list_rule_labels",
			Title: "List ZIA rule labels",
			Description: "Lists the labels used to tag policy rules, with how many rules " +
				"reference each. Ids feed zia_get_rule_label and rule label references.",
			Path:   "/ruleLabels",
			Params: []Param{ziaSearchParam("label names")},
			Query:  ziaBySearch,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_rule_label",
			Title:         "Get a ZIA rule label",
			Description:   "Returns one rule label by id.",
			Path:          "/ruleLabels",
			IDName:        "label_id",
			IDDescription: "Rule label id, from zia_list_rule_labels.",
		}.tool(ts, up),
	}
}
