package tools

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// A firewall object that rules or groups still use is refused before anybody is asked
// to confirm its deletion, and the refusal names who uses it; nothing reaches the
// tenant.
func TestFirewallObjectsInUseAreRefusedBeforeTheConfirmation(t *testing.T) {
	cases := []struct {
		tool, idName, id, path string
		want                   []string
	}{
		{"zia_delete_ip_destination_group", "group_id", "10596650", "/ipDestinationGroups",
			[]string{`IP destination group 10596650 ("Public DNS")`,
				`cloud firewall rule 1691001 ("Allow DNS")`}},
		{"zia_delete_network_service", "service_id", "10596690", "/networkServices",
			[]string{`network service 10596690 ("Legacy App ✓")`, "cloud firewall rule 1691017"}},
		{"zia_delete_network_app_group", "group_id", "774129", "/networkApplicationGroups",
			[]string{`("Microsoft Office365")`, "cloud firewall rule 1691000"}},
	}
	for _, tc := range cases {
		t.Run(tc.tool, func(t *testing.T) {
			up, tenant := ziaSim(t)
			args := map[string]any{tc.idName: tc.id}
			res, err := ziaDescribeCall(t, up, tc.tool, args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Equal(t, tc.id, res.ID)
			for _, w := range tc.want {
				require.Contains(t, err.Error(), w)
			}
			require.Contains(t, err.Error(), "nothing was deleted")

			_, err = ziaDo(t, up, tc.tool, args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Empty(t, ziaWritesTo(tenant, tc.path))
		})
	}
}

// References are looked for in every rule family that can hold the object, SSL
// inspection rules included; once the rule lets go, the delete goes ahead.
func TestIPSourceGroupHeldByAnSSLRuleIsRefusedUntilReleased(t *testing.T) {
	up, tenant := ziaSim(t)
	group := ziaObj(t, ziaMust(t, up, "zia_create_ip_source_group", map[string]any{
		"name": "Held", "ip_addresses": []any{"10.77.0.0/16"}}), "created")
	gid := ziaID(group["id"])
	rule := ziaObj(t, ziaMust(t, up, "zia_create_ssl_inspection_rule", map[string]any{
		"name": "Uses the group", "action": "BLOCK",
		"advanced": map[string]any{"sourceIpGroups": []any{gid}}}), "created")
	rid := ziaID(rule["id"])

	_, err := ziaDescribeCall(t, up, "zia_delete_ip_source_group", map[string]any{"group_id": gid})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `SSL inspection rule `+rid+` ("Uses the group")`)

	ziaMust(t, up, "zia_update_ssl_inspection_rule", map[string]any{"rule_id": rid,
		"advanced": map[string]any{"sourceIpGroups": []any{}}})
	_, err = ziaDescribeCall(t, up, "zia_delete_ip_source_group", map[string]any{"group_id": gid})
	require.NoError(t, err)
	ziaMust(t, up, "zia_delete_ip_source_group", map[string]any{"group_id": gid})
	require.Equal(t, []string{"POST /ipSourceGroups", "DELETE /ipSourceGroups/" + gid},
		ziaWritesTo(tenant, "/ipSourceGroups"))
}

// Standard and predefined network services are read-only: a change or a deletion is
// refused before anything is sent, and before anybody is asked to confirm.
func TestPredefinedNetworkServicesAreRefusedUpFront(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_update_network_service", map[string]any{
		"service_id": "774004", "description": "mine now"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `network service 774004 ("HTTP") is a predefined service, `+
		"which cannot be changed")

	_, err = ziaDescribeCall(t, up, "zia_delete_network_service", map[string]any{
		"service_id": "773997"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "is a standard service, which cannot be deleted")
	require.Empty(t, ziaWritesTo(tenant, "/networkServices"))
}

// A cloud app control policy the tenant cannot read (a rule type it does not have) is
// passed over rather than making every time interval undeletable; an upstream fault
// still fails the check.
func TestUnreadableCloudAppPolicyIsPassedOver(t *testing.T) {
	fake := func(aiML error) *ziaFake {
		return &ziaFake{reply: func(c ziaCall) (any, error) {
			switch c.Path {
			case "/timeIntervals/7":
				return map[string]any{"id": json.Number("7"), "name": "Night"}, nil
			case "/webApplicationRules/AI_ML":
				return nil, aiML
			case "/webApplicationRules/WEBMAIL":
				return []any{map[string]any{"id": json.Number("12"), "name": "Mail at night",
					"timeWindows": []any{map[string]any{"id": json.Number("7")}}}}, nil
			}
			return []any{}, nil
		}}
	}
	args := map[string]any{"interval_id": "7"}
	_, err := ziaDescribeCall(t, fake(toolerr.New(toolerr.NotFound, "no such rule type")),
		"zia_delete_time_interval", args)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `used by WEBMAIL cloud app control rule 12 ("Mail at night")`)

	_, err = ziaDescribeCall(t, fake(toolerr.New(toolerr.UpstreamUnavailable, "down")),
		"zia_delete_time_interval", args)
	requireKindOf(t, err, toolerr.UpstreamUnavailable)
}
