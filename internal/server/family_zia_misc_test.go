package server

// The mobile advanced threat settings scenario.
func init() {
	addFamily("zia_misc", singletonSteps("zia_get_mobile_advanced_settings",
		"zia_update_mobile_advanced_settings", "blockAppsSendingLocationInfo", true,
		settingsArgs("blockAppsSendingLocationInfo"))...)
}
