package tools

// ziaSSLInspectionWriteTools returns the zia_ssl_inspection write tools.
func ziaSSLInspectionWriteTools(up Upstream) []Tool {
	return ziaRuleFamily{
		Toolset: "zia_ssl_inspection", Noun: "ssl_inspection_rule",
		What: "SSL inspection rule", Path: "/sslInspectionRules",
		ListTool: "zia_list_ssl_inspection_rules",
		Actions:  ziaSSLActionTypes,
		ActionDescription: "What the rule does with matching TLS traffic: DECRYPT (inspect), " +
			"DO_NOT_DECRYPT or BLOCK. It becomes the type of the API's action object; the " +
			"action's settings go in advanced (decryptSubActions for DECRYPT, " +
			"doNotDecryptSubActions for DO_NOT_DECRYPT). Changing the type on update starts " +
			"the action's settings afresh; keeping it keeps them.",
		Fields: "urlCategories, cloudApplications (ids from zia_list_cloud_app_ssl_policy), " +
			"platforms, userAgentTypes, deviceTrustLevels, roadWarriorForKerberos; and the " +
			"action's settings, which go into the action object: decryptSubActions " +
			`(required for DECRYPT, e.g. {"serverCertificates": "BLOCK", "ocspCheck": true, ` +
			`"minClientTLSVersion": "CLIENT_TLS_1_2", "minServerTLSVersion": ` +
			`"SERVER_TLS_1_2", "http2Enabled": true}), doNotDecryptSubActions (required for ` +
			`DO_NOT_DECRYPT, e.g. {"bypassOtherPolicies": true}; without the bypass it needs ` +
			"serverCertificates and minTLSVersion), showEUN, showEUNATP, " +
			"overrideDefaultCertificate, sslInterceptionCert",
		Refs:               []string{"sourceIpGroups", "destIpGroups", "proxyGateways"},
		Finish:             ziaSSLAction,
		ReadOnlyPredefined: true,
	}.tools(up)
}
