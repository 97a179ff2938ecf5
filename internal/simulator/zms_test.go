package simulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func vars(extra map[string]any) map[string]any {
	out := map[string]any{"customerId": DemoCustomerID}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

const listAgents = `query ListAgents($customerId: ID!, $page: Int, $pageSize: Int, $search: String,
  $sort: String, $sortDir: SortDirection) {
  agents(customerId: $customerId, page: $page, pageSize: $pageSize, search: $search, sort: $sort,
    sortDir: $sortDir) {
    nodes { name eyezId connectionStatus }
    pageInfo { pageNumber pageSize totalCount totalPages }
  }
}`

func TestZMSReturnsOnlySelectedFields(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	out := c.gql(listAgents, "ListAgents", vars(map[string]any{"page": 2, "pageSize": 7}))
	require.NotContains(t, out, "errors")
	nodes := dig(out, "data", "agents", "nodes").([]any)
	require.Len(t, nodes, 7)
	for _, n := range nodes {
		require.Len(t, n, 3, "only name, eyezId and connectionStatus")
	}
	require.Equal(t, map[string]any{"pageNumber": int64(2), "pageSize": int64(7),
		"totalCount": int64(30), "totalPages": int64(5)}, dig(out, "data", "agents", "pageInfo"))

	status, _, raw := c.do(http.MethodPost, zmsPath, map[string]any{
		"query": `{ n: agents(customerId: "` + DemoCustomerID + `", pageSize: 1) {
			pageInfo { totalPages totalCount } nodes { eyezId a: name } } }`})
	require.Equal(t, http.StatusOK, status)
	const want = `{"data":{"n":{"pageInfo":{"totalPages":30,"totalCount":30},"nodes":[{"eyezId":`
	require.True(t, strings.HasPrefix(string(raw), want),
		"fields come back under their aliases in selection order: %s", raw)
}

func TestZMSPagingAndSearch(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	tests := []struct {
		name      string
		vars      map[string]any
		nodes     int
		pageInfo  map[string]any
		firstName string
	}{
		{"defaults", nil, 20, map[string]any{"pageNumber": int64(1), "pageSize": int64(20),
			"totalCount": int64(30), "totalPages": int64(2)}, ""},
		{"search", map[string]any{"search": "ZRH"}, 5, map[string]any{"pageNumber": int64(1),
			"pageSize": int64(20), "totalCount": int64(5), "totalPages": int64(1)}, ""},
		{"empty search reports pageSize 0", map[string]any{"search": "nothing-matches"}, 0,
			map[string]any{"pageNumber": int64(1), "pageSize": int64(0), "totalCount": int64(0),
				"totalPages": int64(0)}, ""},
		{"a null field matches no search", map[string]any{"search": "nil"}, 0,
			map[string]any{"pageNumber": int64(1), "pageSize": int64(0), "totalCount": int64(0),
				"totalPages": int64(0)}, ""},
		{"sort desc", map[string]any{"sort": "name", "sortDir": "DESC", "pageSize": 1}, 1,
			map[string]any{"pageNumber": int64(1), "pageSize": int64(1), "totalCount": int64(30),
				"totalPages": int64(30)}, "agent-zrh-29"},
		{"past the end", map[string]any{"page": 9}, 0, map[string]any{"pageNumber": int64(9),
			"pageSize": int64(20), "totalCount": int64(30), "totalPages": int64(2)}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := c.gql(listAgents, "", vars(tc.vars))
			require.NotContains(t, out, "errors")
			nodes := dig(out, "data", "agents", "nodes").([]any)
			require.Len(t, nodes, tc.nodes)
			require.Equal(t, tc.pageInfo, dig(out, "data", "agents", "pageInfo"))
			if tc.firstName != "" {
				require.Equal(t, tc.firstName, dig(nodes, 0, "name"))
			}
		})
	}
	out := c.gql(listAgents, "", vars(map[string]any{"sort": "bogus"}))
	require.Equal(t, "BAD_REQUEST", dig(out, "errors", 0, "extensions", "classification"))
	require.Nil(t, out["data"])
}

const listResources = `query ListResources($customerId: ID!, $pageNum: Int, $pageSize: Int,
  $includeDeleted: Boolean, $filter: ResourceQueryFilter, $orderBy: ResourceQueryOrderBy) {
  resources(customerId: $customerId, pageNum: $pageNum, pageSize: $pageSize,
    includeDeleted: $includeDeleted, filter: $filter, orderBy: $orderBy) {
    nodes { id name status cloudProvider cloudRegion deleted }
    pageInfo { pageNumber pageSize totalCount totalPages }
  }
}`

