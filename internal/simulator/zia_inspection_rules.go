package simulator

import (
	"slices"
)

// The SSL inspection, sandbox and file type control rule families. They share the
// generic rule machinery; what differs is the action: an object for SSL inspection,
// baRuleAction for sandbox rules and filteringAction for file type rules.

var fileRuleProtocols = []string{"FOHTTP_RULE", "FTP_RULE", "HTTPS_RULE", "HTTP_RULE"}

// withoutFields returns tmpl without the given keys, for families whose records lack
// some of the fields every other rule has.
func withoutFields(tmpl func() record, keys ...string) func() record {
	return func() record {
		r := tmpl()
		for _, k := range keys {
			delete(r, k)
		}
		return r
	}
}

// renameAction makes f's action live under field with the given values, for the
// families whose records have no "action".
func renameAction(f *family, field string, actions []string) {
	delete(f.enums, "action")
	f.enums[field] = actions
	f.required = []string{"name", field}
}

// sslRuleExtra holds the SSL fields. Its action is nil so that a rule sent without one
// is refused as null, and one of any kind reaches prepareSSLAction, which wants an object.
var sslRuleExtra = record{
	"action": nil, "roadWarriorForKerberos": false,
	"urlCategories": []any{}, "cloudApplications": []any{}, "platforms": []any{},
	"userAgentTypes": []any{}, "deviceTrustLevels": []any{}, "destIpGroups": []any{},
	"sourceIpGroups": []any{}, "proxyGateways": []any{}, "workloadGroups": []any{},
	"zpaAppSegments": []any{},
}

// sslRules are SSL inspection rules; the list is served whole, without pages, and
// search is not a filter of this list (the SDKs match names on their side).
var sslRules = ruleFamily("sslInspectionRules", withFields(baseRule(), sslRuleExtra), nil,
	map[string][]string{
		"platforms": {"SCAN_IOS", "SCAN_ANDROID", "SCAN_MACOS", "SCAN_WINDOWS",
			"NO_CLIENT_CONNECTOR", "SCAN_LINUX"},
		"userAgentTypes": {"OPERA", "FIREFOX", "MSIE", "MSEDGE", "CHROME", "SAFARI", "OTHER",
			"MSCHREDGE"},
		"deviceTrustLevels": deviceTrustLevels,
	},
	func(_ *Tenant, rec record) *apiError { return prepareSSLAction(rec) })

var sandboxRuleExtra = record{
	"baRuleAction": "", "firstTimeEnable": false, "firstTimeOperation": "",
	"mlActionEnabled": false, "byThreatScore": int64(0), "protocols": []any{},
	"baPolicyCategories": []any{}, "fileTypes": []any{}, "urlCategories": []any{},
	"zpaAppSegments": []any{},
}

// sandboxRules are the sandbox (behavioural analysis) policy. Its records have no
// predefined flag, only the default rule; the list is served whole.
var sandboxRules = ruleFamily("sandboxRules",
	withoutFields(withFields(baseRule(), sandboxRuleExtra), "action", "predefined"), nil,
	map[string][]string{
		"protocols": fileRuleProtocols,
		"baPolicyCategories": {"ADWARE_BLOCK", "BOTMAL_BLOCK", "ANONYP2P_BLOCK",
			"RANSOMWARE_BLOCK", "OFFSEC_TOOLS_BLOCK", "SUSPICIOUS_BLOCK"},
	},
	func(t *Tenant, rec record) *apiError {
		if s := num(rec, "byThreatScore"); s != 0 && (s < 40 || s > 70) {
			return errInvalid("byThreatScore must be between 40 and 70")
		}
		return t.checkFileTypes(rec)
	})

var fileTypeRuleExtra = record{
	"filteringAction": "", "timeQuota": int64(0), "sizeQuota": int64(0),
	"capturePCAP": false, "passwordProtected": false, "operation": "",
	"activeContent": false, "unscannable": false, "browserEunTemplateId": int64(0),
	"cloudApplications": []any{}, "fileTypes": []any{}, "minSize": int64(0),
	"maxSize": int64(0), "protocols": []any{}, "urlCategories": []any{},
	"deviceTrustLevels": []any{}, "zpaAppSegments": []any{},
}

// fileTypeRules are file type control rules, read in pages like most lists.
var fileTypeRules = ruleFamily("fileTypeRules",
	withoutFields(withFields(baseRule(), fileTypeRuleExtra), "action"), nil,
	map[string][]string{"protocols": fileRuleProtocols, "deviceTrustLevels": deviceTrustLevels},
	func(t *Tenant, rec record) *apiError {
		if lo, hi := num(rec, "minSize"), num(rec, "maxSize"); hi > 0 && lo > hi {
			return errInvalid("minSize must not exceed maxSize")
		}
		return t.checkFileTypes(rec)
	})

func init() {
	// The action object is checked by prepareSSLAction, not as a string enum.
	delete(sslRules.enums, "action")
	sslRules.unpaged = true
	sslRules.search = nil

	renameAction(sandboxRules, "baRuleAction", []string{"ALLOW", "BLOCK"})
	sandboxRules.enums["firstTimeOperation"] = []string{"", "ALLOW_SCAN", "QUARANTINE",
		"ALLOW_NOSCAN", "QUARANTINE_ISOLATE"}
	sandboxRules.unpaged = true
	sandboxRules.search = nil

	renameAction(fileTypeRules, "filteringAction", []string{"ALLOW", "BLOCK", "CAUTION"})
	fileTypeRules.enums["operation"] = []string{"", "UPLOAD", "DOWNLOAD", "UPLOAD_DOWNLOAD"}
	// The file type rule list takes no parameters; the SDKs read it whole.
	fileTypeRules.search = nil
}

// checkFileTypes refuses file types the tenant does not know.
func (t *Tenant) checkFileTypes(rec record) *apiError {
	for _, v := range list(rec, "fileTypes") {
		name, isStr := v.(string)
		if !isStr {
			return errInvalidBody()
		}
		if !slices.ContainsFunc(t.coll("fileTypeCategories"), func(r record) bool {
			return str(r, "name") == name
		}) {
			return errInvalid("Invalid file type: %s", name)
		}
	}
	return nil
}
