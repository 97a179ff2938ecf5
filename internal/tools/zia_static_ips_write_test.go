package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// TestStaticIPDeleteRefusesAnAddressInUse: the API refuses to delete a static IP that
// a GRE tunnel, a location or a VPN credential uses. The lookup before the
// confirmation refuses it too, so nobody is asked to approve it, and the delete sends
// nothing.
func TestStaticIPDeleteRefusesAnAddressInUse(t *testing.T) {
	up, tenant := ziaSim(t)
	cases := map[string]struct{ id, want string }{
		// The seeded tunnel 4338955 comes from 203.0.113.10, which "HQ San Jose" also lists.
		"GRE tunnel": {"4338892", "static IP 4338892 (203.0.113.10) is the source of GRE " +
			"tunnel 4338955; nothing was deleted. zia_delete_gre_tunnel deletes the tunnel " +
			"together with its static IP"},
		"location": {"4338898", `static IP 4338898 (203.0.113.16) is still used by location ` +
			`36788983 "Frankfurt Data Center"; nothing was deleted: take the address off the ` +
			`location first`},
		"VPN credential": {"4338902", "static IP 4338902 (203.0.113.20) is still used by VPN " +
			"credential 29339955; nothing was deleted: delete the credential first"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			args := map[string]any{"static_ip_id": tc.id}
			_, err := ziaDescribeCall(t, up, "zia_delete_static_ip", args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), tc.want)

			_, err = ziaDo(t, up, "zia_delete_static_ip", args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), tc.want)
			require.Empty(t, ziaWritesTo(tenant, "/"), "nothing was sent")
		})
	}

	// An address nothing uses is named for the confirmation and deleted.
	desc, err := ziaDescribeCall(t, up, "zia_delete_static_ip",
		map[string]any{"static_ip_id": "4338907"})
	require.NoError(t, err)
	require.Equal(t, Resource{Type: "static IP", ID: "4338907", Name: "203.0.113.25"}, desc)
	ziaMust(t, up, "zia_delete_static_ip", map[string]any{"static_ip_id": "4338907"})
	require.Equal(t, []string{"DELETE /staticIP/4338907"}, ziaWritesTo(tenant, "/"))
}
