package tools

import (
	"context"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaRuleLabelWriteTools returns the zia_rule_labels write tools.
func ziaRuleLabelWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_rule_labels", Noun: "rule_label", What: "rule label",
		Path: "/ruleLabels", IDName: "label_id",
		IDDescription: "Rule label id, from zia_list_rule_labels.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true,
				Description: "Label name; names are unique in the tenant."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "description": "description"},
		CreateDescription: "Creates a rule label for tagging policy rules and returns it " +
			"with its id. " + ziaStagedHint,
		UpdateDescription: "Renames a rule label or changes its description; what is not " +
			"given keeps its value. " + ziaStagedHint,
		DeleteDescription: "Deletes a rule label. Nothing is deleted while rules still " +
			"carry it; the refusal says how many. " + ziaDeleteHint,
		CheckDelete: func(_ context.Context, cur map[string]any) error {
			return ziaRuleLabelUnused(cur)
		},
	}.tools(up)
}

// ziaRuleLabelUnused refuses to delete the rule label cur while rules carry it, as the
// API would, from the count the label itself reports: before the confirmation, so
// nobody is asked to approve a delete that cannot happen. A label without the count
// is left for the API to judge.
func ziaRuleLabelUnused(cur map[string]any) error {
	n, ok := number(cur["referencedRuleCount"])
	if !ok || n <= 0 {
		return nil
	}
	rules := "rules use"
	if n == 1 {
		rules = "rule uses"
	}
	return toolerr.New(toolerr.InvalidArgument,
		"rule label %s (%q) is still in use: %d %s it; nothing was deleted. "+
			"Take the label off those rules first",
		ziaIDText(cur["id"]), ziaField(cur, "name"), int64(n), rules)
}
