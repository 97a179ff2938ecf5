package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// Cloud app control rules live in one policy per rule type, under
// /webApplicationRules/{ruleType}: order and names are per type. The applications a
// rule names come from the policy catalog at /cloudApplications/policy.

// cloudAppRuleActions lists, per rule type, the actions its rules may take; actions
// are defined per type, not per application.
var cloudAppRuleActions = map[string][]string{
	"AI_ML": {"ALLOW_AI_ML_WEB_USE", "CAUTION_AI_ML_WEB_USE", "DENY_AI_ML_WEB_USE",
		"ISOLATE_AI_ML_WEB_USE"},
	"BUSINESS_PRODUCTIVITY": {"ALLOW_BUSINESS_PRODUCTIVITY_APPS",
		"BLOCK_BUSINESS_PRODUCTIVITY_APPS", "CAUTION_BUSINESS_PRODUCTIVITY_APPS",
		"ISOLATE_BUSINESS_PRODUCTIVITY_APPS"},
	"CONSUMER": {"ALLOW_CONSUMER_APPS", "BLOCK_CONSUMER_APPS", "CAUTION_CONSUMER_APPS",
		"ISOLATE_CONSUMER_APPS"},
	"CUSTOM_CAPP":    {"ALLOW_CUSTOM_CAPP_USE", "DENY_CUSTOM_CAPP_USE", "ISOLATE_CUSTOM_CAPP_USE"},
	"DNS_OVER_HTTPS": {"ALLOW_DNS_OVER_HTTPS_USE", "DENY_DNS_OVER_HTTPS_USE"},
	"ENTERPRISE_COLLABORATION": {"ALLOW_ENTERPRISE_COLLABORATION_APPS",
		"BLOCK_ENTERPRISE_COLLABORATION_APPS", "CAUTION_ENTERPRISE_COLLABORATION_APPS",
		"ISOLATE_ENTERPRISE_COLLABORATION_APPS"},
	"FILE_SHARE": {"ALLOW_FILE_SHARE_VIEW", "ALLOW_FILE_SHARE_UPLOAD", "CAUTION_FILE_SHARE_VIEW",
		"DENY_FILE_SHARE_VIEW", "DENY_FILE_SHARE_UPLOAD", "ISOLATE_FILE_SHARE_VIEW"},
	"FINANCE": {"ALLOW_FINANCE_USE", "CAUTION_FINANCE_USE", "DENY_FINANCE_USE",
		"ISOLATE_FINANCE_USE"},
	"HEALTH_CARE": {"ALLOW_HEALTH_CARE_USE", "CAUTION_HEALTH_CARE_USE", "DENY_HEALTH_CARE_USE",
		"ISOLATE_HEALTH_CARE_USE"},
	"HOSTING_PROVIDER": {"ALLOW_HOSTING_PROVIDER_USE", "CAUTION_HOSTING_PROVIDER_USE",
		"DENY_HOSTING_PROVIDER_USE", "ISOLATE_HOSTING_PROVIDER_USE"},
	"HUMAN_RESOURCES": {"ALLOW_HUMAN_RESOURCES_USE", "CAUTION_HUMAN_RESOURCES_USE",
		"DENY_HUMAN_RESOURCES_USE", "ISOLATE_HUMAN_RESOURCES_USE"},
	"INSTANT_MESSAGING": {"ALLOW_CHAT", "ALLOW_FILE_TRANSFER_IN_CHAT", "BLOCK_CHAT",
		"BLOCK_FILE_TRANSFER_IN_CHAT", "CAUTION_CHAT", "ISOLATE_CHAT"},
	"IT_SERVICES": {"ALLOW_IT_SERVICES_USE", "CAUTION_IT_SERVICES_USE", "DENY_IT_SERVICES_USE",
		"ISOLATE_IT_SERVICES_USE"},
	"LEGAL": {"ALLOW_LEGAL_USE", "CAUTION_LEGAL_USE", "DENY_LEGAL_USE", "ISOLATE_LEGAL_USE"},
	"SALES_AND_MARKETING": {"ALLOW_SALES_MARKETING_APPS", "BLOCK_SALES_MARKETING_APPS",
		"CAUTION_SALES_MARKETING_APPS", "ISOLATE_SALES_MARKETING_APPS"},
	"SOCIAL_NETWORKING": {"ALLOW_SOCIAL_NETWORKING_VIEW", "ALLOW_SOCIAL_NETWORKING_POST",
		"BLOCK_SOCIAL_NETWORKING_VIEW", "BLOCK_SOCIAL_NETWORKING_POST",
		"CAUTION_SOCIAL_NETWORKING_VIEW"},
	"STREAMING_MEDIA": {"ALLOW_STREAMING_VIEW_LISTEN", "ALLOW_STREAMING_UPLOAD",
		"BLOCK_STREAMING_UPLOAD", "CAUTION_STREAMING_VIEW_LISTEN", "ISOLATE_STREAMING_VIEW_LISTEN"},
	"SYSTEM_AND_DEVELOPMENT": {"ALLOW_SYSTEM_DEVELOPMENT_APPS", "ALLOW_SYSTEM_DEVELOPMENT_UPLOAD",
		"BLOCK_SYSTEM_DEVELOPMENT_APPS", "BLOCK_SYSTEM_DEVELOPMENT_UPLOAD",
		"CAUTION_SYSTEM_DEVELOPMENT_APPS", "ISOLATE_SYSTEM_DEVELOPMENT_APPS"},
	"WEBMAIL": {"ALLOW_WEBMAIL_VIEW", "ALLOW_WEBMAIL_ATTACHMENT_SEND", "ALLOW_WEBMAIL_SEND",
		"CAUTION_WEBMAIL_VIEW", "BLOCK_WEBMAIL_VIEW", "BLOCK_WEBMAIL_ATTACHMENT_SEND",
		"BLOCK_WEBMAIL_SEND"},
}

