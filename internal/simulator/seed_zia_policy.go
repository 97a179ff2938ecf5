package simulator

import "fmt"

var predefinedURLCategories = []struct{ id, super, desc string }{
	{"OTHER_ADULT_MATERIAL", "ADULT_MATERIAL", "Sites with adult content"},
	{"ADULT_THEMES", "ADULT_MATERIAL", "Mature themes"},
	{"GAMBLING", "GAMBLING", "Online casinos and betting"},
	{"WEB_SEARCH", "INFORMATION_TECHNOLOGY", "Search engines"},
	{"SOCIAL_NETWORKING", "SOCIAL_AND_FAMILY", "Social networks"},
	{"NEWS_AND_MEDIA", "NEWS_AND_MEDIA", "News sites"},
	{"STREAMING_MEDIA", "ENTERTAINMENT_AND_RECREATION", "Video and audio streaming"},
	{"ONLINE_SHOPPING", "SHOPPING_AND_AUCTIONS", "Retail sites"},
	{"FINANCE", "BUSINESS_AND_ECONOMY", "Financial services"},
	{"WEB_BANKING", "BUSINESS_AND_ECONOMY", "Online banking"},
	{"HEALTH", "HEALTH", "Health information"},
	{"EDUCATION", "EDUCATION", "Schools and learning"},
	{"GOVERNMENT", "GOVERNMENT_AND_POLITICS", "Government sites"},
	{"PROFESSIONAL_SERVICES", "BUSINESS_AND_ECONOMY", "Consulting and services"},
	{"CORPORATE_MARKETING", "BUSINESS_AND_ECONOMY", "Corporate sites"},
	{"TRAVEL", "TRAVEL", "Travel and tourism"},
	{"SPORTS", "SPORTS", "Sports"},
	{"ENTERTAINMENT", "ENTERTAINMENT_AND_RECREATION", "Entertainment"},
	{"OTHER_GAMES", "GAMES", "Online games"},
	{"JOB_SEARCH", "JOB_SEARCH", "Job boards"},
	{"INTERNET_SERVICES", "INTERNET_COMMUNICATION", "Internet services"},
	{"OTHER_INFORMATION_TECHNOLOGY", "INFORMATION_TECHNOLOGY", "Technology sites"},
	{"WEB_MAIL", "INTERNET_COMMUNICATION", "Web mail"},
	{"FILE_HOST", "INFORMATION_TECHNOLOGY", "File hosting"},
	{"PEER_TO_PEER", "INFORMATION_TECHNOLOGY", "Peer to peer"},
	{"ANONYMIZER", "SECURITY", "Proxies and anonymizers"},
	{"MALICIOUS_CONTENT", "SECURITY", "Malware distribution"},
	{"PHISHING", "SECURITY", "Phishing"},
	{"NEWLY_REG_DOMAINS", "SECURITY", "Newly registered domains"},
	{"MISCELLANEOUS_OR_UNKNOWN", "MISCELLANEOUS", "Unclassified"},
}

// customURLCount is the number of seeded custom categories (CUSTOM_01 …).
const customURLCount = 10

