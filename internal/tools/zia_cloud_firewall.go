package tools

// ziaFirewallRulePageSize is the page size the SDK reads firewall filtering rules with;
// tenants can hold thousands of them.
const ziaFirewallRulePageSize = 5000

// ziaCloudFirewallTools returns the zia_cloud_firewall read tools: the three firewall
// rule families and the objects their rules reference.
func ziaCloudFirewallTools(up Upstream) []Tool {
	const ts = "zia_cloud_firewall"
	return []Tool{
		ziaList{
			Name:  "zia_list_cloud_firewall_rules",
			Title: "List ZIA cloud firewall rules",
			Description: "Lists cloud firewall filtering rules in policy order, including " +
				"default and predefined ones, with action, sources, destinations, services " +
				"and applications. Ids feed zia_get_cloud_firewall_rule.",
			Path: "/firewallFilteringRules",
			Params: []Param{{Name: "search", Type: String,
				Description: "Case-insensitive substring of the rule name, matched by the " +
					"API (its ruleName filter)."}},
			// The API names this filter ruleName; it has no search parameter.
			Query:    map[string]string{"search": "ruleName"},
			PageSize: ziaFirewallRulePageSize,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_cloud_firewall_rule",
			Title:         "Get a ZIA cloud firewall rule",
			Description:   "Returns one cloud firewall filtering rule by id with all its conditions.",
			Path:          "/firewallFilteringRules",
			IDName:        "rule_id",
			IDDescription: "Firewall rule id, from zia_list_cloud_firewall_rules.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_cloud_firewall_dns_rules",
			Title: "List ZIA firewall DNS rules",
			Description: "Lists cloud firewall DNS control rules in policy order, including " +
				"the default rule. search narrows by name on our side: the API has no " +
				"filter for this list. Ids feed zia_get_cloud_firewall_dns_rule.",
			Path:   "/firewallDnsRules",
			Params: []Param{ziaLocalSearchParam("the rule name")},
			Filter: ziaSearchFields("name"),
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_cloud_firewall_dns_rule",
			Title:         "Get a ZIA firewall DNS rule",
			Description:   "Returns one cloud firewall DNS control rule by id.",
			Path:          "/firewallDnsRules",
			IDName:        "rule_id",
			IDDescription: "DNS rule id, from zia_list_cloud_firewall_dns_rules.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_cloud_firewall_ips_rules",
			Title: "List ZIA firewall IPS rules",
			Description: "Lists cloud firewall IPS control rules in policy order, including " +
				"the default rule. search narrows by name on our side: the API has no " +
				"filter for this list. Ids feed zia_get_cloud_firewall_ips_rule.",
			Path:   "/firewallIpsRules",
			Params: []Param{ziaLocalSearchParam("the rule name")},
			Filter: ziaSearchFields("name"),
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_cloud_firewall_ips_rule",
			Title:         "Get a ZIA firewall IPS rule",
			Description:   "Returns one cloud firewall IPS control rule by id.",
			Path:          "/firewallIpsRules",
			IDName:        "rule_id",
			IDDescription: "IPS rule id, from zia_list_cloud_firewall_ips_rules.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_ip_destination_groups",
			Title: "List ZIA IP destination groups",
			Description: "Lists IP destination groups (addresses, FQDNs, domains, countries or " +
				"IP categories) used as firewall rule destinations. Ids feed " +
				"zia_get_ip_destination_group.",
			Path:    "/ipDestinationGroups",
			Params:  []Param{ziaSearchParam("group names")},
			Query:   ziaBySearch,
			Unpaged: true,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_ip_destination_group",
			Title:         "Get a ZIA IP destination group",
			Description:   "Returns one IP destination group by id with its addresses.",
			Path:          "/ipDestinationGroups",
			IDName:        "group_id",
			IDDescription: "IP destination group id, from zia_list_ip_destination_groups.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_ip_source_groups",
			Title: "List ZIA IP source groups",
			Description: "Lists IP source groups (source addresses and ranges) used as " +
				"firewall rule sources. Ids feed zia_get_ip_source_group.",
			Path:    "/ipSourceGroups",
			Params:  []Param{ziaSearchParam("group names")},
			Query:   ziaBySearch,
			Unpaged: true,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_ip_source_group",
			Title:         "Get a ZIA IP source group",
			Description:   "Returns one IP source group by id with its addresses.",
			Path:          "/ipSourceGroups",
			IDName:        "group_id",
			IDDescription: "IP source group id, from zia_list_ip_source_groups.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_ips_signature_rules",
			Title: "List ZIA custom IPS signatures",
			Description: "Lists custom IPS signature rules with their Snort/Suricata rule " +
				"text, threat category and validation state. search narrows by name on our " +
				"side: the API has no filter for this list. Ids feed zia_get_ips_signature_rule.",
			Path:   "/ipsSignatureRules",
			Params: []Param{ziaLocalSearchParam("the signature name")},
			Filter: ziaSearchFields("name"),
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_ips_signature_rule",
			Title:         "Get a ZIA custom IPS signature",
			Description:   "Returns one custom IPS signature rule by id.",
			Path:          "/ipsSignatureRules",
			IDName:        "rule_id",
			IDDescription: "IPS signature rule id, from zia_list_ips_signature_rules.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_network_app_groups",
			Title: "List ZIA network application groups",
			Description: "Lists network application groups and the application ids each " +
				"contains. Ids feed zia_get_network_app_group and firewall rules.",
			Path:   "/networkApplicationGroups",
			Params: []Param{ziaSearchParam("group names")},
			Query:  ziaBySearch,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_network_app_group",
			Title:         "Get a ZIA network application group",
			Description:   "Returns one network application group by id.",
			Path:          "/networkApplicationGroups",
			IDName:        "group_id",
			IDDescription: "Network application group id, from zia_list_network_app_groups.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_network_apps",
			Title: "List ZIA network applications",
			Description: "Lists the predefined network applications firewall rules can match " +
				"(ids such as APNS). Ids feed zia_get_network_app and network application groups.",
			Path: "/networkApplications",
			Params: []Param{
				ziaSearchParam("application descriptions"),
				{Name: "locale", Type: String,
					Description: "Language of the descriptions, e.g. en-US."},
			},
			Query: map[string]string{"search": "search", "locale": "locale"},
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_network_app",
			Title:         "Get a ZIA network application",
			Description:   "Returns one predefined network application by id.",
			Path:          "/networkApplications",
			IDName:        "app_id",
			IDDescription: "Network application id such as APNS, from zia_list_network_apps.",
			StringID:      true,
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_network_services",
			Title: "List ZIA network services",
			Description: "Lists standard, predefined and custom network services with their " +
				"TCP/UDP port ranges. name matches part of a name on our side; search and " +
				"protocol are applied by the API. Ids feed zia_get_network_service.",
			Path: "/networkServices",
			Params: []Param{
				{Name: "name", Type: String,
					Description: "Case-insensitive substring of the service name."},
				ziaSearchParam("service names"),
				{Name: "protocol", Type: String,
					Description: "Only services of this protocol, e.g. TCP or UDP."},
			},
			Query:  map[string]string{"search": "search", "protocol": "protocol"},
			Filter: ziaKeepNameContaining,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_network_service",
			Title:         "Get a ZIA network service",
			Description:   "Returns one network service by id with its port ranges.",
			Path:          "/networkServices",
			IDName:        "service_id",
			IDDescription: "Network service id, from zia_list_network_services.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_network_svc_groups",
			Title: "List ZIA network service groups",
			Description: "Lists network service groups and the services each contains. Ids " +
				"feed zia_get_network_svc_group and firewall rules.",
			Path:   "/networkServiceGroups",
			Params: []Param{ziaSearchParam("group names")},
			Query:  ziaBySearch,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_network_svc_group",
			Title:         "Get a ZIA network service group",
			Description:   "Returns one network service group by id with its services.",
			Path:          "/networkServiceGroups",
			IDName:        "group_id",
			IDDescription: "Network service group id, from zia_list_network_svc_groups.",
		}.tool(ts, up),
	}
}