// CloudAppRuleTypes returns the rule types of cloud app control rules, sorted.
func CloudAppRuleTypes() []string {
	out := make([]string, 0, len(cloudAppRuleActions))
	for t := range cloudAppRuleActions {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// appClassOf is the application class of the catalog whose applications the rules of
// a rule type name; the two enums differ in two spellings.
func appClassOf(ruleType string) string {
	switch ruleType {
	case "WEBMAIL":
		return "WEB_MAIL"
	case "STREAMING_MEDIA":
		return "STREAMING"
	}
	return ruleType
}

var cloudAppRules = ruleFamily("webApplicationRules", withFields(baseRule(), record{
	"type": "", "actions": []any{}, "applications": []any{},
	"numberOfApplications": int64(0), "timeQuota": int64(0), "sizeQuota": int64(0),
	"cascadingEnabled": false, "eunEnabled": false, "eunTemplateId": int64(0),
	"browserEunTemplateId": int64(0), "enforceTimeValidity": false,
	"validityStartTime": int64(0), "validityEndTime": int64(0), "validityTimeZoneId": "",
	"userAgentTypes": []any{}, "deviceTrustLevels": []any{}, "userRiskScoreLevels": []any{},
	"cloudAppInstances": []any{}, "tenancyProfileIds": []any{}, "cloudAppRiskProfile": nil,
	"cbiProfile": nil,
}), nil, map[string][]string{
	"deviceTrustLevels":   deviceTrustLevels,
	"userRiskScoreLevels": {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
}, checkCloudAppRule)

func init() {
	f := cloudAppRules
	tmpl := f.template
	f.template = func() record {
		r := tmpl()
		delete(r, "action")
		return r
	}
	f.enums = map[string][]string{"state": ruleStates, "type": CloudAppRuleTypes()}
	f.required = []string{"name", "actions"}
	f.managed = append(f.managed, "numberOfApplications")
	f.scope = "type"
	f.filters = map[string]filterFunc{"type": func(_ *Tenant, r record, v string) bool {
		return str(r, "type") == v
	}}
}

// checkCloudAppRule checks a rule's actions and applications against its type.
func checkCloudAppRule(_ *Tenant, rec record) *apiError {
	typ := str(rec, "type")
	allowed := cloudAppRuleActions[typ]
	isolate := false
	for _, a := range list(rec, "actions") {
		s, isStr := a.(string)
		if !isStr {
			return errInvalidBody()
		}
		if !slices.Contains(allowed, s) {
			return errInvalid("Action %s is not valid for rule type %s", s, typ)
		}
		isolate = isolate || strings.HasPrefix(s, "ISOLATE_")
	}
	if isolate && rec["cbiProfile"] == nil {
		return errInvalid("cbiProfile is required for ISOLATE actions")
	}
	apps := list(rec, "applications")
	for _, a := range apps {
		s, isStr := a.(string)
		if !isStr {
			return errInvalidBody()
		}
		app := cloudAppByID(s)
		if app == nil {
			return errInvalid("Invalid cloud application: %s", s)
		}
		if str(app, "parent") != appClassOf(typ) {
			return errInvalid("Cloud application %s is not of rule type %s", s, typ)
		}
	}
	rec["numberOfApplications"] = int64(len(apps))
	return nil
}

// webApplicationRules serves /webApplicationRules/{ruleType}[/{id}|/availableActions].
// TODO: the real answer to an unknown rule type was never recorded; 400 is a guess.
func (t *Tenant) webApplicationRules(method string, rest []string, q url.Values,
	body any) result {
	if len(rest) == 0 {
		return fail(errNotFound("Unknown endpoint %s/webApplicationRules", ziaPrefix))
	}
	typ := rest[0]
	if _, known := cloudAppRuleActions[typ]; !known {
		return fail(errInvalid("Invalid rule type: %s", typ))
	}
	if len(rest) == 2 && rest[1] == "availableActions" {
		if method != http.MethodPost {
			return fail(errMethod())
		}
		return t.availableActions(typ, body)
	}
	scoped := url.Values{}
	for k, v := range q {
		scoped[k] = v
	}
	scoped.Set("type", typ)
	if m, isObj := body.(map[string]any); isObj {
		m["type"] = typ
	}
	if len(rest) == 2 {
		if r, _ := t.find(cloudAppRules.name, rest[1]); r != nil && str(r, "type") != typ {
			return fail(errNotFound("Rule with id %s not found for rule type %s", rest[1], typ))
		}
	}
	return t.routeFamily(cloudAppRules, method, rest[1:], scoped, body)
}

// availableActions answers which actions rules of type typ may take for the given
// applications: {"cloudApps": [...], "type": "..."}.
func (t *Tenant) availableActions(typ string, body any) result {
	in, isObj := body.(map[string]any)
	if body != nil && !isObj {
		return fail(errInvalidBody())
	}
	if v, given := in["type"]; given && v != typ {
		return fail(errInvalid("type %v does not match the rule type %s", v, typ))
	}
	apps, _ := in["cloudApps"].([]any)
	if in["cloudApps"] != nil && apps == nil {
		return fail(errInvalidBody())
	}
	for _, a := range apps {
		s, _ := a.(string)
		app := cloudAppByID(s)
		if app == nil {
			return fail(errInvalid("Invalid cloud application: %v", a))
		}
		if str(app, "parent") != appClassOf(typ) {
			return fail(errInvalid("Cloud application %s is not of rule type %s", s, typ))
		}
	}
	return ok(anyStrings(cloudAppRuleActions[typ]))
}

// serveAppCatalog answers a GET of a catalog of applications rules can name
// (/cloudApplications/policy and /cloudApplications/sslPolicy): filtered by search and
// appClass (repeatable, in the catalog's spelling), paged.
// TODO: what groupResults changes was never recorded; here it orders the applications
// by class.
func serveAppCatalog(catalog []record, q url.Values) result {
	classes := q["appClass"]
	for _, c := range classes {
		if !slices.Contains(cloudAppClasses(), c) {
			return fail(errInvalid("Invalid appClass: %s", c))
		}
	}
	search := q.Get("search")
	items := []record{}
	for _, app := range catalog {
		if len(classes) > 0 && !slices.Contains(classes, str(app, "parent")) {
			continue
		}
		if search != "" && !containsFold(str(app, "app"), search) &&
			!containsFold(str(app, "appName"), search) {
			continue
		}
		items = append(items, cloneRec(app))
	}
	if q.Get("groupResults") == "true" {
		sort.SliceStable(items, func(i, j int) bool {
			return str(items[i], "parent") < str(items[j], "parent")
		})
	}
	page, aerr := paginate(items, q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}

// cloudAppClasses lists the application classes of the catalog.
func cloudAppClasses() []string {
	out := make([]string, 0, len(cloudAppRuleActions))
	for _, typ := range CloudAppRuleTypes() {
		out = append(out, appClassOf(typ))
	}
	return out
}

func cloudAppByID(id string) record {
	for _, app := range cloudAppCatalog {
		if str(app, "app") == id {
			return app
		}
	}
	return nil
}
