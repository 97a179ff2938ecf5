package tools

import "maps"

// The write tools added to toolsets that were already served: custom IPS signatures and
// the update of predefined URL categories. The Python server's configured_name of the
// latter is left out: predefined categories carry no configured name.
func init() {
	maps.Copy(ziaExpectedWriteParams, map[string][]string{
		"zia_create_ips_signature_rule": {"description", "name", "rule_text"},
		"zia_update_ips_signature_rule": updateOf("rule_id", "description", "name",
			"rule_text"),
		"zia_delete_ips_signature_rule": {"rule_id"},
		"zia_update_url_category_predefined": {"advanced", "description", "ip_ranges",
			"keywords", "name", "urls"},
	})
}
