package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestIPGroupWriteRoundTrips(t *testing.T) {
	t.Run("source", func(t *testing.T) {
		runCRUD(t, crudCase{
			noun: "ip_source_group", what: "IP source group", idName: "group_id",
			path: "/ipSourceGroups", name: "Branch ranges",
			create: map[string]any{"name": "Branch ranges",
				"ip_addresses": []any{"10.8.0.0/16", "10.9.0.1"}},
			update: map[string]any{"description": "updated"},
			check: func(t *testing.T, g map[string]any) {
				require.Equal(t, []any{"10.8.0.0/16", "10.9.0.1"}, g["ipAddresses"])
			},
			updated: func(t *testing.T, g map[string]any) {
				require.Equal(t, "updated", g["description"])
			},
		})
	})
	t.Run("destination", func(t *testing.T) {
		runCRUD(t, crudCase{
			noun: "ip_destination_group", what: "IP destination group", idName: "group_id",
			path: "/ipDestinationGroups", name: "Partners",
			create: map[string]any{"name": "Partners", "type": "dstn_fqdn",
				"addresses": []any{"api.partner.example"}},
			update: map[string]any{"addresses": []any{"api.partner.example", "sso.partner.example"}},
			check: func(t *testing.T, g map[string]any) {
				require.Equal(t, "DSTN_FQDN", g["type"])
				require.Equal(t, "Partners", g["name"])
			},
			updated: func(t *testing.T, g map[string]any) {
				require.Len(t, g["addresses"], 2)
			},
		})
	})
}

func TestNetworkServiceWriteRoundTrips(t *testing.T) {
	t.Run("service", func(t *testing.T) {
		runCRUD(t, crudCase{
			noun: "network_service", what: "network service", idName: "service_id",
			path: "/networkServices", name: "App ports",
			create: map[string]any{"name": "App ports", "description": "custom app",
				"ports": []any{[]any{"dest", "TCP", "8443"}, []any{"dest", "udp", 9000.0, 9010.0}}},
			update: map[string]any{"ports": []any{[]any{"src", "tcp", "1024", "2048"}}},
			check: func(t *testing.T, s map[string]any) {
				require.Equal(t, "custom app", s["description"])
			},
			updated: func(t *testing.T, s map[string]any) {
				require.Len(t, s["srcTcpPorts"], 1)
				require.Empty(t, s["destTcpPorts"], "ports given replace every current range")
				require.Empty(t, s["destUdpPorts"])
			},
		})
	})
	t.Run("group", func(t *testing.T) {
		runCRUD(t, crudCase{
			noun: "network_svc_group", what: "network service group", idName: "group_id",
			path: "/networkServiceGroups", name: "Remote access",
			create: map[string]any{"name": "Remote access",
				"service_ids": []any{774007.0, "774003"}},
			update: map[string]any{"name": "Remote access", "description": "SSH and DNS"},
			check: func(t *testing.T, g map[string]any) {
				require.ElementsMatch(t, []string{"SSH", "DNS"}, ziaNames(g["services"]))
			},
			updated: func(t *testing.T, g map[string]any) {
				require.Equal(t, "SSH and DNS", g["description"])
			},
		})
	})
	t.Run("application group", func(t *testing.T) {
		runCRUD(t, crudCase{
			noun: "network_app_group", what: "network application group", idName: "group_id",
			path: "/networkApplicationGroups", name: "Video apps",
			create: map[string]any{"name": "Video apps",
				"network_applications": []any{"WEBEX", "ZOOM"}},
			update: map[string]any{"description": "video"},
			check: func(t *testing.T, g map[string]any) {
				require.Equal(t, []any{"WEBEX", "ZOOM"}, g["networkApplications"])
			},
			updated: func(t *testing.T, g map[string]any) {
				require.Equal(t, "video", g["description"])
			},
		})
	})
}

func TestNetworkServicePortsAreChecked(t *testing.T) {
	cases := []struct {
		ports []any
		want  string
	}{
		{[]any{[]any{"dest", "tcp"}}, "must be"},
		{[]any{[]any{"in", "tcp", "80"}}, "src or dest"},
		{[]any{[]any{"dest", "tcp", "0"}}, `start port "0" is not a whole number from 1 to 65535`},
		{[]any{[]any{"dest", "tcp", "4x3"}}, `start port "4x3" is not a whole number`},
		{[]any{[]any{"dest", "tcp", "80", "8o"}}, `end port "8o" is not a whole number`},
		{[]any{[]any{"dest", "tcp", "90", "80"}}, "start-65535"},
		{[]any{}, "at least one"},
		{[]any{"dest,tcp,80"}, "list of lists"},
		{[]any{[]any{"dest", "tcp", 80.5}}, "list of lists"},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		_, err := ziaDo(t, fake, "zia_create_network_service",
			map[string]any{"name": "x", "ports": tc.ports})
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
		require.Empty(t, fake.Calls())
	}
}

func TestPredefinedNetworkServicesCannotBeChanged(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_update_network_service",
		map[string]any{"service_id": "774007", "description": "mine now"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, tenant.Writes())
}
