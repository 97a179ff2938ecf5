package tools

import "maps"

// The settings toolsets in the catalog tests: zia_advanced_settings, zia_atp_malware,
// zia_atp_policy, zia_authentication_settings and zia_misc.
func init() {
	maps.Copy(ziaExpectedParams, map[string][]string{
		"zia_get_advanced_settings":        nil,
		"zia_get_atp_malware_policy":       nil,
		"zia_get_atp_malware_inspection":   nil,
		"zia_get_atp_malware_protocols":    nil,
		"zia_get_malware_settings":         nil,
		"zia_get_atp_settings":             nil,
		"zia_get_atp_security_exceptions":  nil,
		"zia_list_atp_malicious_urls":      nil,
		"zia_list_auth_exempt_urls":        nil,
		"zia_get_mobile_advanced_settings": nil,
	})
	get := func(path string) ziaRoute { return ziaRoute{nil, "get", path, ""} }
	maps.Copy(ziaRoutes, map[string]ziaRoute{
		"zia_get_advanced_settings":        get("/advancedSettings"),
		"zia_get_atp_malware_policy":       get("/cyberThreatProtection/malwarePolicy"),
		"zia_get_atp_malware_inspection":   get("/cyberThreatProtection/atpMalwareInspection"),
		"zia_get_atp_malware_protocols":    get("/cyberThreatProtection/atpMalwareProtocols"),
		"zia_get_malware_settings":         get("/cyberThreatProtection/malwareSettings"),
		"zia_get_atp_settings":             get("/cyberThreatProtection/advancedThreatSettings"),
		"zia_get_atp_security_exceptions":  get("/cyberThreatProtection/securityExceptions"),
		"zia_list_atp_malicious_urls":      get("/cyberThreatProtection/maliciousUrls"),
		"zia_list_auth_exempt_urls":        get("/authSettings/exemptedUrls"),
		"zia_get_mobile_advanced_settings": get("/mobileAdvanceThreatSettings"),
	})
	maps.Copy(ziaExpectedWriteParams, map[string][]string{
		"zia_update_advanced_settings": {"settings"},
		"zia_update_atp_malware_policy": {"block_password_protected_archive_files",
			"block_unscannable_files"},
		"zia_update_atp_malware_inspection":   {"inspect_inbound", "inspect_outbound"},
		"zia_update_atp_malware_protocols":    {"inspect_ftp", "inspect_ftp_over_http", "inspect_http"},
		"zia_update_malware_settings":         {"settings"},
		"zia_update_atp_settings":             {"settings"},
		"zia_update_atp_security_exceptions":  {"bypass_urls"},
		"zia_add_atp_malicious_urls":          {"malicious_urls"},
		"zia_delete_atp_malicious_urls":       {"malicious_urls"},
		"zia_add_auth_exempt_urls":            {"exempt_urls"},
		"zia_delete_auth_exempt_urls":         {"exempt_urls"},
		"zia_update_mobile_advanced_settings": {"settings"},
	})
	maps.Copy(ziaWriteKinds, map[string]Kind{
		"zia_add_atp_malicious_urls": Create,
		"zia_add_auth_exempt_urls":   Create,
	})
	maps.Copy(ziaUpdateRequired, map[string][]string{
		"zia_update_advanced_settings":        {"settings"},
		"zia_update_malware_settings":         {"settings"},
		"zia_update_atp_settings":             {"settings"},
		"zia_update_mobile_advanced_settings": {"settings"},
		"zia_update_atp_security_exceptions":  {"bypass_urls"},
	})
}
