package tools

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// zmsExpected describes each ZMS tool as the Python server declares it: its parameter
// names (sorted) and which of them are required, plus the GraphQL operation behind it
// and whether it returns a page of nodes.
var zmsExpected = []struct {
	tool     string
	params   []string
	required []string
	op, root string
	page     bool
}{
	{"zms_list_agents", []string{"page", "page_size", "search", "sort", "sort_dir"}, nil,
		"ListAgents", "agents", true},
	{"zms_get_agent_connection_status_statistics", []string{"search"}, nil,
		"AgentConnectionStatusStats", "agentConnectionStatusStatistics", false},
	{"zms_get_agent_version_statistics", []string{"search"}, nil,
		"AgentVersionStats", "agentVersionStatistics", false},
	{"zms_list_agent_groups", []string{"page", "page_size", "search", "sort", "sort_dir"}, nil,
		"ListAgentGroups", "agentGroups", true},
	{"zms_get_agent_group_totp_secrets", []string{"eyez_id"}, []string{"eyez_id"},
		"GetAgentGroupTotpSecrets", "agentGroupTotpSecrets", false},
	{"zms_list_app_catalog",
		[]string{"category", "name", "page_num", "page_size", "sort_by", "sort_order"}, nil,
		"ListAppCatalog", "appCatalog", true},
	{"zms_list_app_zones", []string{"name", "page_num", "page_size", "sort_order"}, nil,
		"ListAppZones", "appZones", true},
	{"zms_list_nonces", []string{"page", "page_size", "search", "sort", "sort_dir"}, nil,
		"ListNonces", "nonces", true},
	{"zms_get_nonce", []string{"eyez_id"}, []string{"eyez_id"}, "GetNonce", "nonce", false},
	{"zms_list_policy_rules", []string{"action", "fetch_all", "name", "page_num", "page_size"}, nil,
		"ListPolicyRules", "policyRules", true},
	{"zms_list_default_policy_rules", []string{"page_num", "page_size"}, nil,
		"ListDefaultPolicyRules", "defaultPolicyRules", true},
	{"zms_list_resource_groups", []string{"name", "page_num", "page_size", "resource_hostname"}, nil,
		"ListResourceGroups", "resourceGroups", true},
	{"zms_get_resource_group_members", []string{"group_id", "page_num", "page_size"},
		[]string{"group_id"}, "GetResourceGroupMembers", "resourceGroupMembers", true},
	{"zms_get_resource_group_protection_status", []string{"page_num", "page_size"}, nil,
		"ResourceGroupProtectionStatus", "resourceGroupProtectionStatus", true},
	{"zms_list_resources", []string{"cloud_provider", "cloud_region", "include_deleted", "name",
		"page_num", "page_size", "platform_os", "resource_type", "sort_order", "status"}, nil,
		"ListResources", "resources", true},
	{"zms_get_resource_protection_status", []string{"page_num", "page_size"}, nil,
		"ResourceProtectionStatus", "resourceProtectionStatus", true},
	{"zms_get_metadata", nil, nil, "GetMetadata", "metadata", false},
	{"zms_list_tag_namespaces", []string{"name", "origin", "page_num", "page_size", "sort_order"},
		nil, "ListTagNamespaces", "tagNamespaces", true},
	{"zms_list_tag_keys", []string{"key_name", "namespace_id", "page_num", "page_size", "sort_order"},
		[]string{"namespace_id"}, "ListTagKeys", "tagKeys", true},
	{"zms_list_tag_values",
		[]string{"name", "namespace_origin", "page_num", "page_size", "sort_order", "tag_id"},
		[]string{"namespace_origin", "tag_id"}, "ListTagValues", "tagValues", true},
}

// zmsRequiredArgs are valid values for every required parameter of the ZMS tools.
var zmsRequiredArgs = map[string]any{
	"eyez_id": "eyez-1", "group_id": "rg-1", "namespace_id": "ns-1",
	"tag_id": "tk-1", "namespace_origin": "CUSTOM",
}

func TestZMSToolsMatchThePythonCatalog(t *testing.T) {
	got := zmsTools(&zmsFake{})
	require.Len(t, got, len(zmsExpected))

	byName := map[string]Tool{}
	for _, tool := range got {
		require.NotContains(t, byName, tool.Name, "duplicate tool")
		byName[tool.Name] = tool
	}
	for _, want := range zmsExpected {
		t.Run(want.tool, func(t *testing.T) {
			tool, ok := byName[want.tool]
			require.True(t, ok, "tool missing")
			require.Equal(t, ServiceZMS, tool.Service)
			require.Equal(t, "zms", tool.Toolset)
			require.Equal(t, Read, tool.Kind)
			require.NotNil(t, tool.Handler)
			require.Regexp(t, `^(List|Get) (a )?ZMS `, tool.Title)
			require.NotEmpty(t, tool.Description)
			if want.page {
				require.Contains(t, tool.Description, "pageInfo.totalPages")
			}

			var names, required []string
			for _, p := range tool.Params {
				require.NotEmpty(t, p.Description, "param %s", p.Name)
				names = append(names, p.Name)
				if p.Required {
					required = append(required, p.Name)
				}
			}
			slices.Sort(names)
			slices.Sort(required)
			require.Equal(t, want.params, names)
			require.Equal(t, want.required, required)
		})
	}
}

func TestZMSPagingParamsAreBoundedAndDefaulted(t *testing.T) {
	for _, tool := range zmsTools(&zmsFake{}) {
		props, _ := Schema(tool.Params)
		for name, raw := range props {
			s := raw.(map[string]any)
			switch name {
			case "page", "page_num":
				require.Equal(t, 1.0, s["minimum"], tool.Name)
				require.Equal(t, 1, s["default"], tool.Name)
			case "page_size":
				require.Equal(t, 1.0, s["minimum"], tool.Name)
				require.Equal(t, 100.0, s["maximum"], tool.Name)
				require.Equal(t, 20, s["default"], tool.Name)
			case "sort_dir", "sort_order":
				require.Equal(t, []string{"ASC", "DESC"}, s["enum"], tool.Name)
			}
			if strings.HasSuffix(name, "_id") {
				require.Equal(t, "string", s["type"], "%s %s", tool.Name, name)
			}
		}
	}
}
