package simulator

import "sort"

// Counts reports how many records each collection holds: ZIA collections by their
// path name (e.g. "ruleLabels", "locations" including sub-locations and Road Warrior)
// and ZMS collections of the demo customer prefixed with "zms." (e.g. "zms.agents").
func (t *Tenant) Counts() map[string]int {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[string]int{}
	for name, items := range t.zia.colls {
		out[name] = len(items)
	}
	if d := t.zms[t.cfg.customerID]; d != nil {
		for name, items := range map[string][]record{
			"agents": d.agents, "agentGroups": d.agentGroups, "nonces": d.nonces,
			"resources": d.resources, "resourceGroups": d.resourceGroups,
			"policyRules": d.policyRules, "defaultPolicyRules": d.defaultPolicyRules,
			"appZones": d.appZones, "tagNamespaces": d.tagNamespaces, "tagKeys": d.tagKeys,
			"tagValues": d.tagValues, "appCatalog": appCatalog(),
		} {
			out["zms."+name] = len(items)
		}
		out["zms.totpSecrets"] = len(d.totp)
	}
	return out
}

// CollectionNames lists the ZIA collections the simulator serves, sorted.
func CollectionNames() []string {
	out := make([]string, 0, len(families))
	for name := range families {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