func TestZMSFiltersAndOrder(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	count := func(extra map[string]any) (int, []any) {
		out := c.gql(listResources, "ListResources", vars(extra))
		require.NotContains(t, out, "errors")
		return int(dig(out, "data", "resources", "pageInfo", "totalCount").(int64)),
			dig(out, "data", "resources", "nodes").([]any)
	}
	tests := []struct {
		name   string
		filter map[string]any
		want   int
	}{
		{"no filter hides deleted", nil, 37},
		{"equals", map[string]any{"cloudProvider": map[string]any{"equals": "AWS"}}, 10},
		{"contains ignores case", map[string]any{"name": map[string]any{"contains": "WEB-"}}, 8},
		{"starts", map[string]any{"cloudRegion": map[string]any{"starts": "zrh"}}, 4},
		{"ends", map[string]any{"name": map[string]any{"ends": "-01"}}, 1},
		{"in", map[string]any{"status": map[string]any{"in": []string{"INACTIVE"}}}, 4},
		{"combined", map[string]any{"cloudProvider": map[string]any{"equals": "GCP"},
			"status": map[string]any{"equals": "ACTIVE"}}, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, _ := count(map[string]any{"filter": tc.filter, "pageSize": 100})
			require.Equal(t, tc.want, n)
		})
	}
	n, _ := count(map[string]any{"includeDeleted": true})
	require.Equal(t, 40, n)
	_, nodes := count(map[string]any{"orderBy": map[string]any{"name": "DESC"}, "pageSize": 40})
	for i := 1; i < len(nodes); i++ {
		require.GreaterOrEqual(t, dig(nodes, i-1, "name").(string), dig(nodes, i, "name").(string))
	}

	out := c.gql(`query($customerId: ID!, $filter: PolicyRuleFilter) {
		policyRules(customerId: $customerId, fetchAll: true, filter: $filter, pageSize: 2) {
		  nodes { name action priority portAndProtocols { protocol portRanges { startPort endPort } } }
		  pageInfo { totalCount pageSize } } }`, "",
		vars(map[string]any{"filter": map[string]any{"action": map[string]any{"equals": "BLOCK"}}}))
	require.NotContains(t, out, "errors")
	rules := dig(out, "data", "policyRules", "nodes").([]any)
	require.Len(t, rules, 3, "fetchAll ignores the page size")
	require.Equal(t, map[string]any{"startPort": int64(445), "endPort": int64(445)},
		dig(rules, 0, "portAndProtocols", 0, "portRanges", 0))

	out = c.gql(`query($customerId: ID!) {
		ns: tagNamespaces(customerId: $customerId, filter: {origin: {equals: "CUSTOM"}}) { nodes { id name } }
		cat: appCatalog(customerId: $customerId, orderBy: {name: DESC}, pageSize: 1,
		  filter: {category: {equals: "Database"}}) {
		  nodes { name details { portAndProtocol { protocol } processes } } pageInfo { totalCount } } }`,
		"", vars(nil))
	require.NotContains(t, out, "errors")
	require.Equal(t, "Custom Tags", dig(out, "data", "ns", "nodes", 0, "name"))
	require.Equal(t, "REDIS", dig(out, "data", "cat", "nodes", 0, "name"))
	require.EqualValues(t, 4, dig(out, "data", "cat", "pageInfo", "totalCount"))
	nsID := dig(out, "data", "ns", "nodes", 0, "id").(string)

	out = c.gql(`query($customerId: ID!, $ns: String!) {
		tagKeys(customerId: $customerId, namespaceId: $ns, filter: {valueName: {contains: "garcía"}}) {
		  nodes { id name } } }`, "", vars(map[string]any{"ns": nsID}))
	require.Equal(t, "owner", dig(out, "data", "tagKeys", "nodes", 0, "name"))
	keyID := dig(out, "data", "tagKeys", "nodes", 0, "id")
	out = c.gql(`query($customerId: ID!, $k: String!, $o: NamespaceOrigin!) {
		tagValues(customerId: $customerId, tagId: $k, namespaceOrigin: $o, orderBy: {name: ASC}) {
		  nodes { name } } }`, "", vars(map[string]any{"k": keyID, "o": "CUSTOM"}))
	require.Len(t, dig(out, "data", "tagValues", "nodes"), 3)
}

