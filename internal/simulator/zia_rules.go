package simulator

import (
	"maps"
	"net/url"
	"slices"
	"strings"
)

// ruleRefCollections maps every rule field holding [{id}] references to the collection
// it points into. Fields of objects the simulator does not model (time windows,
// devices, workload groups …) are kept as sent.
var ruleRefCollections = map[string]string{
	"locations": "locations", "locationGroups": "locationGroups", "groups": "groups",
	"departments": "departments", "users": "users", "labels": "ruleLabels",
	"srcIpGroups": "ipSourceGroups", "sourceIpGroups": "ipSourceGroups",
	"destIpGroups": "ipDestinationGroups", "nwServices": "networkServices",
	"nwServiceGroups": "networkServiceGroups", "nwApplicationGroups": "networkApplicationGroups",
	"overrideUsers": "users", "overrideGroups": "groups",
}

var ruleStates = []string{"ENABLED", "DISABLED"}

var deviceTrustLevels = []string{"ANY", "UNKNOWN_DEVICETRUSTLEVEL", "LOW_TRUST",
	"MEDIUM_TRUST", "HIGH_TRUST"}

// baseRule holds the fields every rule family shares.
func baseRule() record {
	return record{"id": int64(0), "name": "", "order": int64(0), "rank": int64(7),
		"accessControl": "READ_WRITE", "action": "", "state": "ENABLED", "description": "",
		"lastModifiedTime": int64(0), "lastModifiedBy": nil, "predefined": false,
		"defaultRule": false, "locations": []any{}, "locationGroups": []any{},
		"groups": []any{}, "departments": []any{}, "users": []any{}, "timeWindows": []any{},
		"labels": []any{}, "deviceGroups": []any{}, "devices": []any{}}
}

func withFields(base record, extra record) func() record {
	return func() record {
		r := cloneRec(base)
		maps.Copy(r, cloneRec(extra))
		return r
	}
}

// ruleFamily builds a rule collection from its template and action values.
func ruleFamily(name string, tmpl func() record, actions []string, enumLists map[string][]string,
	extraPrepare func(t *Tenant, rec record) *apiError) *family {
	sample := tmpl()
	refs := map[string]string{}
	for k, coll := range ruleRefCollections {
		if _, found := sample[k]; found {
			refs[k] = coll
		}
	}
	return register(&family{
		name:     name,
		template: tmpl,
		managed: []string{"lastModifiedTime", "lastModifiedBy", "predefined", "defaultRule",
			"accessControl"},
		refLists:  refs,
		enums:     map[string][]string{"state": ruleStates, "action": actions},
		enumLists: enumLists,
		required:  []string{"name", "action"},
		unique:    "name",
		search:    []string{"name", "description"},
		ordered:   true,
		protect: func(r record) string {
			if boolean(r, "predefined") && !boolean(r, "defaultRule") {
				return "Predefined rule " + quote(str(r, "name")) + " cannot be modified"
			}
			return ""
		},
		noDelete: func(r record) string {
			if boolean(r, "defaultRule") {
				return "The default rule cannot be deleted"
			}
			return ""
		},
		prepare: func(t *Tenant, rec, old, _ record, _ url.Values) *apiError {
			if rank := num(rec, "rank"); rank < 0 || rank > 7 {
				return errInvalid("rank must be between 0 and 7")
			}
			if old != nil && boolean(old, "defaultRule") {
				rec["name"] = old["name"]
			}
			if extraPrepare != nil {
				return extraPrepare(t, rec)
			}
			return nil
		},
	})
}

func quote(s string) string { return "\"" + s + "\"" }

var urlRuleProtocols = []string{"ANY_RULE", "HTTP_RULE", "HTTPS_RULE", "FTP_RULE",
	"FOHTTP_RULE", "TUNNEL_RULE", "TUNNELSSL_RULE", "HTTP_PROXY", "SSL_RULE",
	"DOHTTPS_RULE", "WEBSOCKETSSL_RULE", "WEBSOCKET_RULE"}

