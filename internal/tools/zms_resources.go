package tools

// ZMS resources (the protected workloads) and resource groups.

// The variable definitions and root-field arguments of numbered paging, used by every
// ZMS list except agents, agent groups and nonces.
const (
	zmsNumberedPagingVarDefs = `$customerId: ID!, $pageNum: Int, $pageSize: Int`
	zmsNumberedPagingArgs    = `customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize`
)

// zmsResourceTypes are the workload types the API reports in resourceType.
var zmsResourceTypes = []string{
	"VM", "NODE", "POD", "K8S_NODE", "K8S_SERVICE", "K8S_WORKLOAD", "UNKNOWN",
}

var listResourcesQuery = zmsQuery{op: "ListResources", path: []string{"resources"}, doc: `
query ListResources(` + zmsNumberedPagingVarDefs + `, $includeDeleted: Boolean,
  $filter: ResourceQueryFilter, $orderBy: ResourceQueryOrderBy) {
  resources(` + zmsNumberedPagingArgs + `, includeDeleted: $includeDeleted,
    filter: $filter, orderBy: $orderBy) {
    nodes {
      id name resourceType status cloudProvider cloudRegion resourceHostname platformOs
      platformOsDistro platformOsVersion localIps deleted modifiedTime agentId appZoneIds
      appZoneNames appZoneMappingState
    }
    ` + zmsPageInfoSelection + `
  }
}`}

var resourceProtectionQuery = zmsQuery{
	op: "ResourceProtectionStatus", path: []string{"resourceProtectionStatus"}, doc: `
query ResourceProtectionStatus(` + zmsNumberedPagingVarDefs + `) {
  resourceProtectionStatus(` + zmsNumberedPagingArgs + `) {
    nodes {
      protectedPercentage protectedResourcesCount unprotectedResourcesCount totalResources
    }
    ` + zmsPageInfoSelection + `
  }
}`}

// metadataQuery is the one operation whose customerId is a String! rather than an ID!.
var metadataQuery = zmsQuery{op: "GetMetadata", path: []string{"metadata"}, doc: `
query GetMetadata($customerId: String!) {
  metadata(customerId: $customerId)
}`}

// zmsResourceGroupFields is the selection shared by both kinds of resource group.
const zmsResourceGroupFields = `id name description type origin resourceMemberCount modifiedTime`

var listResourceGroupsQuery = zmsQuery{
	op: "ListResourceGroups", path: []string{"resourceGroups"}, doc: `
query ListResourceGroups(` + zmsNumberedPagingVarDefs + `, $filter: ResourceGroupsFilter) {
  resourceGroups(` + zmsNumberedPagingArgs + `, filter: $filter) {
    nodes {
      ... on ManagedResourceGroup { ` + zmsResourceGroupFields + ` }
      ... on UnmanagedResourceGroup { ` + zmsResourceGroupFields + ` cidrs fqdns }
    }
    ` + zmsPageInfoSelection + `
  }
}`}

var resourceGroupMembersQuery = zmsQuery{
	op: "GetResourceGroupMembers", path: []string{"resourceGroupMembers"}, doc: `
query GetResourceGroupMembers(` + zmsNumberedPagingVarDefs + `, $id: String!) {
  resourceGroupMembers(` + zmsNumberedPagingArgs + `, id: $id) {
    nodes {
      id name resourceType status cloudProvider cloudRegion resourceHostname platformOs
    }
    ` + zmsPageInfoSelection + `
  }
}`}

var resourceGroupProtectionQuery = zmsQuery{
	op: "ResourceGroupProtectionStatus", path: []string{"resourceGroupProtectionStatus"}, doc: `
query ResourceGroupProtectionStatus(` + zmsNumberedPagingVarDefs + `) {
  resourceGroupProtectionStatus(` + zmsNumberedPagingArgs + `) {
    nodes {
      protectedPercentage protectedResourceGroupsCount unprotectedResourceGroupsCount
      totalResourceGroups
    }
    ` + zmsPageInfoSelection + `
  }
}`}

