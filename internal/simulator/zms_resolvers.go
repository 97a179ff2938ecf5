package simulator

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// zmsData is one ZMS customer's state. The app catalog is global and lives in
// appCatalog.
type zmsData struct {
	agents, agentGroups, nonces, resources, resourceGroups []record
	policyRules, defaultPolicyRules, appZones              []record
	tagNamespaces, tagKeys, tagValues                      []record
	totp                                                   map[string]record
	metadata                                               record
}

// resolveRoot answers one root field of Query with plain data; complete then keeps only
// the selected fields.
func (e *executor) resolveRoot(name string, args map[string]any) (any, *gqlError) {
	cust := fmt.Sprint(args["customerId"])
	d := e.t.zms[cust]
	if d == nil {
		return nil, &gqlError{message: fmt.Sprintf("Access denied for customer %s", cust),
			class: classForbidden, abort: true}
	}
	switch name {
	case "agents":
		return styleA(d.agents, args, []string{"name", "eyezId", "hostOs", "agentGroupName", "publicIp"})
	case "agentConnectionStatusStatistics":
		return agentStats(d, args, "connectionStatus", "agentStatuses"), nil
	case "agentVersionStatistics":
		return agentStats(d, args, "currentSoftwareVersion", "agentVersions"), nil
	case "agentGroups":
		return styleA(d.viewAgentGroups(), args, []string{"name", "eyezId", "description"})
	case "agentGroupTotpSecrets":
		id := fmt.Sprint(args["eyezId"])
		if s := d.totp[id]; s != nil {
			return s, nil
		}
		return nil, badRequest("Agent group %s not found", id)
	case "nonces":
		return styleA(d.nonces, args, []string{"name", "eyezId", "agentGroupName"})
	case "nonce":
		id := fmt.Sprint(args["eyezId"])
		for _, n := range d.nonces {
			if str(n, "eyezId") == id {
				return record{"nonce": n}, nil
			}
		}
		return nil, badRequest("Nonce %s not found", id)
	case "resources":
		items := d.resources
		if inc, _ := args["includeDeleted"].(bool); !inc {
			items = slices.DeleteFunc(slices.Clone(items), func(r record) bool {
				return boolean(r, "deleted")
			})
		}
		return styleB(items, args, fieldsOf("id", "name", "status", "resourceType",
			"cloudProvider", "cloudRegion", "platformOs"), []string{"name"})
	case "resourceProtectionStatus":
		return d.protectionStatus(args, false)
	case "metadata":
		return d.metadata, nil
	case "resourceGroups":
		filters := fieldsOf("id", "name")
		filters["resourceHostname"] = d.memberValues("resourceHostname")
		filters["resourceId"] = d.memberValues("id")
		return styleB(d.viewResourceGroups(), args, filters, nil)
	case "resourceGroupMembers":
		id := fmt.Sprint(args["id"])
		for _, g := range d.resourceGroups {
			if str(g, "id") == id {
				return styleB(d.members(g), args, nil, nil)
			}
		}
		return nil, badRequest("Resource group %s not found", id)
	case "resourceGroupProtectionStatus":
		return d.protectionStatus(args, true)
	case "policyRules":
		items := sortRecords(d.policyRules, []sortKey{{"priority", false}})
		if all, _ := args["fetchAll"].(bool); all {
			items = applyFilter(items, args["filter"], fieldsOf("id", "name", "action"))
			return connection(items, 1, max(len(items), 1), false), nil
		}
		return styleB(items, args, fieldsOf("id", "name", "action"), nil)
	case "defaultPolicyRules":
		return styleB(d.defaultPolicyRules, args, nil, nil)
	case "appZones":
		return styleB(d.viewAppZones(), args, fieldsOf("id", "appZoneName", "description"),
			[]string{"appZoneName"})
	case "appCatalog":
		return styleB(appCatalog(), args, fieldsOf("id", "name", "category"),
			[]string{"name", "category", "creationTime", "modifiedTime"})
	case "tagNamespaces":
		return styleB(d.tagNamespaces, args, fieldsOf("name", "origin"), []string{"name"})
	case "tagKeys":
		ns := fmt.Sprint(args["namespaceId"])
		var keys []record
		for _, k := range d.tagKeys {
			if str(k, "_namespaceId") == ns {
				keys = append(keys, k)
			}
		}
		filters := map[string]fieldValues{"keyName": field("name"),
			"valueName": func(r record) []string { return d.valueNames(str(r, "id")) }}
		return styleB(keys, args, filters, []string{"name"})
	case "tagValues":
		tagID, origin := fmt.Sprint(args["tagId"]), fmt.Sprint(args["namespaceOrigin"])
		var values []record
		for _, v := range d.tagValues {
			if str(v, "_tagId") == tagID && d.originOfKey(tagID) == origin {
				values = append(values, v)
			}
		}
		return styleB(values, args, fieldsOf("name"), []string{"name"})
	}
	return nil, badRequest("Field %s is not implemented", name)
}

func fieldsOf(keys ...string) map[string]fieldValues {
	out := map[string]fieldValues{}
	for _, k := range keys {
		out[k] = field(k)
	}
	return out
}

