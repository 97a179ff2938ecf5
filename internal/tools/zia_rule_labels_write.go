package tools

// ziaRuleLabelWriteTools returns the zia_rule_labels write tools.
func ziaRuleLabelWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_rule_labels", Noun: "rule_label", What: "rule label",
		Path: "/ruleLabels", IDName: "label_id",
		IDDescription: "Rule label id, from zia_list_rule_labels.",
		NumericID:     true, NameKeys: []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true,
				Description: "Label name; names are unique in the tenant."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "description": "description"},
		CreateDescription: "Creates a rule label for tagging policy rules and returns it " +
			"with its id. " + ziaStagedHint,
		UpdateDescription: "Renames a rule label or changes its description; what is not " +
			"given keeps its value. " + ziaStagedHint,
		DeleteDescription: "Deletes a rule label; the API refuses while rules still " +
			"carry it. " + ziaDeleteHint,
	}.tools(up)
}