// listResourcesVars always sends includeDeleted, as the API's own SDK does.
func listResourcesVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	v["includeDeleted"] = a.Bool("include_deleted")
	zmsSetFilter(v, a,
		zmsContains("name", "name"),
		zmsEquals("status", "status"),
		zmsEquals("resource_type", "resourceType"),
		zmsEquals("cloud_provider", "cloudProvider"),
		zmsContains("cloud_region", "cloudRegion"),
		// The OS is matched by substring, as the Python server does.
		zmsContains("platform_os", "platformOs"),
	)
	zmsSetOrder(v, a, "name")
	return v
}

func listResourceGroupsVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	zmsSetFilter(v, a,
		zmsContains("name", "name"), zmsContains("resource_hostname", "resourceHostname"))
	return v
}

func resourceGroupMembersVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	v["id"] = a.String("group_id")
	return v
}

func zmsResourceTools(up Upstream) []Tool {
	return []Tool{
		zmsList("zms_list_resources", "List ZMS resources",
			"Lists one page of protected workloads (resources): id, name, type, status, cloud "+
				"provider and region, hostname, OS, local IPs, agent and app zones. "+
				zmsPageHint,
			append(zmsNumberedPagingParams(),
				Param{
					Name: "include_deleted", Type: Boolean, Default: false,
					Description: "Include resources that have been deleted.",
				},
				zmsNameParam("resources"),
				Param{
					Name: "status", Type: String,
					Description: "Keep resources with exactly this status, such as ACTIVE, INACTIVE or DELETED.",
				},
				Param{
					Name: "resource_type", Type: String, Enum: zmsResourceTypes,
					Description: "Keep resources of exactly this type.",
				},
				Param{
					Name: "cloud_provider", Type: String,
					Enum:        []string{"AWS", "AZURE", "GCP", "ON_PREMISES"},
					Description: "Keep resources hosted by exactly this provider.",
				},
				Param{
					Name: "cloud_region", Type: String,
					Description: "Keep resources whose cloud region contains this text.",
				},
				Param{
					Name: "platform_os", Type: String, Enum: []string{"LINUX", "WINDOWS"},
					Description: "Keep resources running this operating system.",
				},
				zmsSortOrderParam("name"),
			),
			zmsPageHandler(up, listResourcesQuery, listResourcesVars)),
		// The protection statuses are pages like the lists, one aggregate node per page
		// as the API reports them, so they take query and are counted and cut the same way.
		zmsList("zms_get_resource_protection_status", "Get ZMS resource protection status",
			"Returns how many resources are protected and unprotected, the total and the "+
				"protected percentage, as the API reports it. "+zmsPageHint,
			zmsNumberedPagingParams(),
			zmsPageHandler(up, resourceProtectionQuery, zmsNumberedPageVars)),
		zmsRead("zms_get_metadata", "Get ZMS resource event metadata",
			"Returns the metadata the tenant has about resource events, as a JSON value.",
			nil, zmsObjectHandler(up, metadataQuery, zmsNoVars)),
		zmsList("zms_list_resource_groups", "List ZMS resource groups",
			"Lists one page of resource groups, managed (membership from rules) and unmanaged "+
				"(CIDRs and FQDNs): id, name, description, type, origin, member count and "+
				"modification time. "+zmsPageHint,
			append(zmsNumberedPagingParams(),
				zmsNameParam("groups"),
				Param{
					Name: "resource_hostname", Type: String,
					Description: "Keep groups matched by a resource hostname containing this text.",
				},
			),
			zmsPageHandler(up, listResourceGroupsQuery, listResourceGroupsVars)),
		zmsList("zms_get_resource_group_members", "List ZMS resource group members",
			"Lists one page of the resources in one resource group (id from "+
				"zms_list_resource_groups): id, name, type, status, cloud provider and region, "+
				"hostname and OS. "+zmsPageHint,
			append([]Param{{
				Name: "group_id", Type: ID, Required: true,
				Description: "Id of the resource group, from zms_list_resource_groups.",
			}}, zmsNumberedPagingParams()...),
			zmsPageHandler(up, resourceGroupMembersQuery, resourceGroupMembersVars)),
		zmsList("zms_get_resource_group_protection_status",
			"Get ZMS resource group protection status",
			"Returns how many resource groups are protected and unprotected, the total and the "+
				"protected percentage, as the API reports it. "+zmsPageHint,
			zmsNumberedPagingParams(),
			zmsPageHandler(up, resourceGroupProtectionQuery, zmsNumberedPageVars)),
	}
}
