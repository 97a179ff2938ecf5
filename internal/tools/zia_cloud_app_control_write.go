package tools

import (
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaCloudAppControlWriteTools returns the create, update and delete tools of cloud app
// control rules. Their rules hold a list of actions rather than one action, and live
// in the policy of their rule type.
func ziaCloudAppControlWriteTools(up Upstream) []Tool {
	scope := ziaRuleTypeParam
	return ziaRuleFamily{
		Toolset: "zia_cloud_app_control", Noun: "cloud_app_control_rule",
		What: "cloud app control rule", Path: "/webApplicationRules",
		ListTool: "zia_list_cloud_app_control_rules", Scope: &scope,
		ActionOptional: true, ActionList: true,
		ActionDescription: "One action for the rule, such as BLOCK_WEBMAIL_SEND; it " +
			"replaces the rule's actions. For several actions leave this out and give " +
			"advanced.actions. zia_list_cloud_app_control_actions lists those of the rule " +
			"type; a new rule needs at least one.",
		Fields: "actions (several actions of the rule type), applications (ids of that type " +
			"from zia_list_cloud_app_policy, e.g. GOOGLE_WEBMAIL), deviceTrustLevels, " +
			"userAgentTypes, userRiskScoreLevels, timeQuota, sizeQuota, cascadingEnabled, " +
			"enforceTimeValidity with validityStartTime, validityEndTime and " +
			"validityTimeZoneId, eunEnabled, cbiProfile (needed by ISOLATE actions)",
		Refs: []string{"cloudAppInstances", "tenancyProfileIds"},
		// The rule type is the rule's policy: it is set from rule_type, never from
		// advanced, so a rule cannot be sent to one policy claiming another.
		Convert: func(args Args, body, _ map[string]any) error {
			body["type"] = args.String("rule_type")
			return nil
		},
		Finish:    ziaUpperActions,
		CheckBody: ziaCheckCloudAppRuleActions,
		Note: "Each rule type is a policy of its own: order counts among the rules of " +
			"rule_type.",
	}.tools(up)
}

// ziaCheckCloudAppRuleActions refuses a rule without actions before it is sent: the
// API would refuse it too, and the agent should learn where the actions come from.
func ziaCheckCloudAppRuleActions(body map[string]any, _ bool) error {
	if actions, _ := body["actions"].([]any); len(actions) > 0 {
		return nil
	}
	return toolerr.New(toolerr.InvalidArgument, "a cloud app control rule needs at least "+
		"one action: give action, or advanced.actions for several; "+
		"zia_list_cloud_app_control_actions lists the actions of the rule type")
}

// ziaUpperActions writes the rule's actions in capitals, as the API spells every one of
// them: it refuses block_webmail_send as not valid for the rule type, which would send
// the agent looking for another action rather than another spelling.
func ziaUpperActions(_ Args, body, _, _ map[string]any) error {
	actions, _ := body["actions"].([]any)
	for i, a := range actions {
		if s, ok := a.(string); ok {
			actions[i] = strings.ToUpper(strings.TrimSpace(s))
		}
	}
	return nil
}
