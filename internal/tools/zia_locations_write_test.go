package tools

import (
	"maps"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestStaticIPWriteRoundTrip(t *testing.T) {
	runCRUD(t, crudCase{
		noun: "static_ip", what: "static IP", idName: "static_ip_id", path: "/staticIP",
		name: "198.51.100.7",
		create: map[string]any{"ip_address": " 198.51.100.7 ", "comment": "branch uplink",
			"geo_override": true, "latitude": 46.2, "longitude": 6.15},
		update: map[string]any{"routable_ip": false},
		check: func(t *testing.T, s map[string]any) {
			require.Equal(t, "198.51.100.7", s["ipAddress"])
			require.Equal(t, "branch uplink", s["comment"])
			require.Equal(t, "46.2", ziaID(s["latitude"]))
		},
		updated: func(t *testing.T, s map[string]any) {
			require.Equal(t, false, s["routableIP"])
			require.Equal(t, true, s["geoOverride"])
		},
	})
}

func TestStaticIPCoordinatesNeedGeoOverride(t *testing.T) {
	cases := []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"ip_address": "198.51.100.8", "latitude": 1.0}, "only with geo_override"},
		{map[string]any{"ip_address": "198.51.100.8", "geo_override": true, "latitude": 1.0},
			"needs latitude and longitude"},
		{map[string]any{"ip_address": "2001:db8::1"}, "IPv4"},
		{map[string]any{"ip_address": "not an ip"}, "IPv4"},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		_, err := ziaDo(t, fake, "zia_create_static_ip", tc.args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
		require.Empty(t, fake.Calls())
	}

	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_static_ip", map[string]any{"ip_address": "198.51.100.9"})
	id := ziaID(ziaObj(t, created, "created")["id"])
	_, err := ziaDo(t, up, "zia_update_static_ip", map[string]any{"static_ip_id": id,
		"latitude": 10.0, "longitude": 10.0})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Len(t, tenant.Writes(), 1, "the refused update sent nothing")
}

func TestVPNCredentialWriteRoundTrip(t *testing.T) {
	runCRUD(t, crudCase{
		noun: "vpn_credential", what: "VPN credential", idName: "credential_id",
		path: "/vpnCredentials", name: "new-branch@acme.example",
		create: map[string]any{"credential_type": "ufqdn", "fqdn": "new-branch@acme.example",
			"pre_shared_key": "correct horse battery", "comments": "new branch"},
		update: map[string]any{"pre_shared_key": "rotated key"},
		check: func(t *testing.T, c map[string]any) {
			require.Equal(t, "UFQDN", c["type"])
			require.Equal(t, "new-branch@acme.example", c["fqdn"])
			require.Equal(t, "new branch", c["comments"])
			require.NotContains(t, c, "preSharedKey", "the key is never returned")
		},
		updated: func(t *testing.T, c map[string]any) {
			require.NotContains(t, c, "preSharedKey")
		},
	})
}

func TestVPNCredentialIdentityMatchesItsType(t *testing.T) {
	cases := []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"credential_type": "IP", "fqdn": "a@b.example"}, `"ip_address" is required`},
		{map[string]any{"credential_type": "UFQDN"}, `"fqdn" is required`},
		{map[string]any{"credential_type": "UFQDN", "fqdn": "a@b.example",
			"ip_address": "198.51.100.1"}, `"ip_address" does not apply`},
		{map[string]any{"credential_type": "XAUTH", "fqdn": "a@b.example"}, "one of IP, UFQDN"},
	}
	for _, tc := range cases {
		fake := &ziaFake{}
		args := map[string]any{"pre_shared_key": "k"}
		maps.Copy(args, tc.args)
		_, err := ziaDo(t, fake, "zia_create_vpn_credential", args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
		require.Empty(t, fake.Calls())
	}
}

func TestLocationWriteRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	ip := ziaID(ziaObj(t, ziaMust(t, up, "zia_create_static_ip",
		map[string]any{"ip_address": "198.51.100.20"}), "created")["ipAddress"])
	cred := ziaID(ziaObj(t, ziaMust(t, up, "zia_create_vpn_credential", map[string]any{
		"credential_type": "UFQDN", "fqdn": "geneva@acme.example", "pre_shared_key": "k"}),
		"created")["id"])

	created := ziaMust(t, up, "zia_create_location", map[string]any{
		"name": "Geneva Office", "country": "SWITZERLAND", "tz": "SWITZERLAND_EUROPE_ZURICH",
		"ip_addresses": []any{ip}, "description": "lake side",
		"advanced": map[string]any{"profile": "CORPORATE", "xff_forward_enabled": true,
			"vpnCredentials": []any{cred}}})
	loc := ziaObj(t, created, "created")
	id := ziaID(loc["id"])
	require.Equal(t, true, loc["xffForwardEnabled"])
	require.Equal(t, "geneva@acme.example", ziaField(loc["vpnCredentials"].([]any)[0], "fqdn"))

	updated := ziaMust(t, up, "zia_update_location", map[string]any{"location_id": id,
		"description": "moved upstairs"})
	loc = ziaObj(t, updated, "updated")
	require.Equal(t, "moved upstairs", loc["description"])
	require.Equal(t, "Geneva Office", loc["name"])
	require.Equal(t, []any{ip}, loc["ipAddresses"], "fields not given keep their values")
	require.Equal(t, "CORPORATE", loc["profile"])
	require.Equal(t, true, loc["xffForwardEnabled"])
	require.Len(t, loc["vpnCredentials"], 1)

	ziaMustDelete(t, up, "location", map[string]any{"location_id": id},
		Resource{Type: "location", ID: id, Name: "Geneva Office"})
	require.Equal(t, []string{"POST /locations", "PUT /locations/" + id,
		"DELETE /locations/" + id}, ziaWritesTo(tenant, "/locations"))
}

func TestLocationNeedsAnEgress(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaDo(t, fake, "zia_create_location", map[string]any{"name": "Nowhere"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "zia_create_static_ip")
	require.Empty(t, fake.Calls())

	_, err = ziaDo(t, fake, "zia_create_location", map[string]any{"name": "Sub",
		"advanced": map[string]any{"parent_id": 36788941.0}})
	require.NoError(t, err, "a sub-location lives on its parent's egress")
	require.Equal(t, 36788941.0, fake.Calls()[0].Body.(map[string]any)["parentId"])
}

// The built-in Road Warrior location and a location with sub-locations are refused
// before anything is sent, and before anybody is asked to confirm their deletion.
func TestLocationsTheAPIKeepsAreRefusedUpFront(t *testing.T) {
	up, tenant := ziaSim(t)
	cases := []struct {
		tool string
		args map[string]any
		want string
	}{
		{"zia_update_location", map[string]any{"location_id": float64(-3), "description": "x"},
			`location -3 ("Road Warrior") is built in and cannot be changed`},
		{"zia_delete_location", map[string]any{"location_id": "-3"},
			`location -3 ("Road Warrior") is built in and cannot be deleted`},
		{"zia_delete_location", map[string]any{"location_id": "36788941"},
			`location 36788941 ("HQ San Jose") still has 2 sub-location(s)`},
	}
	for _, tc := range cases {
		_, err := ziaDo(t, up, tc.tool, tc.args)
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Contains(t, err.Error(), tc.want)
		if tc.tool == "zia_delete_location" {
			_, err := ziaDescribeCall(t, up, tc.tool, tc.args)
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), tc.want)
		}
	}
	require.Empty(t, ziaWritesTo(tenant, "/locations"))
}

// An IP credential whose address is not an IP address is refused for what it is, not
// as if the address were missing; the pre-shared key appears nowhere in the refusal.
func TestVPNCredentialWithAMalformedAddressSaysSo(t *testing.T) {
	up, tenant := ziaSim(t)
	_, err := ziaDo(t, up, "zia_create_vpn_credential", map[string]any{
		"credential_type": "IP", "ip_address": "999.1.1.1", "pre_shared_key": "Hunter2-PSK"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "999.1.1.1 is not an IP address")
	require.NotContains(t, err.Error(), "Hunter2")
	require.Empty(t, ziaWritesTo(tenant, "/vpnCredentials"))
}
