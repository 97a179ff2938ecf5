package server

// The advanced threat protection scenario: a setting and the bypass list are changed,
// read back and restored; a URL is added to the malicious URL denylist and removed.
func init() {
	addFamily("zia_atp_policy", concat(
		singletonSteps("zia_get_atp_settings", "zia_update_atp_settings",
			"riskTolerance", 40.0, settingsArgs("riskTolerance")),
		singletonSteps("zia_get_atp_security_exceptions", "zia_update_atp_security_exceptions",
			"bypassUrls", []any{".partner-portal.example.com", ".cdn.example.org"},
			toggleArgs("bypass_urls")),
		entryListSteps("zia_list_atp_malicious_urls", "zia_add_atp_malicious_urls",
			"zia_delete_atp_malicious_urls", "malicious_urls", "evil.example"),
	)...)
}
