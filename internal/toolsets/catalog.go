// Package toolsets knows the toolset catalog and decides which tools a server offers:
// it applies service and toolset selection, the all/default keywords and disabled-tool
// patterns, in one place, so start-up and runtime enablement use the same rules.
package toolsets

import "sort"

// Toolset is a named group of tools of one service.
type Toolset struct {
	ID          string
	Service     string
	Description string
	// Default marks toolsets a curated selection would start with. Selection keywords
	// `all` and `default` both select every toolset (see docs/configuration.md).
	Default bool
}

// MetaToolset is the toolset of the always-on server tools.
const MetaToolset = "meta"

// Catalog lists every toolset with the ids the Python server uses, so selections carry
// over unchanged. Toolsets whose tools are not served yet are listed with no tools.
func Catalog() []Toolset {
	return []Toolset{
		{MetaToolset, "meta", "Server discovery and connectivity tools, always enabled", true},
		{"zia_admin", "zia", "ZIA activation status (and activation, once writes are enabled)", true},
		{"zia_advanced_settings", "zia", "ZIA tenant advanced settings", true},
		{"zia_atp_malware", "zia", "ZIA malware protection policy, inspection and protocols", true},
		{"zia_atp_policy", "zia", "ZIA advanced threat protection settings and malicious URL denylist", true},
		{"zia_authentication_settings", "zia", "ZIA cookie-authentication exempt URLs", true},
		{"zia_cloud_app_control", "zia", "ZIA cloud application control rules", false},
		{"zia_cloud_firewall", "zia", "ZIA cloud firewall, DNS and IPS rules, IP groups, network services and applications", true},
		{"zia_devices", "zia", "ZIA devices and device groups", true},
		{"zia_dlp", "zia", "ZIA DLP dictionaries, engines and web DLP rules", false},
		{"zia_file_type_control", "zia", "ZIA file type control rules", false},
		{"zia_locations", "zia", "ZIA locations, location groups, static IPs, GRE tunnels, VPN credentials and geo lookups", true},
		{"zia_misc", "zia", "ZIA mobile advanced threat settings", false},
		{"zia_rule_labels", "zia", "ZIA rule labels", true},
		{"zia_sandbox", "zia", "ZIA sandbox rules, quota and reports", false},
		{"zia_shadow_it", "zia", "ZIA shadow IT application catalog and tags", false},
		{"zia_ssl_inspection", "zia", "ZIA SSL inspection rules", false},
		{"zia_time_intervals", "zia", "ZIA time intervals", false},
		{"zia_url_categories", "zia", "ZIA URL categories and URL classification lookups", true},
		{"zia_url_filtering", "zia", "ZIA URL filtering rules", true},
		{"zia_users", "zia", "ZIA users, groups and departments", true},
		{"zia_workload_groups", "zia", "ZIA workload groups", false},
		{"zms", "zms", "ZMS microsegmentation agents, resources, policy rules, app zones and tags", false},
	}
}

// Lookup returns the catalog entry for id.
func Lookup(id string) (Toolset, bool) {
	for _, ts := range Catalog() {
		if ts.ID == id {
			return ts, true
		}
	}
	return Toolset{}, false
}

// IDs returns every catalog id, sorted, for messages that list the known ones.
func IDs() []string {
	var ids []string
	for _, ts := range Catalog() {
		ids = append(ids, ts.ID)
	}
	sort.Strings(ids)
	return ids
}

// Services returns the service codes that have toolsets, sorted, meta excluded.
func Services() []string {
	seen := map[string]bool{}
	var out []string
	for _, ts := range Catalog() {
		if ts.Service != "meta" && !seen[ts.Service] {
			seen[ts.Service] = true
			out = append(out, ts.Service)
		}
	}
	sort.Strings(out)
	return out
}
