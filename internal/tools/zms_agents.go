package tools

// ZMS agents and agent groups: the software installed on workloads and the groups
// that configure it.

// The variable definitions and root-field arguments of the search-style paging shared
// by agents, agent groups and nonces.
const (
	zmsSearchPagingVarDefs = `$customerId: ID!, $page: Int, $pageSize: Int, $search: String,
  $sort: String, $sortDir: SortDirection`
	zmsSearchPagingArgs = `customerId: $customerId, page: $page, pageSize: $pageSize,
    search: $search, sort: $sort, sortDir: $sortDir`
)

var listAgentsQuery = zmsQuery{op: "ListAgents", path: []string{"agents"}, doc: `
query ListAgents(` + zmsSearchPagingVarDefs + `) {
  agents(` + zmsSearchPagingArgs + `) {
    nodes {
      name eyezId connectionStatus agentType hostOs currentSoftwareVersion upgradeStatus
      description cloudProvider publicIp privateIps adminStatus agentGroupName agentGroupType
    }
    ` + zmsPageInfoSelection + `
  }
}`}

var agentConnectionStatsQuery = zmsQuery{
	op: "AgentConnectionStatusStats", path: []string{"agentConnectionStatusStatistics"}, doc: `
query AgentConnectionStatusStats($customerId: ID!, $search: String) {
  agentConnectionStatusStatistics(customerId: $customerId, search: $search) {
    totalCount totalPercentage
    agentStatuses { agentType connectionStatus count percentage }
  }
}`}

var agentVersionStatsQuery = zmsQuery{
	op: "AgentVersionStats", path: []string{"agentVersionStatistics"}, doc: `
query AgentVersionStats($customerId: ID!, $search: String) {
  agentVersionStatistics(customerId: $customerId, search: $search) {
    totalCount totalPercentage
    agentVersions { agentType version count percentage }
  }
}`}

var listAgentGroupsQuery = zmsQuery{op: "ListAgentGroups", path: []string{"agentGroups"}, doc: `
query ListAgentGroups(` + zmsSearchPagingVarDefs + `) {
  agentGroups(` + zmsSearchPagingArgs + `) {
    nodes {
      name eyezId agentGroupType cloudProvider adminStatus agentCount description policyStatus
      upgradeStatus tamperProtectionStatus agentAutoUpgrade agentDeletionTimeoutSeconds
      timezone upgradeDay upgradeTime versionProfileName
    }
    ` + zmsPageInfoSelection + `
  }
}`}

var agentGroupTotpQuery = zmsQuery{
	op: "GetAgentGroupTotpSecrets", path: []string{"agentGroupTotpSecrets"}, doc: `
query GetAgentGroupTotpSecrets($customerId: ID!, $eyezId: String!) {
  agentGroupTotpSecrets(customerId: $customerId, eyezId: $eyezId) {
    eyezId totpSecret totpQrCode totpGenerationTimestamp
  }
}`}

// zmsStatsVars builds the variables of the two agent statistics queries.
func zmsStatsVars(a Args) map[string]any {
	v := map[string]any{}
	zmsSetString(v, "search", a, "search")
	return v
}

// zmsEyezIDVars builds the variables of the queries that read one object by eyezId.
func zmsEyezIDVars(a Args) map[string]any {
	return map[string]any{"eyezId": a.String("eyez_id")}
}

func zmsAgentTools(up Upstream) []Tool {
	statsSearch := []Param{{
		Name: "search", Type: String,
		Description: "Free-text search that narrows which agents are counted.",
	}}
	return []Tool{
		zmsList("zms_list_agents", "List ZMS agents",
			"Lists one page of Microsegmentation agents: name, eyezId, connection, admin and "+
				"upgrade status, agent type, host OS, software version, cloud provider, IPs and "+
				"agent group. "+zmsPageHint,
			zmsSearchPagingParams("agent names, IPs and other agent fields"),
			zmsPageHandler(up, listAgentsQuery, zmsSearchPageVars)),
		zmsRead("zms_get_agent_connection_status_statistics",
			"Get ZMS agent connection statistics",
			"Counts agents by connection status (connected, disconnected, error) and agent type, "+
				"with percentages and a total: a quick view of fleet health.",
			statsSearch, zmsObjectHandler(up, agentConnectionStatsQuery, zmsStatsVars)),
		zmsRead("zms_get_agent_version_statistics", "Get ZMS agent version statistics",
			"Counts agents by software version and agent type, with percentages and a total: "+
				"shows how far the fleet is from the current version.",
			statsSearch, zmsObjectHandler(up, agentVersionStatsQuery, zmsStatsVars)),
		zmsList("zms_list_agent_groups", "List ZMS agent groups",
			"Lists one page of agent groups: name, eyezId, type, agent count, admin, policy, "+
				"upgrade and tamper-protection status, auto-upgrade schedule and version "+
				"profile. "+zmsPageHint,
			zmsSearchPagingParams("agent group names and other group fields"),
			zmsPageHandler(up, listAgentGroupsQuery, zmsSearchPageVars)),
		zmsRead("zms_get_agent_group_totp_secrets", "Get ZMS agent group TOTP secrets",
			"Returns the TOTP secret, its QR code and generation time for one agent group "+
				"(eyezId from zms_list_agent_groups). The secret is sensitive: request it only "+
				"when the user needs it.",
			[]Param{zmsEyezIDParam("agent group")},
			zmsObjectHandler(up, agentGroupTotpQuery, zmsEyezIDVars)),
	}
}
