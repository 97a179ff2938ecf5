package tools

import (
	"cmp"
	"slices"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaRuleFamily declares the create, update and delete tools of one family of ZIA
// policy rules. The families share the Python server's parameters: name, action,
// description, enabled, order and rank, and "advanced" for everything else.
type ziaRuleFamily struct {
	Toolset string
	// Noun forms the tool names; What names a rule in words; Path is the collection.
	Noun, What, Path string
	// ListTool lists the family's rules, for the id parameter's description.
	ListTool string
	Actions  []string
	// ActionField is the API field the action parameter sets: "action" unless the
	// family names it otherwise (baRuleAction, filteringAction).
	ActionField string
	// ActionDescription replaces the action parameter's generic description.
	ActionDescription string
	// Fields lists, for the advanced parameter's description, the fields most used.
	Fields string
	// Refs are the family's reference-list fields, which advanced accepts as ids.
	Refs []string
	// Scope, when set, is the parameter naming the policy the rules live in (the rule
	// type of cloud app control rules); see ziaCRUD.Scope.
	Scope *Param
	// ActionOptional lets a rule be created without an action.
	ActionOptional bool
	// ActionList marks families whose rules hold a list of actions ("actions"): the
	// action parameter sets it to that one action, and advanced.actions sets several.
	ActionList bool
	// Convert sets fields beyond those of the shared parameters; cur is nil on create.
	Convert func(args Args, body, cur map[string]any) error
	// CheckBody validates a rule about to be sent, on create and on update.
	CheckBody func(body map[string]any, create bool) error
	// Finish completes the body after advanced is merged (see ziaCRUD.Finish).
	Finish func(args Args, body, extra, cur map[string]any) error
	// Enums are advanced fields whose values are one of a list the description gives:
	// they are sent in the API's spelling whatever the case, and other values are
	// refused naming the field, where the API would only say the body is invalid.
	Enums map[string][]string
	// ReadOnlyPredefined refuses updates of predefined rules other than the default
	// rule, for families whose predefined rules the API keeps read-only.
	ReadOnlyPredefined bool
	// Note, when set, is a sentence added to the create and update descriptions.
	Note string
}

// ziaRuleRefs are the reference lists every rule family has.
var ziaRuleRefs = []string{"locations", "locationGroups", "groups", "departments", "users",
	"timeWindows", "labels", "deviceGroups", "devices", "workloadGroups"}

// tools declares the family's create, update and delete tools, with the parameters
// every rule shares and the family's own fields behind "advanced".
func (f ziaRuleFamily) tools(up Upstream) []Tool {
	refs := slices.Concat(ziaRuleRefs, f.Refs)
	actionField := cmp.Or(f.ActionField, "action")
	actionDescription := cmp.Or(f.ActionDescription, "What the rule does with matching traffic.")
	a := ziaArticle(f.What) + " " + f.What
	checkExisting, updateNote := ziaDeletableRule, ""
	if f.ReadOnlyPredefined {
		checkExisting = ziaReadOnlyPredefinedRule
		updateNote = " Predefined rules other than the default rule cannot be changed."
	}
	fields := map[string]string{"name": "name", "action": actionField,
		"description": "description", "order": "order", "rank": "rank"}
	var owned map[string]string
	if f.ActionList {
		delete(fields, "action")
		owned = map[string]string{"actions": "action"}
	}
	return ziaCRUD{
		Toolset: f.Toolset, Noun: f.Noun, What: f.What, Path: f.Path, Scope: f.Scope,
		IDName: "rule_id", IDDescription: "Rule id, from " + f.ListTool + ".",
		NameKeys: []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true,
				Description: "Rule name, unique among the " + f.What + "s."},
			{Name: "action", Type: String, Required: !f.ActionOptional, Enum: f.Actions,
				Description: actionDescription},
			{Name: "description", Type: String, Description: "Free-text description."},
			{Name: "enabled", Type: Boolean, Default: true,
				Description:       "Whether the rule is enforced. New rules are enabled unless false.",
				UpdateDescription: "Whether the rule is enforced; left as it is when omitted."},
			{Name: "order", Type: Integer, Min: Bound(1), Default: int64(1),
				Description: "Position in the policy, 1 evaluated first; the rules from " +
					"there on move down one. A new rule goes to 1, the top, unless given.",
				UpdateDescription: "New position in the policy, 1 evaluated first; the rule " +
					"keeps its position when omitted."},
			{Name: "rank", Type: Integer, Min: Bound(0), Max: Bound(7), Default: int64(7),
				Description: "Admin rank from 0 (highest) to 7 (lowest, the default for " +
					"new rules).",
				UpdateDescription: "Admin rank from 0 (highest) to 7 (lowest); kept when " +
					"omitted."},
		},
		Fields:        fields,
		Owned:         owned,
		Convert:       f.convert,
		CheckBody:     f.CheckBody,
		Finish:        f.finish,
		CheckExisting: checkExisting,
		CheckPatch:    ziaDefaultRulePatch,
		Advanced: &ziaAdvanced{Refs: refs, Description: "Other rule fields, named as the " +
			"API does (srcIps) or in snake case (src_ips), such as " + f.Fields +
			". Reference lists (" + strings.Join(refs, ", ") + ") take ids, e.g. " +
			`{"locations": [36788941]}. A field given replaces its current value; ` +
			"fields the API does not keep come back in ignored_fields."},
		CreateDescription: "Creates " + a + " and returns it with its id. Without order it " +
			"goes to the top of the policy. " + f.note() + ziaStagedHint,
		UpdateDescription: "Changes " + a + ": only the fields given change, the rest keep " +
			"their values (the rule is read and sent back whole)." + updateNote + " " +
			f.note() + ziaStagedHint,
		DeleteDescription: "Deletes " + a + "; default and predefined rules cannot be " +
			"deleted. " + ziaDeleteHint,
	}.tools(up)
}

