package tools

import (
	"context"
	"net/http"
	"strings"
	"unicode"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The zia_atp_policy toolset: advanced threat protection settings, the security
// exceptions (URLs that bypass threat scanning) and the malicious URL denylist.

const ziaATPPolicyToolset = "zia_atp_policy"

// ziaATPSettingsFields are the documented fields of advancedThreatSettings; the
// API answers any other with "Request body is invalid.".
func ziaATPSettingsFields() []string {
	fields := []string{"alertForUnknownOrSuspiciousC2Traffic", "blockCountriesCapture",
		"blockedCountries", "cookieStealingBlocked", "cookieStealingPCAPEnabled",
		"maliciousUrlsCapture", "riskTolerance", "riskToleranceCapture"}
	for _, threat := range []string{"activeX", "adSpywareSites", "anonymizer", "bitTorrent",
		"browserExploits", "cmdCtlServer", "cmdCtlTraffic", "cryptoMining", "dgaDomains",
		"fileFormatVunerabilites", "googleTalk", "ircTunnelling", "knownPhishingSites",
		"malwareSites", "potentialMaliciousRequests", "sshTunnelling",
		"suspectAdwareSpywareSites", "suspectedPhishingSites", "tor", "webspam"} {
		fields = append(fields, threat+"Blocked", threat+"Capture")
	}
	return fields
}

// ziaATPSettings is /cyberThreatProtection/advancedThreatSettings.
func ziaATPSettings() ziaSettings {
	return ziaSettings{Toolset: ziaATPPolicyToolset,
		Path:    "/cyberThreatProtection/advancedThreatSettings",
		What:    "advanced threat protection settings",
		GetName: "zia_get_atp_settings", GetTitle: "Get ZIA advanced threat protection settings",
		GetDescription: "Returns the advanced threat protection policy: the page risk " +
			"tolerance, blocked countries, and for each threat category (command and " +
			"control, malware sites, phishing, cryptomining, Tor, anonymizers, DGA domains " +
			"and more) whether it is blocked (<x>Blocked) and captured (<x>Capture).",
		UpdateName:  "zia_update_atp_settings",
		UpdateTitle: "Update ZIA advanced threat protection settings",
		UpdateDescription: "Changes advanced threat protection settings. Only the fields " +
			"given change; the others keep their values (the settings are read first and " +
			"sent back whole). A list given replaces the current list. The result lists " +
			"each field changed with its value before and after. " + ziaStagedHint,
		SettingsDescription: "Fields to change, under the API's names as " +
			"zia_get_atp_settings returns them, e.g. {\"riskTolerance\": 50, " +
			"\"torBlocked\": true, \"blockedCountries\": [\"COUNTRY_KP\"]}. Note the API's " +
			"spelling fileFormatVunerabilitesBlocked. Unknown fields are refused with the " +
			"list of valid ones.",
		Fields: ziaATPSettingsFields(),
		Value:  ziaATPSettingValue,
	}
}

// ziaATPSettingValue checks the two ATP settings whose values the API limits, and
// which it refuses with a message that names neither field nor range: riskTolerance,
// a page risk score from 0 to 100, and blockedCountries, country codes spelt
// COUNTRY_ and the two-letter ISO code. A bare code (kp) is read as COUNTRY_KP.
func ziaATPSettingValue(field string, v any) (any, error) {
	switch field {
	case "riskTolerance":
		if n, ok := number(v); ok && (n < 0 || n > 100) {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"settings field \"riskTolerance\" is a page risk score from 0 to 100, got %v", n)
		}
	case "blockedCountries":
		list, _ := v.([]any)
		out := make([]any, 0, len(list))
		for i, item := range list {
			s, _ := item.(string)
			code := strings.ToUpper(strings.TrimSpace(s))
			if len(code) == 2 {
				code = "COUNTRY_" + code
			}
			if !ziaCountryCode(code) {
				return nil, toolerr.New(toolerr.InvalidArgument,
					"settings field \"blockedCountries\" item %d (%q) is not a country code: "+
						"write COUNTRY_ and the two-letter ISO code, e.g. COUNTRY_KP", i+1, s)
			}
			out = append(out, code)
		}
		return out, nil
	}
	return v, nil
}

// ziaCountryCode reports whether code is COUNTRY_ followed by two capital letters.
func ziaCountryCode(code string) bool {
	cc, ok := strings.CutPrefix(code, "COUNTRY_")
	return ok && len(cc) == 2 && strings.IndexFunc(cc, func(r rune) bool {
		return r < 'A' || r > 'Z'
	}) < 0
}

const ziaSecurityExceptionsPath = "/cyberThreatProtection/securityExceptions"

