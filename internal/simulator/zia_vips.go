package simulator

import (
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// The service edges of the cloud: GET /vips lists them by data center with their GRE,
// VPN and PAC addresses, GET /vips/groupByDatacenter groups the GRE addresses by data
// center nearest a point first, and GET /orgProvisioning/ipGreTunnelInfo says which
// GRE tunnel serves each static IP. All three are read-only and paged; the last is a
// list even for one address, as the SDK decodes it.
// TODO: VPN and PAC addresses, and the GRE ranges of tunnel info, were never recorded;
// they are derived from the GRE address and the tunnel's internal range.

const vipCloudName = "zscalerbeta.net"

var _ = addRoute("vips", func(_ *Tenant, method string, q url.Values, _ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	out := make([]record, 0, len(vips))
	for _, v := range vips {
		dc := strings.ToLower(v.dc)
		out = append(out, record{"cloudName": vipCloudName, "region": v.region,
			"city": v.city, "dataCenter": v.dc,
			"location": strconv.FormatFloat(v.lat, 'f', -1, 64) + "," +
				strconv.FormatFloat(v.lon, 'f', -1, 64),
			"vpnIps": []any{v.ip}, "vpnDomainName": dc + "-vpn." + vipCloudName,
			"greIps": []any{v.ip}, "greDomainName": dc + "-gre." + vipCloudName,
			"pacIps": []any{v.ip}, "pacDomainName": dc + "-pac." + vipCloudName})
	}
	return pagedOK(out, q)
})

var _ = addRoute("vips/groupByDatacenter", func(t *Tenant, method string, q url.Values,
	_ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	lat, lon, cc := 0.0, 0.0, ""
	if src := q.Get("sourceIp"); src != "" {
		if ip := net.ParseIP(src); ip == nil || ip.To4() == nil {
			return fail(errInvalid("Invalid sourceIp: %s", src))
		}
		var c geoCity
		lat, lon, c = t.placeIP(src)
		cc = c.cc
	} else {
		lat, _ = strconv.ParseFloat(q.Get("latitude"), 64)
		lon, _ = strconv.ParseFloat(q.Get("longitude"), 64)
	}
	out := []record{}
	for _, v := range vipsByDistance(lat, lon) {
		if boolParam(q, "withinCountryOnly") && cc != "" && v.cc != cc {
			continue
		}
		out = append(out, record{
			"datacenter": record{"datacenter": v.dc, "latitude": v.lat, "longitude": v.lon,
				"city": v.city, "countryCode": v.cc, "region": v.region},
			"greVips": []any{record{"id": v.id, "virtualIp": v.ip,
				"privateServiceEdge": false, "datacenter": v.dc}}})
	}
	return pagedOK(out, q)
})

var _ = addRoute("orgProvisioning/ipGreTunnelInfo", func(t *Tenant, method string,
	q url.Values, _ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	want := q.Get("ipAddress")
	out := []record{}
	for _, g := range t.coll("greTunnels") {
		if want != "" && str(g, "sourceIp") != want {
			continue
		}
		primary, _ := g["primaryDestVip"].(map[string]any)
		secondary, _ := g["secondaryDestVip"].(map[string]any)
		info := record{"tunID": g["id"], "ipAddress": g["sourceIp"], "greEnabled": true,
			"greTunnelIP": str(g, "internalIpRange"), "primaryGW": str(primary, "virtualIp"),
			"secondaryGW": str(secondary, "virtualIp"), "greRangePrimary": "",
			"greRangeSecondary": ""}
		if r := str(g, "internalIpRange"); r != "" {
			info["greRangePrimary"] = r + "/29"
			info["greRangeSecondary"] = r + "/29"
		}
		out = append(out, info)
	}
	return pagedOK(out, q)
})

// pagedOK answers a list honouring page and pageSize.
func pagedOK(items []record, q url.Values) result {
	page, aerr := paginate(items, q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}
