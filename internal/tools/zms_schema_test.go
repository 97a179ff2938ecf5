package tools

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// zmsTestSchema is the ZMS schema as far as the API reference describes it: the 20
// root fields, their arguments, the filter and order-by inputs and the selected node
// fields. Validating the tools' documents and variables against it catches a misspelt
// field, a wrongly typed variable or a filter key the input type does not have.
const zmsTestSchema = `
scalar JSON

enum SortDirection { ASC DESC }
enum NamespaceOrigin { CUSTOM EXTERNAL ML UNKNOWN }

type PageInfo { pageNumber: Int pageSize: Int totalCount: Int totalPages: Int }

input StringExpression { contains: String ends: String equals: String in: [String] starts: String }

input ResourceQueryFilter {
  id: StringExpression name: StringExpression status: StringExpression
  resourceType: StringExpression cloudProvider: StringExpression
  cloudRegion: StringExpression platformOs: StringExpression
}
input ResourceGroupsFilter {
  id: StringExpression name: StringExpression resourceHostname: StringExpression
  resourceId: StringExpression
}
input PolicyRuleFilter { id: StringExpression name: StringExpression action: StringExpression }
input AppZoneFilter {
  id: StringExpression appZoneName: StringExpression description: StringExpression
}
input AppCatalogQueryFilter {
  id: StringExpression name: StringExpression category: StringExpression
}
input NamespaceFilter { name: StringExpression origin: StringExpression }
input TagKeyFilter { keyName: StringExpression valueName: StringExpression }
input TagValueFilter { name: StringExpression }

input ResourceQueryOrderBy { name: SortDirection }
input AppZoneQueryOrderBy { appZoneName: SortDirection }
input AppCatalogQueryOrderBy {
  name: SortDirection category: SortDirection creationTime: SortDirection
  modifiedTime: SortDirection
}
input NamespaceQueryOrderBy { name: SortDirection }
input TagKeyQueryOrderBy { name: SortDirection }
input TagValueQueryOrderBy { name: SortDirection }

type Agent {
  name: String eyezId: String connectionStatus: String agentType: String hostOs: String
  currentSoftwareVersion: String upgradeStatus: String description: String
  cloudProvider: String publicIp: String privateIps: [String] adminStatus: String
  agentGroupName: String agentGroupType: String
}
type AgentConnection { nodes: [Agent!]! pageInfo: PageInfo! }

type AgentStatus { agentType: String connectionStatus: String count: Int percentage: Float }
type AgentConnectionStatusStatistics {
  totalCount: Int totalPercentage: Float agentStatuses: [AgentStatus]
}
type AgentVersion { agentType: String version: String count: Int percentage: Float }
type AgentVersionStatistics {
  totalCount: Int totalPercentage: Float agentVersions: [AgentVersion]
}

type AgentGroup {
  name: String eyezId: String agentGroupType: String cloudProvider: String
  adminStatus: String agentCount: Int description: String policyStatus: String
  upgradeStatus: String tamperProtectionStatus: String agentAutoUpgrade: String
  agentDeletionTimeoutSeconds: Int timezone: String upgradeDay: String upgradeTime: String
  versionProfileName: String
}
type AgentGroupConnection { nodes: [AgentGroup!]! pageInfo: PageInfo! }
type AgentGroupTotpSecrets {
  eyezId: String totpSecret: String totpQrCode: String totpGenerationTimestamp: String
}

type Nonce {
  eyezId: String name: String key: String maxUsage: Int usageCount: Int
  agentGroupEyezId: String agentGroupName: String agentGroupType: String product: String
  creationTime: String modifiedTime: String
}
type NonceConnection { nodes: [Nonce!]! pageInfo: PageInfo! }
type NonceResult { nonce: Nonce }

type Resource {
  id: String name: String resourceType: String status: String cloudProvider: String
  cloudRegion: String resourceHostname: String platformOs: String platformOsDistro: String
  platformOsVersion: String localIps: [String] deleted: Boolean modifiedTime: String
  agentId: String appZoneIds: [String] appZoneNames: [String] appZoneMappingState: String
}
type ResourceConnection { nodes: [Resource!]! pageInfo: PageInfo! }

type ResourceProtection {
  protectedPercentage: Float protectedResourcesCount: Int unprotectedResourcesCount: Int
  totalResources: Int
}
type ResourceProtectionConnection { nodes: [ResourceProtection!]! pageInfo: PageInfo! }

type ManagedResourceGroup {
  id: String name: String description: String type: String origin: String
  resourceMemberCount: Int modifiedTime: String
}
type UnmanagedResourceGroup {
  id: String name: String description: String type: String origin: String
  resourceMemberCount: Int modifiedTime: String cidrs: [String] fqdns: [String]
}
union ResourceGroup = ManagedResourceGroup | UnmanagedResourceGroup
type ResourceGroupConnection { nodes: [ResourceGroup!]! pageInfo: PageInfo! }

type ResourceGroupMember {
  id: String name: String resourceType: String status: String cloudProvider: String
  cloudRegion: String resourceHostname: String platformOs: String
}
type ResourceGroupMemberConnection { nodes: [ResourceGroupMember!]! pageInfo: PageInfo! }

type ResourceGroupProtection {
  protectedPercentage: Float protectedResourceGroupsCount: Int
  unprotectedResourceGroupsCount: Int totalResourceGroups: Int
}
type ResourceGroupProtectionConnection {
  nodes: [ResourceGroupProtection!]! pageInfo: PageInfo!
}

type PortRange { startPort: Int endPort: Int }
type PortAndProtocol { protocol: String portRanges: [PortRange] }

type PolicyRule {
  id: String name: String action: String priority: Int description: String deleted: Boolean
  sourceTargetType: String destinationTargetType: String appZoneScopeTargetType: String
  creationTime: String modifiedTime: String lastHit: String portAndProtocols: [PortAndProtocol]
}
type PolicyRuleConnection { nodes: [PolicyRule!]! pageInfo: PageInfo! }

type DefaultPolicyRule {
  id: String name: String action: String direction: String description: String
  scopeType: String modifiedTime: String
}
type DefaultPolicyRuleConnection { nodes: [DefaultPolicyRule!]! pageInfo: PageInfo! }

type AppZone {
  id: String appZoneName: String description: String memberCount: Int
  includeAllVpcs: Boolean includeAllSubnets: Boolean
}
type AppZoneConnection { nodes: [AppZone!]! pageInfo: PageInfo! }

type AppDetail { portAndProtocol: PortAndProtocol processes: [String] }
type App {
  id: String name: String category: String creationTime: String modifiedTime: String
  details: [AppDetail]
}
type AppConnection { nodes: [App!]! pageInfo: PageInfo! }

type TagNamespace { id: String name: String description: String origin: NamespaceOrigin }
type TagNamespaceConnection { nodes: [TagNamespace!]! pageInfo: PageInfo! }
type TagKey { id: String name: String description: String }
type TagKeyConnection { nodes: [TagKey!]! pageInfo: PageInfo! }
type TagValue { id: String name: String }
type TagValueConnection { nodes: [TagValue!]! pageInfo: PageInfo! }

type Query {
  agents(customerId: ID!, page: Int, pageSize: Int, search: String, sort: String,
    sortDir: SortDirection): AgentConnection
  agentConnectionStatusStatistics(customerId: ID!, search: String): AgentConnectionStatusStatistics
  agentVersionStatistics(customerId: ID!, search: String): AgentVersionStatistics
  agentGroups(customerId: ID!, page: Int, pageSize: Int, search: String, sort: String,
    sortDir: SortDirection): AgentGroupConnection
  agentGroupTotpSecrets(customerId: ID!, eyezId: String!): AgentGroupTotpSecrets
  nonces(customerId: ID!, page: Int, pageSize: Int, search: String, sort: String,
    sortDir: SortDirection): NonceConnection
  nonce(customerId: ID!, eyezId: String!): NonceResult
  resources(customerId: ID!, pageNum: Int, pageSize: Int, includeDeleted: Boolean,
    filter: ResourceQueryFilter, orderBy: ResourceQueryOrderBy): ResourceConnection
  resourceProtectionStatus(customerId: ID!, pageNum: Int,
    pageSize: Int): ResourceProtectionConnection
  metadata(customerId: String!): JSON
  resourceGroups(customerId: ID!, pageNum: Int, pageSize: Int,
    filter: ResourceGroupsFilter): ResourceGroupConnection
  resourceGroupMembers(customerId: ID!, id: String!, pageNum: Int,
    pageSize: Int): ResourceGroupMemberConnection
  resourceGroupProtectionStatus(customerId: ID!, pageNum: Int,
    pageSize: Int): ResourceGroupProtectionConnection
  policyRules(customerId: ID!, pageNum: Int, pageSize: Int, fetchAll: Boolean,
    filter: PolicyRuleFilter): PolicyRuleConnection
  defaultPolicyRules(customerId: ID!, pageNum: Int, pageSize: Int): DefaultPolicyRuleConnection
  appZones(customerId: ID!, pageNum: Int, pageSize: Int, filter: AppZoneFilter,
    orderBy: AppZoneQueryOrderBy): AppZoneConnection
  appCatalog(customerId: ID!, pageNum: Int, pageSize: Int, filter: AppCatalogQueryFilter,
    orderBy: AppCatalogQueryOrderBy): AppConnection
  tagNamespaces(customerId: ID!, pageNum: Int, pageSize: Int, filter: NamespaceFilter,
    orderBy: NamespaceQueryOrderBy): TagNamespaceConnection
  tagKeys(customerId: ID!, namespaceId: String!, pageNum: Int, pageSize: Int,
    filter: TagKeyFilter, orderBy: TagKeyQueryOrderBy): TagKeyConnection
  tagValues(customerId: ID!, tagId: String!, namespaceOrigin: NamespaceOrigin!, pageNum: Int,
    pageSize: Int, filter: TagValueFilter, orderBy: TagValueQueryOrderBy): TagValueConnection
}
`

// loadZMSTestSchema parses zmsTestSchema.
func loadZMSTestSchema(t *testing.T) *ast.Schema {
	t.Helper()
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "zms.graphql", Input: zmsTestSchema})
	require.NoError(t, err)
	return schema
}
