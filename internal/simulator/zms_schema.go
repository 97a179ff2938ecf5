package simulator

import (
	"sync"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// zmsSDL is a reconstruction of the ZMS GraphQL schema: the 20 root fields the Python
// SDK uses, with the argument, filter and order-by types it sends. Output enums cover
// the values seen; SortDirection and NamespaceOrigin are enums as the real schema's are.
const zmsSDL = `
scalar JSON

enum SortDirection { ASC DESC }
enum NamespaceOrigin { CUSTOM EXTERNAL ML UNKNOWN }
enum ConnectionStatus { CONNECTED DISCONNECTED ERROR UNKNOWN }
enum AgentType { HOST CLUSTER KUBE_CONNECTOR UNKNOWN }
enum AgentAdminStatus { ENABLED DISABLED ENABLED_INHERITED DISABLED_INHERITED INHERITED }
enum AgentGroupType { VM K8S UNKNOWN }
enum EnablementStatus { ENABLED DISABLED }
enum UpgradeStatus { UP_TO_DATE IN_PROGRESS FAILED COMPLETED_WITH_FAILURES FORCED_UPGRADE }
enum CloudProvider { AWS AZURE GCP ON_PREMISES }
enum ResourceType { VM NODE POD K8S_NODE K8S_SERVICE K8S_WORKLOAD UNKNOWN }
enum ResourceStatus { ACTIVE INACTIVE DELETED }
enum AppZoneMappingState { MAPPED UNMAPPED CONFLICTING }
enum ResourceGroupType { MANAGED UNMANAGED }
enum ResourceGroupOrigin { USER_DEFINED ML_RECOMMENDED }
enum PolicyRuleAction { ALLOW BLOCK SIM_BLOCK }
enum TargetType { ANY RESOURCE_GROUP }
enum AppZoneScopeTargetType { ANY APP_ZONE }
enum DefaultPolicyRuleAction { ALLOW BLOCK }
enum PolicyDirection { INBOUND OUTBOUND }
enum PolicyScopeType { CUSTOMER }
enum Protocol { TCP UDP }
enum NonceProduct { EYEZ EYEZ_LEGACY }

input StringExpression { contains: String ends: String equals: String in: [String] starts: String }
input IntegerExpression { eq: Int gt: Int gte: Int lt: Int lte: Int in: [Int] between: [Int] }
input StringArrayExpression { containsAny: [String] }

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
input AppZoneFilter { id: StringExpression appZoneName: StringExpression description: StringExpression }
input AppCatalogQueryFilter { id: StringExpression name: StringExpression category: StringExpression }
input NamespaceFilter { name: StringExpression origin: StringExpression }
input TagKeyFilter { keyName: StringExpression valueName: StringExpression }
input TagValueFilter { name: StringExpression }

input ResourceQueryOrderBy { name: SortDirection }
input AppZoneQueryOrderBy { appZoneName: SortDirection }
input AppCatalogQueryOrderBy {
  name: SortDirection category: SortDirection creationTime: SortDirection modifiedTime: SortDirection
}
input NamespaceQueryOrderBy { name: SortDirection }
input TagKeyQueryOrderBy { name: SortDirection }
input TagValueQueryOrderBy { name: SortDirection }

type PageInfo { pageNumber: Int! pageSize: Int! totalCount: Int! totalPages: Int! }

type Agent {
  name: String eyezId: String! connectionStatus: ConnectionStatus agentType: AgentType
  hostOs: String currentSoftwareVersion: String upgradeStatus: UpgradeStatus
  description: String cloudProvider: CloudProvider publicIp: String privateIps: [String]
  adminStatus: AgentAdminStatus agentGroupName: String agentGroupType: AgentGroupType
}
type AgentConnection { nodes: [Agent!]! pageInfo: PageInfo! }

type AgentStatusCount {
  agentType: AgentType connectionStatus: ConnectionStatus count: Int percentage: Float
}
type AgentConnectionStatusStatistics {
  totalCount: Int totalPercentage: Float agentStatuses: [AgentStatusCount]
}
type AgentVersionCount { agentType: AgentType version: String count: Int percentage: Float }
type AgentVersionStatistics {
  totalCount: Int totalPercentage: Float agentVersions: [AgentVersionCount]
}

type AgentGroup {
  name: String eyezId: String! agentGroupType: AgentGroupType cloudProvider: CloudProvider
  adminStatus: EnablementStatus agentCount: Int description: String
  policyStatus: EnablementStatus upgradeStatus: UpgradeStatus
  tamperProtectionStatus: AgentAdminStatus agentAutoUpgrade: EnablementStatus
  agentDeletionTimeoutSeconds: Int timezone: String upgradeDay: String upgradeTime: String
  versionProfileName: String
}
type AgentGroupConnection { nodes: [AgentGroup!]! pageInfo: PageInfo! }

type AgentGroupTotpSecrets {
  eyezId: String! totpSecret: String totpQrCode: String totpGenerationTimestamp: String
}

type Nonce {
  eyezId: String! name: String key: String maxUsage: Int usageCount: Int
  agentGroupEyezId: String agentGroupName: String agentGroupType: AgentGroupType
  product: NonceProduct creationTime: String modifiedTime: String
}
type NonceConnection { nodes: [Nonce!]! pageInfo: PageInfo! }
type NonceResult { nonce: Nonce }

type Resource {
  id: ID! name: String resourceType: ResourceType status: ResourceStatus
  cloudProvider: CloudProvider cloudRegion: String resourceHostname: String
  platformOs: String platformOsDistro: String platformOsVersion: String
  localIps: [String] deleted: Boolean modifiedTime: String agentId: String
  appZoneIds: [String] appZoneNames: [String] appZoneMappingState: AppZoneMappingState
}
type ResourceConnection { nodes: [Resource!]! pageInfo: PageInfo! }

type ResourceProtectionStatus {
  protectedPercentage: Float protectedResourcesCount: Int unprotectedResourcesCount: Int
  totalResources: Int
}
type ResourceProtectionStatusConnection { nodes: [ResourceProtectionStatus!]! pageInfo: PageInfo! }

interface ResourceGroup {
  id: ID! name: String description: String type: ResourceGroupType
  origin: ResourceGroupOrigin resourceMemberCount: Int modifiedTime: String
}
type ManagedResourceGroup implements ResourceGroup {
  id: ID! name: String description: String type: ResourceGroupType
  origin: ResourceGroupOrigin resourceMemberCount: Int modifiedTime: String
}
type UnmanagedResourceGroup implements ResourceGroup {
  id: ID! name: String description: String type: ResourceGroupType
  origin: ResourceGroupOrigin resourceMemberCount: Int modifiedTime: String
  cidrs: [String] fqdns: [String]
}
type ResourceGroupConnection { nodes: [ResourceGroup!]! pageInfo: PageInfo! }

type ResourceGroupMember {
  id: ID! name: String resourceType: ResourceType status: ResourceStatus
  cloudProvider: CloudProvider cloudRegion: String resourceHostname: String platformOs: String
}
type ResourceGroupMemberConnection { nodes: [ResourceGroupMember!]! pageInfo: PageInfo! }

type ResourceGroupProtectionStatus {
  protectedPercentage: Float protectedResourceGroupsCount: Int
  unprotectedResourceGroupsCount: Int totalResourceGroups: Int
}
type ResourceGroupProtectionStatusConnection {
  nodes: [ResourceGroupProtectionStatus!]! pageInfo: PageInfo!
}

type PortRange { startPort: Int endPort: Int }
type PortAndProtocol { protocol: Protocol portRanges: [PortRange] }

type PolicyRule {
  id: ID! name: String action: PolicyRuleAction priority: Int description: String
  deleted: Boolean sourceTargetType: TargetType destinationTargetType: TargetType
  appZoneScopeTargetType: AppZoneScopeTargetType creationTime: String
  modifiedTime: String lastHit: String portAndProtocols: [PortAndProtocol]
}
type PolicyRuleConnection { nodes: [PolicyRule!]! pageInfo: PageInfo! }

type DefaultPolicyRule {
  id: ID! name: String action: DefaultPolicyRuleAction direction: PolicyDirection
  description: String scopeType: PolicyScopeType modifiedTime: String
}
type DefaultPolicyRuleConnection { nodes: [DefaultPolicyRule!]! pageInfo: PageInfo! }

type AppZone {
  id: ID! appZoneName: String description: String memberCount: Int
  includeAllVpcs: Boolean includeAllSubnets: Boolean
}
type AppZoneConnection { nodes: [AppZone!]! pageInfo: PageInfo! }

type AppCatalogDetail { portAndProtocol: PortAndProtocol processes: [String] }
type AppCatalogEntry {
  id: ID! name: String category: String creationTime: String modifiedTime: String
  details: [AppCatalogDetail]
}
type AppCatalogConnection { nodes: [AppCatalogEntry!]! pageInfo: PageInfo! }

type TagNamespace { id: ID! name: String description: String origin: NamespaceOrigin }
type TagNamespaceConnection { nodes: [TagNamespace!]! pageInfo: PageInfo! }
type TagKey { id: ID! name: String description: String }
type TagKeyConnection { nodes: [TagKey!]! pageInfo: PageInfo! }
type TagValue { id: ID! name: String }
type TagValueConnection { nodes: [TagValue!]! pageInfo: PageInfo! }

type Query {
  agents(customerId: ID!, page: Int, pageSize: Int, search: String, sort: String,
    sortDir: SortDirection): AgentConnection!
  agentConnectionStatusStatistics(customerId: ID!, search: String): AgentConnectionStatusStatistics!
  agentVersionStatistics(customerId: ID!, search: String): AgentVersionStatistics!
  agentGroups(customerId: ID!, page: Int, pageSize: Int, search: String, sort: String,
    sortDir: SortDirection): AgentGroupConnection!
  agentGroupTotpSecrets(customerId: ID!, eyezId: String!): AgentGroupTotpSecrets
  nonces(customerId: ID!, page: Int, pageSize: Int, search: String, sort: String,
    sortDir: SortDirection): NonceConnection!
  nonce(customerId: ID!, eyezId: String!): NonceResult
  resources(customerId: ID!, pageNum: Int, pageSize: Int, includeDeleted: Boolean,
    filter: ResourceQueryFilter, orderBy: ResourceQueryOrderBy): ResourceConnection!
  resourceProtectionStatus(customerId: ID!, pageNum: Int, pageSize: Int): ResourceProtectionStatusConnection!
  metadata(customerId: String!): JSON
  resourceGroups(customerId: ID!, pageNum: Int, pageSize: Int,
    filter: ResourceGroupsFilter): ResourceGroupConnection!
  resourceGroupMembers(customerId: ID!, id: String!, pageNum: Int,
    pageSize: Int): ResourceGroupMemberConnection
  resourceGroupProtectionStatus(customerId: ID!, pageNum: Int,
    pageSize: Int): ResourceGroupProtectionStatusConnection!
  policyRules(customerId: ID!, pageNum: Int, pageSize: Int, fetchAll: Boolean,
    filter: PolicyRuleFilter): PolicyRuleConnection!
  defaultPolicyRules(customerId: ID!, pageNum: Int, pageSize: Int): DefaultPolicyRuleConnection!
  appZones(customerId: ID!, pageNum: Int, pageSize: Int, filter: AppZoneFilter,
    orderBy: AppZoneQueryOrderBy): AppZoneConnection!
  appCatalog(customerId: ID!, pageNum: Int, pageSize: Int, filter: AppCatalogQueryFilter,
    orderBy: AppCatalogQueryOrderBy): AppCatalogConnection!
  tagNamespaces(customerId: ID!, pageNum: Int, pageSize: Int, filter: NamespaceFilter,
    orderBy: NamespaceQueryOrderBy): TagNamespaceConnection!
  tagKeys(customerId: ID!, namespaceId: String!, pageNum: Int, pageSize: Int,
    filter: TagKeyFilter, orderBy: TagKeyQueryOrderBy): TagKeyConnection!
  tagValues(customerId: ID!, tagId: String!, namespaceOrigin: NamespaceOrigin!, pageNum: Int,
    pageSize: Int, filter: TagValueFilter, orderBy: TagValueQueryOrderBy): TagValueConnection!
}
`

// ZMSSchema returns the reconstructed ZMS schema in SDL, for clients that want to
// validate their queries offline.
func ZMSSchema() string { return zmsSDL }

var (
	schemaOnce   sync.Once
	parsedSchema *ast.Schema
)

func zmsSchema() *ast.Schema {
	schemaOnce.Do(func() {
		parsedSchema = gqlparser.MustLoadSchema(&ast.Source{Name: "zms.graphql", Input: zmsSDL})
	})
	return parsedSchema
}
