package tools

// ziaSettingsTools returns the read tools of the settings toolsets:
// zia_advanced_settings, zia_atp_malware, zia_atp_policy, zia_authentication_settings
// and zia_misc.
func ziaSettingsTools(up Upstream) []Tool {
	return []Tool{
		ziaAdvancedSettings().readTool(up),
		ziaMalwarePolicy().readTool(up),
		ziaMalwareInspection().readTool(up),
		ziaMalwareProtocols().readTool(up),
		ziaMalwareSettings().readTool(up),
		ziaATPSettings().readTool(up),
		ziaSecurityExceptions().readTool(up),
		ziaMaliciousURLs().listTool(up),
		ziaAuthExemptURLs().listTool(up),
		ziaMobileSettings().readTool(up),
	}
}

// ziaSettingsWriteTools returns the write tools of the same toolsets.
func ziaSettingsWriteTools(up Upstream) []Tool {
	return []Tool{
		ziaAdvancedSettings().updateTool(up),
		ziaMalwarePolicy().updateTool(up),
		ziaMalwareInspection().updateTool(up),
		ziaMalwareProtocols().updateTool(up),
		ziaMalwareSettings().updateTool(up),
		ziaATPSettings().updateTool(up),
		ziaSecurityExceptionsUpdate(up),
		ziaMaliciousURLs().addTool(up),
		ziaMaliciousURLs().deleteTool(up),
		ziaAuthExemptURLs().addTool(up),
		ziaAuthExemptURLs().deleteTool(up),
		ziaMobileSettings().updateTool(up),
	}
}
