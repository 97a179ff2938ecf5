package tools

// ziaMobileSettings is the mobile advanced threat settings object (toolset zia_misc).
func ziaMobileSettings() ziaSettings {
	return ziaSettings{
		Toolset: "zia_misc", Path: "/mobileAdvanceThreatSettings",
		What:     "mobile advanced threat settings",
		GetName:  "zia_get_mobile_advanced_settings",
		GetTitle: "Get ZIA mobile advanced threat settings",
		GetDescription: "Returns the mobile app threat settings: whether ZIA blocks " +
			"mobile apps with malicious activity or known vulnerabilities, or apps that " +
			"send credentials unencrypted, location, personal data or device identifiers, " +
			"or talk to ad sites or unknown servers.",
		UpdateName:  "zia_update_mobile_advanced_settings",
		UpdateTitle: "Update ZIA mobile advanced threat settings",
		UpdateDescription: "Turns mobile app threat blocks on or off. Only the fields given " +
			"change; the others keep their values. The result lists each field changed " +
			"with its value before and after. " + ziaStagedHint,
		SettingsDescription: "Fields to change, each true or false, under the API's " +
			"names as zia_get_mobile_advanced_settings returns them, e.g. " +
			"{\"blockAppsSendingLocationInfo\": true}. Unknown fields are refused with " +
			"the list of valid ones.",
		Fields: []string{"blockAppsCommunicatingWithAdWebsites",
			"blockAppsCommunicatingWithRemoteUnknownServers",
			"blockAppsSendingDeviceIdentifier", "blockAppsSendingLocationInfo",
			"blockAppsSendingPersonallyIdentifiableInfo",
			"blockAppsSendingUnencryptedUserCredentials",
			"blockAppsWithKnownVulnerabilities", "blockAppsWithMaliciousActivity"},
	}
}
