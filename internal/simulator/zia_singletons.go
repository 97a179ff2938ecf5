package simulator

import (
	"net/http"
	"net/url"
)

// singleton is a settings object read with GET and replaced with PUT. Lists named by
// deltaKey change through ?action=ADD_TO_LIST|REMOVE_FROM_LIST with actionMethod, and
// such calls echo only the delta, as recorded.
type singleton struct {
	path         string
	seed         func() record
	deltaKey     string
	actionMethod string
}

var singletons = map[string]*singleton{}

func addSingleton(s *singleton) { singletons[s.path] = s }

func seedSingletons() map[string]record {
	out := map[string]record{}
	for p, s := range singletons {
		out[p] = canonRec(s.seed())
	}
	return out
}

func (t *Tenant) serveSingleton(s *singleton, method string, q url.Values, body any) result {
	cur := t.zia.singletons[s.path]
	action := q.Get("action")
	switch {
	case method == http.MethodGet:
		return ok(public(cur))
	case s.deltaKey != "" && action != "":
		if method != s.actionMethod {
			return fail(errMethod())
		}
		if action != "ADD_TO_LIST" && action != "REMOVE_FROM_LIST" {
			return fail(errInvalid("Invalid action: %s", action))
		}
		in, isObj := body.(map[string]any)
		delta, isList := in[s.deltaKey].([]any)
		if !isObj || !isList {
			return fail(errInvalidBody())
		}
		for _, d := range delta {
			if _, isStr := d.(string); !isStr {
				return fail(errInvalidBody())
			}
		}
		cur[s.deltaKey] = mergeList(list(cur, s.deltaKey), delta, action == "ADD_TO_LIST")
		t.pending = true
		return ok(record{s.deltaKey: clone(delta)})
	case method == http.MethodPut && s.actionMethod != http.MethodPost:
		in, isObj := body.(map[string]any)
		if !isObj {
			return fail(errInvalidBody())
		}
		next := zeroOf(cur)
		for k, v := range in {
			tv, known := cur[k]
			if !known || !kindMatches(tv, v) {
				return fail(errInvalidBody())
			}
			next[k] = clone(v)
		}
		t.zia.singletons[s.path] = next
		t.pending = true
		return ok(public(next))
	}
	return fail(errMethod())
}

// zeroOf keeps the keys of r with zero values: a PUT replaces the whole object, so
// omitted booleans reset to false.
func zeroOf(r record) record {
	out := record{}
	for k, v := range r {
		switch v.(type) {
		case bool:
			out[k] = false
		case string:
			out[k] = ""
		case int64, float64:
			out[k] = int64(0)
		case []any:
			out[k] = []any{}
		default:
			out[k] = clone(v)
		}
	}
	return out
}

func boolPairs(prefixes ...string) record {
	r := record{}
	for i, p := range prefixes {
		r[p+"Blocked"] = i%3 != 2
		r[p+"Capture"] = i%2 == 0
	}
	return r
}

func init() {
	addSingleton(&singleton{path: "advancedSettings", seed: seedAdvancedSettings})
	addSingleton(&singleton{path: "advancedUrlFilterAndCloudAppSettings", seed: func() record {
		r := record{"enableDynamicContentCat": true, "considerEmbeddedSites": false,
			"enforceSafeSearch": true, "enableOffice365": true, "enableMsftO365": false,
			"enableUcaasZoom": true, "enableUcaasLogMeIn": false, "enableUcaasRingCentral": false,
			"enableUcaasWebex": true, "enableUcaasTalkdesk": false, "enableChatGptPrompt": true,
			"enableMicrosoftCoPilotPrompt": false, "enableGeminiPrompt": false,
			"enableClaudePrompt": false, "blockSkype": false,
			"enableNewlyRegisteredDomains": true, "enableBlockOverrideForNonAuthUser": false,
			"enableCIPACompliance": false, "safeSearchApps": []string{"GOOGLE_SEARCH", "YOUTUBE"}}
		return r
	}})
	addSingleton(&singleton{path: "cyberThreatProtection/advancedThreatSettings", seed: func() record {
		r := boolPairs("cmdCtlServer", "cmdCtlTraffic", "malwareSites", "activeX",
			"browserExploits", "fileFormatVunerabilites", "knownPhishingSites",
			"suspectedPhishingSites", "suspectAdwareSpywareSites", "webspam", "ircTunnelling",
			"anonymizer", "potentialMaliciousRequests", "bitTorrent", "tor", "googleTalk",
			"sshTunnelling", "cryptoMining", "adSpywareSites", "dgaDomains")
		r["riskTolerance"] = 75
		r["riskToleranceCapture"] = false
		r["blockedCountries"] = []string{"COUNTRY_KP"}
		r["blockCountriesCapture"] = false
		r["cookieStealingBlocked"] = true
		r["cookieStealingPCAPEnabled"] = false
		r["alertForUnknownOrSuspiciousC2Traffic"] = true
		r["maliciousUrlsCapture"] = false
		return r
	}})
	addSingleton(&singleton{path: "cyberThreatProtection/maliciousUrls", deltaKey: "maliciousUrls",
		actionMethod: http.MethodPut, seed: func() record {
			return record{"maliciousUrls": []string{".bad-actor.example", "phish.example.net"}}
		}})
	addSingleton(&singleton{path: "cyberThreatProtection/securityExceptions", seed: func() record {
		return record{"bypassUrls": []string{".partner-portal.example.com"}}
	}})
	addSingleton(&singleton{path: "cyberThreatProtection/malwarePolicy", seed: func() record {
		return record{"blockUnscannableFiles": true, "blockPasswordProtectedArchiveFiles": true}
	}})
	addSingleton(&singleton{path: "cyberThreatProtection/atpMalwareInspection", seed: func() record {
		return record{"inspectInbound": true, "inspectOutbound": true}
	}})
	addSingleton(&singleton{path: "cyberThreatProtection/atpMalwareProtocols", seed: func() record {
		return record{"inspectHttp": true, "inspectFtpOverHttp": true, "inspectFtp": true}
	}})
	addSingleton(&singleton{path: "cyberThreatProtection/malwareSettings", seed: func() record {
		return boolPairs("virus", "unwantedApplications", "trojan", "worm", "adware",
			"spyware", "ransomware", "remoteAccessTool")
	}})
	addSingleton(&singleton{path: "authSettings/exemptedUrls", deltaKey: "urls",
		actionMethod: http.MethodPost, seed: func() record {
			return record{"urls": []string{".windowsupdate.com", "login.partner.example"}}
		}})
	addSingleton(&singleton{path: "mobileAdvanceThreatSettings", seed: func() record {
		return record{
			"blockAppsWithMaliciousActivity":                 true,
			"blockAppsWithKnownVulnerabilities":              true,
			"blockAppsSendingUnencryptedUserCredentials":     false,
			"blockAppsSendingLocationInfo":                   false,
			"blockAppsSendingPersonallyIdentifiableInfo":     false,
			"blockAppsSendingDeviceIdentifier":               false,
			"blockAppsCommunicatingWithAdWebsites":           false,
			"blockAppsCommunicatingWithRemoteUnknownServers": false,
		}
	}})
}
