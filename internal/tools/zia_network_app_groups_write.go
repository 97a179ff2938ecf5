package tools

// ziaNetworkAppGroupWriteTools returns the write tools of network application groups.
func ziaNetworkAppGroupWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_cloud_firewall", Noun: "network_app_group",
		What: "network application group", Path: "/networkApplicationGroups",
		IDName:        "group_id",
		IDDescription: "Network application group id, from zia_list_network_app_groups.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true, Description: "Group name."},
			{Name: "network_applications", Type: StringList, Required: true,
				Description: "Network application ids such as APNS, from " +
					"zia_list_network_apps. On update the list replaces the members."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "description": "description",
			"network_applications": "networkApplications"},
		CreateDescription: "Creates a network application group and returns it with its " +
			"id. " + ziaStagedHint,
		UpdateDescription: "Changes a network application group; what is not given keeps " +
			"its value. " + ziaStagedHint,
		DeleteDescription: "Deletes a network application group. Nothing is deleted " +
			"while rules use it; the refusal names them. " + ziaDeleteHint,
		CheckDelete: ziaUnreferenced(up, "network application group",
			ziaFirewallRules.with("nwApplicationGroups"), ziaDNSRules.with("applicationGroups")),
	}.tools(up)
}
