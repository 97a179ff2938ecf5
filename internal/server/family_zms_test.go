package server

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
)

// zmsNodes returns the nodes of a ZMS page ({nodes, pageInfo}).
func zmsNodes(t *testing.T, v map[string]any) []map[string]any {
	t.Helper()
	list, ok := v["nodes"].([]any)
	require.True(t, ok, "not a page: %v", v)
	return records(t, map[string]any{"result": list})
}

// zmsPage checks a page's node count and total, and then each node with each.
func zmsPage(nodes int, total float64, each func(t *testing.T, n map[string]any)) familyCheck {
	return func(t *testing.T, _ familyState, v map[string]any) {
		t.Helper()
		got := zmsNodes(t, v)
		require.Len(t, got, nodes)
		info, _ := v["pageInfo"].(map[string]any)
		require.Equal(t, total, info["totalCount"], "pageInfo %v", info)
		if each != nil {
			for _, n := range got {
				each(t, n)
			}
		}
	}
}

// zmsSave saves a field of the page's node whose match field equals want.
func zmsSave(key, field, match string, want any) familyCheck {
	return func(t *testing.T, s familyState, v map[string]any) {
		t.Helper()
		for _, n := range zmsNodes(t, v) {
			if n[match] == want {
				s[key] = n[field]
				return
			}
		}
		require.Failf(t, "node missing", "no node with %s %v in %v", match, want, v)
	}
}

// zmsProtectionQueried checks a protection status queried down to {pct, total}: one
// node with just those fields, total being the node's own total field, and pageInfo
// still beside it.
func zmsProtectionQueried(totalField string) familyCheck {
	return func(t *testing.T, _ familyState, v map[string]any) {
		t.Helper()
		nodes := zmsNodes(t, v)
		require.Len(t, nodes, 1)
		require.ElementsMatch(t, []string{"pct", "total"}, slices.Collect(maps.Keys(nodes[0])),
			"%s", totalField)
		require.Positive(t, nodes[0]["total"], "%s of the seeded tenant", totalField)
		info, _ := v["pageInfo"].(map[string]any)
		require.Equal(t, 1.0, info["totalCount"], "pageInfo %v", info)
	}
}