var _ = ruleFamily("urlFilteringRules", withFields(baseRule(), record{
	"protocols": []any{}, "urlCategories": []any{}, "urlCategories2": []any{},
	"requestMethods": []any{}, "userAgentTypes": []any{}, "userRiskScoreLevels": []any{},
	"deviceTrustLevels": []any{}, "sourceCountries": []any{}, "blockOverride": false,
	"enforceTimeValidity": false, "validityStartTime": int64(0), "validityEndTime": int64(0),
	"validityTimeZoneId": "", "timeQuota": int64(0), "sizeQuota": int64(0),
	"sourceIpGroups": []any{}, "overrideUsers": []any{}, "overrideGroups": []any{},
	"cbiProfileId": int64(0), "cbiProfile": nil, "endUserNotificationUrl": "",
	"browserEunTemplateId": int64(0), "ciparule": false, "workloadGroups": []any{},
}), []string{"ALLOW", "BLOCK", "CAUTION", "ISOLATE"}, map[string][]string{
	"protocols":           urlRuleProtocols,
	"requestMethods":      {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT", "OTHER"},
	"userRiskScoreLevels": {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
	"deviceTrustLevels":   deviceTrustLevels,
}, func(t *Tenant, rec record) *apiError {
	for _, k := range []string{"urlCategories", "urlCategories2"} {
		for _, c := range list(rec, k) {
			id, isStr := c.(string)
			if !isStr {
				return errInvalidBody()
			}
			if cat, _ := t.find("urlCategories", id); cat == nil && id != "ANY" {
				return errInvalid("Invalid URL category: %s", id)
			}
		}
	}
	if len(list(rec, "protocols")) == 0 {
		rec["protocols"] = []any{"ANY_RULE"}
	}
	return nil
})

var firewallRuleExtra = record{
	"enableFullLogging": false, "srcIps": []any{}, "destAddresses": []any{},
	"destIpCategories": []any{}, "destCountries": []any{}, "sourceCountries": []any{},
	"excludeSrcCountries": false, "nwApplications": []any{}, "srcIpGroups": []any{},
	"destIpGroups": []any{}, "nwServices": []any{}, "nwServiceGroups": []any{},
	"nwApplicationGroups": []any{}, "appServices": []any{}, "appServiceGroups": []any{},
	"deviceTrustLevels": []any{}, "workloadGroups": []any{}, "zpaAppSegments": []any{},
}

var firewallRules = ruleFamily("firewallFilteringRules", withFields(baseRule(), firewallRuleExtra),
	[]string{"ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BLOCK_ICMP", "EVAL_NWAPP"},
	map[string][]string{"deviceTrustLevels": deviceTrustLevels},
	func(t *Tenant, rec record) *apiError {
		for _, a := range list(rec, "nwApplications") {
			id, isStr := a.(string)
			if !isStr {
				return errInvalidBody()
			}
			if app, _ := t.find("networkApplications", id); app == nil {
				return errInvalid("Invalid network application: %s", id)
			}
		}
		return checkAddresses(rec, "srcIps", "destAddresses")
	})

func checkAddresses(rec record, keys ...string) *apiError {
	for _, k := range keys {
		for _, a := range list(rec, k) {
			s, isStr := a.(string)
			if !isStr {
				return errInvalidBody()
			}
			if !validAddress(s) && (k == "srcIps" || strings.ContainsAny(s, " /")) {
				return errInvalid("Invalid address in %s: %s", k, s)
			}
		}
	}
	return nil
}

var _ = ruleFamily("firewallDnsRules", withFields(baseRule(), record{
	"redirectIp": "", "blockResponseCode": "", "srcIps": []any{}, "destAddresses": []any{},
	"destIpCategories": []any{}, "destCountries": []any{}, "sourceCountries": []any{},
	"resCategories": []any{}, "applications": []any{}, "dnsRuleRequestTypes": []any{},
	"protocols": []any{}, "capturePCAP": false, "isWebEunEnabled": false,
	"defaultDnsRuleNameUsed": false, "applicationGroups": []any{}, "dnsGateway": nil,
	"zpaIpGroup": nil, "srcIpGroups": []any{}, "destIpGroups": []any{},
	"srcIpv6Groups": []any{}, "destIpv6Groups": []any{},
}), []string{"ALLOW", "BLOCK", "REDIR_REQ", "REDIR_RES", "REDIR_ZPA", "BLOCK_WITH_RESPONSE",
	"RESOLVE_BY_ZPA", "REDIR_REQ_DOH", "REDIR_REQ_KEEP_SENDER", "REDIR_REQ_TCP", "REDIR_REQ_UDP"},
	map[string][]string{"protocols": {"ANY_RULE", "TCP_RULE", "UDP_RULE", "DOHTTPS_RULE"}},
	func(_ *Tenant, rec record) *apiError {
		if strings.HasPrefix(str(rec, "action"), "REDIR_RE") && str(rec, "redirectIp") == "" {
			return errInvalid("redirectIp is required for action %s", str(rec, "action"))
		}
		return checkAddresses(rec, "srcIps")
	})

var _ = ruleFamily("firewallIpsRules", withFields(baseRule(), record{
	"enableFullLogging": false, "srcIps": []any{}, "destAddresses": []any{},
	"destIpCategories": []any{}, "destCountries": []any{}, "sourceCountries": []any{},
	"resCategories": []any{}, "capturePCAP": false, "isEunEnabled": false,
	"eunTemplateId": int64(0), "srcIpGroups": []any{}, "destIpGroups": []any{},
	"srcIpv6Groups": []any{}, "destIpv6Groups": []any{}, "nwServices": []any{},
	"nwServiceGroups": []any{}, "threatCategories": []any{}, "zpaAppSegments": []any{},
}), []string{"ALLOW", "BLOCK_DROP", "BLOCK_RESET", "BYPASS_IPS"}, nil,
	func(_ *Tenant, rec record) *apiError { return checkAddresses(rec, "srcIps") })

func init() {
	// The firewall rule lists take no search parameter: filtering rules filter by
	// ruleName and the others below, DNS and IPS rules by nothing at all.
	for _, name := range []string{"firewallFilteringRules", "firewallDnsRules",
		"firewallIpsRules"} {
		families[name].search = nil
	}
	firewallRules.filters = map[string]filterFunc{
		"ruleName":        fieldContains("name"),
		"ruleDescription": fieldContains("description"),
		"ruleAction":      func(_ *Tenant, r record, v string) bool { return strings.EqualFold(str(r, "action"), v) },
		"ruleOrder":       func(_ *Tenant, r record, v string) bool { return idKey(r["order"]) == v },
		"ruleLabel":       refNameContains("labels"),
		"ruleLabelId":     func(_ *Tenant, r record, v string) bool { return hasRef(r, "labels", v) },
		"location":        refNameContains("locations"),
		"department":      refNameContains("departments"),
		"group":           refNameContains("groups"),
		"user":            refNameContains("users"),
		"device":          refNameContains("devices"),
		"deviceGroup":     refNameContains("deviceGroups"),
		"srcIpGroups":     refNameContains("srcIpGroups"),
		"destIpGroups":    refNameContains("destIpGroups"),
		"nwServices":      refNameContains("nwServices"),
		"deviceTrustLevel": func(_ *Tenant, r record, v string) bool {
			return slices.ContainsFunc(strList(r, "deviceTrustLevels"),
				func(s string) bool { return strings.EqualFold(s, v) })
		},
		"srcIps":           listContains("srcIps"),
		"destAddresses":    listContains("destAddresses"),
		"destIpCategories": listContains("destIpCategories"),
		"nwApplication":    listContains("nwApplications"),
	}
}

func fieldContains(k string) filterFunc {
	return func(_ *Tenant, r record, v string) bool { return containsFold(str(r, k), v) }
}

func refNameContains(k string) filterFunc {
	return func(_ *Tenant, r record, v string) bool { return anyRefName(r, k, v, false) }
}

func listContains(k string) filterFunc {
	return func(_ *Tenant, r record, v string) bool {
		return slices.ContainsFunc(strList(r, k), func(s string) bool { return containsFold(s, v) })
	}
}

// firewallRuleCount answers GET /firewallFilteringRules/count.
// TODO: predefinedRuleCount=true is read as "count predefined and default rules only";
// the real semantics were never recorded.
func (t *Tenant) firewallRuleCount(q url.Values) int {
	items := t.queryItems(firewallRules, q)
	if q.Get("predefinedRuleCount") != "true" {
		return len(items)
	}
	n := 0
	for _, r := range items {
		if boolean(r, "predefined") || boolean(r, "defaultRule") {
			n++
		}
	}
	return n
}
