package simulator

import (
	"net/url"
	"regexp"
	"slices"
)

// DLP dictionaries, DLP engines and web DLP rules. Predefined dictionaries and engines
// come with the tenant and are read-only here.
// TODO: the real API lets some fields of predefined dictionaries change (confidence
// thresholds); the simulator refuses every change to them.

var dlpDictionaryTypes = []string{"PATTERNS_AND_PHRASES", "EXACT_DATA_MATCH",
	"INDEXED_DATA_MATCH"}

func dlpDictionaryTemplate() record {
	return record{"id": int64(0), "name": "", "description": "", "custom": true,
		"dictionaryType": "PATTERNS_AND_PHRASES", "confidenceThreshold": "",
		"customPhraseMatchType": "", "nameL10nTag": false, "thresholdType": "",
		"proximity": int64(0), "phrases": []any{}, "patterns": []any{},
		"exactDataMatchDetails": []any{}, "idmProfileMatchAccuracyDetails": []any{},
		"ignoreExactMatchIdmDict": false, "includeBinNumbers": false, "binNumbers": []any{},
		"dictTemplateId": int64(0), "predefinedClone": false, "predefinedCountActionType": "",
		"proximityLengthEnabled": false, "proximityEnabledForCustomDictionary": false,
		"dictionaryCloningEnabled": false, "customPhraseSupported": false,
		"hierarchicalDictionary": false, "hierarchicalIdentifiers": []any{},
		"predefinedPhrases": []any{}, "thresholdAllowed": false,
		"confidenceLevelForPredefinedDict": ""}
}

var _ = register(&family{
	name:     "dlpDictionaries",
	template: dlpDictionaryTemplate,
	managed:  []string{"custom", "nameL10nTag", "predefinedClone", "hierarchicalDictionary"},
	enums: map[string][]string{
		"dictionaryType": dlpDictionaryTypes,
		"confidenceThreshold": {"", "CONFIDENCE_LEVEL_LOW", "CONFIDENCE_LEVEL_MEDIUM",
			"CONFIDENCE_LEVEL_HIGH"},
		"customPhraseMatchType": {"", "MATCH_ALL_CUSTOM_PHRASE_PATTERN_DICTIONARY",
			"MATCH_ANY_CUSTOM_PHRASE_PATTERN_DICTIONARY"},
	},
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "description"},
	lite:     []string{"id", "name"},
	protect: func(r record) string {
		if !boolean(r, "custom") {
			return "Predefined dictionary " + quote(str(r, "name")) + " cannot be modified"
		}
		return ""
	},
	inUse: func(t *Tenant, r record) string {
		for _, e := range t.coll("dlpEngines") {
			if slices.Contains(engineDictionaries(str(e, "engineExpression")), idKey(r["id"])) {
				return "Dictionary " + quote(str(r, "name")) + " is used by DLP engine " +
					quote(str(e, "name"))
			}
		}
		return ""
	},
})

// dictionaryRef matches the dictionary terms of an engine expression, such as D63.S.
var dictionaryRef = regexp.MustCompile(`\bD(\d+)\.S\b`)

// engineDictionaries returns the ids of the dictionaries an engine expression names.
func engineDictionaries(expr string) []string {
	var out []string
	for _, m := range dictionaryRef.FindAllStringSubmatch(expr, -1) {
		out = append(out, m[1])
	}
	return out
}

var _ = register(&family{
	name: "dlpEngines",
	template: func() record {
		return record{"id": int64(0), "name": "", "description": "",
			"predefinedEngineName": "", "engineExpression": "", "customDlpEngine": true}
	},
	managed:  []string{"customDlpEngine", "predefinedEngineName"},
	required: []string{"name", "engineExpression"},
	unique:   "name",
	// No search: the engine lists, whole or lite, take no parameters, unlike the
	// dictionary lists.
	lite: []string{"id", "name", "predefinedEngineName"},
	protect: func(r record) string {
		if !boolean(r, "customDlpEngine") {
			return "Predefined DLP engine " + quote(str(r, "name")) + " cannot be modified"
		}
		return ""
	},
	inUse: func(t *Tenant, r record) string {
		for _, rule := range t.coll("webDlpRules") {
			if hasRef(rule, "dlpEngines", idKey(r["id"])) {
				return "DLP engine " + quote(str(r, "name")) + " is used by web DLP rule " +
					quote(str(rule, "name"))
			}
		}
		return ""
	},
	prepare: func(t *Tenant, rec, _, _ record, _ url.Values) *apiError {
		for _, id := range engineDictionaries(str(rec, "engineExpression")) {
			if d, _ := t.find("dlpDictionaries", id); d == nil {
				return errInvalid("Invalid dictionary D%s in engine expression", id)
			}
		}
		return nil
	},
})

