package server

// The admin scenario: a fresh tenant has nothing staged; a change stages, activation
// puts it into effect, and the status says so at each step.
func init() {
	status := func(want string) familyCheck {
		return objectHas("", map[string]any{"status": want})
	}
	addFamily("zia_admin",
		familyStep{Tool: "zia_get_activation_status", Check: status("ACTIVE")},
		familyStep{Tool: "zia_create_rule_label",
			Args:  fixed(map[string]any{"name": "Staged by the admin scenario"}),
			Check: saveCreatedID("label")},
		familyStep{Tool: "zia_get_activation_status", Check: status("PENDING")},
		familyStep{Tool: "zia_activate_configuration", Check: status("ACTIVE")},
		familyStep{Tool: "zia_get_activation_status", Check: status("ACTIVE")},
		familyStep{Tool: "zia_get_rule_label", Args: withID("label_id", "label", nil),
			Check: objectHas("", map[string]any{"name": "Staged by the admin scenario"})},
	)
}
