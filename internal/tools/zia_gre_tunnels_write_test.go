package tools

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestGRETunnelWriteRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_gre_tunnel", map[string]any{
		"static_ip_address": "198.51.100.30", "comment": "branch 30"})
	tunnel := ziaObj(t, created, "created")
	id := ziaID(tunnel["id"])
	require.Equal(t, "198.51.100.30", tunnel["sourceIp"])
	require.NotEmpty(t, tunnel["internalIpRange"], "a numbered tunnel gets a free range")
	primary, secondary := ziaObj(t, tunnel, "primaryDestVip"), ziaObj(t, tunnel, "secondaryDestVip")
	require.NotEqual(t, primary["city"], secondary["city"], "data centers in two cities")
	static := ziaObj(t, created, "static_ip")
	require.Equal(t, true, static["created"])
	staticID := ziaID(static["id"])
	require.Equal(t, ziaPendingNote, created["activation"])

	got := ziaMust(t, up, "zia_get_gre_tunnel", map[string]any{"tunnel_id": id})
	require.Equal(t, "branch 30", got["comment"])

	// A static IP that is not the tunnel's is refused before anything is deleted.
	other := ziaID(ziaObj(t, ziaMust(t, up, "zia_create_static_ip",
		map[string]any{"ip_address": "198.51.100.31"}), "created")["id"])
	before := len(tenant.Writes())
	_, err := ziaDo(t, up, "zia_delete_gre_tunnel",
		map[string]any{"tunnel_id": id, "static_ip_id": other})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "nothing was deleted")
	require.Len(t, tenant.Writes(), before)

	// The lookup that names the tunnel for confirmation refuses the same calls, so
	// nobody is asked to confirm a deletion that cannot happen.
	_, err = ziaDescribeCall(t, up, "zia_delete_gre_tunnel",
		map[string]any{"tunnel_id": id, "static_ip_id": other})
	requireKindOf(t, err, toolerr.InvalidArgument)
	_, err = ziaDescribeCall(t, up, "zia_delete_gre_tunnel",
		map[string]any{"tunnel_id": id, "static_ip_id": "999999"})
	requireKindOf(t, err, toolerr.NotFound)

	desc, err := ziaDescribeCall(t, up, "zia_delete_gre_tunnel",
		map[string]any{"tunnel_id": id, "static_ip_id": staticID})
	require.NoError(t, err)
	require.Equal(t, Resource{Type: "GRE tunnel", ID: id,
		Name: "from 198.51.100.30; static IP " + staticID + " is deleted with it"}, desc,
		"the tunnel is named, not its static IP")

	deleted := ziaMust(t, up, "zia_delete_gre_tunnel",
		map[string]any{"tunnel_id": id, "static_ip_id": staticID})
	require.Equal(t, []any{
		map[string]any{"type": "GRE tunnel", "id": id},
		map[string]any{"type": "static IP", "id": staticID},
	}, deleted["deleted"])
	_, err = ziaDo(t, up, "zia_get_static_ip", map[string]any{"static_ip_id": staticID})
	requireKindOf(t, err, toolerr.NotFound)
	require.Equal(t, []string{"POST /greTunnels", "DELETE /greTunnels/" + id},
		ziaWritesTo(tenant, "/greTunnels"))
	require.Equal(t, []string{"POST /staticIP", "POST /staticIP", "DELETE /staticIP/" + staticID},
		ziaWritesTo(tenant, "/staticIP"))
}

func TestGRETunnelFindsItsStaticIPExactly(t *testing.T) {
	up, tenant := ziaSim(t)
	ziaMust(t, up, "zia_create_static_ip", map[string]any{"ip_address": "198.51.100.40"})

	created := ziaMust(t, up, "zia_create_gre_tunnel", map[string]any{
		"static_ip_address": "198.51.100.4", "ip_unnumbered": true})
	require.Equal(t, true, ziaObj(t, created, "static_ip")["created"],
		"198.51.100.40 is not 198.51.100.4")
	require.Equal(t, "", ziaObj(t, created, "created")["internalIpRange"])

	reused := ziaMust(t, up, "zia_create_gre_tunnel", map[string]any{
		"static_ip_address": "198.51.100.40", "internal_ip_range": "172.17.0.64"})
	require.Equal(t, false, ziaObj(t, reused, "static_ip")["created"])
	require.Equal(t, "172.17.0.64", ziaObj(t, reused, "created")["internalIpRange"],
		"a given range is used, not replaced by the first free one")
	require.Len(t, ziaWritesTo(tenant, "/staticIP"), 2)
}