func TestZMSResourceGroupsUnion(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	out := c.gql(`query ListResourceGroups($customerId: ID!, $filter: ResourceGroupsFilter) {
	  resourceGroups(customerId: $customerId, pageSize: 50, filter: $filter) {
	    nodes {
	      __typename
	      ... on ManagedResourceGroup { id name type resourceMemberCount }
	      ... on UnmanagedResourceGroup { ...unmanaged }
	    }
	  }
	}
	fragment unmanaged on UnmanagedResourceGroup { id name type cidrs fqdns }`,
		"ListResourceGroups", vars(nil))
	require.NotContains(t, out, "errors")
	nodes := dig(out, "data", "resourceGroups", "nodes").([]any)
	require.Len(t, nodes, 10)
	for _, n := range nodes {
		m := n.(map[string]any)
		switch m["__typename"] {
		case "ManagedResourceGroup":
			require.Equal(t, "MANAGED", m["type"])
			require.Contains(t, m, "resourceMemberCount")
			require.NotContains(t, m, "cidrs")
		case "UnmanagedResourceGroup":
			require.Equal(t, "UNMANAGED", m["type"])
			require.Contains(t, m, "cidrs")
			require.NotContains(t, m, "resourceMemberCount")
		default:
			t.Fatalf("unexpected type %v", m["__typename"])
		}
	}
	out = c.gql(`query($customerId: ID!) { resourceGroups(customerId: $customerId,
	  filter: {resourceHostname: {contains: "zrh-dc1"}}) { nodes { ... on ResourceGroup { name } } } }`,
		"", vars(nil))
	require.Equal(t, []any{map[string]any{"name": "Zürich DC"}}, dig(out, "data", "resourceGroups", "nodes"))

	groupID := dig(nodes, 0, "id")
	out = c.gql(`query($customerId: ID!, $id: String!) {
	  resourceGroupMembers(customerId: $customerId, id: $id, pageSize: 2) {
	    nodes { id resourceHostname } pageInfo { totalCount } }
	  resourceGroupProtectionStatus(customerId: $customerId) {
	    nodes { totalResourceGroups protectedResourceGroupsCount } }
	  resourceProtectionStatus(customerId: $customerId) {
	    nodes { totalResources protectedResourcesCount protectedPercentage } } }`,
		"", vars(map[string]any{"id": groupID}))
	require.NotContains(t, out, "errors")
	require.Len(t, dig(out, "data", "resourceGroupMembers", "nodes"), 2)
	require.EqualValues(t, 10, dig(out, "data", "resourceGroupProtectionStatus", "nodes", 0, "totalResourceGroups"))
	require.EqualValues(t, 37, dig(out, "data", "resourceProtectionStatus", "nodes", 0, "totalResources"))
}

func TestZMSErrors(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	out := c.gql(`query { agents(customerId: "1") { nodes { nope } } }`, "", nil)
	require.Nil(t, out["data"])
	require.Equal(t, "VALIDATION_ERROR", dig(out, "errors", 0, "extensions", "classification"))
	require.Contains(t, dig(out, "errors", 0), "locations")

	out = c.gql(`query($customerId: String!) { agents(customerId: $customerId) { nodes { name } } }`,
		"", vars(nil))
	require.Equal(t, "VALIDATION_ERROR", dig(out, "errors", 0, "extensions", "classification"),
		"a String! variable does not fit an ID! argument")
	out = c.gql(listAgents, "", nil)
	require.Equal(t, "VALIDATION_ERROR", dig(out, "errors", 0, "extensions", "classification"),
		"a missing required variable")

	out = c.gql(listAgents, "", map[string]any{"customerId": "999"})
	require.Nil(t, out["data"])
	require.Equal(t, "FORBIDDEN", dig(out, "errors", 0, "extensions", "classification"))
	require.Equal(t, []any{"agents"}, dig(out, "errors", 0, "path"))

	two := listAgents + `
	query GetMetadata($customerId: String!) { metadata(customerId: $customerId) }`
	out = c.gql(two, "", vars(nil))
	require.Equal(t, "VALIDATION_ERROR", dig(out, "errors", 0, "extensions", "classification"))
	out = c.gql(two, "GetMetadata", vars(nil))
	require.NotContains(t, out, "errors")
	require.Equal(t, "Acme Demo ✓", dig(out, "data", "metadata", "customerName"))
	out = c.gql(two, "Missing", vars(nil))
	require.Contains(t, dig(out, "errors", 0, "message"), "Missing")

	out = c.gql(`query($customerId: ID!, $id: String!) { nonce(customerId: $customerId, eyezId: $id) {
	  nonce { eyezId name maxUsage } } }`, "", vars(map[string]any{"id": "nope"}))
	require.Equal(t, map[string]any{"nonce": nil}, out["data"])
	require.Equal(t, "BAD_REQUEST", dig(out, "errors", 0, "extensions", "classification"))

	out = c.gql(`{ __schema { queryType { name } } }`, "", nil)
	require.Nil(t, out["data"])
	require.Contains(t, dig(out, "errors", 0, "message"), "Introspection")
	out = c.gql(`{ __typename }`, "", nil)
	require.Equal(t, map[string]any{"__typename": "Query"}, out["data"])

	status, _, raw := c.do(http.MethodGet, zmsPath, nil)
	require.Equal(t, http.StatusMethodNotAllowed, status)
	require.Contains(t, string(raw), "errors")
	status, _, _ = c.do(http.MethodPost, zmsPath, rawBody("{"))
	require.Equal(t, http.StatusBadRequest, status)
}