// finish runs the family's Finish, then puts its enum fields in the API's spelling.
func (f ziaRuleFamily) finish(args Args, body, extra, cur map[string]any) error {
	if f.Finish != nil {
		if err := f.Finish(args, body, extra, cur); err != nil {
			return err
		}
	}
	for field, values := range f.Enums {
		switch v := body[field].(type) {
		case string:
			s, err := enumValue("advanced field", field, values, v)
			if err != nil {
				return err
			}
			body[field] = s
		case []any:
			out := make([]any, len(v))
			for i, item := range v {
				s, isText := item.(string)
				if !isText {
					out[i] = item
					continue
				}
				e, err := enumValue("advanced field", field, values, s)
				if err != nil {
					return err
				}
				out[i] = e
			}
			body[field] = out
		}
	}
	return nil
}

// note is the family's Note followed by a space, or nothing.
func (f ziaRuleFamily) note() string {
	if f.Note == "" {
		return ""
	}
	return f.Note + " "
}

// convert sets the rule's state, its list of actions where it has one, and the
// family's own fields.
func (f ziaRuleFamily) convert(args Args, body, cur map[string]any) error {
	if err := ziaRuleState(args, body, cur); err != nil {
		return err
	}
	if f.ActionList && args.Has("action") {
		body["actions"] = []any{args.String("action")}
	}
	if f.Convert != nil {
		return f.Convert(args, body, cur)
	}
	return nil
}

// ziaDeletableRule refuses to delete a default or predefined rule, which the API never
// deletes, so that nobody is asked to confirm it. Updates are left to the API: some
// fields of those rules can change.
func ziaDeletableRule(cur map[string]any, kind Kind) error {
	if kind != Delete {
		return nil
	}
	if def, _ := cur["defaultRule"].(bool); def {
		return toolerr.New(toolerr.InvalidArgument, "%q is the default rule, which cannot "+
			"be deleted", ziaFirstString(cur, "name"))
	}
	if pre, _ := cur["predefined"].(bool); pre {
		return toolerr.New(toolerr.InvalidArgument, "%q is a predefined rule, which cannot "+
			"be deleted", ziaFirstString(cur, "name"))
	}
	return nil
}

// ziaDefaultRulePatch refuses a new name or order for a default rule: the API keeps
// both as they are, last in the policy under its own name, and would answer the update
// as if it had made it.
func ziaDefaultRulePatch(cur, patch map[string]any) error {
	if def, _ := cur["defaultRule"].(bool); !def {
		return nil
	}
	var fixed []string
	for _, field := range []string{"name", "order"} {
		if v, given := patch[field]; given && !ziaSameJSON(v, cur[field]) {
			fixed = append(fixed, field)
		}
	}
	if len(fixed) == 0 {
		return nil
	}
	return toolerr.New(toolerr.InvalidArgument, "%q is the default rule, whose %s cannot "+
		"change; leave %s out (its other fields can change)", ziaFirstString(cur, "name"),
		strings.Join(fixed, " and "), strings.Join(fixed, " and "))
}

// ziaArticle returns the indefinite article for what: "an" before a vowel sound,
// including acronyms spelt out from such a letter (an SSL inspection rule, but a URL
// filtering rule).
func ziaArticle(what string) string {
	word, _, _ := strings.Cut(what, " ")
	if word == "" {
		return "a"
	}
	vowels := "aeiouAEIO"
	if len(word) > 1 && word == strings.ToUpper(word) {
		vowels = "AEFHILMNORSX"
	}
	if strings.ContainsRune(vowels, rune(word[0])) {
		return "an"
	}
	return "a"
}