func TestGRETunnelRefusesARangeForUnnumbered(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaDo(t, fake, "zia_create_gre_tunnel", map[string]any{
		"static_ip_address": "198.51.100.50", "ip_unnumbered": true,
		"internal_ip_range": "172.17.0.64"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, fake.Calls())
}

func TestGRETunnelFailureSaysTheStaticIPWasCreated(t *testing.T) {
	up, tenant := ziaSim(t)
	tenant.InjectFault(simulator.Fault{Method: "POST", Path: "/zia/api/v1/greTunnels",
		Times: 1, Status: 403})
	_, err := ziaDo(t, up, "zia_create_gre_tunnel",
		map[string]any{"static_ip_address": "198.51.100.60"})
	requireKindOf(t, err, toolerr.PermissionDenied)
	require.Contains(t, err.Error(), "static IP 198.51.100.60 was created")
	require.Equal(t, []string{"POST /staticIP"}, ziaWritesTo(tenant, "/"))
}

// TestGREDeleteRefusesAStaticIPStillInUse: a static IP that a location or a VPN
// credential uses cannot be deleted, so neither is its tunnel: the lookup before the
// confirmation and the delete itself refuse the call and nothing changes.
func TestGREDeleteRefusesAStaticIPStillInUse(t *testing.T) {
	up, tenant := ziaSim(t)

	// The seeded tunnel 4338955 comes from 203.0.113.10, static IP 4338892, which the
	// location "HQ San Jose" lists.
	seeded := map[string]any{"tunnel_id": "4338955", "static_ip_id": 4338892.0}
	_, err := ziaDescribeCall(t, up, "zia_delete_gre_tunnel", seeded)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), `static IP 4338892 (203.0.113.10) of GRE tunnel 4338955 `+
		`is still used by location 36788941 "HQ San Jose"; nothing was deleted`)
	_, err = ziaDo(t, up, "zia_delete_gre_tunnel", seeded)
	requireKindOf(t, err, toolerr.InvalidArgument)

	// A VPN credential of type IP holds its address too.
	created := ziaMust(t, up, "zia_create_gre_tunnel", map[string]any{
		"static_ip_address": "198.51.100.70", "ip_unnumbered": true})
	tunnelID := ziaID(ziaObj(t, created, "created")["id"])
	staticID := ziaID(ziaObj(t, created, "static_ip")["id"])
	cred := ziaMust(t, up, "zia_create_vpn_credential", map[string]any{
		"credential_type": "IP", "ip_address": "198.51.100.70", "pre_shared_key": "k-123456"})
	credID := ziaID(ziaObj(t, cred, "created")["id"])
	pair := map[string]any{"tunnel_id": tunnelID, "static_ip_id": staticID}
	_, err = ziaDescribeCall(t, up, "zia_delete_gre_tunnel", pair)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "is still used by VPN credential "+credID)

	before := len(tenant.Writes())
	_, err = ziaDo(t, up, "zia_delete_gre_tunnel", pair)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Len(t, tenant.Writes(), before, "nothing was deleted")

	// Once the credential is gone, tunnel and static IP go together.
	ziaMust(t, up, "zia_delete_vpn_credential", map[string]any{"credential_id": credID})
	_, err = ziaDescribeCall(t, up, "zia_delete_gre_tunnel", pair)
	require.NoError(t, err)
	ziaMust(t, up, "zia_delete_gre_tunnel", pair)
}

// TestGREDeleteThatHalfSucceedsIsAPartialSuccess: when the static IP cannot be deleted
// after the tunnel was (something took it in between), the tenant has changed, so the
// result is a success marked partial that says what was deleted and what remains.
func TestGREDeleteThatHalfSucceedsIsAPartialSuccess(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_gre_tunnel", map[string]any{
		"static_ip_address": "198.51.100.71", "ip_unnumbered": true})
	tunnelID := ziaID(ziaObj(t, created, "created")["id"])
	staticID := ziaID(ziaObj(t, created, "static_ip")["id"])
	tenant.InjectFault(simulator.Fault{Method: "DELETE", Path: "/zia/api/v1/staticIP/" + staticID,
		Status: 409, Body: `{"code":"RESOURCE_IN_USE",` +
			`"message":"Static IP 198.51.100.71 is used by location \"Late\""}`})

	tool := ziaTool(t, up, "zia_delete_gre_tunnel")
	args, err := Validate(tool.Params, map[string]any{"tunnel_id": tunnelID, "static_ip_id": staticID})
	require.NoError(t, err)
	res, err := tool.Handler(context.Background(), args)
	require.NoError(t, err, "the tunnel was deleted: not an error")
	require.True(t, res.Partial)
	require.False(t, res.IsList())
	v := res.Value.(map[string]any)
	require.Equal(t, "partial", v["status"])
	require.Equal(t, []any{map[string]any{"type": "GRE tunnel", "id": tunnelID}}, v["deleted"])
	remains := v["not_deleted"].([]any)[0].(map[string]any)
	require.Equal(t, "static IP", remains["type"])
	require.Equal(t, staticID, remains["id"])
	require.Equal(t, "198.51.100.71", remains["ipAddress"])
	require.Contains(t, remains["error"], "InvalidArgument: ")
	require.Contains(t, remains["error"], "RESOURCE_IN_USE")
	msg := v["message"].(string)
	require.Contains(t, msg, "GRE tunnel "+tunnelID+" was deleted (staged), but its static IP "+
		staticID+" (198.51.100.71) was not and remains")
	require.Contains(t, msg, "zia_delete_static_ip")
	require.Equal(t, ziaPendingNote, v["activation"])

	_, err = ziaDo(t, up, "zia_get_gre_tunnel", map[string]any{"tunnel_id": tunnelID})
	requireKindOf(t, err, toolerr.NotFound)
	ziaMust(t, up, "zia_get_static_ip", map[string]any{"static_ip_id": staticID})
}