func TestZMSNoncesAndSecrets(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	out := c.gql(`query($customerId: ID!) {
	  nonces(customerId: $customerId, pageSize: 1) { nodes { eyezId agentGroupEyezId } }
	  agentGroups(customerId: $customerId, sort: "agentCount", sortDir: DESC) {
	    nodes { name agentCount } pageInfo { totalCount } }
	  agentConnectionStatusStatistics(customerId: $customerId) { totalCount totalPercentage
	    agentStatuses { agentType connectionStatus count percentage } }
	  agentVersionStatistics(customerId: $customerId, search: "zrh") { totalCount
	    agentVersions { version count } } }`, "", vars(nil))
	require.NotContains(t, out, "errors")
	require.EqualValues(t, 6, dig(out, "data", "agentGroups", "pageInfo", "totalCount"))
	require.EqualValues(t, 5, dig(out, "data", "agentGroups", "nodes", 0, "agentCount"))
	require.EqualValues(t, 30, dig(out, "data", "agentConnectionStatusStatistics", "totalCount"))
	require.EqualValues(t, 5, dig(out, "data", "agentVersionStatistics", "totalCount"))
	var sum int64
	for _, s := range dig(out, "data", "agentConnectionStatusStatistics", "agentStatuses").([]any) {
		sum += s.(map[string]any)["count"].(int64)
	}
	require.EqualValues(t, 30, sum)

	nonceID := dig(out, "data", "nonces", "nodes", 0, "eyezId")
	groupID := dig(out, "data", "nonces", "nodes", 0, "agentGroupEyezId")
	out = c.gql(`query GetNonce($customerId: ID!, $eyezId: String!, $g: String!) {
	  nonce(customerId: $customerId, eyezId: $eyezId) { nonce { eyezId key product } }
	  agentGroupTotpSecrets(customerId: $customerId, eyezId: $g) { eyezId totpSecret } }`,
		"GetNonce", vars(map[string]any{"eyezId": nonceID, "g": groupID}))
	require.NotContains(t, out, "errors")
	require.Equal(t, nonceID, dig(out, "data", "nonce", "nonce", "eyezId"), "the nonce is wrapped")
	require.NotEmpty(t, dig(out, "data", "agentGroupTotpSecrets", "totpSecret"))

	reqs := srv.Tenant.Requests()
	require.Equal(t, "GetNonce", reqs[len(reqs)-1].Operation)
}

func TestZMSFaults(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	srv.Tenant.InjectFault(Fault{Path: zmsPath, Operation: "ListAgents", Times: 1,
		GraphQLErrors: []map[string]any{{"message": "boom",
			"extensions": map[string]any{"classification": "BAD_REQUEST"}}},
		PartialData: map[string]any{"agents": nil}})
	out := c.gql(listAgents, "ListAgents", vars(nil))
	require.Equal(t, "boom", dig(out, "errors", 0, "message"))
	require.Equal(t, map[string]any{"agents": nil}, out["data"])
	out = c.gql(listAgents, "ListAgents", vars(nil))
	require.NotContains(t, out, "errors", "the fault applied once")

	srv.Tenant.InjectFault(Fault{Path: zmsPath, Operation: "Other", Status: 500})
	out = c.gql(listAgents, "ListAgents", vars(nil))
	require.NotContains(t, out, "errors", "faults match on the operation name")

	srv.Tenant.InjectFault(Fault{Path: zmsPath, Times: 1, Status: http.StatusTooManyRequests, RetryAfter: "0"})
	status, hdr, _ := c.do(http.MethodPost, zmsPath, map[string]any{"query": listAgents})
	require.Equal(t, http.StatusTooManyRequests, status)
	require.Equal(t, "0", hdr.Get("Retry-After"))
	require.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
	require.Equal(t, "1000, 1000;w=1", hdr.Get("X-Ratelimit-Limit"))
}
