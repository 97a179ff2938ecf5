package server

// The advanced settings scenario: change one setting, see the others kept, restore it.
func init() {
	addFamily("zia_advanced_settings", singletonSteps("zia_get_advanced_settings",
		"zia_update_advanced_settings", "enableOffice365", false,
		settingsArgs("enableOffice365"))...)
}