// ziaReadOnlyPredefinedRule refuses, on top of what ziaDeletableRule refuses, any change
// to a predefined rule other than the default rule: the API keeps those read-only.
func ziaReadOnlyPredefinedRule(cur map[string]any, kind Kind) error {
	def, _ := cur["defaultRule"].(bool)
	if pre, _ := cur["predefined"].(bool); pre && !def && kind == Update {
		return toolerr.New(toolerr.InvalidArgument, "%q is a predefined rule, which cannot "+
			"be changed", ziaFirstString(cur, "name"))
	}
	return ziaDeletableRule(cur, kind)
}

// ziaRuleState turns the enabled flag into the API's state.
func ziaRuleState(args Args, body, _ map[string]any) error {
	if args.Has("enabled") {
		body["state"] = "DISABLED"
		if args.Bool("enabled") {
			body["state"] = "ENABLED"
		}
	}
	return nil
}

// ziaURLFilteringWriteTools returns the zia_url_filtering write tools.
func ziaURLFilteringWriteTools(up Upstream) []Tool {
	return ziaRuleFamily{
		Toolset: "zia_url_filtering", Noun: "url_filtering_rule",
		What: "URL filtering rule", Path: "/urlFilteringRules",
		ListTool: "zia_list_url_filtering_rules",
		Actions:  []string{"ALLOW", "BLOCK", "CAUTION", "ISOLATE"},
		Fields: "urlCategories (category ids such as GAMBLING or CUSTOM_01), protocols " +
			"(ANY_RULE, HTTP_RULE, HTTPS_RULE, …), requestMethods, userAgentTypes, " +
			"userRiskScoreLevels, deviceTrustLevels, blockOverride, cbiProfile",
		Refs: []string{"sourceIpGroups", "overrideUsers", "overrideGroups"},
	}.tools(up)
}

// ziaCloudFirewallWriteTools returns the write tools of the three firewall rule
// families.
func ziaCloudFirewallWriteTools(up Upstream) []Tool {
	const ts = "zia_cloud_firewall"
	ipGroups := []string{"srcIpGroups", "destIpGroups", "srcIpv6Groups", "destIpv6Groups"}
	families := []ziaRuleFamily{{
		Toolset: ts, Noun: "cloud_firewall_rule", What: "cloud firewall rule",
		Path: "/firewallFilteringRules", ListTool: "zia_list_cloud_firewall_rules",
		Actions: []string{"ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BLOCK_ICMP", "EVAL_NWAPP"},
		Fields: "srcIps, destAddresses, sourceCountries, destCountries, " +
			"excludeSrcCountries, destIpCategories, deviceTrustLevels, nwApplications, " +
			"enableFullLogging",
		Refs: slices.Concat(ipGroups, []string{"nwServices", "nwServiceGroups",
			"nwApplicationGroups", "appServices", "appServiceGroups"}),
	}, {
		Toolset: ts, Noun: "cloud_firewall_dns_rule", What: "firewall DNS rule",
		Path: "/firewallDnsRules", ListTool: "zia_list_cloud_firewall_dns_rules",
		Actions: []string{"ALLOW", "BLOCK", "REDIR_REQ", "REDIR_RES", "REDIR_ZPA",
			"BLOCK_WITH_RESPONSE", "RESOLVE_BY_ZPA", "REDIR_REQ_DOH", "REDIR_REQ_KEEP_SENDER",
			"REDIR_REQ_TCP", "REDIR_REQ_UDP"},
		Fields: "redirectIp (for the REDIR actions), blockResponseCode, srcIps, " +
			"destAddresses, destCountries, destIpCategories, resCategories, applications, " +
			"dnsRuleRequestTypes, protocols, capturePCAP",
		Refs: slices.Concat(ipGroups, []string{"applicationGroups"}),
	}, {
		Toolset: ts, Noun: "cloud_firewall_ips_rule", What: "firewall IPS rule",
		Path: "/firewallIpsRules", ListTool: "zia_list_cloud_firewall_ips_rules",
		Actions: []string{"ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BYPASS_IPS"},
		Fields: "srcIps, destAddresses, destCountries, destIpCategories, resCategories, " +
			"threatCategories, enableFullLogging, capturePCAP",
		Refs: slices.Concat(ipGroups, []string{"nwServices", "nwServiceGroups"}),
	}}
	var out []Tool
	for _, f := range families {
		out = append(out, f.tools(up)...)
	}
	return out
}
