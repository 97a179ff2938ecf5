package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Read-only catalogs the rule families name: file types and the cloud applications SSL
// inspection rules can match.

// fileTypeCategories lists the file types, predefined and custom. Each record keeps
// the policies it is usable in under "_policies", for the enums filter.
var _ = register(&family{
	name:     "fileTypeCategories",
	template: func() record { return record{"id": int64(0), "name": "", "parent": ""} },
	readOnly: true,
	queryScope: func(r record, q url.Values) bool {
		if q.Get("excludeCustomFileTypes") == "true" && boolean(r, "_custom") {
			return false
		}
		enums := q["enums"]
		return len(enums) == 0 || slices.ContainsFunc(strList(r, "_policies"),
			func(p string) bool { return slices.Contains(enums, p) })
	},
})

// routeCatalogs serves the cloud application catalog of SSL inspection rules.
func (t *Tenant) routeCatalogs(method string, segs []string, q url.Values) (result, bool) {
	if strings.Join(segs, "/") != "cloudApplications/sslPolicy" {
		return result{}, false
	}
	if method != http.MethodGet {
		return fail(errMethod()), true
	}
	return serveAppCatalog(sslPolicyApps, q), true
}

func cloudApp(app, name, parent, parentName string) record {
	return record{"app": app, "appName": name, "parent": parent, "parentName": parentName}
}

// sslPolicyApps is the catalog of cloud applications SSL inspection rules can name.
// One record lacks its category's display name (null), as some catalog entries do.
var sslPolicyApps = canonList([]record{
	cloudApp("ONEDRIVE", "OneDrive", "FILE_SHARE", "File Share"),
	cloudApp("ONEDRIVE_PERSONAL", "OneDrive Personal", "FILE_SHARE", "File Share"),
	cloudApp("DROPBOX", "Dropbox", "FILE_SHARE", "File Share"),
	cloudApp("BOX", "Box", "FILE_SHARE", "File Share"),
	cloudApp("SHAREPOINT_ONLINE", "SharePoint Online", "ENTERPRISE_COLLABORATION",
		"Enterprise Collaboration"),
	cloudApp("SLACK", "Slack", "ENTERPRISE_COLLABORATION", "Enterprise Collaboration"),
	cloudApp("ZOOM", "Zoom", "ENTERPRISE_COLLABORATION", "Enterprise Collaboration"),
	cloudApp("GMAIL", "Gmail", "WEB_MAIL", "Webmail"),
	cloudApp("OUTLOOK", "Outlook.com", "WEB_MAIL", "Webmail"),
	cloudApp("FACEBOOK", "Facebook", "SOCIAL_NETWORKING", "Social Networking"),
	cloudApp("LINKEDIN", "LinkedIn", "SOCIAL_NETWORKING", "Social Networking"),
	cloudApp("YOUTUBE", "YouTube", "STREAMING", "Streaming Media"),
	cloudApp("CHATGPT_AI", "ChatGPT", "AI_ML", "AI & ML Applications"),
	cloudApp("GOOGLE_GEMINI", "Google Gemini", "AI_ML", "AI & ML Applications"),
	cloudApp("SALESFORCE", "Salesforce", "SALES_AND_MARKETING", "Sales and Marketing"),
	cloudApp("WORKDAY", "Workday", "HUMAN_RESOURCES", "Human Resources"),
	cloudApp("GITHUB", "GitHub", "SYSTEM_AND_DEVELOPMENT", "System and Development"),
	merge(cloudApp("CUSTOM_CAPP_1001", "Acme Intranet", "CUSTOM_CAPP", ""),
		record{"parentName": nil}),
})

func canonList(rs []record) []record {
	out := make([]record, len(rs))
	for i, r := range rs {
		out[i] = canonRec(r)
	}
	return out
}

// routeInspection serves the special endpoints of the sandbox and of the catalogs SSL
// inspection and file type rules name.
func (t *Tenant) routeInspection(method string, segs []string, q url.Values,
	body any) (result, bool) {
	if res, handled := t.routeSandbox(method, segs, q, body); handled {
		return res, true
	}
	return t.routeCatalogs(method, segs, q)
}
