package tools

// ziaIPGroupWriteTools returns the write tools of IP source and destination groups,
// in the zia_cloud_firewall toolset.
func ziaIPGroupWriteTools(up Upstream) []Tool {
	const ts = "zia_cloud_firewall"
	src := ziaCRUD{
		Toolset: ts, Noun: "ip_source_group", What: "IP source group",
		Path: "/ipSourceGroups", IDName: "group_id",
		IDDescription: "IP source group id, from zia_list_ip_source_groups.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true, Description: "Group name."},
			{Name: "ip_addresses", Type: StringList, Required: true,
				Description: "Source addresses: IPs, CIDRs or ranges such as " +
					"10.0.0.1-10.0.0.9. On update the list replaces the current one."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "ip_addresses": "ipAddresses",
			"description": "description"},
		CreateDescription: "Creates an IP source group for firewall rule sources and " +
			"returns it with its id. " + ziaStagedHint,
		UpdateDescription: "Changes an IP source group; what is not given keeps its value. " +
			ziaStagedHint,
		DeleteDescription: "Deletes an IP source group. Nothing is deleted while rules " +
			"use it; the refusal names them. " + ziaDeleteHint,
		CheckDelete: ziaUnreferenced(up, "IP source group",
			ziaFirewallRules.with("srcIpGroups"), ziaDNSRules.with("srcIpGroups"),
			ziaIPSRules.with("srcIpGroups"), ziaURLRules.with("sourceIpGroups"),
			ziaSSLRules.with("sourceIpGroups")),
	}
	dst := ziaCRUD{
		Toolset: ts, Noun: "ip_destination_group", What: "IP destination group",
		Path: "/ipDestinationGroups", IDName: "group_id",
		IDDescription: "IP destination group id, from zia_list_ip_destination_groups.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true, Description: "Group name."},
			{Name: "type", Type: String, Required: true,
				Enum: []string{"DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"},
				Description: "What the group holds: DSTN_IP addresses, DSTN_FQDN host " +
					"names, DSTN_DOMAIN domains, or DSTN_OTHER countries and IP categories."},
			{Name: "addresses", Type: StringList,
				Description: "Addresses, host names or domains, as type says. On update " +
					"the list replaces the current one."},
			{Name: "countries", Type: StringList,
				Description: "Destination countries such as COUNTRY_US, for DSTN_OTHER."},
			{Name: "ip_categories", Type: StringList,
				Description: "URL categories of destination IPs such as CUSTOM_01, for " +
					"DSTN_OTHER."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "type": "type", "addresses": "addresses",
			"countries": "countries", "ip_categories": "ipCategories",
			"description": "description"},
		CreateDescription: "Creates an IP destination group for firewall rule " +
			"destinations and returns it with its id. " + ziaStagedHint,
		UpdateDescription: "Changes an IP destination group; what is not given keeps its " +
			"value. " + ziaStagedHint,
		DeleteDescription: "Deletes an IP destination group. Nothing is deleted while " +
			"rules use it; the refusal names them. " + ziaDeleteHint,
		CheckDelete: ziaUnreferenced(up, "IP destination group",
			ziaFirewallRules.with("destIpGroups"), ziaDNSRules.with("destIpGroups"),
			ziaIPSRules.with("destIpGroups"), ziaSSLRules.with("destIpGroups")),
	}
	return append(src.tools(up), dst.tools(up)...)
}