// ziaSecurityExceptions reads the URLs that bypass advanced threat protection.
func ziaSecurityExceptions() ziaSettings {
	return ziaSettings{Toolset: ziaATPPolicyToolset, Path: ziaSecurityExceptionsPath,
		GetName:  "zia_get_atp_security_exceptions",
		GetTitle: "Get ZIA advanced threat protection bypass URLs",
		GetDescription: "Returns the URLs exempted from advanced threat protection " +
			"scanning ({\"bypassUrls\": [...]}). Read this before " +
			"zia_update_atp_security_exceptions, which replaces the whole list.",
	}
}

// ziaSecurityExceptionsUpdate declares the tool that replaces the ATP bypass list. The
// API only takes the whole list, so the result names the entries added and removed:
// an entry dropped by mistake shows at once.
func ziaSecurityExceptionsUpdate(up Upstream) Tool {
	params := []Param{{Name: "bypass_urls", Type: StringList, Required: true,
		Description: "The complete new list of URLs or domains to exempt, e.g. " +
			"[\".partner.example.com\"]; a leading dot covers subdomains. It replaces " +
			"the current list: include every entry to keep. [] empties the list."}}
	return ziaDeclare(ziaATPPolicyToolset, "zia_update_atp_security_exceptions",
		"Replace ZIA advanced threat protection bypass URLs",
		"Replaces the whole list of URLs exempted from advanced threat protection "+
			"scanning: entries left out are removed. To add or remove one URL, read the "+
			"list with zia_get_atp_security_exceptions first and send it changed. The "+
			"result names the entries added and removed. "+ziaStagedHint,
		Update, params, func(ctx context.Context, args Args) (Result, error) {
			urls, err := ziaBypassURLs(args)
			if err != nil {
				return Result{}, err
			}
			var before []any
			res, err := ziaChangeSettings(ctx, up, ziaSecurityExceptionsPath,
				func(cur map[string]any) (map[string]any, error) {
					before, _ = cur["bypassUrls"].([]any)
					return map[string]any{"bypassUrls": urls}, nil
				})
			if err != nil {
				return Result{}, err
			}
			if out, ok := res.Value.(map[string]any); ok {
				if _, staged := out["activation"]; staged {
					out["added"], out["removed"] = ziaListDiff(before, urls)
				}
			}
			return res, nil
		})
}

// ziaBypassURLs returns the bypass_urls argument without duplicates. An empty list
// is allowed: it empties the list.
func ziaBypassURLs(args Args) ([]any, error) {
	out := []any{}
	seen := map[string]bool{}
	for _, u := range args.Strings("bypass_urls") {
		if strings.IndexFunc(u, unicode.IsSpace) >= 0 {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"parameter \"bypass_urls\": %q is not a URL or domain (it contains a space)", u)
		}
		if !seen[strings.ToLower(u)] {
			seen[strings.ToLower(u)] = true
			out = append(out, u)
		}
	}
	return out, nil
}

// ziaListDiff returns the string entries of after missing from before, and those of
// before missing from after.
func ziaListDiff(before, after []any) (added, removed []string) {
	in := func(list []any, s string) bool {
		for _, e := range list {
			if e == s {
				return true
			}
		}
		return false
	}
	added, removed = []string{}, []string{}
	for _, e := range after {
		if s, ok := e.(string); ok && !in(before, s) {
			added = append(added, s)
		}
	}
	for _, e := range before {
		if s, ok := e.(string); ok && !in(after, s) {
			removed = append(removed, s)
		}
	}
	return added, removed
}

// ziaMaliciousURLs is the denylist of URLs advanced threat protection blocks.
func ziaMaliciousURLs() ziaEntryList {
	return ziaEntryList{Toolset: ziaATPPolicyToolset,
		Path: "/cyberThreatProtection/maliciousUrls", Key: "maliciousUrls",
		ActionMethod: http.MethodPut, Param: "malicious_urls",
		ParamDescription: "URLs or domains, e.g. [\"phish.example.net\", " +
			"\".bad-actor.example\"]; a leading dot covers subdomains.",
		What:      "malicious URL denylist",
		ListName:  "zia_list_atp_malicious_urls",
		ListTitle: "List the ZIA malicious URL denylist",
		ListDescription: "Lists the URLs and domains the tenant has added to advanced " +
			"threat protection's malicious URL denylist, as a list of strings.",
		AddName: "zia_add_atp_malicious_urls", AddTitle: "Add URLs to the ZIA malicious URL denylist",
		AddDescription: "Adds URLs or domains to advanced threat protection's malicious " +
			"URL denylist, leaving the other entries as they are. Entries already listed " +
			"are reported and not sent; when none is left, nothing is changed. " +
			ziaStagedHint,
		DeleteName:  "zia_delete_atp_malicious_urls",
		DeleteTitle: "Remove URLs from the ZIA malicious URL denylist",
		DeleteDescription: "Removes URLs or domains from advanced threat protection's " +
			"malicious URL denylist, leaving the other entries as they are. Every entry " +
			"named must be on the list (matched ignoring case); otherwise nothing is " +
			"removed and the error names those that are not. " + ziaDeleteHint,
	}
}