// agentStats groups the agents matching search by type and by key.
func agentStats(d *zmsData, args map[string]any, key, listName string) record {
	search, _ := args["search"].(string)
	counts := map[[2]string]int{}
	total := 0
	for _, a := range d.agents {
		if search != "" && !containsFold(str(a, "name"), search) &&
			!containsFold(str(a, "agentGroupName"), search) {
			continue
		}
		counts[[2]string{str(a, "agentType"), str(a, key)}]++
		total++
	}
	groups := make([][2]string, 0, len(counts))
	for g := range counts {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i][0] != groups[j][0] {
			return groups[i][0] < groups[j][0]
		}
		return groups[i][1] < groups[j][1]
	})
	outKey := key
	if key == "currentSoftwareVersion" {
		outKey = "version"
	}
	var items []any
	for _, g := range groups {
		items = append(items, record{"agentType": g[0], outKey: g[1], "count": counts[g],
			"percentage": percent(counts[g], total)})
	}
	totalPct := 0.0
	if total > 0 {
		totalPct = 100
	}
	return record{"totalCount": total, "totalPercentage": totalPct, listName: orEmpty(items)}
}

func percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return math.Round(float64(n)*10000/float64(total)) / 100
}

func (d *zmsData) viewAgentGroups() []record {
	out := make([]record, len(d.agentGroups))
	for i, g := range d.agentGroups {
		v := cloneRec(g)
		n := 0
		for _, a := range d.agents {
			if str(a, "_agentGroupEyezId") == str(g, "eyezId") {
				n++
			}
		}
		v["agentCount"] = n
		out[i] = v
	}
	return out
}

func (d *zmsData) resourceByID(id string) record {
	for _, r := range d.resources {
		if str(r, "id") == id {
			return r
		}
	}
	return nil
}

func (d *zmsData) members(g record) []record {
	var out []record
	for _, id := range strList(g, "_members") {
		if r := d.resourceByID(id); r != nil && !boolean(r, "deleted") {
			out = append(out, r)
		}
	}
	return out
}

// memberValues matches resource groups on a field of their member resources.
func (d *zmsData) memberValues(k string) fieldValues {
	return func(g record) []string {
		var out []string
		for _, m := range d.members(g) {
			out = append(out, str(m, k))
		}
		return out
	}
}

func (d *zmsData) viewResourceGroups() []record {
	out := make([]record, len(d.resourceGroups))
	for i, g := range d.resourceGroups {
		v := cloneRec(g)
		v["resourceMemberCount"] = len(d.members(g))
		if str(g, "type") == "UNMANAGED" {
			v["__typename"] = "UnmanagedResourceGroup"
		} else {
			v["__typename"] = "ManagedResourceGroup"
		}
		out[i] = v
	}
	return out
}

func (d *zmsData) viewAppZones() []record {
	out := make([]record, len(d.appZones))
	for i, z := range d.appZones {
		v := cloneRec(z)
		n := 0
		for _, r := range d.resources {
			if !boolean(r, "deleted") && slices.Contains(strList(r, "appZoneIds"), str(z, "id")) {
				n++
			}
		}
		v["memberCount"] = n
		out[i] = v
	}
	return out
}

func protected(r record) bool { return str(r, "agentId") != "" && str(r, "status") == "ACTIVE" }

// protectionStatus returns the one-node aggregate of resources or resource groups.
func (d *zmsData) protectionStatus(args map[string]any, groups bool) (any, *gqlError) {
	page, size, gerr := pageArgs(args, "pageNum")
	if gerr != nil {
		return nil, gerr
	}
	var prot, total int
	if groups {
		for _, g := range d.resourceGroups {
			ms := d.members(g)
			total++
			if len(ms) > 0 && !slices.ContainsFunc(ms, func(r record) bool { return !protected(r) }) {
				prot++
			}
		}
		node := record{"protectedPercentage": percent(prot, total),
			"protectedResourceGroupsCount": prot, "unprotectedResourceGroupsCount": total - prot,
			"totalResourceGroups": total}
		return connection([]record{node}, page, size, false), nil
	}
	for _, r := range d.resources {
		if boolean(r, "deleted") {
			continue
		}
		total++
		if protected(r) {
			prot++
		}
	}
	node := record{"protectedPercentage": percent(prot, total),
		"protectedResourcesCount": prot, "unprotectedResourcesCount": total - prot,
		"totalResources": total}
	return connection([]record{node}, page, size, false), nil
}

func (d *zmsData) valueNames(keyID string) []string {
	var out []string
	for _, v := range d.tagValues {
		if str(v, "_tagId") == keyID {
			out = append(out, str(v, "name"))
		}
	}
	return out
}

func (d *zmsData) originOfKey(keyID string) string {
	for _, k := range d.tagKeys {
		if str(k, "id") == keyID {
			for _, ns := range d.tagNamespaces {
				if str(ns, "id") == str(k, "_namespaceId") {
					return str(ns, "origin")
				}
			}
		}
	}
	return ""
}
