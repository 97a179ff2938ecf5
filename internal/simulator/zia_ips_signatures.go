package simulator

import (
	"net/url"
	"regexp"
	"strings"
)

// ipsSignatureSID finds the sid option of a signature's rule text.
var ipsSignatureSID = regexp.MustCompile(`(?:^|[;(\s])sid\s*:\s*([0-9]+)\s*;`)

// ipsSignatureRules are custom IPS signatures, with the fields of the SDK's
// IPSSignatureRules. The list takes no search parameter (the SDK sends none). The
// dynamic validation fields are the service's own: a signature is stored as submitted,
// and the simulator marks it validated at once.
var _ = register(&family{
	name: "ipsSignatureRules",
	template: func() record {
		return record{"id": int64(0), "name": "", "description": "", "ruleText": "",
			"category": nil, "enabled": false, "deleted": false, "promoteTime": int64(0),
			"ruleTextModTime": int64(0), "dynamicValidationSubmitted": false,
			"dynamicValidationRejected": false, "dynamicValidationSucceeded": false,
			"disabledFromZSCM": false, "dynamicValRejectCode": int64(0)}
	},
	managed: []string{"deleted", "promoteTime", "ruleTextModTime",
		"dynamicValidationSubmitted", "dynamicValidationRejected",
		"dynamicValidationSucceeded", "disabledFromZSCM", "dynamicValRejectCode"},
	required: []string{"name", "ruleText"},
	unique:   "name",
	prepare:  prepareIPSSignature,
})

func prepareIPSSignature(t *Tenant, rec, old, _ record, _ url.Values) *apiError {
	if n := len([]rune(str(rec, "name"))); n > 31 {
		return errInvalid("name must be at most 31 characters")
	}
	text := str(rec, "ruleText")
	if strings.ContainsAny(text, "\r\n") || !strings.HasPrefix(text, "alert ") {
		return errInvalid("Invalid rule text: only single-line alert rules are supported")
	}
	sid := ipsSignatureSID.FindStringSubmatch(text)
	if sid == nil || !strings.Contains(text, "rev:") {
		return errInvalid("Invalid rule text: sid and rev options are required")
	}
	for _, other := range t.coll("ipsSignatureRules") {
		if old != nil && idKey(other["id"]) == idKey(old["id"]) {
			continue
		}
		if m := ipsSignatureSID.FindStringSubmatch(str(other, "ruleText")); m != nil &&
			m[1] == sid[1] {
			return errDuplicate("A custom signature with sid %s already exists", sid[1])
		}
	}
	if old == nil || str(old, "ruleText") != text {
		rec["ruleTextModTime"] = t.now().Unix()
		rec["dynamicValidationSubmitted"] = true
		rec["dynamicValidationSucceeded"] = true
	}
	return nil
}
