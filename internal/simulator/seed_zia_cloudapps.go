package simulator

// BigCloudAppRuleID is a seeded cloud app control rule id above 2^53.
const BigCloudAppRuleID int64 = 9007199254741003

// cloudAppClassNames are the display names of the catalog's application classes.
var cloudAppClassNames = map[string]string{
	"WEB_MAIL": "Webmail", "FILE_SHARE": "File Sharing", "AI_ML": "AI & ML Applications",
	"STREAMING": "Streaming Media", "SOCIAL_NETWORKING": "Social Networking",
	"INSTANT_MESSAGING":        "Instant Messaging",
	"ENTERPRISE_COLLABORATION": "Collaboration & Online Meetings",
	"SYSTEM_AND_DEVELOPMENT":   "System & Development",
	"BUSINESS_PRODUCTIVITY":    "Productivity & CRM Tools",
	"HOSTING_PROVIDER":         "Hosting Providers", "DNS_OVER_HTTPS": "DNS Over HTTPS Services",
	"FINANCE": "Finance",
}

// cloudAppCatalog is the policy catalog of cloud applications, in the shape of
// /cloudApplications/policy. It is fixed: tenants cannot change it.
var cloudAppCatalog = func() []record {
	apps := []struct{ app, name, class string }{
		{"GOOGLE_WEBMAIL", "Gmail", "WEB_MAIL"},
		{"YAHOO_WEBMAIL", "Yahoo Mail", "WEB_MAIL"},
		{"WINDOWS_LIVE_HOTMAIL", "Outlook.com", "WEB_MAIL"},
		{"DROPBOX", "Dropbox", "FILE_SHARE"},
		{"BOX", "Box", "FILE_SHARE"},
		{"ONEDRIVE", "OneDrive", "FILE_SHARE"},
		{"GDRIVE", "Google Drive", "FILE_SHARE"},
		{"CHATGPT_AI", "ChatGPT", "AI_ML"},
		{"GOOGLE_GEMINI", "Google Gemini", "AI_ML"},
		{"ANTHROPIC_CLAUDE", "Claude", "AI_ML"},
		{"YOUTUBE", "YouTube", "STREAMING"},
		{"NETFLIX", "Netflix", "STREAMING"},
		{"VIMEO", "Vimeo", "STREAMING"},
		{"FACEBOOK", "Facebook", "SOCIAL_NETWORKING"},
		{"LINKEDIN", "LinkedIn", "SOCIAL_NETWORKING"},
		{"TWITTER", "X (Twitter)", "SOCIAL_NETWORKING"},
		{"WHATSAPP", "WhatsApp", "INSTANT_MESSAGING"},
		{"LINE", "LINE (ライン)", "INSTANT_MESSAGING"},
		{"SLACK", "Slack", "ENTERPRISE_COLLABORATION"},
		{"ZOOM", "Zoom", "ENTERPRISE_COLLABORATION"},
		{"WEBEX", "Webex", "ENTERPRISE_COLLABORATION"},
		{"GITHUB", "GitHub", "SYSTEM_AND_DEVELOPMENT"},
		{"GITLAB", "GitLab", "SYSTEM_AND_DEVELOPMENT"},
		{"GOOGLEANALYTICS", "Google Analytics", "BUSINESS_PRODUCTIVITY"},
		{"AWS", "Amazon Web Services", "HOSTING_PROVIDER"},
		{"GOOGLE_CLOUD_PLATFORM", "Google Cloud Platform", "HOSTING_PROVIDER"},
		{"CLOUDFLARE_DOH", "Cloudflare DNS over HTTPS", "DNS_OVER_HTTPS"},
		{"PAYPAL", "PayPal", "FINANCE"},
	}
	out := make([]record, 0, len(apps))
	for _, a := range apps {
		r := record{"app": a.app, "appName": a.name, "parent": a.class,
			"parentName": cloudAppClassNames[a.class]}
		if a.app == "WINDOWS_LIVE_HOTMAIL" {
			// Some catalog entries come without a class name.
			r["parentName"] = nil
		}
		out = append(out, canonRec(r))
	}
	return out
}()

func seedCloudAppRules(s *seeder) {
	rules := []struct {
		typ, name, desc string
		actions, apps   []string
	}{
		{"WEBMAIL", "Webmail view only", "Read mail, no attachments out",
			strs("ALLOW_WEBMAIL_VIEW", "BLOCK_WEBMAIL_ATTACHMENT_SEND"),
			strs("GOOGLE_WEBMAIL", "YAHOO_WEBMAIL")},
		{"WEBMAIL", "Contractors cannot send", "No outbound mail for contractors",
			strs("BLOCK_WEBMAIL_SEND"), strs("GOOGLE_WEBMAIL", "WINDOWS_LIVE_HOTMAIL")},
		{"FILE_SHARE", "Dropbox read only", "Download yes, upload no",
			strs("ALLOW_FILE_SHARE_VIEW", "DENY_FILE_SHARE_UPLOAD"), strs("DROPBOX")},
		{"FILE_SHARE", "Caution personal drives", inj(3, "Warn before use."),
			strs("CAUTION_FILE_SHARE_VIEW"), strs("GDRIVE", "ONEDRIVE")},
		{"AI_ML", "Caution generative AI", "Warn before chat bots",
			strs("CAUTION_AI_ML_WEB_USE"), strs("CHATGPT_AI", "GOOGLE_GEMINI")},
		{"STREAMING_MEDIA", "Block video uploads", "Viewing is fine",
			strs("BLOCK_STREAMING_UPLOAD"), strs("YOUTUBE", "VIMEO")},
		{"SOCIAL_NETWORKING", "Social view only", "Zürich Marketing may post",
			strs("ALLOW_SOCIAL_NETWORKING_VIEW", "BLOCK_SOCIAL_NETWORKING_POST"),
			strs("FACEBOOK", "LINKEDIN")},
	}
	order := map[string]int{}
	for i, r := range rules {
		order[r.typ]++
		rec := merge(cloudAppRules.template(), modified(i), record{
			"id": 1696000 + i, "type": r.typ, "name": r.name, "description": r.desc,
			"order": order[r.typ], "actions": r.actions, "applications": r.apps,
			"numberOfApplications": len(r.apps)})
		switch i {
		case 1:
			rec["id"] = BigCloudAppRuleID
			rec["groups"] = s.refs("groups", "Contractors")
			rec["labels"] = s.refs("ruleLabels", "Compliance")
		case 3:
			rec["state"] = "DISABLED"
		case 6:
			// A null where a list is expected, as some tenants return it.
			rec["userAgentTypes"] = nil
			rec["deviceTrustLevels"] = strs("MEDIUM_TRUST", "HIGH_TRUST")
		}
		s.add("webApplicationRules", rec)
	}
}
