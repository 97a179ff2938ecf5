package simulator

import "strings"

// seedAdvancedSettings is the tenant's /advancedSettings: every field the API
// returns, since a PUT naming a field the object lacks is refused. Lists of URL
// categories hold "NONE" when empty, as the API shows them; other lists are empty.
func seedAdvancedSettings() record {
	r := record{
		"enableOffice365": true, "logInternalIp": true, "uiSessionTimeout": 5400,
		"blockNonCompliantHttpRequestOnHttpPorts": true,
		"http2NonbrowserTrafficEnabled":           true, "blockNonHttpOnHttpPortEnabled": true,
		"ecsObject":                   record{"id": 0, "name": "", "externalId": ""},
		"authBypassUrls":              []string{".windowsupdate.com", ".office.net"},
		"kerberosBypassUrlCategories": []string{"CUSTOM_01"},
	}
	for _, f := range []string{"blockConnectHostSniMismatch", "blockDomainFrontingOnHostHeader",
		"blockHttpTunnelOnNonHttpPorts", "cascadeUrlFiltering", "dynamicUserRiskEnabled",
		"ecsForAllEnabled", "enableAdminRankAccess", "enableDnsResolutionOnTransparentProxy",
		"enableEvaluatePolicyOnGlobalSSLBypass", "enableIPv6DnsOptimizationOnAllTransparentProxy",
		"enableIPv6DnsResolutionOnTransparentProxy", "enablePolicyForUnauthenticatedTraffic",
		"enforceSurrogateIpForWindowsApp", "preferSniOverConnHost", "sipaXffHeaderEnabled",
		"trackHttpTunnelOnHttpPorts", "zscalerClientConnector1AndPacRoadWarriorInFirewall"} {
		r[f] = false
	}
	for _, f := range []string{"authBypassApps", "authBypassUrlCategories", "basicBypassApps",
		"basicBypassUrlCategories", "blockDomainFrontingApps", "digestAuthBypassApps",
		"digestAuthBypassUrlCategories", "digestAuthBypassUrls",
		"dnsResolutionOnTransparentProxyApps", "dnsResolutionOnTransparentProxyExemptApps",
		"dnsResolutionOnTransparentProxyExemptUrlCategories",
		"dnsResolutionOnTransparentProxyExemptUrls", "dnsResolutionOnTransparentProxyIPv6Apps",
		"dnsResolutionOnTransparentProxyIPv6ExemptApps",
		"dnsResolutionOnTransparentProxyIPv6ExemptUrlCategories",
		"dnsResolutionOnTransparentProxyIPv6UrlCategories",
		"dnsResolutionOnTransparentProxyUrlCategories", "dnsResolutionOnTransparentProxyUrls",
		"domainFrontingBypassUrlCategories", "httpRangeHeaderRemoveUrlCategories",
		"kerberosBypassApps", "kerberosBypassUrls", "preferSniOverConnHostApps",
		"sniDnsOptimizationBypassUrlCategories"} {
		if strings.HasSuffix(f, "UrlCategories") {
			r[f] = []string{"NONE"}
		} else {
			r[f] = []string{}
		}
	}
	return r
}
