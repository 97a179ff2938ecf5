package tools

import (
	"slices"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaDLPWriteTools returns the zia_dlp write tools: web DLP rules. Dictionaries and
// engines are read-only here, as in the Python server.
func ziaDLPWriteTools(up Upstream) []Tool {
	return ziaRuleFamily{
		Toolset: "zia_dlp", Noun: "web_dlp_rule", What: "web DLP rule",
		Path: "/webDlpRules", ListTool: "zia_list_web_dlp_rules",
		Actions:        []string{"ALLOW", "BLOCK", "ICAP_RESPONSE", "ANY", "NONE"},
		ActionOptional: true,
		ActionDescription: "What the rule does with matching content: ALLOW (record the " +
			"violation only), BLOCK, or ICAP_RESPONSE (hand the content to the DLP server " +
			"of advanced.icapServer). The API also takes ANY and NONE, its values for no " +
			"particular action, and allows when no action is given.",
		Fields: "dlpEngines (engine ids from get_zia_dlp_engines, at most 4), protocols " +
			"(ANY_RULE, FTP_RULE, HTTPS_RULE, HTTP_RULE), fileTypes, cloudApplications (ids " +
			"from zia_list_cloud_app_policy), minSize, severity (RULE_SEVERITY_HIGH, …), " +
			"withoutContentInspection, matchOnly, ocrEnabled, zscalerIncidentReceiver, " +
			"userRiskScoreLevels, and icapServer, notificationTemplate and auditor, each " +
			"an id or {\"id\": n}",
		Refs: []string{"dlpEngines", "urlCategories", "excludedGroups", "excludedDepartments",
			"excludedUsers", "includedDomainProfiles", "excludedDomainProfiles",
			"sourceIpGroups", "fileTypeCategories"},
		Finish: ziaDLPRuleFields,
		Enums:  map[string][]string{"protocols": ziaDLPProtocols},
	}.tools(up)
}

// ziaDLPSeverities are the severities of web DLP rules.
var ziaDLPSeverities = []string{"RULE_SEVERITY_HIGH", "RULE_SEVERITY_MEDIUM",
	"RULE_SEVERITY_LOW", "RULE_SEVERITY_INFO"}

// ziaDLPProtocols are the protocols of web DLP rules.
var ziaDLPProtocols = []string{"ANY_RULE", "FTP_RULE", "HTTPS_RULE", "HTTP_RULE"}

// ziaDLPSingleRefs are the fields holding one {id, name} reference.
var ziaDLPSingleRefs = []string{"auditor", "icapServer", "notificationTemplate"}

// ziaDLPRuleFields puts the advanced fields of a web DLP rule in the API's form. The
// API answers a severity, protocol or reference in another form with a bare "Request
// body is invalid.", which names neither the field nor the fix: severity and protocols
// are taken in any case and without their prefix or suffix (HIGH, https), a severity
// that is none is refused with the list, and a reference given as a bare id becomes
// {"id": n}.
func ziaDLPRuleFields(_ Args, body, _, _ map[string]any) error {
	if v, ok := body["severity"]; ok && v != nil {
		sev, err := ziaDLPSeverity(v)
		if err != nil {
			return err
		}
		body["severity"] = sev
	}
	if list, ok := body["protocols"].([]any); ok {
		for i, p := range list {
			s, isStr := p.(string)
			if !isStr {
				continue
			}
			proto := strings.ToUpper(strings.TrimSpace(s))
			if !slices.Contains(ziaDLPProtocols, proto) &&
				slices.Contains(ziaDLPProtocols, proto+"_RULE") {
				proto += "_RULE"
			}
			list[i] = proto
		}
	}
	for _, field := range ziaDLPSingleRefs {
		v, ok := body[field]
		if !ok || v == nil {
			continue
		}
		if obj, isObj := v.(map[string]any); isObj {
			if _, hasID := obj["id"]; !hasID {
				return toolerr.New(toolerr.InvalidArgument,
					"advanced field %q needs an id, e.g. {\"id\": 5} or 5", field)
			}
			id, err := ziaExactID(field, obj["id"])
			if err != nil {
				return err
			}
			ref := make(map[string]any, len(obj))
			for k, e := range obj {
				ref[k] = e
			}
			ref["id"] = id
			body[field] = ref
			continue
		}
		id, err := ziaExactID(field, v)
		if err != nil {
			return err
		}
		body[field] = map[string]any{"id": id}
	}
	return nil
}

// ziaDLPSeverity returns the API's spelling of a severity: "high" is RULE_SEVERITY_HIGH.
// The empty string, no severity, is kept.
func ziaDLPSeverity(v any) (string, error) {
	s, isStr := v.(string)
	sev := strings.ToUpper(strings.TrimSpace(s))
	if sev != "" && !strings.HasPrefix(sev, "RULE_SEVERITY_") {
		sev = "RULE_SEVERITY_" + sev
	}
	if !isStr || (sev != "" && !slices.Contains(ziaDLPSeverities, sev)) {
		return "", toolerr.New(toolerr.InvalidArgument,
			"advanced field \"severity\" must be one of %s, got %v",
			strings.Join(ziaDLPSeverities, ", "), v)
	}
	return sev, nil
}
