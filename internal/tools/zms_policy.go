package tools

// ZMS policy: segmentation rules, the default rules, app zones and the app catalog
// the rules refer to.

// zmsPortsSelection is the shape of a port specification in rules and apps.
const zmsPortsSelection = `{ protocol portRanges { startPort endPort } }`

var listPolicyRulesQuery = zmsQuery{op: "ListPolicyRules", path: []string{"policyRules"}, doc: `
query ListPolicyRules(` + zmsNumberedPagingVarDefs + `, $fetchAll: Boolean,
  $filter: PolicyRuleFilter) {
  policyRules(` + zmsNumberedPagingArgs + `, fetchAll: $fetchAll, filter: $filter) {
    nodes {
      id name action priority description deleted sourceTargetType destinationTargetType
      appZoneScopeTargetType creationTime modifiedTime lastHit
      portAndProtocols ` + zmsPortsSelection + `
    }
    ` + zmsPageInfoSelection + `
  }
}`}

var listDefaultPolicyRulesQuery = zmsQuery{
	op: "ListDefaultPolicyRules", path: []string{"defaultPolicyRules"}, doc: `
query ListDefaultPolicyRules(` + zmsNumberedPagingVarDefs + `) {
  defaultPolicyRules(` + zmsNumberedPagingArgs + `) {
    nodes { id name action direction description scopeType modifiedTime }
    ` + zmsPageInfoSelection + `
  }
}`}

var listAppZonesQuery = zmsQuery{op: "ListAppZones", path: []string{"appZones"}, doc: `
query ListAppZones(` + zmsNumberedPagingVarDefs + `, $filter: AppZoneFilter,
  $orderBy: AppZoneQueryOrderBy) {
  appZones(` + zmsNumberedPagingArgs + `, filter: $filter, orderBy: $orderBy) {
    nodes { id appZoneName description memberCount includeAllVpcs includeAllSubnets }
    ` + zmsPageInfoSelection + `
  }
}`}

var listAppCatalogQuery = zmsQuery{op: "ListAppCatalog", path: []string{"appCatalog"}, doc: `
query ListAppCatalog(` + zmsNumberedPagingVarDefs + `, $filter: AppCatalogQueryFilter,
  $orderBy: AppCatalogQueryOrderBy) {
  appCatalog(` + zmsNumberedPagingArgs + `, filter: $filter, orderBy: $orderBy) {
    nodes {
      id name category creationTime modifiedTime
      details { portAndProtocol ` + zmsPortsSelection + ` processes }
    }
    ` + zmsPageInfoSelection + `
  }
}`}

// appCatalogSortBy lists the sort_by values in the order the schema advertises them.
var appCatalogSortBy = []string{"name", "category", "creation_time", "modified_time"}

// appCatalogSortKeys maps the sort_by values (the Python server's snake case) to the
// keys of AppCatalogQueryOrderBy.
var appCatalogSortKeys = map[string]string{
	"name":          "name",
	"category":      "category",
	"creation_time": "creationTime",
	"modified_time": "modifiedTime",
}

// listPolicyRulesVars always sends fetchAll, as the API's own SDK does.
func listPolicyRulesVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	v["fetchAll"] = a.Bool("fetch_all")
	zmsSetFilter(v, a, zmsContains("name", "name"), zmsEquals("action", "action"))
	return v
}

func listAppZonesVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	zmsSetFilter(v, a, zmsContains("name", "appZoneName"))
	zmsSetOrder(v, a, "appZoneName")
	return v
}

// listAppCatalogVars orders by sort_by in the direction sort_order, ascending when
// only sort_by is given and by name when only sort_order is.
func listAppCatalogVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	zmsSetFilter(v, a, zmsContains("name", "name"), zmsContains("category", "category"))
	by, dir := a.String("sort_by"), a.String("sort_order")
	if by != "" || dir != "" {
		key, ok := appCatalogSortKeys[by]
		if !ok {
			key = "name"
		}
		if dir == "" {
			dir = "ASC"
		}
		v["orderBy"] = map[string]any{key: dir}
	}
	return v
}

func zmsPolicyTools(up Upstream) []Tool {
	return []Tool{
		zmsList("zms_list_policy_rules", "List ZMS policy rules",
			"Lists one page of microsegmentation policy rules: id, name, action, priority, "+
				"description, source, destination and app-zone scope types, ports and protocols, "+
				"last hit and times. "+zmsPageHint,
			append(zmsNumberedPagingParams(),
				Param{
					Name: "fetch_all", Type: Boolean, Default: false,
					Description: "Return every rule in one reply, ignoring paging. " +
						"Use sparingly on large tenants.",
				},
				zmsNameParam("rules"),
				Param{
					Name: "action", Type: String, Enum: []string{"ALLOW", "BLOCK", "SIM_BLOCK"},
					Description: "Keep rules with exactly this action (SIM_BLOCK is a simulated block).",
				},
			),
			zmsPageHandler(up, listPolicyRulesQuery, listPolicyRulesVars)),
		zmsList("zms_list_default_policy_rules", "List ZMS default policy rules",
			"Lists one page of the built-in default rules applied when no custom rule matches: "+
				"id, name, action, direction, description, scope type and modification time. "+
				zmsPageHint,
			zmsNumberedPagingParams(),
			zmsPageHandler(up, listDefaultPolicyRulesQuery, zmsNumberedPageVars)),
		zmsList("zms_list_app_zones", "List ZMS app zones",
			"Lists one page of app zones: id, name, description, member count and whether all "+
				"VPCs and subnets are included. "+zmsPageHint,
			append(zmsNumberedPagingParams(),
				zmsNameParam("app zones"),
				zmsSortOrderParam("app zone name"),
			),
			zmsPageHandler(up, listAppZonesQuery, listAppZonesVars)),
		zmsList("zms_list_app_catalog", "List ZMS app catalog",
			"Lists one page of the application catalog: id, name, category, times and details "+
				"(ports, protocols and processes of each application). "+zmsPageHint,
			append(zmsNumberedPagingParams(),
				zmsNameParam("applications"),
				Param{
					Name: "category", Type: String,
					Description: "Keep applications whose category contains this text.",
				},
				Param{
					Name: "sort_by", Type: String, Enum: appCatalogSortBy,
					Description: "Field to sort by; ascending unless sort_order says DESC.",
				},
				Param{
					Name: "sort_order", Type: String, Enum: zmsSortDirections,
					Description: "Sort direction, ASC or DESC; sorts by name when sort_by is omitted.",
				},
			),
			zmsPageHandler(up, listAppCatalogQuery, listAppCatalogVars)),
	}
}