// webDlpActions are the actions of web DLP rules.
var webDlpActions = []string{"ANY", "NONE", "BLOCK", "ALLOW", "ICAP_RESPONSE"}

// webDlpObjectRefs are the fields of web DLP rules that hold one {id, name} reference.
var webDlpObjectRefs = []string{"auditor", "notificationTemplate", "icapServer", "receiver"}

// maxRuleEngines is the number of DLP engines one web DLP rule may name.
const maxRuleEngines = 4

func webDlpRuleTemplate() record {
	r := baseRule()
	r["action"] = "ALLOW"
	for k, v := range (record{
		"protocols": []any{}, "fileTypes": []any{}, "cloudApplications": []any{},
		"minSize": int64(0), "matchOnly": false, "withoutContentInspection": false,
		"ocrEnabled": false, "dlpDownloadScanEnabled": false, "zccNotificationsEnabled": false,
		"zscalerIncidentReceiver": false, "eunTemplateId": int64(0),
		"externalAuditorEmail": "", "auditor": nil, "notificationTemplate": nil,
		"icapServer": nil, "receiver": nil, "urlCategories": []any{}, "dlpEngines": []any{},
		"excludedGroups": []any{}, "excludedDepartments": []any{}, "excludedUsers": []any{},
		"includedDomainProfiles": []any{}, "excludedDomainProfiles": []any{},
		"sourceIpGroups": []any{}, "workloadGroups": []any{}, "fileTypeCategories": []any{},
		"severity": "", "parentRule": int64(0), "subRules": []any{},
		"userRiskScoreLevels": []any{}, "dlpContentLocationsScopes": []any{},
		"inspectHttpGetEnabled": false,
	}) {
		r[k] = v
	}
	return r
}

var webDlpRules = ruleFamily("webDlpRules", webDlpRuleTemplate, webDlpActions,
	map[string][]string{
		"protocols":           {"ANY_RULE", "FTP_RULE", "HTTPS_RULE", "HTTP_RULE"},
		"userRiskScoreLevels": {"LOW", "MEDIUM", "HIGH", "CRITICAL"},
	},
	func(_ *Tenant, rec record) *apiError {
		// The API reads these fields as {id, name} objects: a bare id does not decode.
		for _, k := range webDlpObjectRefs {
			if v := rec[k]; v != nil {
				if _, isObj := v.(map[string]any); !isObj {
					return errInvalidBody()
				}
			}
		}
		if len(list(rec, "dlpEngines")) > maxRuleEngines {
			return errInvalid("A DLP rule can have at most %d DLP engines", maxRuleEngines)
		}
		if boolean(rec, "withoutContentInspection") && len(list(rec, "fileTypes")) == 0 {
			return errInvalid("fileTypes is required when withoutContentInspection is true")
		}
		return nil
	})

func init() {
	// A web DLP rule may be created without an action (it then allows), and names
	// engines and excluded users, groups and departments.
	webDlpRules.required = []string{"name"}
	webDlpRules.enums["severity"] = []string{"", "RULE_SEVERITY_HIGH", "RULE_SEVERITY_MEDIUM",
		"RULE_SEVERITY_LOW", "RULE_SEVERITY_INFO"}
	webDlpRules.lite = []string{"id", "name"}
	// The API documents no parameters for the web DLP rule lists, whole or lite, and
	// no SDK sends any: search is not a filter here.
	webDlpRules.search = nil
	for k, coll := range map[string]string{"dlpEngines": "dlpEngines",
		"excludedGroups": "groups", "excludedDepartments": "departments",
		"excludedUsers": "users"} {
		webDlpRules.refLists[k] = coll
	}
}
