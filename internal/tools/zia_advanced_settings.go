package tools

// ziaAdvancedSettingsFields are the documented fields of /advancedSettings.
var ziaAdvancedSettingsFields = []string{
	"authBypassApps", "authBypassUrlCategories", "authBypassUrls", "basicBypassApps",
	"basicBypassUrlCategories", "blockConnectHostSniMismatch", "blockDomainFrontingApps",
	"blockDomainFrontingOnHostHeader", "blockHttpTunnelOnNonHttpPorts",
	"blockNonCompliantHttpRequestOnHttpPorts", "blockNonHttpOnHttpPortEnabled",
	"cascadeUrlFiltering", "digestAuthBypassApps", "digestAuthBypassUrlCategories",
	"digestAuthBypassUrls", "dnsResolutionOnTransparentProxyApps",
	"dnsResolutionOnTransparentProxyExemptApps",
	"dnsResolutionOnTransparentProxyExemptUrlCategories",
	"dnsResolutionOnTransparentProxyExemptUrls", "dnsResolutionOnTransparentProxyIPv6Apps",
	"dnsResolutionOnTransparentProxyIPv6ExemptApps",
	"dnsResolutionOnTransparentProxyIPv6ExemptUrlCategories",
	"dnsResolutionOnTransparentProxyIPv6UrlCategories",
	"dnsResolutionOnTransparentProxyUrlCategories", "dnsResolutionOnTransparentProxyUrls",
	"domainFrontingBypassUrlCategories", "dynamicUserRiskEnabled", "ecsForAllEnabled",
	"ecsObject", "enableAdminRankAccess", "enableDnsResolutionOnTransparentProxy",
	"enableEvaluatePolicyOnGlobalSSLBypass", "enableIPv6DnsOptimizationOnAllTransparentProxy",
	"enableIPv6DnsResolutionOnTransparentProxy", "enableOffice365",
	"enablePolicyForUnauthenticatedTraffic", "enforceSurrogateIpForWindowsApp",
	"http2NonbrowserTrafficEnabled", "httpRangeHeaderRemoveUrlCategories",
	"kerberosBypassApps", "kerberosBypassUrlCategories", "kerberosBypassUrls",
	"logInternalIp", "preferSniOverConnHost", "preferSniOverConnHostApps",
	"sipaXffHeaderEnabled", "sniDnsOptimizationBypassUrlCategories",
	"trackHttpTunnelOnHttpPorts", "uiSessionTimeout",
	"zscalerClientConnector1AndPacRoadWarriorInFirewall",
}

// ziaAdvancedSettings is the tenant's advanced settings object.
func ziaAdvancedSettings() ziaSettings {
	return ziaSettings{
		Toolset: "zia_advanced_settings", Path: "/advancedSettings",
		What:    "advanced settings",
		GetName: "zia_get_advanced_settings", GetTitle: "Get ZIA advanced settings",
		GetDescription: "Returns the tenant-wide advanced settings: authentication and " +
			"Kerberos bypass lists, DNS resolution on transparent proxy, HTTP tunnel and " +
			"domain fronting controls, Office 365 one-click, admin UI session timeout and " +
			"more, under the API's field names. Read this before zia_update_advanced_settings.",
		UpdateName: "zia_update_advanced_settings", UpdateTitle: "Update ZIA advanced settings",
		UpdateDescription: "Changes tenant-wide advanced settings. Only the fields given " +
			"change; the others keep their values (the settings are read first and sent " +
			"back whole). A list given replaces the current list. The result lists each " +
			"field changed with its value before and after; a call that changes nothing " +
			"stages nothing. " + ziaStagedHint,
		SettingsDescription: "Fields to change, under the API's names as " +
			"zia_get_advanced_settings returns them, e.g. {\"enableOffice365\": true, " +
			"\"uiSessionTimeout\": 3600, \"authBypassUrls\": [\".example.com\"]}. " +
			"Unknown fields are refused with the list of valid ones.",
		Fields: ziaAdvancedSettingsFields,
	}
}