// urlDatabase is the predefined classification urlLookup answers from.
var urlDatabase = map[string]classification{
	"google.com":           {[]string{"WEB_SEARCH"}, []string{}, "GOOGLE_SEARCH"},
	"bing.com":             {[]string{"WEB_SEARCH"}, []string{}, ""},
	"facebook.com":         {[]string{"SOCIAL_NETWORKING"}, []string{}, "FACEBOOK"},
	"linkedin.com":         {[]string{"SOCIAL_NETWORKING", "JOB_SEARCH"}, []string{}, "LINKEDIN"},
	"bbc.co.uk":            {[]string{"NEWS_AND_MEDIA"}, []string{}, ""},
	"nytimes.com":          {[]string{"NEWS_AND_MEDIA"}, []string{}, ""},
	"youtube.com":          {[]string{"STREAMING_MEDIA"}, []string{}, "YOUTUBE"},
	"netflix.com":          {[]string{"STREAMING_MEDIA"}, []string{}, "NETFLIX"},
	"amazon.com":           {[]string{"ONLINE_SHOPPING"}, []string{}, ""},
	"chase.com":            {[]string{"WEB_BANKING"}, []string{}, ""},
	"ubs.com":              {[]string{"FINANCE"}, []string{}, ""},
	"github.com":           {[]string{"OTHER_INFORMATION_TECHNOLOGY"}, []string{}, "GITHUB"},
	"zscaler.com":          {[]string{"CORPORATE_MARKETING"}, []string{}, ""},
	"gmail.com":            {[]string{"WEB_MAIL"}, []string{}, "GMAIL"},
	"dropbox.com":          {[]string{"FILE_HOST"}, []string{}, "DROPBOX"},
	"thepiratebay.org":     {[]string{"PEER_TO_PEER"}, []string{}, ""},
	"hidemyass.com":        {[]string{"ANONYMIZER"}, []string{}, ""},
	"casino.example":       {[]string{"GAMBLING"}, []string{}, ""},
	"malware.wicar.org":    {[]string{"MALICIOUS_CONTENT"}, []string{"MALWARE_SITE"}, ""},
	"phish.example.net":    {[]string{"PHISHING"}, []string{"PHISHING"}, ""},
	"new-domain-2026.site": {[]string{"NEWLY_REG_DOMAINS"}, []string{"SUSPICIOUS_DESTINATION"}, ""},
	"rakuten.co.jp":        {[]string{"ONLINE_SHOPPING"}, []string{}, ""},
	"globo.com":            {[]string{"NEWS_AND_MEDIA"}, []string{}, ""},
	"minecraft.net":        {[]string{"OTHER_GAMES"}, []string{}, ""},
}

func seedURLCategories(s *seeder) {
	for i, c := range predefinedURLCategories {
		r := merge(urlCategoryTemplate(), record{"id": c.id, "superCategory": c.super,
			"description": c.desc, "customCategory": false, "editable": true, "val": i + 1})
		delete(r, "configuredName")
		countURLs(r)
		s.add("urlCategories", r)
	}
	customs := []struct {
		name, super, typ, desc string
		urls, keywords         []string
	}{
		{"Allow House Apps", "USER_DEFINED", "URL_CATEGORY", "Games allowed at home",
			strs(".minecraft.net"), strs("minecraft")},
		{"Blocked Crypto Sites", "SECURITY", "URL_CATEGORY", "Cryptocurrency exchanges",
			strs(".coinbase.com", ".binance.com", "kraken.com"), strs("crypto")},
		{"Partner Portals", "BUSINESS_AND_ECONOMY", "URL_CATEGORY", "Partner extranets",
			[]string{"portal.partner.example", ".supplier.example"}, nil},
		{"Zürich Intranet", "USER_DEFINED", "URL_CATEGORY", "Intranet der Niederlassung Zürich",
			[]string{"intranet.zh.acme.example"}, nil},
		{"東京 Vendors", "USER_DEFINED", "URL_CATEGORY", "東京の取引先",
			[]string{".vendor.co.jp", "rakuten.co.jp"}, nil},
		{"SaaS Allowlist", "INFORMATION_TECHNOLOGY", "URL_CATEGORY", "Sanctioned SaaS",
			[]string{".salesforce.com", ".workday.com", ".slack.com", ".zoom.us"}, nil},
		{"Phishing Sim Exclusions", "SECURITY", "URL_CATEGORY", legitimateText(),
			[]string{"phishsim.example.com"}, nil},
		{"Dev Tools", "INFORMATION_TECHNOLOGY", "URL_CATEGORY", "Developer tooling",
			strs(".github.com", ".gitlab.com", "pypi.org", "proxy.golang.org"), strs("npm")},
		{"Injected Category", "USER_DEFINED", "URL_CATEGORY",
			inj(7, "Imported list.") + " " + injections[8].Payload, []string{"inject.example"},
			strs("inject", injections[16].Payload)},
		{"Restricted TLDs", "USER_DEFINED", "TLD_CATEGORY", "Risky top-level domains",
			[]string{".zip", ".mov"}, nil},
	}
	for i, c := range customs {
		r := merge(urlCategoryTemplate(), record{
			"id": fmt.Sprintf("CUSTOM_%02d", i+1), "configuredName": c.name,
			"superCategory": c.super, "type": c.typ, "description": c.desc,
			"customCategory": true, "editable": true, "val": 128 + i,
			"urls": orEmpty(anyStrings(c.urls)), "keywords": orEmpty(anyStrings(c.keywords)),
		})
		rec := canonRec(r)
		countURLs(rec)
		s.add("urlCategories", rec)
	}
}

