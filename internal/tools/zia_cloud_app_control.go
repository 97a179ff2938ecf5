package tools

import "context"

// Cloud app control rules are kept in one policy per rule type, so every rule call
// names the type: the API's paths are /webApplicationRules/{ruleType}[/{id}].

// ziaCloudAppRuleTypes are the rule types the API accepts.
var ziaCloudAppRuleTypes = []string{"AI_ML", "BUSINESS_PRODUCTIVITY", "CONSUMER",
	"CUSTOM_CAPP", "DNS_OVER_HTTPS", "ENTERPRISE_COLLABORATION", "FILE_SHARE", "FINANCE",
	"HEALTH_CARE", "HOSTING_PROVIDER", "HUMAN_RESOURCES", "INSTANT_MESSAGING", "IT_SERVICES",
	"LEGAL", "SALES_AND_MARKETING", "SOCIAL_NETWORKING", "STREAMING_MEDIA",
	"SYSTEM_AND_DEVELOPMENT", "WEBMAIL"}

// ziaRuleTypeParam is the rule type every cloud app control rule tool takes. It is
// checked against the API's list before any call, and the message lists the types.
var ziaRuleTypeParam = Param{Name: "rule_type", Type: String, Required: true,
	Enum: ziaCloudAppRuleTypes,
	Description: "Rule type: the category of applications the rule governs, such as " +
		"WEBMAIL, FILE_SHARE or AI_ML; each type is a policy of its own with its own " +
		"rule order and actions. The application classes WEB_MAIL and STREAMING of " +
		"zia_list_cloud_app_policy are the rule types WEBMAIL and STREAMING_MEDIA; the " +
		"other classes have the same name as their rule type."}

// ziaCloudAppControlTools returns the zia_cloud_app_control read tools.
func ziaCloudAppControlTools(up Upstream) []Tool {
	const ts = "zia_cloud_app_control"
	actions := ziaRead(ts, "zia_list_cloud_app_control_actions",
		"List ZIA cloud app control actions",
		"Lists the actions cloud app control rules of a rule type may take, such as "+
			"ALLOW_WEBMAIL_VIEW or BLOCK_WEBMAIL_ATTACHMENT_SEND. Actions belong to the rule "+
			"type, not to single applications; call this before creating or changing a rule.",
		[]Param{ziaRuleTypeParam,
			{Name: "cloud_apps", Type: StringList, JSONText: true,
				Description: "Applications of that rule type the actions are for, as ids " +
					"from zia_list_cloud_app_policy (e.g. GOOGLE_WEBMAIL). A list, or the " +
					"list written as JSON text."}},
		func(ctx context.Context, args Args) (Result, error) {
			body := map[string]any{"type": args.String("rule_type")}
			if apps := args.Strings("cloud_apps"); len(apps) > 0 {
				body["cloudApps"] = apps
			}
			path := ziaObjectPath("/webApplicationRules", args.String("rule_type")) +
				"/availableActions"
			v, err := up.ZIAPostRead(ctx, path, body)
			if err != nil {
				return Result{}, err
			}
			return List(ziaRecords(v)), nil
		})
	actions.Lists = true

	rules := ziaRead(ts, "zia_list_cloud_app_control_rules", "List ZIA cloud app control rules",
		"Lists the cloud app control rules of one rule type in policy order, with their "+
			"actions, applications and who they apply to. Ids feed "+
			"zia_get_cloud_app_control_rule with the same rule_type.",
		[]Param{ziaRuleTypeParam},
		func(ctx context.Context, args Args) (Result, error) {
			items, err := up.ZIAListUnpaged(ctx,
				ziaObjectPath("/webApplicationRules", args.String("rule_type")), nil)
			if err != nil {
				return Result{}, err
			}
			return List(items), nil
		})
	rules.Lists = true

	get := ziaRead(ts, "zia_get_cloud_app_control_rule", "Get a ZIA cloud app control rule",
		"Returns one cloud app control rule by rule type and id with all its conditions.",
		[]Param{ziaRuleTypeParam, ziaIDParam("rule_id",
			"Rule id, from zia_list_cloud_app_control_rules of the same rule type.")},
		func(ctx context.Context, args Args) (Result, error) {
			id, err := ziaIntID(args, "rule_id")
			if err != nil {
				return Result{}, err
			}
			path := ziaObjectPath(ziaObjectPath("/webApplicationRules",
				args.String("rule_type")), id.String())
			v, err := up.ZIAGet(ctx, path, nil)
			if err != nil {
				return Result{}, err
			}
			return Object(v), nil
		})

	return []Tool{actions, rules, get, ziaCloudAppCatalogTool(ts, up,
		"zia_list_cloud_app_policy", "List ZIA cloud applications for policy",
		"/cloudApplications/policy", "cloud app control and web DLP rules")}
}

// ziaRecords returns v as a list of records: a list as it is, null as an empty list,
// and any other value as the one record the API gave, kept rather than failed.
func ziaRecords(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case nil:
		return []any{}
	}
	return []any{v}
}