// The ZMS scenario: every read, its filters applied by the API, paging, and the seeded
// records with nulls where values are usual coming back as the API gave them.
func init() {
	addFamily("zms",
		familyStep{Tool: "zms_list_agents", Args: fixed(map[string]any{"page": 2, "page_size": 10}),
			Check: zmsPage(10, 30, nil)},
		familyStep{Tool: "zms_list_agents", Args: fixed(map[string]any{"search": simulator.OddAgentName}),
			Check: zmsPage(1, 1, func(t *testing.T, n map[string]any) {
				require.Equal(t, simulator.OddAgentName, n["name"])
				for _, k := range []string{"hostOs", "publicIp", "privateIps", "description"} {
					require.Contains(t, n, k)
					require.Nil(t, n[k], "%s is null as the API gave it", k)
				}
			})},
		familyStep{Tool: "zms_list_agents", Args: fixed(map[string]any{"sort": "name",
			"sort_dir": "DESC", "page_size": 2}),
			Check: zmsPage(2, 30, nil)},
		familyStep{Tool: "zms_get_agent_connection_status_statistics",
			Check: objectHas("", map[string]any{"totalCount": 30.0})},
		familyStep{Tool: "zms_get_agent_version_statistics",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.Equal(t, 30.0, v["totalCount"])
				require.NotEmpty(t, v["agentVersions"])
			}},
		familyStep{Tool: "zms_list_agent_groups", Check: then(zmsPage(6, 6, nil),
			zmsSave("group", "eyezId", "name", "Zürich Cluster"))},
		familyStep{Tool: "zms_get_agent_group_totp_secrets", Args: withID("eyez_id", "group", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.NotEmpty(t, v["totpSecret"])
			}},
		familyStep{Tool: "zms_list_nonces", Args: fixed(map[string]any{"search": "staging"}),
			Check: zmsSave("nonce", "eyezId", "name", "enroll-staging-vm")},
		familyStep{Tool: "zms_get_nonce", Args: withID("eyez_id", "nonce", nil),
			Check: objectHas("", map[string]any{"name": "enroll-staging-vm"})},

		familyStep{Tool: "zms_list_resources", Args: fixed(map[string]any{"name": simulator.OddResourceName}),
			Check: zmsPage(1, 1, func(t *testing.T, n map[string]any) {
				for _, k := range []string{"platformOsDistro", "localIps", "appZoneNames"} {
					require.Contains(t, n, k)
					require.Nil(t, n[k], "%s is null as the API gave it", k)
				}
			})},
		familyStep{Tool: "zms_list_resources", Args: fixed(map[string]any{"resource_type": "VM",
			"cloud_provider": "AWS", "page_size": 100}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				nodes := zmsNodes(t, v)
				require.NotEmpty(t, nodes)
				for _, n := range nodes {
					require.Equal(t, "VM", n["resourceType"])
					require.Equal(t, "AWS", n["cloudProvider"])
				}
			}},
		familyStep{Tool: "zms_list_resources", Args: fixed(map[string]any{"include_deleted": true,
			"status": "DELETED"}), Check: zmsPage(3, 3, nil)},
		familyStep{Tool: "zms_get_resource_protection_status", Summary: "1 item",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.NotEmpty(t, zmsNodes(t, v))
			}},
		familyStep{Tool: "zms_get_resource_protection_status",
			Args:    fixed(map[string]any{"query": "[].{pct: protectedPercentage, total: totalResources}"}),
			Summary: "1 item (1 before query)",
			Check:   zmsProtectionQueried("totalResources"),
		},
		familyStep{Tool: "zms_get_metadata",
			Check: objectHas("", map[string]any{"customerName": "Acme Demo ✓"})},
		familyStep{Tool: "zms_list_resource_groups", Args: fixed(map[string]any{"name": "Zürich"}),
			Check: zmsSave("rg", "id", "name", "Zürich DC")},
		familyStep{Tool: "zms_get_resource_group_members", Args: withID("group_id", "rg", nil),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				nodes := zmsNodes(t, v)
				require.NotEmpty(t, nodes)
				for _, n := range nodes {
					require.True(t, strings.Contains(n["resourceHostname"].(string), "zrh-dc1"))
				}
			}},
		familyStep{Tool: "zms_get_resource_group_protection_status", Summary: "1 item",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.NotEmpty(t, zmsNodes(t, v))
			}},
		familyStep{Tool: "zms_get_resource_group_protection_status",
			Args: fixed(map[string]any{
				"query": "[].{pct: protectedPercentage, total: totalResourceGroups}",
			}),
			Summary: "1 item (1 before query)",
			Check:   zmsProtectionQueried("totalResourceGroups"),
		},
		familyStep{Tool: "zms_get_resource_group_protection_status",
			Args:    fixed(map[string]any{"query": "[0].protectedPercentage"}),
			Summary: "number (1 item before query)",
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				require.IsType(t, 0.0, v["nodes"], "nodes holds what the query returned: %v", v)
				require.Contains(t, v, "pageInfo")
			}},

		familyStep{Tool: "zms_list_policy_rules", Args: fixed(map[string]any{"action": "BLOCK"}),
			Check: zmsPage(3, 3, func(t *testing.T, n map[string]any) {
				require.Equal(t, "BLOCK", n["action"])
			})},
		familyStep{Tool: "zms_list_policy_rules", Args: fixed(map[string]any{"fetch_all": true,
			"page_size": 5}), Check: zmsPage(12, 12, nil)},
		familyStep{Tool: "zms_list_default_policy_rules", Check: zmsPage(4, 4, nil)},
		familyStep{Tool: "zms_list_app_zones", Args: fixed(map[string]any{"name": "tier",
			"sort_order": "DESC"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				nodes := zmsNodes(t, v)
				require.Len(t, nodes, 2)
				require.Equal(t, "Web Tier", nodes[0]["appZoneName"])
			}},
		familyStep{Tool: "zms_list_app_catalog", Args: fixed(map[string]any{"category": "database",
			"sort_by": "name"}),
			Check: func(t *testing.T, _ familyState, v map[string]any) {
				var names []string
				for _, n := range zmsNodes(t, v) {
					names = append(names, n["name"].(string))
				}
				require.Equal(t, []string{"MONGODB", "MYSQL", "POSTGRESQL", "REDIS"}, names)
			}},
		familyStep{Tool: "zms_list_tag_namespaces", Args: fixed(map[string]any{"origin": "CUSTOM"}),
			Check: then(zmsPage(1, 1, nil), zmsSave("ns", "id", "name", "Custom Tags"))},
		familyStep{Tool: "zms_list_tag_keys", Args: withID("namespace_id", "ns",
			map[string]any{"key_name": "own"}),
			Check: then(zmsPage(1, 1, nil), zmsSave("key", "id", "name", "owner"))},
		familyStep{Tool: "zms_list_tag_values", Args: withID("tag_id", "key",
			map[string]any{"namespace_origin": "CUSTOM", "sort_order": "ASC"}),
			Check: zmsPage(3, 3, nil)},
	)
}
