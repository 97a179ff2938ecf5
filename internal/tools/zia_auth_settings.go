package tools

import "net/http"

// ziaAuthExemptURLs is the list of URLs exempt from cookie authentication (toolset
// zia_authentication_settings). The API changes it with POST, unlike the malicious
// URL denylist.
func ziaAuthExemptURLs() ziaEntryList {
	return ziaEntryList{Toolset: "zia_authentication_settings",
		Path: "/authSettings/exemptedUrls", Key: "urls",
		ActionMethod: http.MethodPost, Param: "exempt_urls",
		ParamDescription: "URLs or domains, e.g. [\".windowsupdate.com\", " +
			"\"login.partner.example\"]; a leading dot covers subdomains.",
		What:      "authentication exempt list",
		ListName:  "zia_list_auth_exempt_urls",
		ListTitle: "List ZIA authentication exempt URLs",
		ListDescription: "Lists the URLs and domains exempt from cookie-based user " +
			"authentication (for applications that cannot handle the authentication " +
			"redirect), as a list of strings.",
		AddName:  "zia_add_auth_exempt_urls",
		AddTitle: "Add ZIA authentication exempt URLs",
		AddDescription: "Exempts URLs or domains from cookie-based user authentication, " +
			"leaving the other entries as they are. Entries already exempt are reported " +
			"and not sent; when none is left, nothing is changed. " + ziaStagedHint,
		DeleteName:  "zia_delete_auth_exempt_urls",
		DeleteTitle: "Remove ZIA authentication exempt URLs",
		DeleteDescription: "Removes URLs or domains from the authentication exempt list, " +
			"so users must authenticate for them again. Every entry named must be on the " +
			"list (matched ignoring case); otherwise nothing is removed and the error " +
			"names those that are not. " + ziaDeleteHint,
	}
}