func strs(s ...string) []string { return s }

// seedRule is the shape shared by the seeded rules.
func seedRule(s *seeder, i int, name, action, desc string, labels ...string) record {
	return merge(baseRule(), modified(i), record{"name": name, "action": action,
		"description": desc, "order": i + 1, "labels": s.refs("ruleLabels", labels...)})
}

func seedRules(s *seeder) {
	urlRules := []struct {
		name, action, desc string
		cats               []string
		labels             []string
	}{
		{"Block adult", "BLOCK", "Block adult content", strs("OTHER_ADULT_MATERIAL", "ADULT_THEMES"), strs("Compliance")},
		{"Block gambling", "BLOCK", "No betting at work", strs("GAMBLING"), strs("Compliance")},
		{"Block malicious", "BLOCK", "Known bad sites", strs("MALICIOUS_CONTENT", "PHISHING"), strs("✓ Approved")},
		{"Caution newly registered", "CAUTION", "Warn on new domains", []string{"NEWLY_REG_DOMAINS"}, nil},
		{"Isolate anonymizers", "ISOLATE", "Browser isolation for proxies", []string{"ANONYMIZER"}, nil},
		{"Block crypto", "BLOCK", "Crypto exchanges", strs("CUSTOM_02"), strs("SOX")},
		{"Allow partners", "ALLOW", "Partner portals", strs("CUSTOM_03"), strs("PCI-DSS")},
		{"Allow SaaS", "ALLOW", "Sanctioned SaaS", []string{"CUSTOM_06"}, nil},
		{"Caution streaming", "CAUTION", inj(15, "Bandwidth heavy."), strs("STREAMING_MEDIA"), strs("Temporary")},
		{"Block P2P", "BLOCK", "File sharing", strs("PEER_TO_PEER"), strs("Legacy")},
		{"Allow dev tools", "ALLOW", "Engineering tools", strs("CUSTOM_08"), strs("Zürich Ops")},
		{"東京 vendor access", "ALLOW", "Tokyo vendors", strs("CUSTOM_05"), strs("東京 Network")},
		{"Block games", "BLOCK", inj(9, "Games policy."), strs("OTHER_GAMES"), strs("Quarantine")},
		{"Restricted TLDs", "BLOCK", "Risky TLDs", strs("CUSTOM_10"), strs("Big-ID Label")},
		{"Allow house apps", "ALLOW", inj(0, "Exception list.") + " " + injections[4].Payload,
			strs("CUSTOM_01"), strs("Emergency")},
	}
	for i, u := range urlRules {
		r := merge(seedRule(s, i, u.name, u.action, u.desc, u.labels...), record{
			"id": 1690943 + i, "protocols": []string{"HTTPS_RULE", "HTTP_RULE"},
			"urlCategories": u.cats, "urlCategories2": []any{},
			"requestMethods":      []string{"CONNECT", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "OTHER", "TRACE"},
			"userAgentTypes":      []any{},
			"userRiskScoreLevels": []any{}, "deviceTrustLevels": []any{},
			"sourceCountries": []any{}, "blockOverride": false, "enforceTimeValidity": false,
			"validityStartTime": 0, "validityEndTime": 0, "validityTimeZoneId": "",
			"timeQuota": 0, "sizeQuota": 0, "sourceIpGroups": []any{}, "overrideUsers": []any{},
			"overrideGroups": []any{}, "cbiProfileId": 0, "cbiProfile": nil,
			"endUserNotificationUrl": "", "browserEunTemplateId": 0, "ciparule": false,
			"workloadGroups": []any{}, "state": "ENABLED",
		})
		switch {
		case u.action == "ISOLATE":
			r["cbiProfile"] = record{"id": "2c7e9f40-6b1a-4c55-9f0e-0d5f3b1e7a21",
				"name":       "Default Isolation Profile",
				"url":        "https://redirect.isolation.zscaler.com/tenant/demo/profile/2c7e9f40",
				"profileSeq": 0}
		case i == 8:
			r["state"] = "DISABLED"
		case i == 1:
			r["departments"] = s.refs("departments", "Sales", "Marketing")
			r["groups"] = s.refs("groups", "Contractors")
		case i == 6:
			r["locations"] = s.refs("locations", "HQ San Jose", "Zürich Office")
		}
		s.add("urlFilteringRules", r)
	}

	type fwSeed struct {
		name, action, desc string
		svcs, labels       []string
	}
	fw := []fwSeed{
		{"Office 365 One Click Rule", "ALLOW", "Predefined rule for Office 365", nil, nil},
		{"Allow DNS", "ALLOW", "Resolvers", strs("DNS"), strs("Compliance")},
		{"Allow Web", "ALLOW", "Outbound web", []string{"HTTP", "HTTPS"}, nil},
		{"Allow NTP", "ALLOW", "Time sync", []string{"NTP"}, nil},
		{"Block Telnet", "BLOCK_DROP", "Cleartext admin", strs("TELNET"), strs("PCI-DSS")},
		{"Block SMB outbound", "BLOCK_RESET", "Ransomware spread", strs("SMB"), strs("✓ Approved")},
		{"Allow SSH admins", "ALLOW", "Admins only", strs("SSH"), strs("SOX")},
		{"Block RDP internet", "BLOCK_DROP", "No RDP to the internet", []string{"RDP"}, nil},
		{"Allow LDAP", "ALLOW", "Directory", strs("LDAP"), strs("Zürich Ops")},
		{"Allow Internal API", "ALLOW", "APIs", []string{"Internal API"}, nil},
		{"Allow Zürich Telemetry", "ALLOW", "Telemetrie Zürich", strs("Zürich Telemetry"), strs("Zürich Ops")},
		{"Allow Backups", "ALLOW", "Backups", []string{"Backup Service"}, nil},
		{"Allow Search Cluster", "ALLOW", "Elasticsearch", []string{"Elasticsearch"}, nil},
		{"Allow Postgres", "ALLOW", "Databases", strs("Postgres"), strs("PCI-DSS")},
		{"Allow Redis", "ALLOW", "Caches", []string{"Redis"}, nil},
		{"Allow Kafka", "ALLOW", "Streaming", []string{"Kafka"}, nil},
		{"Allow gRPC Mesh", "ALLOW", "Mesh", strs("gRPC Mesh"), strs("Change-Request")},
		{"Block Legacy App", "BLOCK_ICMP", inj(2, "Legacy ERP."), strs("Legacy App ✓"), strs("Legacy")},
		{"Evaluate apps", "EVAL_NWAPP", inj(11, "Network application evaluation."), nil, nil},
		{"Block IRC", "BLOCK_DROP", "IRC", strs("TCP_ANY"), strs("Quarantine")},
		{"Allow ICMP", "ALLOW", "Ping", []string{"ICMP_ANY"}, nil},
		{"São Paulo DC", "ALLOW", "Datacenter São Paulo", strs("HTTPS"), strs("São Paulo Branch")},
		{"Quarantine scanners", "BLOCK_DROP", inj(8, "Scanner isolation.") + " " + injections[3].Payload,
			strs("TCP_ANY", "UDP_ANY"), strs("Emergency", "Big-ID Label")},
		{"Temporary allow", "ALLOW", "Expires after the migration", strs("HTTPS"), strs("Temporary")},
	}
	for i, f := range fw {
		r := merge(seedRule(s, i, f.name, f.action, f.desc, f.labels...), firewallRuleExtra, record{
			"id": 1691000 + i, "enableFullLogging": i%2 == 0,
			"nwServices": s.refs("networkServices", f.svcs...),
		})
		switch i {
		case 0:
			r["predefined"] = true
			r["nwApplicationGroups"] = s.refs("networkApplicationGroups", "Microsoft Office365")
		case 1:
			r["srcIps"] = []string{"192.168.100.0/24"}
			r["destIpGroups"] = s.refs("ipDestinationGroups", "Public DNS")
			r["deviceTrustLevels"] = []string{"HIGH_TRUST"}
		case 6:
			r["groups"] = s.refs("groups", "IT Admins")
			r["srcIpGroups"] = s.refs("ipSourceGroups", "VPN Pool")
		case 7:
			r["destAddresses"] = []string{"3.217.228.0-3.217.231.255"}
			r["destCountries"] = []string{"COUNTRY_US"}
		case 13:
			r["departments"] = s.refs("departments", "Finance")
			r["locations"] = s.refs("locations", "Frankfurt Data Center")
		case 18:
			r["nwApplications"] = []string{"SKYPE", "TEAMVIEWER"}
		case 19:
			r["state"] = "DISABLED"
		case 22:
			r["srcIpGroups"] = s.refs("ipSourceGroups", "Scanners")
			r["users"] = s.refs("users", userName(0))
		}
		s.add("firewallFilteringRules", r)
	}
	s.add("firewallFilteringRules", merge(baseRule(), firewallRuleExtra, modified(30), record{
		"id": 1690930, "name": "Default Firewall Filtering Rule", "action": "ALLOW",
		"order": -1, "defaultRule": true, "predefined": true,
		"description":       "Default rule applied when no other rule matches",
		"enableFullLogging": true, "labels": []any{}}))

	dns := []struct{ name, action, desc string }{
		{"Block malicious DNS", "BLOCK", "Block resolution of known bad domains"},
		{"Redirect internal", "REDIR_REQ", inj(14, "Use internal resolvers.")},
		{"Allow corporate DNS", "ALLOW", inj(1, "Corporate resolvers.")},
		{"Unknown DNS Traffic", "ALLOW", "Predefined rule for unknown DNS traffic"},
	}
	for i, d := range dns {
		r := merge(seedRule(s, i, d.name, d.action, d.desc), record{
			"id": 1692000 + i, "redirectIp": "", "protocols": []string{"ANY_RULE"},
			"capturePCAP": false, "srcIps": []any{}, "destAddresses": []any{},
			"resCategories": []any{}, "applications": []any{}, "dnsRuleRequestTypes": []any{},
			"destIpCategories": []any{}, "destCountries": []any{}, "sourceCountries": []any{},
			"applicationGroups": []any{}, "srcIpGroups": []any{}, "destIpGroups": []any{},
			"srcIpv6Groups": []any{}, "destIpv6Groups": []any{}, "isWebEunEnabled": false,
			"defaultDnsRuleNameUsed": false, "dnsGateway": nil, "zpaIpGroup": nil,
			"blockResponseCode": ""})
		switch i {
		case 0:
			r["resCategories"] = []string{"MALICIOUS_CONTENT", "PHISHING"}
			r["blockResponseCode"] = "NXDOMAIN"
		case 1:
			r["redirectIp"] = "10.0.0.53"
		case 3:
			r["predefined"] = true
		}
		s.add("firewallDnsRules", r)
	}
	s.add("firewallDnsRules", merge(baseRule(), modified(31), record{"id": 1691999,
		"name": "Default Firewall DNS Rule", "action": "ALLOW", "order": -1, "defaultRule": true,
		"predefined": true, "description": "Default DNS rule", "protocols": []string{"ANY_RULE"},
		"capturePCAP": false}))

	ips := []struct{ name, action, desc string }{
		{"Block exploit kits", "BLOCK_DROP", "Threat categories: exploit kits"},
		{"Bypass trusted scanners", "BYPASS_IPS", inj(18, "Vulnerability scanners.")},
		{"Reset C2 traffic", "BLOCK_RESET", inj(5, "C2 channels.")},
	}
	for i, p := range ips {
		r := merge(seedRule(s, i, p.name, p.action, p.desc), record{
			"id": 1693000 + i, "enableFullLogging": true, "capturePCAP": i == 0,
			"srcIps": []any{}, "destAddresses": []any{}, "destIpCategories": []any{},
			"destCountries": []any{}, "sourceCountries": []any{}, "resCategories": []any{},
			"srcIpGroups": []any{}, "destIpGroups": []any{}, "srcIpv6Groups": []any{},
			"destIpv6Groups": []any{}, "nwServices": []any{}, "nwServiceGroups": []any{},
			"threatCategories": []any{}, "zpaAppSegments": []any{}, "isEunEnabled": false,
			"eunTemplateId": 0})
		if i == 1 {
			r["srcIpGroups"] = s.refs("ipSourceGroups", "Scanners")
		}
		s.add("firewallIpsRules", r)
	}
	s.add("firewallIpsRules", merge(baseRule(), modified(32), record{"id": 1692999,
		"name": "Default Cloud IPS Rule", "action": "ALLOW", "order": -1, "defaultRule": true,
		"predefined": true, "description": "Default IPS rule", "enableFullLogging": false,
		"capturePCAP": false}))

	sigs := []struct{ name, desc, text string }{
		{"SMB exploit attempt", "EternalBlue style probe",
			`alert tcp any any -> any 445 (msg:"SMB exploit"; content:"|FF|SMB"; sid:1000001; rev:1;)`},
		{"Log4Shell JNDI", inj(17, "CVE-2021-44228."),
			`alert http any any -> any any (msg:"Log4Shell"; content:"${jndi:"; sid:1000002; rev:3;)`},
		{"Zürich beacon", "Beacon to a known C2",
			`alert tcp any any -> 192.0.2.66 443 (msg:"Beacon"; sid:1000003; rev:1;)`},
		{"Suspicious UA", inj(6, "User agent check."),
			`alert http any any -> any any (msg:"Bad UA"; content:"curl/"; sid:1000004; rev:2;)`},
	}
	for i, sg := range sigs {
		changed := seedTime - int64(i)*3600
		s.add("ipsSignatureRules", record{"id": 1694000 + i, "name": sg.name,
			"description": sg.desc, "ruleText": sg.text,
			"category": record{"id": 1, "name": "ADVANCED_SECURITY", "isNameL10nTag": true},
			"enabled":  i != 3, "deleted": false, "promoteTime": changed,
			"ruleTextModTime": changed, "dynamicValidationSubmitted": true,
			"dynamicValidationRejected": false, "dynamicValidationSucceeded": true,
			"disabledFromZSCM": false, "dynamicValRejectCode": 0})
	}
}

// userName returns the name of the i-th seeded user.
func userName(i int) string {
	a, b := i/20, i%20
	return seedFirstNames[b][0] + " " + seedLastNames[(b+7*a+3)%20][0]
}
