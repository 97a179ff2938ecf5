package tools

// ZMS nonces: the enrollment keys agents use to join an agent group.

// zmsNonceFields is the selection of one nonce, shared by the list and the single read.
const zmsNonceFields = `eyezId name key maxUsage usageCount agentGroupEyezId agentGroupName
      agentGroupType product creationTime modifiedTime`

var listNoncesQuery = zmsQuery{op: "ListNonces", path: []string{"nonces"}, doc: `
query ListNonces(` + zmsSearchPagingVarDefs + `) {
  nonces(` + zmsSearchPagingArgs + `) {
    nodes {
      ` + zmsNonceFields + `
    }
    ` + zmsPageInfoSelection + `
  }
}`}

// getNonceQuery's value is wrapped twice by the API (data.nonce.nonce).
var getNonceQuery = zmsQuery{op: "GetNonce", path: []string{"nonce", "nonce"}, doc: `
query GetNonce($customerId: ID!, $eyezId: String!) {
  nonce(customerId: $customerId, eyezId: $eyezId) {
    nonce {
      ` + zmsNonceFields + `
    }
  }
}`}

func zmsNonceTools(up Upstream) []Tool {
	return []Tool{
		zmsList("zms_list_nonces", "List ZMS enrollment nonces",
			"Lists one page of agent enrollment nonces (provisioning keys): name, eyezId, key, "+
				"usage count and limit, agent group, product and times. "+zmsPageHint,
			zmsSearchPagingParams("nonce names and other nonce fields"),
			zmsPageHandler(up, listNoncesQuery, zmsSearchPageVars)),
		zmsRead("zms_get_nonce", "Get a ZMS enrollment nonce",
			"Returns one enrollment nonce by eyezId (from zms_list_nonces): key, usage count "+
				"and limit, agent group, product and times.",
			[]Param{zmsEyezIDParam("nonce")},
			zmsObjectHandler(up, getNonceQuery, zmsEyezIDVars)),
	}
}
